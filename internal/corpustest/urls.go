package corpustest

import (
	"slices"
	"strings"

	"github.com/listlint/listlint/lint"
)

// EntryURLs is the sorted multiset of doc's entry destinations, which
// fixing must keep. It counts the entries CommonMark folded into the item
// above ("-[Name](url)", or an entry typed without its bullet): a reader
// sees them, and fixing gives them their own item. It leaves out tables
// of contents, which the toc fix regenerates from the headings, and links
// to in-page anchors, since fixing an item beside them can make or unmake
// a table of contents.
func EntryURLs(doc *lint.Document) []string {
	var urls []string
	for _, e := range doc.Items {
		if e.IsEntry && !e.List.TOC && !strings.HasPrefix(e.Dest, "#") {
			urls = append(urls, e.Dest)
		}
	}
	urls = append(urls, foldedDests(doc)...)
	slices.Sort(urls)
	return urls
}

// foldedDests returns the destinations of the entries folded into the
// item above them, read as the items they become once fixed: the line
// from its margin, with the space after its bullet, or the bullet, that
// the fix adds.
func foldedDests(doc *lint.Document) []string {
	var out []string
	for _, f := range doc.Folds {
		at := doc.FoldLink(f)
		if at < 0 {
			continue
		}
		margin := doc.LineSpan(doc.Line(f.Line.Start)).Start
		insert := "- "
		if f.Kind == lint.FoldItem {
			insert = " "
		}
		src := slices.Concat(doc.Src[margin:at], []byte(insert), doc.Src[at:])
		item, err := lint.Parse("fold.md", src)
		if err == nil && len(item.Items) > 0 && item.Items[0].IsEntry && !strings.HasPrefix(item.Items[0].Dest, "#") {
			out = append(out, item.Items[0].Dest)
		}
	}
	return out
}
