package lint

import (
	"strings"
	"testing"
)

// TestAnchors checks GitHub's slug rules on made-up headings: the
// anchor comes from the rendered text, repeated ones are numbered.
func TestAnchors(t *testing.T) {
	src := strings.Join([]string{
		"# Example List [![Badge](https://example.org/b.svg)](https://example.org)",
		"## Storage | 存储",
		"## Web & APIs",
		"## Tools",
		"## Tools",
		"## Engine \\& Runtime",
		"## `code` Tools",
		"## [Linked](https://example.org) Tools",
		"## Über Straße",
		"## Names_with-Parts 2",
		"## Rocket :rocket: Launch",
		"## 🚀 Launch",
		"## Data Ingestion / ETL",
		"## Where to Start (Windows)",
		"## Emphasis *inside* __title__",
		"## Fish &amp; Chips",
		"## Hidden <!-- omit in toc -->",
		"## Tools",
		"Setext Heading",
		"--------------",
	}, "\n") + "\n"
	want := []string{
		"example-list-", "storage--存储", "web--apis", "tools", "tools-1",
		"engine--runtime", "code-tools", "linked-tools", "über-straße",
		"names_with-parts-2", "rocket-rocket-launch", "-launch", "data-ingestion--etl",
		"where-to-start-windows", "emphasis-inside-title", "fish--chips",
		"hidden-", "tools-2", "setext-heading",
	}
	d, err := Parse("anchors.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sections[1:] {
		got = append(got, s.Anchor)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("anchors:\n got %q\nwant %q", got, want)
	}
	if !d.Sections[17].OmitTOC {
		t.Errorf("heading with <!-- omit in toc --> not marked OmitTOC")
	}
}

// TestAnchorLookup checks which fragments lead to a heading or an HTML
// anchor: trailing "-"s aside, as older slugs trimmed the text before a
// badge, but a repeated heading's number exact.
func TestAnchorLookup(t *testing.T) {
	src := strings.Join([]string{
		"# Example List [![Badge](https://example.org/b.svg)](https://example.org)",
		"## Alpha :star:",
		"## Tools",
		"## Tools",
		`<a id="two words"></a>`,
	}, "\n") + "\n"
	d, err := Parse("lookup.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for fragment, want := range map[string]bool{
		"example-list-": true, "example-list": true, "example-list--": true,
		"alpha-star": true, "alpha-": false, "alpha": false,
		"tools": true, "tools-1": true, "tools-1-": true, "tools-2": false,
		"two%20words": true, "two": false,
	} {
		if got := d.HasAnchor(fragment); got != want {
			t.Errorf("HasAnchor(%q) = %v, want %v", fragment, got, want)
		}
	}
	if s := d.HeadingAt("example-list"); s == nil || s.Level != 1 {
		t.Errorf("HeadingAt(%q) = %v, want the title", "example-list", s)
	}
}

// TestCorpusAnchors holds the anchors to the ones the corpus's own
// maintained contents lists link to: wherever an entry's text is its
// heading's, the link must lead to a heading.
func TestCorpusAnchors(t *testing.T) {
	checked := 0
	for _, d := range corpusDocs(t) {
		c := d.Contents
		if c == nil {
			continue
		}
		texts := map[int]string{}
		for _, f := range d.Fragments {
			texts[f.Link.Start] = f.Text
		}
		for _, it := range c.Items {
			if !it.IsEntry() || !strings.HasPrefix(it.Dest(), "#") {
				continue
			}
			text := strings.Join(strings.Fields(texts[it.Link().Start]), " ")
			for _, s := range d.Sections {
				if strings.Join(strings.Fields(s.Rendered), " ") != text {
					continue
				}
				// A repeated heading matches several sections; the
				// link must name the anchor of one of them.
				if d.HeadingAt(it.Dest()[1:]) == nil {
					t.Errorf("%s: heading %q has anchor %q, the contents link to %q", d.Path, s.Rendered, s.Anchor, it.Dest())
				}
				checked++
				break
			}
		}
	}
	t.Logf("%d contents links whose text is a heading's checked against its anchor", checked)
}

// TestContentsTitleEmoji checks that a contents heading is found with an
// emoji shortcode beside its title, though the shortcode is in its anchor.
func TestContentsTitleEmoji(t *testing.T) {
	src := "# Example List\n\nIntro [link](https://example.org).\n\n## Contents :book:\n\n- [Editors](#editors)\n- [Notes](https://example.org/notes)\n- [Shells](#shells)\n\n## Editors\n\n## Shells\n"
	d, err := Parse("contents.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if d.Contents == nil || d.Contents.Heading == nil || d.Contents.Heading.Anchor != "contents-book" {
		t.Errorf("contents under %q not found: %+v", "Contents :book:", d.Contents)
	}
}
