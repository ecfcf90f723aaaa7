package lint

import (
	"math/rand/v2"
	"testing"

	"github.com/listlint/listlint/internal/listgen"
)

// TestLineCursor checks LineCursor against Document.Line for offsets in
// order, in reverse, in small steps back and at random, on LF, CRLF and
// lone-CR text with a BOM and blank lines.
func TestLineCursor(t *testing.T) {
	for _, src := range []string{
		"", "a", "\n", "a\n", "\n\n\n", "\xef\xbb\xbfa\nb\n\nc",
		"- a\n- b\n  - c\n\n- d\n", "a\r\nb\r\n\r\nc\r\n", "a\rb\r\rc", "a\r\nb\nc\rd",
	} {
		d, err := Parse("t.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		c := d.Cursor()
		check := func(off int) {
			if got, want := c.Line(off), d.Line(off); got != want {
				t.Errorf("%q: Line(%d) = %d, want %d", src, off, got, want)
			}
		}
		for off := 0; off <= len(src); off++ {
			check(off)
		}
		for off := len(src); off >= 0; off-- {
			check(off)
		}
		for off := 0; off <= len(src); off += 3 {
			check(off)
			check(max(off-2, 0))
		}
		r := rand.New(rand.NewPCG(4, uint64(len(src))))
		for range 100 {
			check(r.IntN(len(src) + 1))
		}
	}
}

// TestNameKeyBatches checks every entry's key on lists long enough to
// fill many batches of name keys.
func TestNameKeyBatches(t *testing.T) {
	for _, style := range []listgen.Style{listgen.Seed, listgen.Awesome} {
		d, err := Parse("t.md", listgen.List(style, 3000, true))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range d.Items {
			if !e.IsEntry() {
				continue
			}
			n++
			if want := NameKey(d.Src[e.Name().Start:e.Name().End]); e.NameKey() != want || want == "" {
				t.Errorf("%s: NameKey %q, want %q", d.Text(e.Name()), e.NameKey(), want)
			}
		}
		if n != 3000 {
			t.Errorf("%d entries, want 3000", n)
		}
	}
}
