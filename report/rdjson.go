package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/listlint/listlint/lint"
)

// reviewdog's Diagnostic Format (proto/rdf/reviewdog.proto), in the JSON
// names protojson reads.
type rdResult struct {
	Source      rdSource       `json:"source"`
	Severity    string         `json:"severity,omitempty"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message          string      `json:"message"`
	Location         rdLocation  `json:"location"`
	Severity         string      `json:"severity"`
	Code             rdCode      `json:"code"`
	Suggestions      []rdSuggest `json:"suggestions,omitempty"`
	RelatedLocations []rdRelated `json:"relatedLocations,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdSuggest struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdRelated struct {
	Message  string     `json:"message,omitempty"`
	Location rdLocation `json:"location"`
}

// RDJSON writes fs as reviewdog's rdjson (a DiagnosticResult), for
// `reviewdog -f=rdjson`. Columns are 1-based UTF-8 byte counts, as the
// format requires. A fixable finding carries one suggestion: the whole
// lines its fix touches, corrected, as a line-wise range (start and end
// lines without columns), which is the form reviewdog's GitHub reporter
// turns into a one-click suggestion.
func RDJSON(w io.Writer, fs []Finding) error {
	out := rdResult{Source: rdSource{Name: "listlint", URL: HomeURL}, Diagnostics: []rdDiagnostic{}}
	// The result's severity is the highest of its diagnostics.
	var top lint.Severity
	for i := range fs {
		f := &fs[i]
		sev, err := rdSeverity(f.Severity)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", f.Path, f.Line, err)
		}
		if i == 0 || f.Severity > top {
			top, out.Severity = f.Severity, sev
		}
		start, end := rdPos(f, f.Offset, f.Line, f.Column), rdPos(f, f.EndOffset, f.EndLine, f.EndColumn)
		d := rdDiagnostic{
			Message:  f.Message,
			Location: rdLocation{Path: filepath.ToSlash(f.Path), Range: rdRange{Start: start, End: &end}},
			Severity: sev,
			Code:     rdCode{Value: f.Rule, URL: RuleURL(f.Rule)},
		}
		if f.Fix != nil && len(f.Fix.Edits) > 0 && f.Doc != nil {
			first, last, lines := fixedLines(f.Doc, f.Fix)
			d.Suggestions = []rdSuggest{{
				Range: rdRange{Start: rdPosition{Line: first}, End: &rdPosition{Line: last}},
				Text:  strings.Join(lines, f.Doc.LineEnding),
			}}
		}
		if r := f.Related; r != nil {
			// Related carries a character column, and the other file is
			// not at hand to count bytes: name the line only.
			d.RelatedLocations = []rdRelated{{Location: rdLocation{
				Path:  filepath.ToSlash(relatedPath(f)),
				Range: rdRange{Start: rdPosition{Line: r.Line}},
			}}}
		}
		out.Diagnostics = append(out.Diagnostics, d)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing rdjson: %w", err)
	}
	return nil
}

// rdPos is the position of byte offset off with a byte column, counted
// from the start of the line as stored in the file (a BOM included).
// Without the document it falls back to the finding's character column.
func rdPos(f *Finding, off, line, col int) rdPosition {
	if f.Doc == nil || off < 0 || off > len(f.Doc.Src) {
		return rdPosition{Line: line, Column: col}
	}
	l := f.Doc.Line(off)
	return rdPosition{Line: l, Column: off - f.Doc.LineStarts[l-1] + 1}
}

func rdSeverity(s lint.Severity) (string, error) {
	return levelName(s, levelNames{"INFO", "WARNING", "ERROR"})
}
