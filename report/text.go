package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// Formats lists the values --format accepts, the default first.
var Formats = []string{"text", "json", "github", "sarif", "rdjson", "markdown"}

// Options selects how findings are printed.
type Options struct {
	// Format is one of Formats.
	Format string
	// Quiet prints the findings only, without the summary line.
	Quiet bool
	// Color marks up the text format with ANSI colours.
	Color bool
	// Statistics prints counts per rule instead of the findings, in the
	// text or json format.
	Statistics bool
	// Rules and Version describe the tool in SARIF output.
	Rules   []*lint.Rule
	Version string
}

// Write prints findings in the format o names.
func Write(w io.Writer, findings []Finding, o Options) error {
	if o.Statistics {
		switch o.Format {
		case "", "text":
			return WriteStatistics(w, findings, o)
		case "json":
			return WriteStatisticsJSON(w, findings, o.Rules)
		}
		return fmt.Errorf("--statistics prints the text or json format, not %s", o.Format)
	}
	switch o.Format {
	case "", "text":
		return WriteText(w, findings, o)
	case "json":
		return WriteJSON(w, findings)
	case "github":
		return GitHub(w, findings)
	case "sarif":
		return SARIF(w, findings, o.Rules, o.Version)
	case "rdjson":
		return RDJSON(w, findings)
	case "markdown":
		return Markdown(w, findings)
	}
	return fmt.Errorf("unknown format %q (want %s)", o.Format, strings.Join(Formats, ", "))
}

// Sort orders findings by path, line, column, then rule ID, as every
// format prints them.
func Sort(findings []Finding) {
	sort.SliceStable(findings, func(i, j int) bool {
		a, b := &findings[i], &findings[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}

// ANSI escapes for the text format. The severity has its colour so errors
// stand out from warnings at a glance.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
)

var severityColor = map[lint.Severity]string{
	lint.Error:   ansiRed,
	lint.Warning: ansiYellow,
	lint.Info:    ansiBlue,
}

// WriteText prints one line per finding,
//
//	path:line:col: severity rule-id [*] message
//
// where [*] marks findings listlint fix can repair, followed, unless
// o.Quiet, by the summary line when there is any finding.
func WriteText(w io.Writer, findings []Finding, o Options) error {
	// Streamed through a buffer: a run can print tens of thousands of
	// lines. bufio keeps the first write error and Flush returns it.
	b := bufio.NewWriterSize(w, 64<<10)
	for i := range findings {
		f := &findings[i]
		mark := ""
		if f.Fixable() {
			mark = " [*]"
		}
		if o.Color {
			if mark != "" {
				mark = " " + ansiDim + "[*]" + ansiReset
			}
			_, _ = fmt.Fprintf(b, "%s%s:%d:%d:%s %s%s%s %s%s %s\n",
				ansiBold, TextPath(f.Path), f.Line, f.Column, ansiReset,
				severityColor[f.Severity], f.Severity, ansiReset, f.Rule, mark, f.Message)
			continue
		}
		_, _ = fmt.Fprintf(b, "%s:%d:%d: %s %s%s %s\n", TextPath(f.Path), f.Line, f.Column, f.Severity, f.Rule, mark, f.Message)
	}
	if !o.Quiet && len(findings) > 0 {
		_, _ = fmt.Fprintln(b, Summary(findings))
	}
	return b.Flush()
}

// Summary sums findings up: "N findings: E errors, W warnings (M fixable)
// in K files", K being the number of files with findings; info findings
// are counted too when there are some.
func Summary(findings []Finding) string {
	fixable := 0
	var bySeverity [lint.Error + 1]int
	files := make(map[string]bool)
	for i := range findings {
		if findings[i].Fixable() {
			fixable++
		}
		if s := findings[i].Severity; s >= lint.Info && s <= lint.Error {
			bySeverity[s]++
		}
		files[findings[i].Path] = true
	}
	counts := text.Plural(bySeverity[lint.Error], "error", "errors") + ", " + text.Plural(bySeverity[lint.Warning], "warning", "warnings")
	if n := bySeverity[lint.Info]; n > 0 {
		counts += ", " + text.Plural(n, "info", "info")
	}
	return fmt.Sprintf("%s: %s (%d fixable) in %s",
		text.Plural(len(findings), "finding", "findings"), counts, fixable, text.Plural(len(files), "file", "files"))
}

// Failing reports whether any finding is at or above level.
func Failing(findings []Finding, level lint.Severity) bool {
	for i := range findings {
		if findings[i].Severity >= level {
			return true
		}
	}
	return false
}
