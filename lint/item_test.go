package lint

import (
	"strings"
	"testing"
	"unsafe"
)

// TestEntrySize holds the entry to its compact layout: a large list keeps
// hundreds of thousands of entries, and they are most of the model.
func TestEntrySize(t *testing.T) {
	if size := unsafe.Sizeof(Entry{}); size > 88 {
		t.Errorf("Entry is %d bytes, want at most 88", size)
	}
}

// partsOf returns every span an entry reports, in a fixed order.
func partsOf(e *Entry) []Span {
	return []Span{e.Item(), e.Marker(), e.Indent(), e.Content(), e.Label(), e.Link(), e.Text(), e.Year(), e.YearSep(), e.Name(), e.URL(), e.Stray(), e.Separator(), e.Desc(), e.Sentence(), e.Trailer()}
}

// shift moves valid spans at or after from by n bytes.
func shift(spans []Span, from, n int) []Span {
	out := make([]Span, len(spans))
	for i, s := range spans {
		if s.Valid() && s.End >= from {
			s.End += n
			if s.Start >= from {
				s.Start += n
			}
		}
		out[i] = s
	}
	return out
}

// TestEntryFarParts checks that parts beyond the 16-bit offsets from the
// start of the line (a description of 70,000 bytes, a name after
// 70,000 bytes of indentation inside a quote) come back exactly: the
// same entry with short text gives the same spans, shifted.
func TestEntryFarParts(t *testing.T) {
	const long = 70_000
	for _, tc := range []struct {
		name       string
		short, far string
		from       int // where the long text starts in far
	}{
		{
			name:  "long description",
			short: "- **Go**: [2019-Name #Tool#](https://example.org/x)). Does x. `MIT`\n",
			far:   "- **Go**: [2019-Name #Tool#](https://example.org/x)). Does x" + strings.Repeat("x", long) + ". `MIT`\n",
			from:  len("- **Go**: [2019-Name #Tool#](https://example.org/x)). Does x"),
		},
		{
			name:  "long link text",
			short: "- [Name](https://example.org/x) - Does x.\n",
			far:   "- [Name" + strings.Repeat("e", long) + "](https://example.org/x) - Does x.\n",
			from:  len("- [Name"),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			short, err := Parse("short.md", []byte(tc.short))
			if err != nil {
				t.Fatal(err)
			}
			far, err := Parse("far.md", []byte(tc.far))
			if err != nil {
				t.Fatal(err)
			}
			if len(short.Items) != 1 || len(far.Items) != 1 {
				t.Fatalf("items: %d and %d, want 1", len(short.Items), len(far.Items))
			}
			s, f := short.Items[0], far.Items[0]
			if f.rare == nil || f.rare.far == nil {
				t.Fatal("no part was kept far: the test does not reach the far path")
			}
			want := shift(partsOf(s), tc.from, len(tc.far)-len(tc.short))
			for i, got := range partsOf(f) {
				if got != want[i] {
					t.Errorf("part %d: got %v, want %v", i, got, want[i])
				}
			}
			if f.Dest() != s.Dest() || f.URLKey() != s.URLKey() || f.IsEntry() != s.IsEntry() || f.YearValue() != s.YearValue() {
				t.Errorf("far entry: dest %q key %q, want %q %q", f.Dest(), f.URLKey(), s.Dest(), s.URLKey())
			}
		})
	}
}

// TestMaxSourceBytes: a limit above what 32-bit offsets index means the
// largest they do.
func TestMaxSourceBytes(t *testing.T) {
	l := Limits{MaxBytes: MaxSourceBytes + 1}.withDefaults()
	if l.MaxBytes != MaxSourceBytes {
		t.Errorf("MaxBytes %d, want %d", l.MaxBytes, MaxSourceBytes)
	}
}

// TestOffsetIn: a string is found in another only where it shares its
// memory, whatever their lengths (a key longer than the whole source was
// taken for part of it).
func TestOffsetIn(t *testing.T) {
	src := "- [x](https://example.org/a)\n"
	for _, tc := range []struct {
		s    string
		off  int
		isIn bool
	}{
		{src[5:10], 5, true},
		{src, 0, true},
		{src[len(src):], 0, false},
		{strings.Clone(src[5:10]), 0, false},
		{strings.Repeat("x", 3*len(src)), 0, false},
	} {
		off, ok := offsetIn(src, tc.s)
		if ok != tc.isIn || ok && off != tc.off {
			t.Errorf("offsetIn(src, %q) = %d, %v; want %d, %v", tc.s, off, ok, tc.off, tc.isIn)
		}
	}
}
