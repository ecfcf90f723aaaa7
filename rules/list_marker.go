package rules

import "github.com/listlint/listlint/lint"

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
	Options: []lint.Option{{
		Name:    "style",
		Default: "dominant",
		Doc:     `bullet every entry uses: "dominant", "-", "*" or "+"`,
		Allowed: []string{"dominant", "-", "*", "+"},
	}},
	Check: checkListMarker,
}

func checkListMarker(p *lint.Pass) {
	doc := p.Doc
	var items []*lint.Entry
	var markers []byte
	for _, it := range doc.Items {
		if !it.List.Ordered && it.List.EntryList && it.Marker.Len() == 1 {
			items = append(items, it)
			markers = append(markers, doc.Src[it.Marker.Start])
		}
	}
	want, ok := lint.Dominant(markers)
	if !ok {
		return
	}
	if s := p.String("style"); s != "dominant" && len(s) == 1 {
		want = s[0]
	}
	for i, it := range items {
		if markers[i] == want {
			continue
		}
		fix := &lint.Fix{
			Message: "use bullet " + string(want),
			Edits:   []lint.TextEdit{{Pos: it.Marker.Start, End: it.Marker.End, NewText: string(want)}},
		}
		p.Report(it.Marker.Start, it.Marker.End, fix, "bullet is %q, expected %q", string(markers[i]), string(want))
	}
}
