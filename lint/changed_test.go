package lint

import (
	"slices"
	"testing"
)

func TestChangedLines(t *testing.T) {
	src := "# Tools\n\n- [Alpha](https://alpha.example): First.\n- [Beta](https://beta.example): Second.\n- [Gamma\n  Ray](https://gamma.example): Third.\n"
	doc, err := Parse("list.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lines   []int
		entries []string // names of the changed entries
	}{
		{nil, nil},
		{[]int{4}, []string{"Beta"}},
		{[]int{6}, []string{"Gamma\n  Ray"}}, // the link's second line
		{[]int{1, 2}, nil},
	} {
		c := ChangedLines{doc: doc, lines: tc.lines}
		if c.Any() != (len(tc.lines) > 0) {
			t.Errorf("%v: Any = %v", tc.lines, c.Any())
		}
		for n := 1; n <= doc.LineCount(); n++ {
			if got := c.Line(n); got != slices.Contains(tc.lines, n) {
				t.Errorf("%v: Line(%d) = %v", tc.lines, n, got)
			}
		}
		var got []string
		for _, e := range doc.Items {
			if c.Entry(e) {
				got = append(got, string(doc.Src[e.Name().Start:e.Name().End]))
			}
		}
		if !slices.Equal(got, tc.entries) {
			t.Errorf("%v: changed entries %q, want %q", tc.lines, got, tc.entries)
		}
	}
}
