package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/listlint/listlint/lint"
)

// TestOrderStatsBy pins how auto decides from the counts.
func TestOrderStatsBy(t *testing.T) {
	for _, tt := range []struct {
		name string
		st   orderStats
		want string
	}{
		{"no run of three", orderStats{}, ""},
		{"most runs sorted", orderStats{runs: 10, byName: 9, namePairs: 40, pairs: 45, pairsInOrder: 44}, byName},
		{"half is not most", orderStats{runs: 10, byName: 5, namePairs: 20, pairs: 45, pairsInOrder: 38}, "none"},
		{"slipped runs, pairs in order", orderStats{runs: 10, byName: 2, namePairs: 8, pairs: 60, pairsInOrder: 52}, byName},
		{"too few pairs to tell", orderStats{runs: 4, byName: 1, namePairs: 4, pairs: 12, pairsInOrder: 11}, "none"},
		{"one short run by chance", orderStats{runs: 1, byName: 1, namePairs: 2, pairs: 2, pairsInOrder: 2}, "none"},
		{"short runs sorted by chance", orderStats{runs: 5, byName: 3, namePairs: 6, pairs: 11, pairsInOrder: 8}, "none"},
		{"dated runs go up", orderStats{runs: 6, dated: 5, byYear: 5, yearPairs: 10, pairs: 20, pairsInOrder: 10}, byYear},
		{"dated runs go down", orderStats{runs: 6, dated: 5, byYearDesc: 4, yearDescPairs: 8, pairs: 20, pairsInOrder: 10}, byYearDesc},
		{"years up and down", orderStats{runs: 3, dated: 3, byYear: 2, yearPairs: 4, pairs: 6, datedPairs: 5, rising: 3, falling: 2}, "none"},
		{"two dated pairs are no evidence", orderStats{runs: 1, dated: 1, byYear: 1, yearPairs: 1, pairs: 2, pairsInOrder: 1}, "none"},
		{"name wins a tie with year", orderStats{runs: 4, byName: 3, namePairs: 8, dated: 3, byYear: 3, yearPairs: 6, pairs: 8, pairsInOrder: 8}, byName},
	} {
		if got := tt.st.by(); got != tt.want {
			t.Errorf("%s: by() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestInferSortOrderKeepsAuto: where name order holds but a list is kept
// otherwise, init pins auto, which leaves that list alone as no
// configuration does; a file sorted throughout gets name.
func TestInferSortOrderKeepsAuto(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "rules", "sort-order", "kept-otherwise.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, src, want string
	}{
		{"kept otherwise", string(src), "auto"},
		{"sorted throughout", "# A\n\n- [a](u): A.\n- [b](u): B.\n- [c](u): C.\n\n# B\n\n- [d](u): D.\n- [e](u): E.\n- [f](u): F.\n", byName},
		// Two CJK names are in order either way, so they tell nothing.
		{"CJK names", "# A\n\n- [甲](u): 一。\n- [乙](u): 二。\n- [丙](u): 三。\n\n# B\n\n- [丁](u): 四。\n- [戊](u): 五。\n- [己](u): 六。\n", "none"},
	} {
		inf := inferSortOrder([]*lint.Document{parseDoc(t, "list.md", tc.src)})
		if len(inf.Options) != 1 || inf.Options[0].Value != tc.want {
			t.Errorf("%s: %+v, want by %s", tc.name, inf, tc.want)
		}
	}
}
