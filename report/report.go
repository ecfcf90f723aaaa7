// Package report prints findings in listlint's output formats.
package report

import (
	"fmt"

	"github.com/listlint/listlint/lint"
)

// Finding is one diagnostic with its location resolved, as every output
// format prints it. Lines and columns are 1-based; columns count
// characters; offsets are bytes.
type Finding struct {
	Path      string
	Line      int
	Column    int
	EndLine   int
	EndColumn int
	Offset    int
	EndOffset int
	Rule      string
	Severity  lint.Severity
	Message   string
	// Fix is the repair the finding carries, nil when it has none.
	Fix *lint.Fix
	// Related is the other place a finding refers to, if any.
	Related *lint.Related
	// Doc is the document the finding is in, for formats that quote the
	// source (suggestions).
	Doc *lint.Document
}

// Fixable reports whether listlint fix can repair the finding.
func (f *Finding) Fixable() bool { return f.Fix != nil }

// Findings resolves the diagnostics of results, keeping their order.
func Findings(results []lint.Result) []Finding {
	n := 0
	for _, r := range results {
		n += len(r.Diagnostics)
	}
	out := make([]Finding, 0, n)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			line, col := r.Doc.Position(d.Pos)
			endLine, endCol := r.Doc.Position(d.End)
			out = append(out, Finding{
				Path: r.Doc.Path, Line: line, Column: col, EndLine: endLine, EndColumn: endCol,
				Offset: d.Pos, EndOffset: d.End, Rule: d.Rule, Severity: d.Severity,
				Message: d.Message, Fix: d.Fix, Related: d.Related, Doc: r.Doc,
			})
		}
	}
	return out
}

// levelNames are a format's words for info, warning and error, in the
// order of lint's severities.
type levelNames [lint.Error + 1]string

// levelName names s in a format's words.
func levelName(s lint.Severity, names levelNames) (string, error) {
	if s < lint.Info || s > lint.Error {
		return "", fmt.Errorf("unknown %v", s)
	}
	return names[s], nil
}
