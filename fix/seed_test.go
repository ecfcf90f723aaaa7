package fix

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// seedFixture is the seed list, beside the checkout; its text is not ours
// to commit, so its fixed output and diff are pinned by SHA-256 in
// testdata/seed.sha256 and described line by line in TestSeedFixture.
var seedFixture = filepath.Join("..", "..", "shared", "fixtures", "cloud-opensource-list.md")

// seedSorted names the sections whose lists are unsorted in the seed.
var seedSorted = []string{"Virtualization", "Tool", "Storage | 存储", "Serverless", "Service Mesh"}

// seedPeriod lists the lines whose description lacks a final period;
// line 7's description starts with a stray ". ". Line 27 ends "… too!
// (free and open source)": a note after a finished sentence, which
// issue 12 no longer takes for the sentence's end.
var seedPeriod = []int{21, 23, 33, 47}

const seedLeadingDot = 7

// TestSeedFixture fixes a copy of the seed list with every default rule
// and checks what issue 3 promises: the five unsorted sections sorted by
// name, four final periods added (five before issue 12), ": . With LightVM" turned into
// ": With LightVM", the Kuma duplicate left alone, so that a re-check
// reports only duplicate-name. The expected file is built from the
// original by those changes alone, so nothing else may differ.
func TestSeedFixture(t *testing.T) {
	src, err := os.ReadFile(seedFixture)
	if os.IsNotExist(err) {
		t.Skipf("no seed fixture at %s", seedFixture)
	}
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, id := range []string{"description", "duplicate-name", "sort-order"} {
		if rules.ByID(id) == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		t.Skipf("rules %v are not in rules.All() yet", missing)
	}
	// The seed's expected fix sorts it, as the tagged preset does:
	// without configuration sort-order's auto leaves it unsorted, as 1 of
	// its 6 lists is sorted.
	l := &lint.Linter{Rules: rules.All(), Configure: sortByName}
	res, err := File(l, "cloud-opensource-list.md", src)
	if err != nil {
		t.Fatal(err)
	}
	want := seedExpected(t, src)
	if !bytes.Equal(res.Src, want) {
		t.Errorf("fixed seed differs from the expected changes:\n%s", Diff("cloud-opensource-list.md", want, res.Src))
	}
	checkSeedRecheck(t, l, res.Src)

	diff := Diff("cloud-opensource-list.md", src, res.Src)
	hashes := fmt.Sprintf("%x  fixed\n%x  diff\n", sha256.Sum256(res.Src), sha256.Sum256(diff))
	golden := filepath.Join("testdata", "seed.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(hashes), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	pinned, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./fix -run TestSeedFixture -update once the output is checked)", err)
	}
	if string(pinned) != hashes {
		t.Errorf("SHA-256 of the fixed seed or its diff changed:\n got %s\nwant %s", hashes, pinned)
	}
}

// seedExpected builds the fixed seed from the original: the description
// edits on their lines, then each unsorted section's entry lines in name
// order, in the slots the entries held (blank lines stay where they are).
func seedExpected(t *testing.T, src []byte) []byte {
	t.Helper()
	doc, err := lint.Parse("seed.md", src)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(src), "\n")
	for _, n := range seedPeriod {
		lines[n-1] = strings.TrimSuffix(lines[n-1], "\n") + ".\n"
	}
	fixed := strings.Replace(lines[seedLeadingDot-1], ": . ", ": ", 1)
	if fixed == lines[seedLeadingDot-1] {
		t.Fatalf("line %d has no \": . \"", seedLeadingDot)
	}
	lines[seedLeadingDot-1] = fixed
	sorted := 0
	for _, s := range doc.Sections {
		if !slices.Contains(seedSorted, s.Title) {
			continue
		}
		sorted++
		var slots []int // 0-based line indexes of the section's entries
		var entries []*lint.Entry
		for _, e := range s.Items {
			if !e.IsEntry() || e.List.Depth != 0 || doc.Line(e.Item().Start) != doc.Line(e.Item().End) {
				t.Fatalf("section %q: item at line %d is not a one-line top-level entry", s.Title, doc.Line(e.Item().Start))
			}
			slots = append(slots, doc.Line(e.Item().Start)-1)
			entries = append(entries, e)
		}
		texts := make([]string, len(slots))
		for i, n := range slots {
			texts[i] = lines[n]
		}
		order := make([]int, len(entries))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(entries[a].NameKey(), entries[b].NameKey()) })
		if slices.IsSorted(order) {
			t.Fatalf("section %q is already sorted", s.Title)
		}
		for i, n := range slots {
			lines[n] = texts[order[i]]
		}
	}
	if sorted != len(seedSorted) {
		t.Fatalf("found %d of the %d sections to sort", sorted, len(seedSorted))
	}
	return []byte(strings.Join(lines, ""))
}

// checkSeedRecheck lints the fixed seed: only the Kuma duplicate remains,
// reported on the second Kuma and naming the line of the first.
func checkSeedRecheck(t *testing.T, l *lint.Linter, fixed []byte) {
	t.Helper()
	doc, err := lint.Parse("cloud-opensource-list.md", fixed)
	if err != nil {
		t.Fatal(err)
	}
	var kuma []int
	for _, e := range doc.Items {
		if e.IsEntry() && e.NameKey() == "kuma" {
			kuma = append(kuma, doc.Line(e.Item().Start))
		}
	}
	if len(kuma) != 2 {
		t.Fatalf("want two Kuma entries in the fixed seed, found them on lines %v", kuma)
	}
	diags := l.Run([]*lint.Document{doc})[0].Diagnostics
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d %s %s", doc.Line(d.Pos), d.Rule, d.Message))
	}
	if len(diags) != 1 || diags[0].Rule != "duplicate-name" || doc.Line(diags[0].Pos) != kuma[1] ||
		!strings.Contains(diags[0].Message, fmt.Sprintf("line %d", kuma[0])) {
		t.Errorf("re-check of the fixed seed reports:\n%s\nwant only duplicate-name on line %d naming line %d",
			strings.Join(got, "\n"), kuma[1], kuma[0])
	}
}

// sortByName runs every rule with its defaults, except sort-order, which
// checks name order as the awesome and tagged presets have it.
func sortByName(_ string, r *lint.Rule) lint.Settings {
	s := r.Defaults()
	if r.ID == "sort-order" {
		s.Options["by"] = "name"
	}
	return s
}
