package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/listlint/listlint/lint"
)

// Detected is what `listlint init` finds in the lists of a folder: the
// conventions most entries already follow.
type Detected struct {
	Files, Entries int
	// Separator, Marker, Spacing and YearSep are the dominant values and
	// how many of the entries (lists for Spacing) that have one use them.
	Separator, Marker, Spacing, YearSep Count
	// Tags are the #Tag# names in use, most used first; Tagged counts the
	// entries carrying at least one.
	Tags   []Count
	Tagged int
	// Lists counts the lists of three entries or more; ByName those
	// sorted by name, ByYear those with two dated entries or more, sorted
	// by year; Dated those with two dated entries or more.
	Lists, ByName, ByYear, Dated int
}

// Count is a value and how often it occurs (N) out of how many (Of).
type Count struct {
	Value string
	N, Of int
}

// Detect reads the conventions of docs.
func Detect(docs []*lint.Document) *Detected {
	d := &Detected{Files: len(docs)}
	var seps, markers, spacing, yearSeps, tags []string
	for _, doc := range docs {
		for _, e := range doc.Items {
			if !e.IsEntry {
				continue
			}
			d.Entries++
			if e.Separator.Valid() && e.Desc.Valid() {
				seps = append(seps, doc.Text(e.Separator))
			}
			if !e.List.Ordered {
				markers = append(markers, string(e.List.Marker))
			}
			if e.YearSep.Valid() {
				yearSeps = append(yearSeps, doc.Text(e.YearSep))
			}
			for _, t := range e.Tags {
				tags = append(tags, strings.Trim(doc.Text(t), "#"))
			}
			if len(e.Tags) > 0 {
				d.Tagged++
			}
		}
		for _, l := range doc.Lists {
			entries := listEntries(l)
			if len(entries) >= 2 {
				spacing = append(spacing, map[bool]string{true: "loose", false: "tight"}[l.Loose])
			}
			d.sortedness(doc, entries)
		}
	}
	d.Separator = dominant(seps)
	d.Marker = dominant(markers)
	d.Spacing = dominant(spacing)
	d.YearSep = dominant(yearSeps)
	d.Tags = counts(tags)
	return d
}

func listEntries(l *lint.List) []*lint.Entry {
	var out []*lint.Entry
	for _, e := range l.Items {
		if e.IsEntry {
			out = append(out, e)
		}
	}
	return out
}

// sortedness counts whether the entries of one list go up by name and,
// when two or more are dated, by year.
func (d *Detected) sortedness(doc *lint.Document, entries []*lint.Entry) {
	if len(entries) < 3 {
		return
	}
	d.Lists++
	byName := true
	prevYear, dated, byYear := 0, 0, true
	for i, e := range entries {
		if i > 0 && sortKey(doc, entries[i-1]) > sortKey(doc, e) {
			byName = false
		}
		if e.YearValue > 0 {
			dated++
			if e.YearValue < prevYear {
				byYear = false
			}
			prevYear = e.YearValue
		}
	}
	if byName {
		d.ByName++
	}
	if dated >= 2 {
		d.Dated++
		if byYear {
			d.ByYear++
		}
	}
}

// sortKey approximates the order sort-order checks: case-insensitive,
// without year prefix and tags. (NameKey, which also drops punctuation,
// finds 59 of awesome-go's 135 lists sorted; this finds 127.)
func sortKey(doc *lint.Document, e *lint.Entry) string {
	return strings.ToLower(doc.Text(e.Name))
}

func dominant(vals []string) Count {
	v, ok := lint.Dominant(vals)
	if !ok {
		return Count{}
	}
	c := Count{Value: v, Of: len(vals)}
	for _, x := range vals {
		if x == v {
			c.N++
		}
	}
	return c
}

// counts tallies vals, most frequent first, ties by name.
func counts(vals []string) []Count {
	n := map[string]int{}
	for _, v := range vals {
		n[v]++
	}
	var out []Count
	for v, k := range n {
		out = append(out, Count{Value: v, N: k, Of: len(vals)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// SortBy is the order most lists follow: "name", "year", or "none" when
// neither holds for most of them.
func (d *Detected) SortBy() string {
	switch {
	case d.Lists == 0:
		return ""
	case d.ByName*2 > d.Lists && d.ByName >= d.ByYear:
		return "name"
	case d.Dated > 0 && d.ByYear*2 > d.Lists:
		return "year"
	}
	return "none"
}

// Preset is the preset closest to what was detected.
func (d *Detected) Preset() string {
	switch {
	case d.Separator.Value == " - " && d.Tagged == 0:
		return "awesome"
	case d.Separator.Value == ": " && d.Tagged*2 > d.Entries:
		return "tagged"
	}
	return "default"
}

// Starter renders a commented .listlint.yml pinning what was detected. A
// value is written only where rules has the rule and option and allows
// the value; otherwise a comment says why it is left out.
func (d *Detected) Starter(rules []*lint.Rule) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# yaml-language-server: $schema=%s\n", SchemaURL)
	fmt.Fprintf(&b, "#\n# listlint configuration, written by `listlint init` from %s (%s).\n", plural(d.Files, "file"), plural(d.Entries, "entry"))
	b.WriteString("# Each value pins what most lists here already do; `listlint rules ID`\n")
	b.WriteString("# explains a rule and its options, `listlint check --show-config FILE`\n")
	b.WriteString("# shows what applies to a file.\n\n")
	fmt.Fprintf(&b, "# Presets: %s. The rules below apply on top.\n", strings.Join(Presets(), ", "))
	fmt.Fprintf(&b, "preset: %s\n\n", d.Preset())
	b.WriteString("files:\n  # Globs relative to this folder, such as \"CHANGELOG.md\" or \"archive/**\".\n  exclude: []\n\nrules:\n")
	pin := func(comment, rule, opts string, vals map[string]any) {
		fmt.Fprintf(&b, "  # %s\n", comment)
		if why := checkPin(rules, rule, vals); why != "" {
			fmt.Fprintf(&b, "  # (not pinned: %s)\n\n", why)
			return
		}
		fmt.Fprintf(&b, "  %s: { %s }\n\n", rule, opts)
	}
	skip := func(comment string) { fmt.Fprintf(&b, "  # %s\n\n", comment) }

	if c := d.Separator; c.Of > 0 {
		pin(fmt.Sprintf("%s stands between link and description in %d of %d entries.", yamlString(c.Value), c.N, c.Of),
			"separator", "style: "+yamlString(c.Value), map[string]any{"style": c.Value})
	} else {
		skip("No entry has a description after a separator: separator follows each file.")
	}
	if c := d.Marker; c.Of > 0 {
		pin(fmt.Sprintf("%s is the bullet of %d of %d entries.", yamlString(c.Value), c.N, c.Of),
			"list-marker", "style: "+yamlString(c.Value), map[string]any{"style": c.Value})
	}
	if c := d.Spacing; c.Of > 0 {
		what := "no blank line"
		if c.Value == "loose" {
			what = "a blank line"
		}
		pin(fmt.Sprintf("%d of %d lists have %s between entries.", c.N, c.Of, what),
			"list-spacing", "style: "+c.Value, map[string]any{"style": c.Value})
	}
	if c := d.YearSep; c.Of > 0 {
		pin(fmt.Sprintf("%d of %d year prefixes are written 2019%sName.", c.N, c.Of, c.Value),
			"year-prefix", "separator: "+yamlString(c.Value), map[string]any{"separator": c.Value})
	} else {
		skip("No entry has a year prefix (2019-Name): year-prefix keeps its defaults.")
	}
	if len(d.Tags) > 0 {
		names := make([]string, len(d.Tags))
		used := make([]string, len(d.Tags))
		quoted := make([]string, len(d.Tags))
		for i, t := range d.Tags {
			names[i] = t.Value
			used[i] = fmt.Sprintf("%s (%d)", t.Value, t.N)
			quoted[i] = yamlString(t.Value)
		}
		required := d.Tagged*20 >= d.Entries*19
		pin(fmt.Sprintf("%d of %d entries carry a tag: %s.", d.Tagged, d.Entries, strings.Join(used, ", ")),
			"project-tag", fmt.Sprintf("required: %v, allowed: [%s]", required, strings.Join(quoted, ", ")),
			map[string]any{"required": required, "allowed": names})
	} else if d.Preset() != "awesome" {
		skip("No entry carries a #Tag#: project-tag keeps its defaults.")
	}
	switch by := d.SortBy(); by {
	case "":
		skip("No list of three entries or more: sort-order keeps its defaults.")
	default:
		pin(fmt.Sprintf("Sorted by name: %d of %d lists of three entries or more; by year: %d of %d lists with dated entries.", d.ByName, d.Lists, d.ByYear, d.Dated),
			"sort-order", "by: "+by, map[string]any{"by": by})
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

// checkPin says why vals cannot be written for rule, "" when they can.
func checkPin(rules []*lint.Rule, id string, vals map[string]any) string {
	var r *lint.Rule
	for _, x := range rules {
		if x.ID == id {
			r = x
		}
	}
	if r == nil {
		return "this listlint has no rule " + id
	}
	for name, v := range vals {
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

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}
