package report

import (
	"fmt"
	"strings"

	"github.com/listlint/listlint/lint"
)

// RuleMarkdown renders rule r's documentation as Markdown, the language
// of its examples: a heading of depth levels ("#" for `listlint rules
// ID`, "##" in docs/rules.md), severity and fix, what it checks and why,
// its options with their defaults, a bad and a good example. It is the
// one rendering of a rule's doc: the CLI prints it and docs/rules.md,
// which the README's table and SARIF's help links point at, is made of it.
func RuleMarkdown(r *lint.Rule, depth int) string {
	var b strings.Builder
	h := strings.Repeat("#", depth)
	fixable := "no"
	switch {
	case r.Fixable && r.Command != "":
		fixable = "yes (listlint " + r.Command + " --fix)"
	case r.Fixable:
		fixable = "yes (listlint fix)"
	}
	sev := r.Severity.String()
	if r.Off {
		sev += ", off by default"
	}
	fmt.Fprintf(&b, "%s %s: %s\n\nSeverity: %s. Fixable: %s.\n", h, r.ID, r.Title, sev, fixable)
	if doc := strings.TrimSpace(r.Doc); doc != "" {
		fmt.Fprintf(&b, "\n%s\n", doc)
	}
	if len(r.Options) > 0 {
		fmt.Fprintf(&b, "\n%s# Options\n\n", h)
		for _, o := range r.Options {
			fmt.Fprintf(&b, "- `%s` (%s, default %s", o.Name, optionType(o.Default), optionValue(o.Default))
			if len(o.Allowed) > 0 {
				fmt.Fprintf(&b, "; one of %s", strings.Join(o.Allowed, ", "))
			}
			fmt.Fprintf(&b, "): %s\n", strings.TrimSpace(o.Doc))
		}
	}
	// In a document (depth > 1) the examples' fences are indented by two
	// spaces, which renders the same: no line of docs/rules.md then starts
	// with what git and its hooks take for a merge conflict marker, as
	// conflict-marker's example would.
	pad := ""
	if depth > 1 {
		pad = "  "
	}
	for _, ex := range []struct{ title, text string }{{"Bad", r.Bad}, {"Good", r.Good}} {
		if strings.TrimSpace(ex.text) == "" {
			continue
		}
		lines := strings.Split(strings.Trim(ex.text, "\n"), "\n")
		for i, l := range lines {
			if l != "" {
				lines[i] = pad + l
			}
		}
		code := strings.Join(lines, "\n")
		fmt.Fprintf(&b, "\n%s# %s\n\n%s```markdown\n%s\n%s```\n", h, ex.title, pad, code, pad)
	}
	return b.String()
}

// RuleTable renders the README's table of rules: ID linked to its
// section of docs/rules.md, default severity ("off" for a rule off until
// configured), whether a fix repairs it, title.
func RuleTable(rs []*lint.Rule) string {
	var b strings.Builder
	b.WriteString("| ID | severity | fix | title |\n|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "| [`%s`](%s#%s) | %s | %s | %s |\n", r.ID, RulesDoc, r.ID, DefaultSeverity(r), yesNo(r.Fixable), r.Title)
	}
	return b.String()
}

// RuleReference renders docs/rules.md: every rule's RuleMarkdown under an
// anchor named by its ID, which RuleURL and the README's table link to.
func RuleReference(rs []*lint.Rule) string {
	var b strings.Builder
	b.WriteString("# Rules\n\n<!-- Generated from the rules' own docs by `go generate ./cmd/listlint`: do not edit. -->\n\n")
	b.WriteString("What each rule checks and why, its options and an example of each kind;\n`listlint rules ID` prints the same.\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "\n<a name=\"%s\"></a>\n\n%s", r.ID, RuleMarkdown(r, 2))
	}
	return b.String()
}

// DefaultSeverity is the severity a rule has without configuration, or
// "off" for one off until configured.
func DefaultSeverity(r *lint.Rule) string {
	if r.Off {
		return "off"
	}
	return r.Severity.String()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// optionType names the type an option's default fixes.
func optionType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int:
		return "integer"
	case bool:
		return "boolean"
	case []string:
		return "list of strings"
	}
	return fmt.Sprintf("%T", v)
}

// optionValue writes an option value as a user would type it.
func optionValue(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case []string:
		return "[" + strings.Join(v, ", ") + "]"
	}
	return fmt.Sprint(v)
}
