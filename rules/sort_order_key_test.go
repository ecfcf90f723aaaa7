package rules

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/collate"

	"github.com/listlint/listlint/internal/corpustest"
	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// textsOf returns the bytes of each name: what sortText gives for an
// entry named so.
func textsOf(names []string) [][]byte {
	texts := make([][]byte, len(names))
	for i, n := range names {
		texts[i] = []byte(n)
	}
	return texts
}

// keysOf returns the collation key of each text, the collator's answer
// that compareNames' ASCII path must agree with.
func keysOf(coll *collation, texts [][]byte) [][]byte {
	keys := make([][]byte, len(texts))
	var buf collate.Buffer
	for i, t := range texts {
		keys[i] = bytes.Clone(coll.key(&buf, t))
		buf.Reset()
	}
	return keys
}

// pairChecker compares collation.compare with bytes.Compare of the keys and
// counts the outcomes, so a test can see that its inputs reach all three.
type pairChecker struct {
	t      *testing.T
	coll   *collation
	texts  [][]byte
	keys   [][]byte
	signs  [3]int // pairs that compared less, equal, greater
	failed int
}

func newPairChecker(t *testing.T, texts [][]byte) *pairChecker {
	coll := newCollation("root")
	return &pairChecker{t: t, coll: coll, texts: texts, keys: keysOf(coll, texts)}
}

// check compares texts i and j both ways.
func (c *pairChecker) check(i, j int) {
	for _, p := range [][2]int{{i, j}, {j, i}} {
		a, b := c.texts[p[0]], c.texts[p[1]]
		want := bytes.Compare(c.keys[p[0]], c.keys[p[1]])
		got := cmp.Compare(c.coll.compare(a, b), 0)
		c.signs[want+1]++
		if got != want && c.failed < 10 {
			c.failed++
			c.t.Errorf("compareNames(%q, %q) = %d, keys compare %d", shorten(string(a)), shorten(string(b)), got, want)
		}
	}
}

// shorten keeps a failure message readable when a name is a long number.
func shorten(name string) string {
	if len(name) <= 40 {
		return name
	}
	return fmt.Sprintf("%s…(%d bytes)…%s", name[:20], len(name), name[len(name)-10:])
}

// all checks every pair.
func (c *pairChecker) all() {
	for i := range c.texts {
		for j := i; j < len(c.texts); j++ {
			c.check(i, j)
		}
	}
}

// nameTokens are the pieces generated names are made of: few enough that
// names often share prefixes or fold to the same key, and covering each
// case of the fold: case, numbers with leading zeros, white-space runs,
// punctuation, control characters.
var nameTokens = []string{
	"a", "A", "b", "B", "z", "Z", "go", "Go", "GO", "gO",
	"0", "00", "000", "007", "1", "01", "001", "10", "010", "2", "9", "19", "99", "100",
	"123456789012345678901234567890", "123456789012345678901234567891",
	" ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\r", " \t ",
	"-", "_", ".", "/", "+", "#", "!", "~", "[", "]", "`", "@", "(", "'", "\"",
	"\x00", "\x01", "\x1f", "\x7f",
}

// randomName is a few tokens and random ASCII bytes, sometimes after
// leading punctuation.
func randomName(r *rand.Rand) string {
	var b strings.Builder
	if r.IntN(4) == 0 {
		const lead = "-_.*#[( \t\x01"
		for range r.IntN(3) + 1 {
			b.WriteByte(lead[r.IntN(len(lead))])
		}
	}
	for range r.IntN(6) + 1 {
		switch r.IntN(10) {
		case 0, 1:
			b.WriteByte(byte(r.IntN(128)))
		case 2:
			b.WriteString(strings.Repeat("0", r.IntN(4)))
			b.WriteString(strings.Repeat(string(rune('0'+r.IntN(10))), r.IntN(40)+1))
		default:
			b.WriteString(nameTokens[r.IntN(len(nameTokens))])
		}
	}
	return b.String()
}

// TestCompareNamesGenerated checks compareNames against the keys on every
// pair of generated names, most of them ASCII, and on long numbers.
func TestCompareNamesGenerated(t *testing.T) {
	short := []string{"", " ", "-", "\x00", "0", "00", "7", "8", "a", "A", "a ", "a\t\n", "a0", "a00", "a7", "a8", "a-", "a_"}
	long := slices.Clone(short)
	for _, n := range []int{1, 2, 255, 256, 257, 65535, 65536, 65537} {
		digits := strings.Repeat("7", n)
		long = append(long, digits, "0"+digits, "a"+digits+"b", "A"+digits+" b", "a"+digits+"\t\tb")
	}
	c := newPairChecker(t, textsOf(long))
	c.all()

	r := rand.New(rand.NewPCG(1, 2))
	names := short
	for len(names) < 2000 {
		names = append(names, randomName(r))
	}
	// Some names with one non-ASCII piece anywhere in them, which must
	// take the key path: letters that fold to ASCII, a combining accent,
	// a digit and a space that NFKD makes ASCII.
	for _, piece := range []string{"é", "É", "\u0301", "１", "²", "\u00a0", "ß", "Ｇ"} {
		for range 40 {
			n := randomName(r)
			i := r.IntN(len(n) + 1)
			names = append(names, n[:i]+piece+n[i:])
		}
	}
	c = newPairChecker(t, textsOf(names))
	c.all()
	t.Logf("pairs less, equal, greater: %v", c.signs)
	if c.signs[0] == 0 || c.signs[1] < 2*len(names) || c.signs[2] == 0 {
		t.Errorf("generated names reach too few outcomes: %v", c.signs)
	}
}

// TestCompareNamesReal checks compareNames against the keys on every pair
// of entry names of each rule fixture and each list of the shared corpus
// (the whole file, across its lists), and on neighbours in key order of
// all their names together, the pairs closest to each other.
func TestCompareNamesReal(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, more...)
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "corpus")); err == nil {
		files = append(files, corpustest.Files(t)...)
	} else {
		t.Logf("no corpus: checking the rule fixtures only: %v", err)
	}
	seen := map[string]bool{}
	var names []string
	ascii := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := lint.Parse(f, src)
		if err != nil {
			continue // binary or beyond the limits: no entries to sort
		}
		var texts [][]byte
		for _, e := range doc.Items {
			if !e.IsEntry() {
				continue
			}
			texts = append(texts, sortText(doc, e))
			name := doc.Text(e.Name())
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
				if text.IsASCII([]byte(name)) {
					ascii++
				}
			}
		}
		c := newPairChecker(t, texts)
		c.all()
		if c.failed > 0 {
			t.Fatalf("%s: compareNames differs from the keys", f)
		}
	}
	if ascii == 0 || ascii == len(names) {
		t.Errorf("%d of %d names are ASCII: both paths of compareNames need real names", ascii, len(names))
	}
	// Across files: sort all names by key, then compare each with the
	// next few, which share the longest prefixes.
	c := newPairChecker(t, textsOf(names))
	keys := c.keys
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return bytes.Compare(keys[a], keys[b]) })
	for k := range order {
		for d := 1; d <= 3 && k+d < len(order); d++ {
			c.check(order[k], order[k+d])
		}
	}
	t.Logf("%d files, %d distinct names (%d ASCII); neighbours less, equal, greater: %v", len(files), len(names), ascii, c.signs)
}

// FuzzCompareASCII holds the ASCII fast path to the collator on any two
// names: compare must order them as their collation keys do.
func FuzzCompareASCII(f *testing.F) {
	for _, s := range []string{"", "a", "A b", "go-mode", "gocode", "k0s", "k3d", "v1.10", "Part 2", "007", "a\t\tb", "RSS-Bridge"} {
		f.Add(s, "go_json")
	}
	c := newCollation("root")
	var buf collate.Buffer
	f.Fuzz(func(t *testing.T, a, b string) {
		if !text.IsASCII([]byte(a)) || !text.IsASCII([]byte(b)) {
			return
		}
		buf.Reset()
		want := bytes.Compare(c.key(&buf, []byte(a)), bytes.Clone(c.key(&buf, []byte(b))))
		if got, ok := compareASCII([]byte(a), []byte(b)); ok && cmp.Compare(got, 0) != want {
			t.Errorf("compareASCII(%q, %q) = %d, keys compare %d", a, b, got, want)
		}
	})
}
