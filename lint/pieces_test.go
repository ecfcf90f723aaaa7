package lint

import (
	"bytes"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/listlint/listlint/internal/listgen"
)

// takeKeys returns the name keys of d's items and clears where they are
// kept, which differs between a whole parse and one in pieces.
func takeKeys(d *Document) []string {
	keys := make([]string, len(d.Items))
	for i, e := range d.Items {
		keys[i] = e.NameKey()
	}
	for _, e := range d.Items {
		e.key = keyRange{}
	}
	for _, l := range d.Lists {
		l.keys = ""
	}
	return keys
}

// samePieces fails unless src cut at every heading it can be cut at
// yields the model of the whole parse, and returns how many pieces it
// was parsed in. The whole parse is held to goldmark's default parser's
// too: a file without link reference definitions is parsed without its
// paragraph transformer.
func samePieces(t *testing.T, path string, src []byte) int {
	t.Helper()
	whole, _, err := parse(path, src, Limits{Links: true}, 1)
	cut, pieces, cutErr := parse(path, src, Limits{Links: true}, len(src))
	full, _, fullErr := parse(path, src, Limits{Links: true}, -1)
	if errors.Is(err, ErrLimit) && errors.Is(cutErr, ErrLimit) && errors.Is(fullErr, ErrLimit) {
		return 0 // refused either way, as it must be
	}
	if err != nil || cutErr != nil || fullErr != nil {
		t.Fatalf("whole: %v; in pieces: %v; with the default parser: %v", err, cutErr, fullErr)
	}
	if !reflect.DeepEqual(whole, full) {
		t.Errorf("%s: the model differs from the one goldmark's default parser gives", path)
	}
	// Each piece keeps the name keys of its entries in a string of its
	// own: compare the keys, then the rest.
	if w, c := takeKeys(whole), takeKeys(cut); !slices.Equal(w, c) {
		t.Errorf("%s: the name keys parsed in pieces differ from the whole parse", path)
	}
	if !reflect.DeepEqual(whole, cut) {
		for i := range max(len(whole.Items), len(cut.Items)) {
			if i >= len(whole.Items) || i >= len(cut.Items) || !reflect.DeepEqual(whole.Items[i], cut.Items[i]) {
				t.Errorf("%s: the model parsed in pieces differs from the whole parse, first at item %d", path, i)
				return 0
			}
		}
		t.Errorf("%s: the model parsed in pieces differs from the whole parse", path)
	}
	return pieces
}

// pieceCases are cut, or left whole, for a reason each.
var pieceCases = []struct {
	name, src string
	pieces    int
}{
	{"headings after blank lines", "# A\n\n- [a](u) - x\n\n## B\n\n- [b](v) - y\n\n### C\ntext\n", 3},
	{"no blank line before", "- a\n# B\n- b\n", 1},
	{"not a heading", "a\n\n#hashtag\n\n####### seven\n", 1},
	{"empty heading", "a\n\n#\n\nb\n\n##\t\n", 3},
	{"CRLF", "# A\r\n\r\n- a\r\n\r\n# B\r\n\r\n- b\r\n", 2},
	{"loose list closed", "- a\n\n- b\n\n  c\n\n# B\n- d\n", 2},
	{"fence in a list item", "- a\n  ```\n  code\n\n# B\n", 2},
	{"fence in a quote", "> ```\n> code\n\n# B\n", 2},
	{"indented code", "    code\n\n# B\n", 2},
	// Open at the cut: these would take the heading in.
	{"open fence", "```\ncode\n\n# not a heading\n", 1},
	{"open tilde fence", "~~~\n\nx\n\n# not a heading\n~~~\n", 1},
	{"open comment", "<!--\nx\n\n# not a heading\n-->\n", 1},
	{"open pre", "<pre>\n\n# not a heading\n</pre>\n", 1},
	// Closed, but left whole by the guess before the parse.
	{"closed fence", "```\ncode\n```\n\n# B\n", 1},
	{"closed comment", "<!-- x -->\n\n# B\n", 1},
	// Seen from everywhere: never cut.
	{"reference definition", "# A\n\n- [a][r]\n\n# B\n\n[r]: http://x\n", 1},
}

// TestPiecesCut pins where a file is cut and when it is parsed whole: each
// case is also held to the model of the whole parse.
func TestPiecesCut(t *testing.T) {
	for _, c := range pieceCases {
		t.Run(c.name, func(t *testing.T) {
			if got := samePieces(t, c.name, []byte(c.src)); got != c.pieces {
				t.Errorf("parsed in %d pieces, want %d", got, c.pieces)
			}
		})
	}
}

// TestPiecesAfterGuess reaches the check after the parse: the last
// non-blank line before the heading looks like text, but a fence opened
// earlier is still open.
func TestPiecesAfterGuess(t *testing.T) {
	src := []byte("```\ncode\n\ntext\n\n# not a heading\n")
	if cuts := cutPoints(src, len(src)); len(cuts) != 1 {
		t.Fatalf("cut at %v, want one cut before the heading", cuts)
	}
	if got := samePieces(t, "fence.md", src); got != 1 {
		t.Errorf("parsed in %d pieces, want 1 (whole)", got)
	}
}

// TestPiecesCorpus holds the parse in pieces to the whole parse on every
// fixture, generated list and real list there is.
func TestPiecesCorpus(t *testing.T) {
	var paths []string
	for _, root := range []string{filepath.Join("..", "testdata"), filepath.Join("..", "..", "shared")} {
		// A trailing separator walks a root that is a symbolic link too.
		_ = filepath.WalkDir(root+string(filepath.Separator), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				paths = append(paths, p)
			}
			return nil
		})
	}
	// Only the real lists count towards how many are cut: fixtures are
	// small on purpose.
	cut, real := 0, 0
	shared := filepath.Join("..", "..", "shared") + string(filepath.Separator)
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pieces := samePieces(t, p, src)
		if strings.HasPrefix(p, shared) {
			real++
			if pieces > 1 {
				cut++
			}
		}
	}
	for _, style := range []listgen.Style{listgen.Seed, listgen.Awesome} {
		for _, clean := range []bool{true, false} {
			if samePieces(t, "generated.md", listgen.List(style, 2000, clean)) < 2 {
				t.Errorf("a generated list was parsed whole")
			}
		}
	}
	// Most real lists have headings to cut at.
	if real > 100 && cut < real/2 {
		t.Errorf("only %d of %d real lists were cut", cut, real)
	}
	t.Logf("%d of %d real lists cut", cut, real)
}

// FuzzPieces holds the parse in pieces to the whole parse on any input.
func FuzzPieces(f *testing.F) {
	for _, c := range pieceCases {
		f.Add([]byte(c.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if bytes.IndexByte(src, 0) >= 0 {
			return
		}
		samePieces(t, "fuzz.md", src)
	})
}

// TestPiecesRandom holds the parse in pieces to the whole parse on
// documents assembled from the lines that open, continue and close the
// blocks a cut must respect.
func TestPiecesRandom(t *testing.T) {
	plain := []string{
		"", "", "", "# H", "## H", "###### H", "#", "text", "- [a](u) - x", "  - [b](v): y",
		"1. one", "   continued", "    indented", "\tindented", "> quote", "* a", "+ b", "| a | b |",
		"***", "---", "===", "  # H", "#\tH", "  code",
	}
	// Lines that open or close the blocks that may be open at a cut.
	tricky := []string{
		"> ```", "```", "```go", "``` a`b", "~~~", "~~~~", "  ```", "- ```", "<!--", "-->",
		"<!-- c -->", "<pre>", "</pre>", "<div>", "</div>", "<details>", "<script>", "</script>",
		"<?x", "?>", "<!X", "]]>",
	}
	r := rand.New(rand.NewPCG(7, 11))
	cut, guessed := 0, 0
	for range 20000 {
		var b strings.Builder
		for range 4 + r.IntN(30) {
			if r.IntN(10) == 0 {
				b.WriteString(tricky[r.IntN(len(tricky))])
			} else {
				b.WriteString(plain[r.IntN(len(plain))])
			}
			b.WriteByte('\n')
		}
		src := []byte(b.String())
		if samePieces(t, "random.md", src) > 1 {
			cut++
		} else if len(cutPoints(src, len(src))) > 0 {
			guessed++ // cut points found, but a block was open at one
		}
		if t.Failed() {
			t.Fatalf("input:\n%s", b.String())
		}
	}
	// Both ways out must be taken often for the test to mean anything.
	if cut < 2000 || guessed < 1000 {
		t.Errorf("%d of 20000 documents cut, %d parsed whole after the parse", cut, guessed)
	}
}

// TestPiecesBounded parses a file of several times maxPiece on two
// workers: it is cut into pieces of about cachePiece (pieceCount), not
// two halves whose goldmark trees would be alive at once, and the model
// is the whole parse's.
func TestPiecesBounded(t *testing.T) {
	src := listgen.List(listgen.Awesome, 4*maxPiece/80, true)
	if len(src) < 3*maxPiece {
		t.Fatalf("generated %d bytes, want at least %d", len(src), 3*maxPiece)
	}
	whole, _, err := parse("big.md", src, Limits{Links: true}, 1)
	if err != nil {
		t.Fatal(err)
	}
	cut, pieces, err := parse("big.md", src, Limits{Links: true}, 2)
	if err != nil {
		t.Fatal(err)
	}
	// A piece ends at the first heading after its share: one fewer
	// piece than asked is possible.
	if want := pieceCount(len(src), 2); pieces < want-1 || pieces > want {
		t.Errorf("%d bytes parsed in %d pieces, want %d", len(src), pieces, want)
	}
	if !slices.Equal(takeKeys(whole), takeKeys(cut)) {
		t.Error("the name keys parsed in pieces differ from the whole parse")
	}
	if !reflect.DeepEqual(whole, cut) {
		t.Error("the model parsed in pieces differs from the whole parse")
	}
}

// TestPieceCount: pieces of cachePiece bytes, up to cachePieces of them,
// then of up to maxPiece bytes; never fewer than workers.
func TestPieceCount(t *testing.T) {
	for _, c := range []struct{ size, n, want int }{
		{400 << 10, 2, 2},          // awesome-go's README: one a worker
		{8 << 20, 2, 32},           // 256 KB pieces
		{16 << 20, 2, cachePieces}, // the most of 256 KB
		{57 << 20, 2, cachePieces}, // 890 KB pieces
		{115 << 20, 2, 115},        // maxPiece
		{1 << 20, 8, 8},
	} {
		if got := pieceCount(c.size, c.n); got != c.want {
			t.Errorf("pieceCount(%d, %d) = %d, want %d", c.size, c.n, got, c.want)
		}
	}
}

// TestLinksAsked checks that links are collected only when asked, and
// joined in order from the pieces.
func TestLinksAsked(t *testing.T) {
	src := []byte("# A\n\n- [a](https://example.org/a) - x\n\n## B\n\n- <https://example.org/b>\n")
	d, _, err := parse("links.md", src, Limits{}, len(src))
	if err != nil {
		t.Fatal(err)
	}
	if ls, ok := d.Links(); ok || ls != nil {
		t.Errorf("links collected unasked: %v", ls)
	}
	d, pieces, err := parse("links.md", src, Limits{Links: true}, len(src))
	if err != nil {
		t.Fatal(err)
	}
	ls, ok := d.Links()
	var urls []string
	for _, l := range ls {
		urls = append(urls, l.URL)
	}
	if want := []string{"https://example.org/a", "https://example.org/b"}; !ok || pieces != 2 || !slices.Equal(urls, want) {
		t.Errorf("links %q (collected %v, %d pieces), want %q in 2 pieces", urls, ok, pieces, want)
	}
}
