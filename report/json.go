package report

import (
	"encoding/json"
	"io"
)

// jsonFinding is the documented JSON schema of one finding (README, "JSON
// output"). Field names and types are part of listlint's interface.
type jsonFinding struct {
	Path      string       `json:"path"`
	Line      int          `json:"line"`
	Column    int          `json:"column"`
	EndLine   int          `json:"endLine"`
	EndColumn int          `json:"endColumn"`
	Offset    int          `json:"offset"`
	EndOffset int          `json:"endOffset"`
	Rule      string       `json:"rule"`
	Severity  string       `json:"severity"`
	Message   string       `json:"message"`
	Fixable   bool         `json:"fixable"`
	Related   *jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	Path   string `json:"path"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// WriteJSON prints findings as one JSON array, "[]" when there is none.
func WriteJSON(w io.Writer, findings []Finding) error {
	out := make([]jsonFinding, len(findings))
	for i := range findings {
		f := &findings[i]
		out[i] = jsonFinding{
			Path: f.Path, Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
			Offset: f.Offset, EndOffset: f.EndOffset, Rule: f.Rule, Severity: f.Severity.String(),
			Message: f.Message, Fixable: f.Fixable(),
		}
		if r := f.Related; r != nil {
			// A rule may leave Path empty for a place in the same file.
			path := r.Path
			if path == "" {
				path = f.Path
			}
			out[i].Related = &jsonRelated{Path: path, Line: r.Line, Column: r.Column}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
