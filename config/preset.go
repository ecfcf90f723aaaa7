package config

import (
	"errors"
	"fmt"

	"github.com/listlint/listlint/internal/suggest"
	"github.com/listlint/listlint/lint"
)

// presetSource returns a preset's settings, written in the file's own
// syntax so that they are checked like a file. The preset names are in
// Presets.
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
func presetSource(name string) (string, bool) {
	switch name {
	case "default":
		return "", true
	case "awesome":
		return `rules:
  separator: { style: " - " }
  list-marker: { style: "-" }
  list-spacing: { style: tight }
  project-tag: off
  sort-order: { by: name }
  url-shortener: warning
  spelling: warning
`, true
	case "tagged":
		return `rules:
  separator: { style: ": " }
  list-marker: { style: "-" }
  list-spacing: { style: loose }
  project-tag: { required: true, allowed: [Project, Book, Series, Collection, Course, Blog, Paper, Tool] }
  year-prefix: { separator: "-" }
  sort-order: { by: name }
  duplicate-url: { scope: run }
`, true
	}
	return "", false
}

// Presets lists the preset names, the default first.
func Presets() []string { return []string{"default", "awesome", "tagged"} }

// presetLayer decodes a preset. Rules the preset names but rules lacks are
// skipped, so a preset works with any subset of rules; an option a present
// rule lacks is an error (a preset out of step with its rules).
func presetLayer(name string, rules []*lint.Rule) (*layer, error) {
	src, ok := presetSource(name)
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
