package rules

import "github.com/listlint/listlint/lint"

// reportChanged checks an unsorted run in pull-request mode, where some
// of its entries are changed (lint.ChangedLines.Entry) and some are
// not: it reports each changed entry that does not sit in order between
// its nearest unchanged neighbours, or that sorts before the changed entry
// just above it, on that entry. The order of the unchanged entries among
// themselves is not the change's doing and is not reported. It returns
// false, leaving the run to the usual check, when no entry or every entry
// of the run is changed (outside pull-request mode, or a new list).
//
// less and ranked are as in sorter.run; fix sorts the whole run.
func (s *sorter) reportChanged(p *lint.Pass, run []*lint.Entry, less func(a, b int) bool, ranked []int, fix *lint.Fix) bool {
	changed := make([]bool, len(ranked))
	n := 0
	for k, i := range ranked {
		if p.Changed.Entry(run[i]) {
			changed[k] = true
			n++
		}
	}
	if n == 0 || n == len(ranked) {
		return false
	}
	reported := make([]bool, len(ranked))
	for k, i := range ranked {
		if !changed[k] {
			continue
		}
		lo, hi := -1, -1 // nearest unchanged neighbours, as indexes of run
		for j := k - 1; j >= 0 && lo < 0; j-- {
			if !changed[j] {
				lo = ranked[j]
			}
		}
		for j := k + 1; j < len(ranked) && hi < 0; j++ {
			if !changed[j] {
				hi = ranked[j]
			}
		}
		var where string
		switch {
		case lo >= 0 && less(i, lo), hi >= 0 && less(hi, i):
			where = s.placeAmongUnchanged(run, ranked, changed, i, less)
		case k > 0 && changed[k-1] && !reported[k-1] && less(i, ranked[k-1]):
			where = "before " + lint.Quote(display(s.doc, run[ranked[k-1]]))
		default:
			continue
		}
		reported[k] = true
		e := run[i]
		p.Report(e.Link().Start, e.Link().End, fix, "new entry %s is out of order: it belongs %s",
			lint.Quote(display(s.doc, e)), where)
	}
	return true
}

// placeAmongUnchanged says where entry i belongs among the unchanged
// entries: before the first that sorts after it, else after the last.
func (s *sorter) placeAmongUnchanged(run []*lint.Entry, ranked []int, changed []bool, i int, less func(a, b int) bool) string {
	last := -1
	for k, j := range ranked {
		if changed[k] {
			continue
		}
		if less(i, j) {
			return "before " + lint.Quote(display(s.doc, run[j]))
		}
		last = j
	}
	return "after " + lint.Quote(display(s.doc, run[last]))
}
