package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/listlint/listlint/internal/suggest"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

func (c *cli) rulesFlags(*pflag.FlagSet) func([]string) int {
	return func(args []string) int {
		switch len(args) {
		case 0:
			if err := ruleTable(c.stdout, rules.All()); err != nil {
				return c.fail(err)
			}
			return exitClean
		case 1:
			r := rules.ByID(args[0])
			if r == nil {
				return c.fail(fmt.Errorf("unknown rule %q%s (listlint rules lists them)", args[0], suggest.DidYouMean(args[0], ruleIDs())))
			}
			if err := ruleDoc(c.stdout, r); err != nil {
				return c.fail(err)
			}
			return exitClean
		}
		return c.usageError("rules", "takes at most one rule ID, got %d arguments", len(args))
	}
}

func ruleIDs() []string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	return ids
}

// ruleTable prints one aligned row per rule: ID, default severity (off
// for a rule off by default), whether fix repairs it, title.
func ruleTable(w io.Writer, rs []*lint.Rule) error {
	rows := [][]string{{"ID", "SEVERITY", "FIX", "TITLE"}}
	for _, r := range rs {
		fix := "no"
		if r.Fixable {
			fix = "yes"
		}
		sev := r.Severity.String()
		if r.Off {
			sev = "off" // until configuration turns it on
		}
		rows = append(rows, []string{r.ID, sev, fix, r.Title})
	}
	_, err := io.WriteString(w, align(rows))
	return err
}

// ruleDoc prints a rule's documentation as Markdown, the language of its
// examples: title, severity, what it checks and why, options with their
// defaults, a bad and a good example.
func ruleDoc(w io.Writer, r *lint.Rule) error {
	var b strings.Builder
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
	fmt.Fprintf(&b, "# %s: %s\n\nSeverity: %s. Fixable: %s.\n", r.ID, r.Title, sev, fixable)
	if doc := strings.TrimSpace(r.Doc); doc != "" {
		fmt.Fprintf(&b, "\n%s\n", doc)
	}
	if len(r.Options) > 0 {
		b.WriteString("\n## Options\n\n")
		for _, o := range r.Options {
			fmt.Fprintf(&b, "- `%s` (%s, default %s", o.Name, optionType(o.Default), optionValue(o.Default))
			if len(o.Allowed) > 0 {
				fmt.Fprintf(&b, "; one of %s", strings.Join(o.Allowed, ", "))
			}
			fmt.Fprintf(&b, "): %s\n", strings.TrimSpace(o.Doc))
		}
	}
	for _, ex := range []struct{ title, text string }{{"Bad", r.Bad}, {"Good", r.Good}} {
		if strings.TrimSpace(ex.text) == "" {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n```markdown\n%s\n```\n", ex.title, strings.Trim(ex.text, "\n"))
	}
	_, err := io.WriteString(w, b.String())
	return err
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
