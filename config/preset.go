package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/listlint/listlint/internal/suggest"
	"github.com/listlint/listlint/lint"
)

// presetSource returns a preset's settings, written in the file's own
// syntax from the rules' own declarations (lint.Rule.Presets), so that
// they are checked like a file. The preset names are in Presets.
//
//   - default: every rule with its defaults: style rules follow each file's
//     dominant convention, entries sort by name.
//   - awesome: the sindresorhus/awesome style: "[Name](url) - Description.",
//     "-" bullets, tight lists (no blank line between entries), no #Tag#
//     (project-tag is off), entries sorted by name, no links through URL
//     shorteners, well-known names spelt as their owners spell them
//     (spelling is on).
//   - tagged: the seed style: "[2019-Name #Project#](url): Description.",
//     "-" bullets, loose lists (a blank line between entries), every entry
//     carries one of the usual #Tag#s (Project, Book, Series, Collection,
//     Course, Blog, Paper, Tool), a year prefix is written 2019-Name,
//     entries sorted by name, and no URL listed twice across the files of
//     a run.
func presetSource(name string, rules []*lint.Rule) (string, bool) {
	if !slices.Contains(Presets(), name) {
		return "", false
	}
	var b strings.Builder
	for _, r := range rules {
		p, ok := r.Presets[name]
		if !ok {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("rules:\n")
		}
		switch {
		case p.Off:
			fmt.Fprintf(&b, "  %s: off\n", r.ID)
		case len(p.Options) > 0:
			opts := make([]string, len(p.Options))
			for i, o := range p.Options {
				opts[i] = o.Name + ": " + yamlValue(o.Value)
			}
			if p.On {
				opts = append([]string{severityKey + ": " + r.Severity.String()}, opts...)
			}
			fmt.Fprintf(&b, "  %s: { %s }\n", r.ID, strings.Join(opts, ", "))
		case p.On:
			fmt.Fprintf(&b, "  %s: %s\n", r.ID, r.Severity)
		}
	}
	return b.String(), true
}

// Presets lists the preset names, the default first.
func Presets() []string { return []string{"default", "awesome", "tagged"} }

// presetLayer decodes a preset. Rules the preset names but rules lacks are
// skipped, so a preset works with any subset of rules; an option a present
// rule lacks is an error (a preset out of step with its rules).
func presetLayer(name string, rules []*lint.Rule) (*layer, error) {
	src, ok := presetSource(name, rules)
	if !ok {
		return nil, fmt.Errorf("%q is not one of %s%s", name, quoteAll(Presets()), suggest.DidYouMean(name, Presets()))
	}
	from := "preset " + name
	root, err := parseYAML(from, []byte(src))
	if err != nil {
		return nil, err
	}
	d := &decoder{file: from, from: from, rules: rules, byID: map[string]*lint.Rule{}, skipUnknown: true}
	for _, r := range rules {
		d.byID[r.ID] = r
	}
	l := &layer{name: from, rules: map[string]*ruleConf{}}
	for _, kv := range d.mapping(root, "") {
		l.rules = d.ruleMap(kv[1], "rules")
	}
	if len(d.errs) > 0 {
		return nil, errors.Join(d.errs...)
	}
	return l, nil
}
