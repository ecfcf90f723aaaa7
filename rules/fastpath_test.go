package rules

import (
	"bytes"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/internal/corpustest"
	"github.com/listlint/listlint/internal/listgen"
	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// The tests here hold each fast path to the general code it replaced,
// kept below as the reference, on generated inputs and on every entry of
// the corpus.

// corpusDocs parses the corpus files (see corpusFiles).
func corpusDocs(t *testing.T) []*lint.Document {
	t.Helper()
	var docs []*lint.Document
	for _, path := range corpustest.Files(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := lint.Parse(path, src)
		if err != nil {
			continue // beyond the parser's limits: not the rules' concern
		}
		docs = append(docs, doc)
	}
	return docs
}

// combine returns every concatenation of one string from each part.
func combine(parts ...[]string) []string {
	out := []string{""}
	for _, p := range parts {
		var next []string
		for _, prefix := range out {
			for _, s := range p {
				next = append(next, prefix+s)
			}
		}
		out = next
	}
	return out
}

// absoluteURLGeneral is absoluteURL as it was, with strings.ToLower.
func absoluteURLGeneral(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	i := strings.IndexByte(dest, ':')
	if i < 0 {
		return false
	}
	s := strings.ToLower(dest[:i])
	return (s == "http" || s == "https") && len(dest) > i+3 && dest[i+1:i+3] == "//"
}

func TestAbsoluteURLFastPath(t *testing.T) {
	// The byte match relies on this: no rune beyond ASCII lowers to a
	// byte of a scheme absoluteURL accepts.
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l < utf8.RuneSelf && strings.ContainsRune("https:/", l) {
			t.Fatalf("%U lowers to %q", r, l)
		}
	}
	dests := combine(
		[]string{"", "h", "H", "http", "HTTP", "https", "HtTpS", "httpss", "htp", "ftp", "/", "//", "K", "İ", "ſ", "\xff"},
		[]string{"", "s", "S", "ſ", ":", "://", ":/", "//", ":///", "s://", "/:"},
		[]string{"", "a", "/", "a.example/x", ":"},
	)
	for _, doc := range corpusDocsOrNone(t) {
		for _, e := range doc.Items {
			dests = append(dests, e.Dest())
		}
	}
	for _, d := range dests {
		if got, want := absoluteURL(d), absoluteURLGeneral(d); got != want {
			t.Errorf("absoluteURL(%q) = %v, the general path says %v", d, got, want)
		}
	}
}

// corpusDocsOrNone is corpusDocs without the skip: the generated inputs
// of a test still run where the corpus is absent.
func corpusDocsOrNone(t *testing.T) []*lint.Document {
	t.Helper()
	var docs []*lint.Document
	t.Run("corpus", func(t *testing.T) { docs = corpusDocs(t) })
	return docs
}

// TestCopyIndex holds copyIndex to a plain map of first copies.
func TestCopyIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	doc, err := lint.Parse("copies.md", []byte(strings.Repeat("- [x](https://example.org/)\n", 300)))
	if err != nil {
		t.Fatal(err)
	}
	for round := range 200 {
		keys := 1 + rng.IntN(50)
		x := newCopyIndex(rng.IntN(100))
		want := map[string]copyOf{}
		for i := range 300 {
			key := strings.Repeat("k", rng.IntN(keys))
			c := copyOf{e: doc.Items[i]}
			first, seen := x.note(key, c)
			w, ok := want[key]
			if !ok {
				want[key], w = c, c
			}
			if seen != ok || first != w {
				t.Fatalf("round %d, copy %d under %q: got %v %v, want %v %v", round, i, key, first.e.Index(), seen, w.e.Index(), ok)
			}
		}
	}
}

// TestLineCursor holds lint.LineCursor to Document.Line on the corpus,
// offsets taken in document order (as the rules take them), backwards and
// at random.
func TestLineCursor(t *testing.T) {
	docs := corpusDocsOrNone(t)
	for _, src := range []string{"", "\n", "a", "a\nb", "a\r\nb\r\n\r\nc", "a\rb\r\rc\n", "\ufeffa\n\nb\n", "- [x](u)\n\n- [y](v)\n"} {
		docs = append(docs, parseDoc(t, "gen.md", src))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, doc := range docs {
		c := doc.Cursor()
		check := func(off int) {
			if got, want := c.Line(off), doc.Line(off); got != want {
				t.Fatalf("%s: line(%d) = %d, Document.Line says %d", doc.Path, off, got, want)
			}
		}
		step := 1 + len(doc.Src)/2000 // the corpus has large files
		for off := -1; off <= len(doc.Src)+1; off += step {
			check(off)
		}
		for off := len(doc.Src) + 1; off >= -1; off -= step {
			check(off)
		}
		for range 200 {
			check(rng.IntN(len(doc.Src)+3) - 1)
		}
		for _, e := range doc.Items {
			check(e.Item().Start)
			check(e.Item().End)
		}
	}
}

// TestSeparatorStyle holds separatorStyle's byte scan to a reading of
// the separator as a string: the character between the blanks names the
// style, and the separator is the style's own when it is spelt as the
// style is (without the trailing space before a line break).
func TestSeparatorStyle(t *testing.T) {
	styles := map[string]sepStyle{":": colonStyle, "：": fullColonStyle, "-": dashStyle, "–": enDashStyle, "—": emDashStyle}
	ref := func(src []byte, e *lint.Entry) (sepStyle, bool) {
		sep := string(src[e.Separator().Start:e.Separator().End])
		st, ok := styles[strings.Trim(sep, " \t")]
		if !ok {
			return arrow, false
		}
		own := sep == styleText[st]
		if e.Separator().End < len(src) && (src[e.Separator().End] == '\n' || src[e.Separator().End] == '\r') {
			own = sep == strings.TrimSuffix(styleText[st], " ")
		}
		return st, own
	}
	docs := corpusDocsOrNone(t)
	var gen strings.Builder
	for _, sep := range combine([]string{"", " ", "  ", "\t"},
		[]string{":", "-", "：", "–", "—", "->", "-->", "=>", "==>", "→", "—>", "–>", "⇒", "- >"},
		[]string{"", " ", "  ", "\n  "}) {
		gen.WriteString("- [A](https://a.example)" + sep + "Alpha.\n")
	}
	docs = append(docs, parseDoc(t, "gen.md", gen.String()))
	n := 0
	for _, doc := range docs {
		for _, e := range doc.Items {
			if !e.IsEntry() || !e.Separator().Valid() {
				continue
			}
			n++
			st, own := separatorStyle(doc.Src, e)
			if wst, wown := ref(doc.Src, e); st != wst || own != wown {
				t.Errorf("%s: separator %q: style %d own %v, want %d %v", doc.Path, doc.Text(e.Separator()), st, own, wst, wown)
			}
		}
	}
	if n < 14*4*4 {
		t.Errorf("only %d separators checked", n)
	}
}

// TestOnlyLF holds the whitespace rule's shortcut to the line-by-line
// comparison: a file it passes has no line ending to rewrite.
func TestOnlyLF(t *testing.T) {
	docs := corpusDocsOrNone(t)
	for _, src := range []string{"", "\n", "a", "a\nb\n", "\ufeffa\n\n", "a\r\nb\r\n", "a\nb\r\nc\n", "a\rb\n", "a\n\r"} {
		docs = append(docs, parseDoc(t, "gen.md", src))
	}
	passed := 0
	for _, doc := range docs {
		if !onlyLF(doc) {
			continue
		}
		passed++
		if edits := lineEndingEdits(doc); len(edits) > 0 {
			t.Errorf("%s: onlyLF, yet the general path rewrites %v", doc.Path, edits)
		}
	}
	if passed == 0 {
		t.Error("no input took the shortcut")
	}
}

// TestPlainHTTP holds entry-link's shortcut to the general check: a
// destination it passes is one urlProblem accepts once trimmed.
func TestPlainHTTP(t *testing.T) {
	dests := combine(
		[]string{"", " ", "http://", "https://", "HTTP://", "Https://", "http:/", "https:", "https:///", "htp://", "//", "www."},
		[]string{"", "/", " ", "\t", "\v", "\u0085", "\u00a0", "\u3000", "a", "é", "example.com", ":", "?"},
		[]string{"", " ", "\u00a0", "/x", "\n"},
	)
	for _, doc := range corpusDocsOrNone(t) {
		for _, e := range doc.Items {
			dests = append(dests, e.Dest())
		}
	}
	passed := 0
	for _, d := range dests {
		if !plainHTTP(d) {
			continue
		}
		passed++
		if trimmed := strings.TrimSpace(d); trimmed == "" || urlProblem(trimmed) != "" {
			t.Errorf("plainHTTP(%q), yet the general path finds %q", d, urlProblem(trimmed))
		}
	}
	if passed == 0 {
		t.Error("no input took the shortcut")
	}
}

// TestASCIIShortcuts checks what the description rule's ASCII shortcuts
// rely on: an ASCII byte decodes, forwards or backwards, to itself, and
// asciiNotLower passes only what checkCapital's unicode.IsLower would.
func TestASCIIShortcuts(t *testing.T) {
	inputs := []string{"", "é", "É", "ß", "ǅ", "\xff", "中"}
	for c := range byte(utf8.RuneSelf) {
		b := []byte{'x', c}
		if r, size := utf8.DecodeLastRune(b); r != rune(c) || size != 1 {
			t.Errorf("DecodeLastRune(%q) = %q, %d", b, r, size)
		}
		inputs = append(inputs, string(c), string(c)+"x")
	}
	for _, s := range inputs {
		r, _ := utf8.DecodeRuneInString(s)
		if asciiNotLower([]byte(s)) && unicode.IsLower(r) {
			t.Errorf("asciiNotLower(%q), yet it starts with a lowercase letter", s)
		}
	}
}

// endsWithURLGeneral is endsWithURL as it was.
func endsWithURLGeneral(b []byte) bool {
	i := len(b)
	for i > 0 && !text.IsSpace(b[i-1]) && b[i-1] < utf8.RuneSelf {
		i--
	}
	w := b[i:]
	return bytes.HasPrefix(w, []byte("http://")) || bytes.HasPrefix(w, []byte("https://"))
}

func TestEndsWithURLFastPath(t *testing.T) {
	var inputs [][]byte
	for _, s := range combine(
		[]string{"", "x", "a b", "é"},
		[]string{"", " ", "\t", "\n", "\r", "\v", "\f", "\x00", "\x1f", "\x7f", "é", "!", "~"},
		[]string{"", "h", "http://", "https://x.example/a", "http:/", "xhttp://a", "https://a\x7fb", "https://a\vb"},
	) {
		inputs = append(inputs, []byte(s))
	}
	for _, doc := range corpusDocsOrNone(t) {
		for _, e := range doc.Items {
			if e.Desc().Valid() {
				inputs = append(inputs, doc.Src[e.Desc().Start:e.Desc().End])
			}
		}
	}
	for _, b := range inputs {
		if got, want := endsWithURL(b), endsWithURLGeneral(b); got != want {
			t.Errorf("endsWithURL(%q) = %v, the general path says %v", b, got, want)
		}
	}
}

// TestMayEndInSpace checks what the whitespace rule's line shortcut
// relies on: trailingSpace finds nothing on a line whose last byte
// mayEndInSpace rejects.
func TestMayEndInSpace(t *testing.T) {
	lines := combine(
		[]string{"", "x", " ", "\t", "\u00a0", "\xc2", "\xa0", "é"},
		[]string{"", "x", " ", "\t", "\u00a0", "\xc2", "\xa0", "é", "\u3000", "\r"},
	)
	for c := range 256 {
		lines = append(lines, "x"+string(rune(c)), "x"+string([]byte{byte(c)}))
	}
	for _, l := range lines {
		src := []byte(l)
		ln := lint.Span{Start: 0, End: len(src)}
		if len(src) > 0 && !mayEndInSpace(src[len(src)-1]) && trailingSpace(src, ln) != ln.End {
			t.Errorf("%q: mayEndInSpace is false, yet trailingSpace finds white space", l)
		}
	}
}

// TestNoAllocationPerEntry keeps the speed work's promise: on a clean
// list these rules allocate per file, not per entry.
func TestNoAllocationPerEntry(t *testing.T) {
	const n = 4000
	for _, st := range []listgen.Style{listgen.Seed, listgen.Awesome} {
		doc, err := lint.Parse("list.md", listgen.List(st, n, true))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []*lint.Rule{Description, DuplicateName, DuplicateURL, EntryLink, ListSpacing, ProjectTag, Separator, SortOrder, Whitespace, YearPrefix} {
			l := &lint.Linter{Rules: []*lint.Rule{r}}
			if allocs := testing.AllocsPerRun(2, func() { l.Run([]*lint.Document{doc}) }); allocs > n/20 {
				t.Errorf("style %d, %s: %.0f allocations for %d entries", st, r.ID, allocs, n)
			}
		}
	}
}
