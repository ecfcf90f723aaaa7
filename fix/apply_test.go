package fix

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unsafe"

	"github.com/listlint/listlint/lint"
)

// The rules below are small synthetic rules that exercise the fixer's
// contract; the real rules are tested in package rules.

// replaceRule reports every occurrence of from, fixed by replacing it with
// to.
func replaceRule(id, from, to string) *lint.Rule {
	return &lint.Rule{ID: id, Fixable: true, Check: func(p *lint.Pass) {
		src := p.Doc.Src
		for off := 0; ; {
			i := bytes.Index(src[off:], []byte(from))
			if i < 0 {
				return
			}
			pos := off + i
			end := pos + len(from)
			p.Report(pos, end, &lint.Fix{Message: "replace", Edits: []lint.TextEdit{{Pos: pos, End: end, NewText: to}}}, "%q, expected %q", from, to)
			off = end
		}
	}}
}

// upperLineRule reports every line with a lowercase letter, fixed by
// replacing the whole line with its upper case.
func upperLineRule() *lint.Rule {
	return &lint.Rule{ID: "upper-line", Fixable: true, Check: func(p *lint.Pass) {
		d := p.Doc
		for n := 1; n <= d.LineCount(); n++ {
			s := d.LineSpan(n)
			text := d.Text(s)
			if up := strings.ToUpper(text); up != text {
				p.Report(s.Start, s.End, &lint.Fix{Message: "upper", Edits: []lint.TextEdit{{Pos: s.Start, End: s.End, NewText: up}}}, "lowercase")
			}
		}
	}}
}

// suffixRule appends suffix to every line that lacks it.
func suffixRule(id, suffix string) *lint.Rule {
	return &lint.Rule{ID: id, Fixable: true, Check: func(p *lint.Pass) {
		d := p.Doc
		for n := 1; n <= d.LineCount(); n++ {
			s := d.LineSpan(n)
			if !strings.Contains(d.Text(s), suffix) {
				p.Report(s.End, s.End, &lint.Fix{Message: "append", Edits: []lint.TextEdit{{Pos: s.End, End: s.End, NewText: suffix}}}, "no %q", suffix)
			}
		}
	}}
}

// editsRule reports one finding at the start of the file with the given
// edits, whatever the content: a rule with a broken fix.
func editsRule(edits ...lint.TextEdit) *lint.Rule {
	return &lint.Rule{ID: "broken", Fixable: true, Check: func(p *lint.Pass) {
		p.Report(0, 0, &lint.Fix{Message: "broken", Edits: edits}, "broken")
	}}
}

// noteRule reports every "TODO" without a fix.
func noteRule() *lint.Rule {
	return &lint.Rule{ID: "todo", Check: func(p *lint.Pass) {
		if i := bytes.Index(p.Doc.Src, []byte("TODO")); i >= 0 {
			p.Report(i, i+4, nil, "todo left")
		}
	}}
}

func fixFile(t *testing.T, src string, rules ...*lint.Rule) Result {
	t.Helper()
	res, err := File(&lint.Linter{Rules: rules}, "test.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func fixable(ds []lint.Diagnostic) int {
	n := 0
	for _, d := range ds {
		if d.Fix != nil {
			n++
		}
	}
	return n
}

// TestApplySmallerFirst: the line-wide fix overlaps the one-byte fix, so
// it waits a pass and is recomputed on the new text. Taken in the other
// order, the "b" fix would vanish and give "ABC".
func TestApplySmallerFirst(t *testing.T) {
	res := fixFile(t, "abc\n", upperLineRule(), replaceRule("b-to-x", "b", "x"))
	if string(res.Src) != "AXC\n" || res.Fixed != 2 {
		t.Errorf("got %q after %d fixes, want \"AXC\\n\" after 2", res.Src, res.Fixed)
	}
	if len(res.Remaining) != 0 {
		t.Errorf("remaining findings: %v", res.Remaining)
	}
}

func diag(rule string, edits ...lint.TextEdit) lint.Diagnostic {
	return lint.Diagnostic{Rule: rule, Fix: &lint.Fix{Message: rule, Edits: edits}}
}

func TestApplyDefersOverlapAndTouch(t *testing.T) {
	src := []byte("0123456789abcdef")
	for _, c := range []struct {
		name  string
		diags []lint.Diagnostic
		want  string
		n     int
	}{
		{
			name:  "disjoint both taken",
			diags: []lint.Diagnostic{diag("a", lint.TextEdit{Pos: 0, End: 1, NewText: "A"}), diag("b", lint.TextEdit{Pos: 3, End: 4, NewText: "B"})},
			want:  "A12B456789abcdef", n: 2,
		},
		{
			name:  "overlap: smaller taken",
			diags: []lint.Diagnostic{diag("big", lint.TextEdit{Pos: 0, End: 6, NewText: "BIG"}), diag("small", lint.TextEdit{Pos: 4, End: 5, NewText: "S"})},
			want:  "0123S56789abcdef", n: 1,
		},
		{
			name:  "touching replacements: first in source order taken",
			diags: []lint.Diagnostic{diag("b", lint.TextEdit{Pos: 2, End: 4, NewText: "BB"}), diag("a", lint.TextEdit{Pos: 0, End: 2, NewText: "AA"})},
			want:  "AA23456789abcdef", n: 1,
		},
		{
			name:  "two insertions at one offset: one taken",
			diags: []lint.Diagnostic{diag("a", lint.TextEdit{Pos: 3, End: 3, NewText: "x"}), diag("b", lint.TextEdit{Pos: 3, End: 3, NewText: "y"})},
			want:  "012x3456789abcdef", n: 1,
		},
		{
			name:  "insertion touching a replacement",
			diags: []lint.Diagnostic{diag("ins", lint.TextEdit{Pos: 4, End: 4, NewText: "!"}), diag("rep", lint.TextEdit{Pos: 1, End: 4, NewText: "R"})},
			want:  "0123!456789abcdef", n: 1,
		},
		{
			// The two-edit fix spans [0,12): the small fix inside that
			// span, though disjoint from both edits, defers all of it.
			name: "whole fixes only",
			diags: []lint.Diagnostic{
				diag("wide", lint.TextEdit{Pos: 0, End: 1, NewText: "W"}, lint.TextEdit{Pos: 11, End: 12, NewText: "W"}),
				diag("inside", lint.TextEdit{Pos: 5, End: 6, NewText: "I"}),
			},
			want: "01234I6789abcdef", n: 1,
		},
		{
			name: "multi-edit fix with adjacent and same-offset edits",
			diags: []lint.Diagnostic{diag("m",
				lint.TextEdit{Pos: 1, End: 1, NewText: "<"}, lint.TextEdit{Pos: 1, End: 1, NewText: "<"},
				lint.TextEdit{Pos: 1, End: 2, NewText: "one"}, lint.TextEdit{Pos: 2, End: 3, NewText: "two"})},
			want: "0<<onetwo3456789abcdef", n: 1,
		},
	} {
		out, n, err := Apply(src, c.diags)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if string(out) != c.want || n != c.n {
			t.Errorf("%s: got %q (%d fixes), want %q (%d)", c.name, out, n, c.want, c.n)
		}
	}
	if string(src) != "0123456789abcdef" {
		t.Fatalf("Apply modified its input: %q", src)
	}
}

// move is a fix that puts the spans of moves, in this order, where they
// stand sorted in src, keeping the text between them, as sort-order does.
func move(src string, moves ...lint.Span) lint.Diagnostic {
	slots := sortedSpans(moves)
	var b strings.Builder
	for k, m := range moves {
		if k > 0 {
			b.WriteString(src[slots[k-1].End:slots[k].Start])
		}
		b.WriteString(src[m.Start:m.End])
	}
	start, end := slots[0].Start, slots[len(slots)-1].End
	return lint.Diagnostic{Rule: "move", Fix: &lint.Fix{
		Message: "move",
		Edits:   []lint.TextEdit{{Pos: start, End: end, NewText: b.String()}},
		Moves:   moves,
	}}
}

// TestApplyMoves: a fix that moves text takes along the fixes inside the
// pieces it moves or keeps, so sorting and correcting take one pass.
func TestApplyMoves(t *testing.T) {
	const src = "0123456789abcdef"
	sp := func(start, end int) lint.Span { return lint.Span{Start: start, End: end} }
	edit := func(pos, end int, text string) lint.Diagnostic {
		return diag("edit", lint.TextEdit{Pos: pos, End: end, NewText: text})
	}
	// "23", "56" and "89" change places; "4" and "7" stay.
	sorted := move(src, sp(8, 10), sp(2, 4), sp(5, 7))
	for _, c := range []struct {
		name  string
		diags []lint.Diagnostic
		want  string
		n     int
	}{
		{"alone", []lint.Diagnostic{sorted}, "0189423756abcdef", 1},
		{"edit inside a moved span travels", []lint.Diagnostic{sorted, edit(9, 10, "X")}, "018X423756abcdef", 2},
		{"insertion at a moved span's end travels", []lint.Diagnostic{sorted, edit(4, 4, ".")}, "0189423.756abcdef", 2},
		{"a new line at its end stays", []lint.Diagnostic{sorted, edit(4, 4, "\n")}, "0189\n423756abcdef", 2},
		{"insertion at its start stays", []lint.Diagnostic{sorted, edit(5, 5, "^")}, "01894^23756abcdef", 2},
		{"edit between moved spans stays", []lint.Diagnostic{sorted, edit(7, 8, "-")}, "0189423-56abcdef", 2},
		{"insertion at the end of the last span travels", []lint.Diagnostic{sorted, edit(10, 10, "!")}, "0189!423756abcdef", 2},
		{
			"one fix, edits in two pieces",
			[]lint.Diagnostic{sorted, diag("two", lint.TextEdit{Pos: 3, End: 4, NewText: "T"}, lint.TextEdit{Pos: 8, End: 9, NewText: "N"})},
			"01N942T756abcdef", 2,
		},
		{"edit across a boundary: the move waits", []lint.Diagnostic{sorted, edit(3, 5, "Z")}, "012Z56789abcdef", 1},
		{"edit touching from outside: the move waits", []lint.Diagnostic{sorted, edit(10, 11, "A")}, "0123456789Abcdef", 1},
		{
			// "01" and "23" swap inside "0123", which swaps with "5678".
			"move inside a moved span",
			[]lint.Diagnostic{move(src, sp(5, 9), sp(0, 4)), move(src, sp(2, 3), sp(0, 1))},
			"5678421039abcdef", 2,
		},
	} {
		out, n, err := Apply([]byte(src), c.diags)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if string(out) != c.want || n != c.n {
			t.Errorf("%s: got %q (%d fixes), want %q (%d)", c.name, out, n, c.want, c.n)
		}
	}
}

func TestValidateMoves(t *testing.T) {
	src := []byte("0123456789")
	good := move(string(src), lint.Span{Start: 4, End: 6}, lint.Span{Start: 0, End: 2}).Fix
	if err := Validate(good, src); err != nil {
		t.Fatalf("valid move: %v", err)
	}
	for _, c := range []struct {
		name string
		fix  lint.Fix
		want string
	}{
		{"text differs", lint.Fix{Edits: []lint.TextEdit{{Pos: 0, End: 6, NewText: "452310"}}, Moves: good.Moves}, "not the moved text"},
		{"text too long", lint.Fix{Edits: []lint.TextEdit{{Pos: 0, End: 6, NewText: good.Edits[0].NewText + "x"}}, Moves: good.Moves}, "not the moved text"},
		{"overlapping moves", lint.Fix{Edits: good.Edits, Moves: []lint.Span{{Start: 0, End: 3}, {Start: 2, End: 6}}}, "overlaps another"},
		{"move outside the edit", lint.Fix{Edits: good.Edits, Moves: []lint.Span{{Start: 4, End: 8}, {Start: 0, End: 2}}}, "outside"},
		{"two edits", lint.Fix{Edits: []lint.TextEdit{{Pos: 0, End: 1}, {Pos: 2, End: 3}}, Moves: good.Moves}, "2 edits"},
	} {
		err := Validate(&c.fix, src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}

// TestFileTouchingInsertions: two rules insert at the same offset; each
// pass takes one, so both land, in rule ID order.
func TestFileTouchingInsertions(t *testing.T) {
	res := fixFile(t, "x\ny\n", suffixRule("suffix-b", "B"), suffixRule("suffix-a", "A"))
	if string(res.Src) != "xAB\nyAB\n" || res.Fixed != 4 {
		t.Errorf("got %q after %d fixes, want \"xAB\\nyAB\\n\" after 4", res.Src, res.Fixed)
	}
}

func TestFileInvalidFix(t *testing.T) {
	src := "ab\u00e9cd\n" // é is two bytes, at offsets 2 and 3
	for _, c := range []struct {
		name  string
		edits []lint.TextEdit
		want  string
	}{
		{"no edits", nil, "no edits"},
		{"past the end", []lint.TextEdit{{Pos: 5, End: 99}}, "out of bounds"},
		{"negative", []lint.TextEdit{{Pos: -1, End: 0}}, "out of bounds"},
		{"reversed", []lint.TextEdit{{Pos: 3, End: 2}}, "out of bounds"},
		{"unsorted", []lint.TextEdit{{Pos: 4, End: 5}, {Pos: 0, End: 1}}, "overlaps or precedes"},
		{"overlapping", []lint.TextEdit{{Pos: 0, End: 3}, {Pos: 2, End: 4}}, "overlaps or precedes"},
		{"inside a character", []lint.TextEdit{{Pos: 3, End: 3, NewText: "x"}}, "splits a UTF-8 character"},
	} {
		_, err := File(&lint.Linter{Rules: []*lint.Rule{editsRule(c.edits...)}}, "list.md", []byte(src))
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "list.md: rule broken: ") || !strings.Contains(msg, c.want) {
			t.Errorf("%s: error %q, want it to name the file and rule and say %q", c.name, msg, c.want)
		}
	}
	// Next to invalid UTF-8 there is no character to split.
	if _, _, err := Apply([]byte("a\x80\x80b"), []lint.Diagnostic{diag("x", lint.TextEdit{Pos: 2, End: 2, NewText: "x"})}); err != nil {
		t.Errorf("edit between invalid bytes: %v", err)
	}
}

// TestFileFlipFlopRepeats: two rules undo each other; the fixer stops
// when the content comes back and reports the finding it could not fix.
func TestFileFlipFlopRepeats(t *testing.T) {
	res := fixFile(t, "- x\n", replaceRule("x-to-y", "x", "y"), replaceRule("y-to-x", "y", "x"))
	if string(res.Src) != "- y\n" || res.Fixed != 1 {
		t.Errorf("got %q after %d fixes, want \"- y\\n\" after 1", res.Src, res.Fixed)
	}
	if fixable(res.Remaining) != 1 || res.Remaining[0].Rule != "y-to-x" {
		t.Errorf("remaining %v, want the y-to-x finding", res.Remaining)
	}
}

// TestFileFlipFlopBounded: two rules that rewrite each other's output into
// ever longer text never repeat; MaxPasses stops them.
func TestFileFlipFlopBounded(t *testing.T) {
	res := fixFile(t, "a", replaceRule("a-to-b", "a", "b"), replaceRule("b-to-aa", "b", "aa"))
	if res.Fixed < MaxPasses {
		t.Errorf("%d fixes, want at least one per pass (%d)", res.Fixed, MaxPasses)
	}
	if fixable(res.Remaining) == 0 {
		t.Errorf("no fixable finding remains in %q", res.Src)
	}
	if res.Doc == nil || !bytes.Equal(res.Doc.Src, res.Src) {
		t.Errorf("Doc is not the document of the returned content")
	}
}

// TestFileIdentity: with nothing to fix the input slice itself comes back,
// whatever else is found.
func TestFileIdentity(t *testing.T) {
	for _, src := range []string{"", "- [a](u) TODO\r\n", "\uFEFF# T\n\n- b\n"} {
		in := []byte(src)
		res, err := File(&lint.Linter{Rules: []*lint.Rule{noteRule(), replaceRule("absent", "zzz", "y")}}, "t.md", in)
		if err != nil {
			t.Fatal(err)
		}
		if len(in) > 0 && unsafe.SliceData(res.Src) != unsafe.SliceData(in) || len(res.Src) != len(in) || res.Fixed != 0 {
			t.Errorf("%q: a new slice (or fixes) came back with nothing to fix", src)
		}
		if want := strings.Count(src, "TODO"); len(res.Remaining) != want {
			t.Errorf("%q: %d remaining findings, want %d", src, len(res.Remaining), want)
		}
	}
	in := []byte("same\n")
	out, n, err := Apply(in, []lint.Diagnostic{{Rule: "todo"}})
	if err != nil || n != 0 || unsafe.SliceData(out) != unsafe.SliceData(in) {
		t.Errorf("Apply without fixes: %v, %d fixes, same slice %v", err, n, unsafe.SliceData(out) == unsafe.SliceData(in))
	}
}

// TestFileKeepsCRLFAndBOM: only the edited bytes change; new text written
// with the document's line ending keeps the file CRLF.
func TestFileKeepsCRLFAndBOM(t *testing.T) {
	src := "\uFEFF# Title\r\n\r\n- [a](https://a.example) old\r\n- [b](https://b.example) keep \r\n\r\n<!-- c -->\r\n"
	splitLine := &lint.Rule{ID: "split", Fixable: true, Check: func(p *lint.Pass) {
		if i := bytes.Index(p.Doc.Src, []byte(" keep ")); i >= 0 {
			p.Report(i, i+6, &lint.Fix{Message: "split", Edits: []lint.TextEdit{{Pos: i + 5, End: i + 6, NewText: p.Doc.LineEnding + "  more"}}}, "split")
		}
	}}
	res := fixFile(t, src, replaceRule("old", "old", "new"), splitLine)
	want := strings.Replace(strings.Replace(src, "old", "new", 1), "keep ", "keep\r\n  more", 1)
	if string(res.Src) != want {
		t.Errorf("got %q\nwant %q", res.Src, want)
	}
	if !res.Doc.BOM || res.Doc.LineEnding != "\r\n" || bytes.Count(res.Src, []byte("\n")) != bytes.Count(res.Src, []byte("\r\n")) {
		t.Errorf("BOM %v, line ending %q: the file is no longer CRLF with BOM", res.Doc.BOM, res.Doc.LineEnding)
	}
}

// TestFileHonoursLimits: the fixer parses within the linter's limits, as
// check does, so --max-depth and --max-bytes hold for fix too.
func TestFileHonoursLimits(t *testing.T) {
	l := &lint.Linter{Limits: lint.Limits{MaxDepth: 2}}
	_, err := File(l, "deep.md", []byte("- - - x\n"))
	if !errors.Is(err, lint.ErrLimit) {
		t.Errorf("err = %v, want a limit error", err)
	}
}
