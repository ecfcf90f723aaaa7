package rules

import (
	"strings"

	"github.com/listlint/listlint/lint"
)

// markerStyle is the bullet list-marker holds entries to.
var markerStyle = lint.EnumOption("style", "dominant", `bullet every entry uses: "dominant", "-", "*" or "+"`, "dominant", "-", "*", "+")

// ListMarker checks that the items of entry lists use one bullet.
var ListMarker = &lint.Rule{
	ID:    "list-marker",
	Title: "entries use the file's bullet marker",
	Doc: `Every item of an unordered entry list uses the same bullet: "-", "*"
or "+". Mixing bullets is noise in a diff, and in CommonMark a change of
bullet silently starts a new list, which splits a section's entries (and
their sort order and spacing) in two.

Only entry lists are checked: lists most of whose items start with a link,
tables of contents (lists whose links all point at #anchors) excepted.
Ordered lists are left alone.

Options:
  style  "dominant" (default): the bullet used by most entry-list items of
         the file, ties going to the first one; or "-", "*", "+" to pin it.

The fix rewrites the bullet.`,
	Bad: `- [Alpha](https://alpha.example): First project.
* [Beta](https://beta.example): Second project.
- [Gamma](https://gamma.example): Third project.`,
	Good: `- [Alpha](https://alpha.example): First project.
- [Beta](https://beta.example): Second project.
- [Gamma](https://gamma.example): Third project.`,
	Severity: lint.Warning,
	Fixable:  true,
	Options:  []lint.Option{markerStyle.Decl()},
	Presets: map[string]lint.Preset{
		"awesome": {Options: []lint.OptionValue{markerStyle.Is("-")}},
		"tagged":  {Options: []lint.OptionValue{markerStyle.Is("-")}},
	},
	Check: checkListMarker,
	Infer: inferListMarker,
}

func checkListMarker(p *lint.Pass) {
	doc := p.Doc
	// Two passes over the items, no slices: count the bullets (the first
	// seen wins a tie, as lint.Dominant decides), then report.
	const bullets = "-*+"
	var count [len(bullets)]int
	order := make([]byte, 0, len(bullets))
	for _, it := range doc.Items {
		if m, ok := entryBullet(doc, it); ok {
			k := strings.IndexByte(bullets, m)
			if count[k] == 0 {
				order = append(order, m)
			}
			count[k]++
		}
	}
	if len(order) == 0 {
		return
	}
	want := order[0]
	for _, m := range order[1:] {
		if count[strings.IndexByte(bullets, m)] > count[strings.IndexByte(bullets, want)] {
			want = m
		}
	}
	if s := markerStyle.Get(p); s != "dominant" && len(s) == 1 {
		want = s[0]
	}
	for _, it := range doc.Items {
		m, ok := entryBullet(doc, it)
		if !ok || m == want {
			continue
		}
		fix := &lint.Fix{
			Message: "use bullet " + string(want),
			Edits:   []lint.TextEdit{{Pos: it.Marker().Start, End: it.Marker().End, NewText: string(want)}},
		}
		p.Report(it.Marker().Start, it.Marker().End, fix, "bullet is %q, expected %q", string(m), string(want))
	}
}

// entryBullet returns the bullet of an item of an unordered entry list.
func entryBullet(doc *lint.Document, it *lint.Entry) (byte, bool) {
	if it.List.Ordered || !it.List.EntryList || it.Marker().Len() != 1 {
		return 0, false
	}
	return doc.Src[it.Marker().Start], true
}

// inferListMarker reads the bullet most entries of unordered lists use.
func inferListMarker(docs []*lint.Document) lint.Inference {
	var markers []string
	for _, doc := range docs {
		for _, e := range doc.Items {
			if e.IsEntry() && !e.List.Ordered {
				markers = append(markers, string(e.List.Marker))
			}
		}
	}
	c := dominantCount(markers)
	if c.of == 0 {
		return lint.Inference{}
	}
	return pinned(markerStyle.Is(c.value), "%s is the bullet of %d of %d entries.", c.quoted(), c.n, c.of)
}
