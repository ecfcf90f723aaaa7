package rules

import (
	"fmt"

	"github.com/listlint/listlint/lint"
)

// minEvidence is how many neighbouring entries, in the runs that
// follow an order, "by: auto" needs to see in that order before it checks
// it: a run of three is in name order by chance one time in six, and a
// lone short run would impose its order on the whole file.
const minEvidence = 4

// minPairs is how many neighbouring entries "by: auto" needs to see
// before the share of them in name order alone can tell a sorted list.
const minPairs = 20

// orderStats counts how the runs of three entries or more of some
// documents are ordered.
type orderStats struct {
	runs, byName int // runs, and those in name order
	// dated counts the runs with two dated entries or more; byYear and
	// byYearDesc those whose dated entries go up, or down, in time.
	dated, byYear, byYearDesc int
	// The pairs of neighbours (dated ones, by year) in the runs that
	// follow each order: the evidence for it.
	namePairs, yearPairs, yearDescPairs int
	// pairs counts the neighbours in the runs, pairsInOrder those in name
	// order, sorted runs or not.
	pairs, pairsInOrder int
	// datedPairs counts the neighbouring dated entries of the runs,
	// rising and falling those whose years go up, or down.
	datedPairs, rising, falling int
	// good holds, for each run of two entries or more in eachRun's
	// order, how many of its neighbours are in name order.
	good []int
}

// tally adds the runs of s's document. It returns whether each run of
// two entries or more, in eachRun's order, is in name order, so that the
// check need not compare them again.
func (st *orderStats) tally(s *sorter) []bool {
	var sorted []bool
	s.eachRun(func(_ *lint.List, run []*lint.Entry) {
		good, told := 0, 0 // neighbours in name order; of them, those a reader can tell
		for k := 1; k < len(run); k++ {
			if !s.nameBefore(run[k], run[k-1]) {
				good++
				if !beyondASCII(sortText(s.doc, run[k-1]), sortText(s.doc, run[k])) {
					told++
				}
			}
		}
		inOrder := good == len(run)-1
		sorted = append(sorted, inOrder)
		st.good = append(st.good, good)
		if len(run) < 3 {
			return
		}
		st.runs++
		st.pairs += len(run) - 1
		// Names that first differ beyond ASCII (two CJK titles) are in
		// order either way: they are no evidence of name order.
		st.pairsInOrder += told
		if inOrder && told == good {
			st.byName++
			st.namePairs += len(run) - 1
		}
		prev, dated, up, down := 0, 0, true, true
		for _, e := range run {
			if e.YearValue() == 0 {
				continue
			}
			if dated > 0 {
				up = up && e.YearValue() >= prev
				down = down && e.YearValue() <= prev
				st.datedPairs++
				switch {
				case e.YearValue() > prev:
					st.rising++
				case e.YearValue() < prev:
					st.falling++
				}
			}
			prev = e.YearValue()
			dated++
		}
		if dated >= 2 {
			st.dated++
			if up {
				st.byYear++
				st.yearPairs += dated - 1
			}
			if down {
				st.byYearDesc++
				st.yearDescPairs += dated - 1
			}
		}
	}, nil)
	return sorted
}

// by is the order most runs follow, with enough evidence: byName,
// byYear, byYearDesc (which also need three neighbouring dated entries
// going their way for each going the other: a reading list with 3 years
// up and 2 down keeps no order),
// "none" when none does, "" when there is no run of
// three entries to tell. More than half is the line because the corpus
// has no list between 40% and 61% of runs in name order: lists kept
// sorted measure 61% (awesome-php, whose guide asks for alphabetical
// order; its unsorted runs are contributors' slips) to 98% (awesome-go),
// lists kept in another order 0% to 40%. Four in five neighbouring pairs
// must be in name order too, as they are in the sorted lists (93% to
// 100%): a small file whose few short runs are sorted by chance has
// about half (a weekly digest: 3 of 5 runs, 73% of pairs). A list whose
// runs have slipped (awesome-cpp, whose guide asks for alphabetical
// order: 12 of 69 runs sorted) still shows its order in its pairs:
// with twenty pairs or more, 85% in name order is no chance, since
// lists kept in another order measure 35% to 69% (every wx file with
// twenty pairs, awesome-vue, awesome-python) and awesome-cpp 86%.
func (st orderStats) by() string {
	switch {
	case st.runs == 0:
		return ""
	case (st.byName*2 > st.runs || st.pairs >= minPairs && st.pairsInOrder*100 >= st.pairs*85) &&
		st.pairsInOrder*5 >= st.pairs*4 && st.byName >= st.byYear && st.namePairs >= minEvidence:
		return byName
	case st.byYear*2 > st.runs && st.yearPairs >= minEvidence && st.rising >= 3*st.falling:
		return byYear
	case st.byYearDesc*2 > st.runs && st.yearDescPairs >= minEvidence && st.falling >= 3*st.rising:
		return byYearDesc
	}
	return "none"
}

// why explains by in a sentence.
func (st orderStats) why() string {
	if st.runs == 0 {
		return "No list of three entries or more: sort-order keeps its defaults."
	}
	s := fmt.Sprintf("Sorted by name: %d of %d lists of three entries or more (%d%% of neighbours); ", st.byName, st.runs, 100*st.pairsInOrder/max(st.pairs, 1))
	if st.by() == byYearDesc {
		return s + fmt.Sprintf("newest first: %d of %d lists with dated entries.", st.byYearDesc, st.dated)
	}
	return s + fmt.Sprintf("by year: %d of %d lists with dated entries.", st.byYear, st.dated)
}

// inferSortOrder reads the order the runs of docs follow, in the root
// collation.
//
// Where name order holds but some lists are kept otherwise, which "auto"
// leaves alone and "name" would not, it keeps "auto": no configuration
// and the starter init writes then check the same.
func inferSortOrder(docs []*lint.Document) lint.Inference {
	var st orderStats
	coll := newCollation("root")
	goods := make([][]int, len(docs))
	for i, doc := range docs {
		st.good = nil
		st.tally(&sorter{doc: doc, coll: coll})
		goods[i] = st.good
	}
	inf := lint.Inference{Why: st.why()}
	by := st.by()
	if by == byName {
		for i, doc := range docs {
			if s := (&sorter{doc: doc, coll: coll, auto: true, by: byName}); s.keepsOtherwise(goods[i]) {
				by = "auto"
				inf.Why += " Name order, but some lists are kept in another order: auto leaves them alone, name would not."
				break
			}
		}
	}
	if by != "" {
		inf.Options = []lint.OptionValue{sortBy.Is(by)}
	}
	return inf
}
