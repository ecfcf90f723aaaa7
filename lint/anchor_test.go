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
		"names_with-parts-2", "rocket--launch", "-launch", "data-ingestion--etl",
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

// TestCorpusAnchors holds the anchors to the ones the corpus's own
// maintained contents lists link to: wherever an entry's text is its
// heading's, the link must name the anchor we compute. The known
// exceptions are hand-written links GitHub does not resolve either.
func TestCorpusAnchors(t *testing.T) {
	broken := map[string]bool{
		"ziadoz__awesome-php@7f5933d9/README.md#awesome-php": true, // the title's anchor ends in "-"
	}
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
			if !it.IsEntry || !strings.HasPrefix(it.Dest, "#") {
				continue
			}
			text := strings.Join(strings.Fields(texts[it.Link.Start]), " ")
			path := d.Path[strings.Index(d.Path, "corpus/")+len("corpus/"):]
			key := path[strings.IndexByte(path, '/')+1:] + it.Dest
			for _, s := range d.Sections {
				if strings.Join(strings.Fields(s.Rendered), " ") != text {
					continue
				}
				// A repeated heading matches several sections; the
				// link must name the anchor of one of them.
				if d.HeadingAt(it.Dest[1:]) == nil && !broken[key] {
					t.Errorf("%s: heading %q has anchor %q, the contents link to %q", d.Path, s.Rendered, s.Anchor, it.Dest)
				}
				checked++
				break
			}
		}
	}
	t.Logf("%d contents links whose text is a heading's checked against its anchor", checked)
}
