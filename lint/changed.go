package lint

import "slices"

// ChangedLines are the lines of one document that the change under review
// added or modified, in pull-request mode; outside it there are none.
// Rules that compare entries with each other read them, so that a finding
// a change caused lands on the changed entry.
type ChangedLines struct {
	doc *Document
	// lines are sorted 1-based line numbers.
	lines []int
}

// Any reports whether the change touched the document at all.
func (c ChangedLines) Any() bool { return len(c.lines) > 0 }

// Line reports whether the 1-based line n was added or modified.
func (c ChangedLines) Line(n int) bool {
	_, found := slices.BinarySearch(c.lines, n)
	return found
}

// Entry reports whether the change added or modified e's first line or
// the lines of its link (name and URL): what sorting and duplicate
// detection read.
func (c ChangedLines) Entry(e *Entry) bool {
	if len(c.lines) == 0 {
		return false
	}
	last := e.Item().Start
	if e.Link().Valid() && e.Link().End > last {
		last = e.Link().End - 1
	}
	for n, end := c.doc.Line(e.Item().Start), c.doc.Line(last); n <= end; n++ {
		if c.Line(n) {
			return true
		}
	}
	return false
}
