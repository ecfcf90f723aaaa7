package changes

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

const filterSrc = `# Tools

- [Alpha](https://alpha.example): First.
- [Beta](https://beta.example): Second.
- [Gamma](https://gamma.example): Third.
- [Delta](https://delta.example): Fourth.


`

// at returns a finding on the text sub of filterSrc, which must occur once.
func at(t *testing.T, sub string) lint.Diagnostic {
	t.Helper()
	i := strings.Index(filterSrc, sub)
	if i < 0 || strings.Count(filterSrc, sub) != 1 {
		t.Fatalf("%q is not in the source once", sub)
	}
	return lint.Diagnostic{Rule: "test", Pos: i, End: i + len(sub), Message: sub}
}

func TestFilter(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "list.md")
	doc, err := lint.Parse(path, []byte(filterSrc))
	if err != nil {
		t.Fatal(err)
	}
	other, err := lint.Parse(filepath.Join(dir, "other.md"), []byte(filterSrc))
	if err != nil {
		t.Fatal(err)
	}
	var s Set
	s.Root = dir
	s.add("list.md", []int{5, 8}, false)
	s.sorted()

	diags := []lint.Diagnostic{
		at(t, "Alpha"),                        // line 3: untouched
		at(t, "Gamma"),                        // line 5: changed
		at(t, "Second.\n- [Gamma]"),           // lines 4 to 5: reaches a changed line
		at(t, "Fourth.\n"),                    // line 6: its end stops at line 7's start
		at(t, "Delta](https://delta.example"), // line 6
		{Rule: "test", Pos: len(filterSrc) - 1, End: len(filterSrc) - 1, Message: "blank"}, // line 8, empty span
	}
	in := []lint.Result{{Doc: doc, Diagnostics: diags}, {Doc: other, Diagnostics: diags}}
	out := Filter(in, s)
	if len(out) != 2 || out[0].Doc != doc || out[1].Doc != other {
		t.Fatalf("Filter changed the results' documents: %+v", out)
	}
	var got []string
	for _, d := range out[0].Diagnostics {
		got = append(got, d.Message)
	}
	want := []string{"Gamma", "Second.\n- [Gamma]", "blank"}
	if !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if len(out[1].Diagnostics) != 0 {
		t.Errorf("kept %d findings in an unchanged file", len(out[1].Diagnostics))
	}
	if len(in[0].Diagnostics) != len(diags) {
		t.Error("Filter modified its input")
	}

	// A wholly new file keeps every finding.
	var whole Set
	whole.Root = dir
	whole.add("list.md", nil, true)
	if out := Filter(in[:1], whole); len(out[0].Diagnostics) != len(diags) {
		t.Errorf("new file: kept %d findings, want %d", len(out[0].Diagnostics), len(diags))
	}
}

func TestChanged(t *testing.T) {
	dir := t.TempDir()
	var s Set
	s.Root = dir
	s.add("list.md", []int{5}, false)
	s.add("new.md", nil, true)
	s.sorted()
	for _, tc := range []struct {
		name string
		want []int
	}{
		{"list.md", []int{5}},
		{"new.md", []int{1, 2, 3, 4, 5, 6, 7, 8}},
		{"other.md", nil},
	} {
		doc, err := lint.Parse(filepath.Join(dir, tc.name), []byte(filterSrc))
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Changed(doc); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Changed = %v, want %v", tc.name, got, tc.want)
		}
	}
}
