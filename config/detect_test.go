package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

func parseDocs(t *testing.T, srcs ...string) []*lint.Document {
	t.Helper()
	var docs []*lint.Document
	for i, src := range srcs {
		doc, err := lint.Parse(filepath.Join("d", string(rune('a'+i))+".md"), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
}

// loadStarter writes the starter for docs and loads it back.
func loadStarter(t *testing.T, rules []*lint.Rule, docs []*lint.Document) (*Config, string) {
	t.Helper()
	text := string(Detect(docs, conventions(t)).Starter(rules))
	p := filepath.Join(t.TempDir(), ".listlint.yml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p, rules)
	if err != nil {
		t.Fatalf("starter does not load: %v\n%s", err, text)
	}
	return c, text
}

// checkWhy compares what rules inferred, in the words init writes.
func checkWhy(t *testing.T, d *Detected, want map[string]string) {
	t.Helper()
	for _, inf := range d.Inferred {
		if w, ok := want[inf.Rule]; ok && inf.Why != w {
			t.Errorf("%s: %q\nwant %q", inf.Rule, inf.Why, w)
		}
	}
}

func TestDetectAwesomeStyle(t *testing.T) {
	docs := parseDocs(t, `# Awesome Things

## Tools

- [Alpha](https://example.com/a) - Does a.
- [Beta](https://example.com/b) - Does b.
- [Gamma](https://example.com/c) - Does c.

## Libraries

- [delta](https://example.com/d) - Does d.
- [Epsilon](https://example.com/e) - Does e.
- [Zeta](https://example.com/f) - Does f.
`)
	d := Detect(docs, conventions(t))
	if d.Files != 1 || d.Entries != 6 || d.Tagged != 0 {
		t.Errorf("files %d, entries %d, tagged %d", d.Files, d.Entries, d.Tagged)
	}
	checkWhy(t, d, map[string]string{
		"separator":    `" - " stands between link and description in 6 of 6 entries.`,
		"list-marker":  `"-" is the bullet of 6 of 6 entries.`,
		"list-spacing": "2 of 2 lists have no blank line between entries.",
		"sort-order":   "Sorted by name: 2 of 2 lists of three entries or more (100% of neighbours); by year: 0 of 0 lists with dated entries.",
	})
	rules := testRules()
	c, text := loadStarter(t, rules, docs)
	if !strings.Contains(text, "preset: awesome\n") || strings.Contains(text, "project-tag") {
		t.Errorf("starter:\n%s", text)
	}
	for id, want := range map[string]any{"separator": " - ", "list-spacing": "tight", "list-marker": "-"} {
		if got := c.Settings("x.md", ruleByID(rules, id)).Options["style"]; got != want {
			t.Errorf("%s style %v, want %v", id, got, want)
		}
	}
	if c.Settings("x.md", ruleByID(rules, "sort-order")).Options["by"] != "name" {
		t.Error("sort-order not by name")
	}
}

func TestDetectTaggedStyle(t *testing.T) {
	docs := parseDocs(t, `# List

## Old first

- [2015-Alpha #Project#](https://example.com/a): Does a.

- [2017-Charlie #Book#](https://example.com/c): Does c.

- [2019-Bravo #Project#](https://example.com/b): Does b.

## Names

- [Delta #Project#](https://example.com/d): Does d.

- [Echo #Project#](https://example.com/e): Does e.

- [Foxtrot #Project#](https://example.com/f) - Does f.
`, `# Another

- [2020~Hotel #Series#](https://example.com/g): Does g.

- [2018-Golf #Project#](https://example.com/h): Does h.

- [India #Project#](https://example.com/i): Does i.
`)
	d := Detect(docs, conventions(t))
	if d.Tagged != 9 {
		t.Errorf("tagged %d", d.Tagged)
	}
	// "Old first" goes up by year, not by name; "Names" by name; the
	// last list neither.
	checkWhy(t, d, map[string]string{
		"separator":    `": " stands between link and description in 8 of 9 entries.`,
		"list-spacing": "3 of 3 lists have a blank line between entries.",
		"year-prefix":  "4 of 5 year prefixes are written 2019-Name.",
		"project-tag":  "9 of 9 entries carry a tag: Project (7), Book (1), Series (1).",
		"sort-order":   "Sorted by name: 1 of 3 lists of three entries or more (66% of neighbours); by year: 1 of 2 lists with dated entries.",
	})
	if by := d.Value("sort-order", "by"); by != "none" {
		t.Errorf("sort-order by %v, want none", by)
	}
	rules := testRules()
	c, text := loadStarter(t, rules, docs)
	if !strings.Contains(text, "preset: tagged\n") {
		t.Errorf("starter:\n%s", text)
	}
	tag := c.Settings("x.md", ruleByID(rules, "project-tag"))
	if tag.Off || tag.Options["required"] != true || !reflect.DeepEqual(tag.Options["allowed"], []string{"Project", "Book", "Series"}) {
		t.Errorf("project-tag %+v", tag)
	}
	if got := c.Settings("x.md", ruleByID(rules, "year-prefix")).Options["separator"]; got != "-" {
		t.Errorf("year-prefix separator %v", got)
	}
}

func TestStarterSkipsWhatRulesLack(t *testing.T) {
	docs := parseDocs(t, "- [a](u): A.\n- [b](u): B.\n- [c](u): C.\n")
	rules := testRules()
	// A separator rule that knows only the dash.
	ruleByID(rules, "separator").Options = []lint.Option{{Name: "style", Default: "dominant", Allowed: []string{"dominant", " - "}}}
	_, text := loadStarter(t, rules, docs)
	if !strings.Contains(text, "# (not pinned: separator.style is one of") {
		t.Errorf("a separator the rule does not allow was pinned:\n%s", text)
	}
	_, text = loadStarter(t, rules[:1], docs)
	if !strings.Contains(text, "# (not pinned: this listlint has no rule list-marker)") {
		t.Errorf("a missing rule was pinned:\n%s", text)
	}
}

func TestDetectEmpty(t *testing.T) {
	_, text := loadStarter(t, testRules(), parseDocs(t, "# Nothing here\n\nJust text.\n"))
	if !strings.Contains(text, "preset: default\n") {
		t.Errorf("starter:\n%s", text)
	}
}
