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
	text := string(Detect(docs).Starter(rules))
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
	d := Detect(docs)
	want := &Detected{
		Files: 1, Entries: 6,
		Separator: Count{" - ", 6, 6}, Marker: Count{"-", 6, 6}, Spacing: Count{"tight", 2, 2},
		Lists: 2, ByName: 2,
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("got  %+v\nwant %+v", d, want)
	}
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
	d := Detect(docs)
	if d.Separator != (Count{": ", 8, 9}) || d.Spacing != (Count{"loose", 3, 3}) || d.YearSep != (Count{"-", 4, 5}) || d.Tagged != 9 {
		t.Errorf("got %+v", d)
	}
	if want := []Count{{"Project", 7, 9}, {"Book", 1, 9}, {"Series", 1, 9}}; !reflect.DeepEqual(d.Tags, want) {
		t.Errorf("tags %v, want %v", d.Tags, want)
	}
	// "Old first" goes up by year, not by name; "Names" by name; the
	// last list neither.
	if d.Lists != 3 || d.ByName != 1 || d.Dated != 2 || d.ByYear != 1 || d.SortBy() != "none" {
		t.Errorf("lists %d by name %d dated %d by year %d: %s", d.Lists, d.ByName, d.Dated, d.ByYear, d.SortBy())
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
	docs := parseDocs(t, "- [a](u) -- A.\n- [b](u) -- B.\n- [c](u) -- C.\n")
	rules := testRules()
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
