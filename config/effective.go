package config

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/lint"
)

// Effective renders the configuration that applies to the file at path as
// YAML in the file's own schema, each value commented with where it came
// from: "default", a preset, file:line:column, an override or a flag. It
// is what `listlint check --show-config PATH` prints. With the document
// at path, an "auto" option also says what it resolves to there and why.
func (c *Config) Effective(path string, docs ...*lint.Document) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Effective configuration for %s\n", path)
	if c.Path != "" {
		fmt.Fprintf(&b, "# Configuration file: %s\n", c.Path)
	} else {
		b.WriteString("# Configuration file: none\n")
	}
	if c.Excluded(path) {
		b.WriteString("# This file is excluded by files.exclude: listlint skips it.\n")
	}
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(m *yaml.Node, key string, v *yaml.Node) {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	}
	add(root, "preset", value(c.preset, c.presetAt))
	if len(c.exclude) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, g := range c.exclude {
			seq.Content = append(seq.Content, value(g.pattern, g.at))
		}
		files := &yaml.Node{Kind: yaml.MappingNode}
		add(files, "exclude", seq)
		add(root, "files", files)
	}
	rules := &yaml.Node{Kind: yaml.MappingNode}
	for _, r := range c.rules {
		var o origin
		s := c.resolve(path, r, &o)
		if s.Off {
			add(rules, r.ID, value("off", o.state))
			continue
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		add(m, severityKey, value(s.Severity.String(), o.sev))
		var inferred []lint.OptionValue
		if r.Infer != nil && len(docs) > 0 {
			inferred = r.Infer(docs).Options
		}
		for _, opt := range r.Options {
			v := s.Options[opt.Name]
			add(m, opt.Name, value(v, o.opts[opt.Name]+resolved(r, opt.Name, v, inferred, docs)))
		}
		if o.state != fromDefault {
			// Turned on above a layer that had it off.
			m.Content[0].HeadComment = "on: " + o.state
		}
		add(rules, r.ID, m)
	}
	add(root, "rules", rules)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		// Encoding nodes built here from strings, ints, bools and
		// string lists cannot fail.
		panic(fmt.Sprintf("config: rendering the effective configuration: %v", err))
	}
	return b.String()
}

// resolved says what an "auto" option resolves to for docs, and why;
// "" for other values.
func resolved(r *lint.Rule, name string, v any, inferred []lint.OptionValue, docs []*lint.Document) string {
	if v != "auto" || len(docs) == 0 {
		return ""
	}
	to := "none"
	for _, o := range inferred {
		if o.Name == name {
			to = fmt.Sprint(o.Value)
		}
	}
	if to == v {
		// The rule keeps "auto" on purpose; its reason says how it reads.
		return "; " + r.Infer(docs).Why
	}
	return fmt.Sprintf("; here %s: %s", to, r.Infer(docs).Why)
}

// value encodes v with a comment naming where it came from.
func value(v any, from string) *yaml.Node {
	n := &yaml.Node{}
	if err := n.Encode(v); err != nil {
		panic(fmt.Sprintf("config: encoding %v: %v", v, err))
	}
	if n.Kind == yaml.SequenceNode {
		n.Style = yaml.FlowStyle
	}
	n.LineComment = from
	return n
}
