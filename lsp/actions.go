package lsp

import (
	"bytes"
	"context"
	"slices"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
	"go.lsp.dev/protocol"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/lint"
)

// codeAction offers, for the findings in the range, one quick fix each
// that has a fix and one "disable RULE for this line"; and for the file,
// source.fixAll.listlint when anything can be fixed.
func (s *Server) codeAction(ctx context.Context, p *protocol.CodeActionParams) (any, error) {
	uri := p.TextDocument.URI
	r := s.lintDoc(uri, false)
	if r == nil || ctx.Err() != nil {
		return []protocol.CodeAction{}, nil
	}
	start, end := r.index.offset(p.Range.Start), r.index.offset(p.Range.End)
	actions := []protocol.CodeAction{}
	if wants(p.Context.Only, protocol.QuickFix) {
		disabled := make(map[lineRule]bool)
		s.lintMu.Lock()
		for i := range r.diags {
			d := &r.diags[i]
			if d.Pos > end || d.End < start {
				continue
			}
			pd := s.toProtocol(r.index, d)
			if d.Fix != nil {
				actions = append(actions, protocol.CodeAction{
					Title: d.Fix.Message, Kind: protocol.QuickFix, Diagnostics: []protocol.Diagnostic{pd}, IsPreferred: true,
					Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{uri: toEdits(r.index, d.Fix.Edits)}},
				})
			}
			line := r.index.position(d.Pos).Line
			key := lineRule{line, d.Rule}
			if d.Rule == lint.UnusedSuppression || disabled[key] {
				continue
			}
			if edit, ok := disableLine(r.index, int(line), d.Rule); ok {
				disabled[key] = true
				actions = append(actions, protocol.CodeAction{
					Title: "Disable " + d.Rule + " for this line", Kind: protocol.QuickFix, Diagnostics: []protocol.Diagnostic{pd},
					Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{uri: {edit}}},
				})
			}
		}
		s.lintMu.Unlock()
	}
	// Fixing the whole file costs a fix run: only for a client that asks
	// for source actions (none shows them in the lightbulb).
	fixable := slices.ContainsFunc(r.diags, func(d lint.Diagnostic) bool { return d.Fix != nil })
	if fixable && len(p.Context.Only) > 0 && wants(p.Context.Only, fixAllKind) {
		edits, err := s.fixEdits(ctx, uri)
		if err != nil {
			return nil, err
		}
		if len(edits) > 0 {
			actions = append(actions, protocol.CodeAction{
				Title: "Fix all listlint findings", Kind: fixAllKind,
				Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{uri: edits}},
			})
		}
	}
	return actions, nil
}

// lineRule is a rule on a line: one "disable" action each.
type lineRule struct {
	line uint32
	rule string
}

// wants reports whether a client that asks only for the kinds only (none:
// every kind) wants actions of kind.
func wants(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(string(kind), string(o)+".") {
			return true
		}
	}
	return false
}

// disableLine returns the edit that ends line n with a comment silencing
// rule on it. A blank line gets none: a comment alone on a line inside a
// list splits the list.
func disableLine(x *lineIndex, n int, rule string) (protocol.TextEdit, bool) {
	start, end := x.starts[n], x.lineEnd(n)
	line := x.src[start:end]
	if len(bytes.TrimSpace(line)) == 0 {
		return protocol.TextEdit{}, false
	}
	text := "<!-- listlint-disable-line " + rule + " -->"
	if c := line[len(line)-1]; c != ' ' && c != '\t' {
		text = " " + text
	}
	pos := x.position(end)
	return protocol.TextEdit{Range: protocol.Range{Start: pos, End: pos}, NewText: text}, true
}

func toEdits(x *lineIndex, edits []lint.TextEdit) []protocol.TextEdit {
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: x.rangeOf(e.Pos, e.End), NewText: e.NewText})
	}
	return out
}

func (s *Server) formatting(ctx context.Context, p *protocol.DocumentFormattingParams) (any, error) {
	return s.fixEdits(ctx, p.TextDocument.URI)
}

// fixEdits returns the edits that turn the open document into what
// `listlint fix -` prints for it: every fix, pass after pass, with the
// file's configuration and only the file itself for cross-file rules.
func (s *Server) fixEdits(ctx context.Context, uri protocol.DocumentURI) ([]protocol.TextEdit, error) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return []protocol.TextEdit{}, nil
	}
	text, path, st := d.text, d.path, s.setup
	s.mu.Unlock()
	fixed, err := s.fixText(ctx, st, path, text)
	if err != nil || ctx.Err() != nil {
		return nil, err
	}
	return minimalEdits(newLineIndex(text), fixed), nil
}

// fixText returns text fixed as `listlint fix -` would: unchanged when the
// configuration excludes the file or the text is beyond the limits.
func (s *Server) fixText(ctx context.Context, st *setup, path string, text []byte) ([]byte, error) {
	s.lintMu.Lock()
	defer s.lintMu.Unlock()
	if ctx.Err() != nil || s.usable(st, path) == nil {
		return text, nil
	}
	res, err := fix.File(st.linter(path), path, text)
	if err != nil {
		if _, parseErr := lint.ParseLimits(path, text, st.limits); parseErr != nil {
			s.showOnce(unusable+path, protocol.MessageTypeWarning, "listlint: "+path+": "+parseErr.Error())
			return text, nil
		}
		return nil, err
	}
	return res.Src, nil
}

// minimalEdits returns edits that turn the text x indexes into want,
// touching only what differs. No edit starts or ends between the CR and
// LF of a line ending, where a position cannot point.
func minimalEdits(x *lineIndex, want []byte) []protocol.TextEdit {
	old := x.src
	if bytes.Equal(old, want) {
		return []protocol.TextEdit{}
	}
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMain(string(old), string(want), true)
	var (
		edits []lint.TextEdit
		open  bool
		pos   int
	)
	for _, d := range diffs {
		if d.Type == diffmatchpatch.DiffEqual {
			open = false
			pos += len(d.Text)
			continue
		}
		if !open {
			edits = append(edits, lint.TextEdit{Pos: pos, End: pos})
			open = true
		}
		e := &edits[len(edits)-1]
		if d.Type == diffmatchpatch.DiffDelete {
			pos += len(d.Text)
			e.End = pos
		} else {
			e.NewText += d.Text
		}
	}
	out := make([]protocol.TextEdit, 0, len(edits))
	for i := range edits {
		e := &edits[i]
		if e.Pos > 0 && e.Pos < len(old) && old[e.Pos-1] == '\r' && old[e.Pos] == '\n' {
			e.Pos--
			e.NewText = "\r" + e.NewText
		}
		if e.End > 0 && e.End < len(old) && old[e.End-1] == '\r' && old[e.End] == '\n' {
			e.End++
			e.NewText += "\n"
		}
		if n := len(out); n > 0 && i > 0 && edits[i-1].End >= e.Pos {
			// Widening met the previous edit: merge them.
			prev := &edits[i-1]
			e.NewText = prev.NewText + string(old[prev.End:e.Pos]) + e.NewText
			e.Pos = prev.Pos
			out = out[:n-1]
		}
		out = append(out, protocol.TextEdit{Range: x.rangeOf(e.Pos, e.End), NewText: e.NewText})
	}
	return out
}
