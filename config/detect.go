package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// Detected is what `listlint init` finds in the lists of a folder: the
// conventions most entries already follow, as the rules read them.
type Detected struct {
	Files, Entries int
	// Tagged counts the entries carrying a #Tag#: with the separator, it
	// picks the preset.
	Tagged int
	// Inferred holds what each rule with an Infer read, in rule order.
	Inferred []Inferred
}

// Inferred is one rule's inference.
type Inferred struct {
	Rule string
	lint.Inference
}

// Detect reads the conventions of docs through the Infer of each of
// rules that has one.
func Detect(docs []*lint.Document, rules []*lint.Rule) *Detected {
	d := &Detected{Files: len(docs)}
	for _, doc := range docs {
		for _, e := range doc.Items {
			if e.IsEntry() {
				d.Entries++
				if len(e.Tags()) > 0 {
					d.Tagged++
				}
			}
		}
	}
	for _, r := range rules {
		if r.Infer != nil {
			d.Inferred = append(d.Inferred, Inferred{Rule: r.ID, Inference: r.Infer(docs)})
		}
	}
	return d
}

// Value returns the value rule inferred for option, nil when it inferred
// none.
func (d *Detected) Value(rule, option string) any {
	for _, inf := range d.Inferred {
		if inf.Rule != rule {
			continue
		}
		for _, o := range inf.Options {
			if o.Name == option {
				return o.Value
			}
		}
	}
	return nil
}

// Preset is the preset closest to what was detected.
func (d *Detected) Preset() string {
	switch d.Value("separator", "style") {
	case " - ":
		if d.Tagged == 0 {
			return "awesome"
		}
	case ": ":
		if d.Tagged*2 > d.Entries {
			return "tagged"
		}
	}
	return "default"
}

// Starter renders a commented .listlint.yml pinning what was detected. A
// value is written only where rules has the rule and option and allows
// the value; otherwise a comment says why it is left out. A rule that
// found nothing to pin gets its reason as a comment, unless the preset
// turns it off.
func (d *Detected) Starter(rules []*lint.Rule) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# yaml-language-server: $schema=%s\n", SchemaURL)
	if d.Files == 0 {
		// Nothing to detect yet: the defaults, and a way to do better later.
		b.WriteString("#\n# listlint configuration, written by `listlint init` in a folder with no\n")
		b.WriteString("# Markdown file yet: nothing was detected, these are the defaults. Once\n")
		b.WriteString("# lists exist, remove this file and run `listlint init` again to pin\n")
		b.WriteString("# what they do. `listlint rules ID` explains a rule and its options.\n\n")
	} else {
		fmt.Fprintf(&b, "#\n# listlint configuration, written by `listlint init` from %s (%s).\n", text.Plural(d.Files, "file", "files"), text.Plural(d.Entries, "entry", "entries"))
		b.WriteString("# Each value pins what most lists here already do; `listlint rules ID`\n")
		b.WriteString("# explains a rule and its options, `listlint check --show-config FILE`\n")
		b.WriteString("# shows what applies to a file.\n\n")
	}
	fmt.Fprintf(&b, "# Presets: %s. The rules below apply on top.\n", strings.Join(Presets(), ", "))
	preset := d.Preset()
	fmt.Fprintf(&b, "preset: %s\n\n", preset)
	b.WriteString("files:\n  # Globs relative to this folder, such as \"CHANGELOG.md\" or \"archive/**\".\n  exclude: []\n\nrules:\n")
	off := presetOff(preset, rules)
	for _, inf := range d.Inferred {
		switch {
		case len(inf.Options) > 0:
			fmt.Fprintf(&b, "  # %s\n", inf.Why)
			if why := checkPin(rules, inf.Rule, inf.Options); why != "" {
				fmt.Fprintf(&b, "  # (not pinned: %s)\n\n", why)
				continue
			}
			opts := make([]string, len(inf.Options))
			for i, o := range inf.Options {
				opts[i] = o.Name + ": " + yamlValue(o.Value)
			}
			fmt.Fprintf(&b, "  %s: { %s }\n\n", inf.Rule, strings.Join(opts, ", "))
		case inf.Why != "" && !off[inf.Rule]:
			fmt.Fprintf(&b, "  # %s\n\n", inf.Why)
		}
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

// presetOff returns the rules preset turns off.
func presetOff(preset string, rules []*lint.Rule) map[string]bool {
	off := map[string]bool{}
	l, err := presetLayer(preset, rules)
	if err != nil {
		// The presets are checked against the rules by the tests.
		return off
	}
	for id, rc := range l.rules {
		off[id] = rc.state == stateOff
	}
	return off
}

// yamlValue writes an option value in a flow mapping: a word as it is,
// other strings quoted, lists in brackets.
func yamlValue(v any) string {
	switch v := v.(type) {
	case string:
		if isWord(v) {
			return v
		}
		return yamlString(v)
	case []string:
		quoted := make([]string, len(v))
		for i, s := range v {
			quoted[i] = yamlString(s)
		}
		return "[" + strings.Join(quoted, ", ") + "]"
	}
	return fmt.Sprint(v)
}

// isWord reports a lowercase word, hyphens allowed ("year-desc"), which
// YAML reads as the same string unquoted.
func isWord(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, c := range []byte(s) {
		if (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return s != "true" && s != "false" && s != "null" && s != "yes" && s != "no" && s != "on" && s != "off"
}

// checkPin says why vals cannot be written for rule, "" when they can.
func checkPin(rules []*lint.Rule, id string, vals []lint.OptionValue) string {
	var r *lint.Rule
	for _, x := range rules {
		if x.ID == id {
			r = x
		}
	}
	if r == nil {
		return "this listlint has no rule " + id
	}
	for _, val := range vals {
		name, v := val.Name, val.Value
		o := findOption(r, name)
		if o == nil {
			return fmt.Sprintf("%s has no option %q", id, name)
		}
		if fmt.Sprintf("%T", v) != fmt.Sprintf("%T", o.Default) {
			return fmt.Sprintf("%s.%s takes a %T", id, name, o.Default)
		}
		if s, ok := v.(string); ok && o.Allowed != nil && !contains(o.Allowed, s) {
			return fmt.Sprintf("%s.%s is one of %s", id, name, quoteAll(o.Allowed))
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// yamlString quotes s as a YAML double-quoted scalar (JSON strings are).
func yamlString(s string) string {
	q, err := json.Marshal(s)
	if err != nil {
		// Marshalling a string cannot fail.
		panic(err)
	}
	return string(q)
}
