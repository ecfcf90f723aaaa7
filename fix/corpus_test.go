package fix_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// sharedDir is the folder of real inputs beside the checkout, seen from
// this package's folder.
var sharedDir = filepath.Join("..", "..", "shared")

// corpusFiles returns the Markdown files under ../shared/corpus and
// ../shared/fixtures, relative to sharedDir, or skips the test when they
// are absent.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, sub := range []string{"corpus", "fixtures"} {
		root := filepath.Join(sharedDir, sub)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".md") {
				rel, err := filepath.Rel(sharedDir, p)
				if err != nil {
					return err
				}
				files = append(files, filepath.ToSlash(rel))
			}
			return nil
		})
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) == 0 {
		t.Skipf("no corpus at %s", sharedDir)
	}
	return files
}

// linkCounts is a multiset of link destinations, counted three ways so
// that a structural change the model misses is still caught: the
// destinations of entries (what the model and the rules see), every link,
// image and autolink goldmark finds anywhere in the file, and the raw
// occurrences of "://" in the text (links in HTML and code included).
type linkCounts struct {
	entries, inline map[string]int
	schemes         int
}

func countLinks(t *testing.T, doc *lint.Document) linkCounts {
	c := linkCounts{entries: map[string]int{}, inline: map[string]int{}}
	// In-page links are left out: the toc fix regenerates tables of
	// contents from the headings.
	for _, it := range doc.Items {
		if it.IsEntry() && !strings.HasPrefix(it.Dest(), "#") {
			c.entries[it.Dest()]++
		}
	}
	body := doc.Src
	base := 0
	if doc.BOM {
		body, base = body[3:], 3
	}
	// An entry CommonMark folded into the item above ("-[Name](url)")
	// is one to a reader, and one to the model once fixed: count the link
	// it starts with.
	folded := map[int]bool{}
	for _, f := range doc.Folds {
		if at := doc.FoldLink(f); at >= 0 {
			folded[at-base] = true
		}
	}
	// A parse of its own: the model keeps no tree, and an independent
	// count is the point.
	root := goldmark.New().Parser().Parse(text.NewReader(body))
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !bytes.HasPrefix(n.Destination, []byte("#")) {
				c.inline["link "+string(n.Destination)]++
			}
			if folded[n.Pos()] {
				c.entries[string(n.Destination)]++
			}
		case *ast.Image:
			c.inline["image "+string(n.Destination)]++
		case *ast.AutoLink:
			c.inline["auto "+string(n.URL(body))]++
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Errorf("%s: walk: %v", doc.Path, err)
	}
	c.schemes = bytes.Count(doc.Src, []byte("://"))
	return c
}

// diffCounts describes how two multisets differ, or returns "".
func diffCounts(before, after map[string]int) string {
	var out []string
	for k, n := range before {
		if after[k] != n {
			out = append(out, fmt.Sprintf("%q %d→%d", k, n, after[k]))
		}
	}
	for k, n := range after {
		if _, ok := before[k]; !ok {
			out = append(out, fmt.Sprintf("%q 0→%d", k, n))
		}
	}
	sort.Strings(out)
	if len(out) > 5 {
		out = append(out[:5], "…")
	}
	return strings.Join(out, ", ")
}

// loneLF counts line feeds not preceded by a carriage return.
func loneLF(b []byte) int {
	return bytes.Count(b, []byte("\n")) - bytes.Count(b, []byte("\r\n"))
}

// changed is a file the fixer rewrote, kept for the patch check.
type changed struct {
	name       string
	orig, done []byte
}

// TestCorpus fixes every real list with every rule and checks the fixer's
// promises: no error; idempotence; no fixable finding left; the links
// unchanged; a file without fixable findings returned as it is; CRLF,
// BOM and the final newline kept; and the diff, applied by the real
// patch, reproduces the fixed file. It grows in strength as rules land in
// rules.All().
func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	l := &lint.Linter{Rules: rules.All()}
	start := time.Now()
	var (
		mu       sync.Mutex
		rewrites []changed
		fixes    int
	)
	lint.Parallel(len(files), func(i int) {
		name := files[i]
		src, err := os.ReadFile(filepath.Join(sharedDir, name))
		if err != nil {
			t.Error(err)
			return
		}
		done, n := checkFile(t, l, name, src)
		mu.Lock()
		defer mu.Unlock()
		fixes += n
		if !bytes.Equal(src, done) {
			rewrites = append(rewrites, changed{name, src, done})
		}
	})
	t.Logf("%d rules, %d files, %d fixes in %d files, %v", len(l.Rules), len(files), fixes, len(rewrites), time.Since(start).Round(time.Millisecond))
	checkPatch(t, rewrites)
}

// checkFile fixes one file and checks every per-file property; it returns
// the fixed content and the number of fixes.
func checkFile(t *testing.T, l *lint.Linter, name string, src []byte) ([]byte, int) {
	orig, err := lint.Parse(name, src)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return src, 0
	}
	hadFix := false
	for _, d := range l.Run([]*lint.Document{orig})[0].Diagnostics {
		hadFix = hadFix || d.Fix != nil
	}
	res, err := fix.File(l, name, src)
	if err != nil {
		t.Errorf("%v", err)
		return src, 0
	}
	for _, d := range res.Remaining {
		if d.Fix != nil {
			line, col := res.Doc.Position(d.Pos)
			t.Errorf("%s:%d:%d: fixable finding remains after fix: %s %s", name, line, col, d.Rule, d.Message)
		}
	}
	if !hadFix && (unsafe.SliceData(res.Src) != unsafe.SliceData(src) || len(res.Src) != len(src)) {
		t.Errorf("%s: no fixable finding, yet the fixer returned new content", name)
	}
	if hadFix && res.Fixed == 0 {
		t.Errorf("%s: fixable findings, yet nothing was fixed", name)
	}
	again, err := fix.File(l, name, res.Src)
	if err != nil {
		t.Errorf("%s: second fix: %v", name, err)
	} else if again.Fixed != 0 || !bytes.Equal(again.Src, res.Src) {
		t.Errorf("%s: not idempotent: a second fix applied %d fixes:\n%s", name, again.Fixed, fix.Diff(name, res.Src, again.Src))
	}
	before, after := countLinks(t, orig), countLinks(t, res.Doc)
	if d := diffCounts(before.entries, after.entries); d != "" {
		t.Errorf("%s: entry destinations changed: %s", name, d)
	}
	if d := diffCounts(before.inline, after.inline); d != "" {
		t.Errorf("%s: link destinations changed: %s", name, d)
	}
	if before.schemes != after.schemes {
		t.Errorf(`%s: "://" occurs %d times, was %d`, name, after.schemes, before.schemes)
	}
	if orig.LineEnding == "\r\n" && (res.Doc.LineEnding != "\r\n" || loneLF(res.Src) > loneLF(src)) {
		t.Errorf("%s: CRLF file gained LF line endings (%d, was %d)", name, loneLF(res.Src), loneLF(src))
	}
	if orig.BOM != res.Doc.BOM {
		t.Errorf("%s: BOM %v became %v", name, orig.BOM, res.Doc.BOM)
	}
	// whitespace adds a missing final newline; nothing may remove one.
	if bytes.HasSuffix(src, []byte("\n")) && !bytes.HasSuffix(res.Src, []byte("\n")) {
		t.Errorf("%s: the final newline was removed", name)
	}
	return res.Src, res.Fixed
}

// checkPatch applies the diffs of all rewritten files with one run of the
// real patch in one temporary folder and compares the results.
func checkPatch(t *testing.T, rewrites []changed) {
	if len(rewrites) == 0 {
		return
	}
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch is not installed")
	}
	dir := t.TempDir()
	var diff bytes.Buffer
	for _, c := range rewrites {
		p := filepath.Join(dir, filepath.FromSlash(c.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, c.orig, 0o644); err != nil {
			t.Fatal(err)
		}
		diff.Write(fix.Diff(c.name, c.orig, c.done))
	}
	cmd := exec.Command("patch", "-p1", "--quiet", "--forward", "--no-backup-if-mismatch")
	cmd.Dir = dir
	cmd.Stdin = &diff
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s", err, out)
	}
	for _, c := range rewrites {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(c.name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, c.done) {
			t.Errorf("%s: patch gave a file that differs from the fixed one", c.name)
		}
	}
}
