package lint

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// corpusDocs parses the real lists of ../shared, or skips when they are
// absent.
func corpusDocs(t *testing.T) []*Document {
	t.Helper()
	root := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared absent")
	}
	var docs []*Document
	walk := func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		d, err := Parse(p, src)
		if err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	}
	for _, dir := range []string{"fixtures", "corpus"} {
		if err := filepath.WalkDir(filepath.Join(root, dir), walk); err != nil {
			t.Fatal(err)
		}
	}
	return docs
}

// randomText joins n random pieces: plain text and the bytes links,
// destinations and names treat specially.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{
		"a", "Z", "9", "-", "_", ".", "/", ":", "é", "日本", "\u00a0", "\x01", "\x7f",
		" ", "\t", "\n", "\r", "(", ")", "[", "]", "<", ">", "\\", "&", "&amp;", "`",
		"!", "![x](y)", "#", "?", "\"", "'", "https://", "HTTP://", "www.", "Www.",
		"github.com", "GitLab.com", "example.com", "Owner", "repo", ".git", ":443", ":80",
		"utm_source=x", "UTM_Medium=y", "a=1", "&&", "x.git/",
		// Runes that fold to ASCII letters, that grow when lowercased,
		// a non-ASCII digit, a letter number, and an invalid byte.
		"\u212a", "\u017f", "\u0130", "\u023a", "\u0663", "\u216b", "\xc5",
		"![", "![a]", "![b](c", "!![d](e)", "[f]", "`g]`",
	}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// checkPlainDest fails when plainDest answers where scanInlineDest, the
// spelling check and the escape check of the full path would not agree.
func checkPlainDest(t *testing.T, src []byte, i, limit int, dest []byte) bool {
	t.Helper()
	url, after, ok := plainDest(src, i, limit, dest)
	if !ok {
		return false
	}
	want, wantAfter, wantOK := scanInlineDest(src, i, limit)
	if !wantOK || url != want || after != wantAfter ||
		!bytes.Equal(src[url.Start:url.End], dest) || escaped(dest) {
		t.Errorf("plainDest(%q, %d, %d, %q) = %v, %d; scanInlineDest = %v, %d, %v",
			src, i, limit, dest, url, after, want, wantAfter, wantOK)
	}
	return true
}

// TestPlainDest compares plainDest with the full scan on the inline
// links of the real lists and on generated text.
func TestPlainDest(t *testing.T) {
	links, fast := 0, 0
	for _, d := range corpusDocs(t) {
		base := 0
		if d.BOM {
			base = len(bom)
		}
		// The model keeps no tree: parse again for goldmark's links.
		root := goldmark.New().Parser().Parse(text.NewReader(d.Src[base:]))
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			link, ok := n.(*ast.Link)
			if !entering || !ok || link.Reference != nil {
				return ast.WalkContinue, nil
			}
			open := base + link.Pos()
			c := matchBracket(d.Src, open, len(d.Src))
			if c >= 0 && c+1 < len(d.Src) && d.Src[c+1] == '(' {
				links++
				if checkPlainDest(t, d.Src, c+2, len(d.Src), link.Destination) {
					fast++
				}
			}
			return ast.WalkContinue, nil
		})
	}
	t.Logf("corpus: %d of %d inline links on the fast path", fast, links)
	r := rand.New(rand.NewPCG(1, 6))
	tries, fast := 0, 0
	for range 50000 {
		// "(", spaces, a destination, often ")" and more text: the
		// destination handed over is often, but not always, the one
		// that stands there.
		lead := []string{"", "", " ", "\n ", "\t", "<"}[r.IntN(6)]
		dest := randomText(r, 1+r.IntN(6))
		tail := []string{")", ")", ") - x", " \"t\")", "))", "", "x)"}[r.IntN(7)] + randomText(r, r.IntN(3))
		src := []byte(lead + dest + tail)
		given := []byte(dest)
		switch r.IntN(6) {
		case 0:
			given = given[:r.IntN(len(given)+1)]
		case 1:
			given = append(given, randomText(r, 1)...)
		}
		limit := len(src) - r.IntN(3)
		if limit < 0 {
			limit = 0
		}
		tries++
		if checkPlainDest(t, src, 0, limit, given) {
			fast++
		}
	}
	if fast == 0 {
		t.Errorf("generated: the fast path never answered in %d tries", tries)
	}
	t.Logf("generated: %d of %d on the fast path", fast, tries)
}

// TestPlainBytes compares the word-at-a-time test with a byte loop for
// every byte value at every position of strings of 1 to 24 bytes.

// appendNameKeyRef is appendNameKey as it was before its byte table, kept
// as the reference the table must agree with.
func appendNameKeyRef(dst, name []byte) []byte {
	for i := 0; i < len(name); {
		c := name[i]
		if c == '!' && i+1 < len(name) && name[i+1] == '[' {
			if end := skipImage(name, i+1); end > 0 {
				i = end
				continue
			}
		}
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				dst = append(dst, c)
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			}
			continue
		}
		r, size := utf8.DecodeRune(name[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// TestNameKeyRef compares appendNameKey with appendNameKeyRef on the link
// texts and names of the real lists, on every byte value and on generated
// text.
func TestNameKeyRef(t *testing.T) {
	check := func(name []byte) {
		t.Helper()
		got := appendNameKey([]byte("x"), name)
		if want := appendNameKeyRef([]byte("x"), name); !bytes.Equal(got, want) {
			t.Errorf("appendNameKey(%q) = %q, want %q", name, got, want)
		}
	}
	n := 0
	for _, d := range corpusDocs(t) {
		for _, e := range d.Items {
			if e.IsEntry() {
				n++
				check(d.Src[e.Text().Start:e.Text().End])
				check(d.Src[e.Name().Start:e.Name().End])
			}
		}
	}
	for c := range 256 {
		check([]byte{byte(c)})
		check([]byte{'A', byte(c), 'z', 0xc3, 0x89})
	}
	r := rand.New(rand.NewPCG(3, 8))
	for range 20000 {
		check([]byte(randomText(r, 1+r.IntN(10))))
	}
	t.Logf("%d corpus link texts", n)
}

// TestMatchBracket compares matchBracket with the byte-by-byte
// scanBracket at every "[" of the real lists (up to the end of the line
// and of the file) and of generated text.
func TestMatchBracket(t *testing.T) {
	check := func(src []byte, open, limit int) {
		t.Helper()
		if got, want := matchBracket(src, open, limit), scanBracket(src, open, limit); got != want {
			t.Errorf("matchBracket(%q, %d, %d) = %d, want %d", src, open, limit, got, want)
		}
	}
	n := 0
	for _, d := range corpusDocs(t) {
		for i, c := range d.Src {
			if c == '[' {
				n++
				check(d.Src, i, len(d.Src))
				check(d.Src, i, d.LineSpan(d.Line(i)).End)
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 9))
	for range 50000 {
		src := []byte(randomText(r, 1+r.IntN(10)))
		open := r.IntN(len(src))
		if r.IntN(2) == 0 {
			src[open] = '['
		}
		check(src, open, open+r.IntN(len(src)-open+1))
	}
	t.Logf("%d corpus brackets", n)
}

// TestIsWordTag holds isWordTag's ASCII path to the rune-by-rune rule
// (every rune a letter) on every byte value in every position and on
// non-ASCII words.
func TestIsWordTag(t *testing.T) {
	ref := func(b []byte) bool {
		for _, r := range string(b) {
			if !unicode.IsLetter(r) {
				return false
			}
		}
		return true
	}
	words := []string{"", "Project", "project", "Projéct", "工具", "Tool2", "a-b", "ÀB", "\xff"}
	for c := range 256 {
		for _, w := range []string{"", "Ab", "ab"} {
			words = append(words, string([]byte{byte(c)})+w, w+string([]byte{byte(c)}))
		}
	}
	for _, w := range words {
		if got, want := isWordTag([]byte(w)), ref([]byte(w)); got != want {
			t.Errorf("isWordTag(%q) = %v, want %v", w, got, want)
		}
	}
}
