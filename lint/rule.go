package lint

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Severity ranks findings; a run fails on findings at or above a level.
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

func (s Severity) String() string {
	if s < Info || s > Error {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if s == n {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want info, warning or error)", s)
}

// TextEdit replaces the source bytes [Pos, End) with NewText.
type TextEdit struct {
	Pos, End int
	NewText  string
}

// Fix is a set of non-overlapping edits that repair one finding; it is
// applied whole or not at all.
type Fix struct {
	Message string
	Edits   []TextEdit
	// Moves, when set, marks a fix that only reorders text, such as a
	// sort: its one edit puts the spans of Moves, in this order, where the
	// same spans stand sorted by position, and keeps the text between them.
	// Knowing that, the fixer can apply other fixes inside the moved text
	// in the same pass instead of waiting for the next one.
	Moves []Span
}

// Related points at another place a finding refers to, such as the first
// copy of a duplicate.
type Related struct {
	Path   string
	Offset int
	Line   int
	Column int
}

// Diagnostic is one finding: a byte range of the source, a message, and
// optionally the fix that repairs it.
type Diagnostic struct {
	Rule     string
	Severity Severity
	Pos, End int
	Message  string
	Fix      *Fix
	Related  *Related
}

// Rule is one check: data describing it plus the function that runs it.
// A rule sets exactly one of Check (per file) and CheckRun (across every
// file of a run). Both are pure functions of the model they are handed:
// no I/O, no clock (Pass.Year is the year), no error to return; what
// they cannot decide they leave unreported.
//
// Rules that need the network or are slow (link checks) are not part of
// check or fix: they set Command instead, and their command runs them
// with a context.Context, which they honour for cancellation and
// deadlines, and lets them fail with an error (a host that cannot be
// reached is not a finding). Their Rule stays in the registry so that
// configuration and inline suppression know their ID.
type Rule struct {
	// ID is stable: it appears in configuration, inline comments and output.
	ID    string
	Title string
	// Doc explains what the rule checks and why; Bad and Good are examples.
	Doc       string
	Bad, Good string
	Severity  Severity
	// Off leaves the rule off until configuration turns it on.
	Off bool
	// StopsFix means that fix leaves a file with a finding of this rule
	// untouched: fixing around the finding could garble the file.
	StopsFix bool
	Fixable  bool
	Options  []Option
	Check    func(*Pass)
	CheckRun func(*RunPass)
	// Command, when set, names the command the rule runs under instead
	// of check and fix ("links" for the rules that need the network). It
	// sits in the registry for configuration and inline suppression; the
	// command supplies its Check.
	Command string
	// Presets holds the rule's settings in the named presets that set it.
	Presets map[string]Preset
	// Infer, when set, reads the rule's convention off docs: one file
	// for an "auto" option, a folder's files for `listlint init`.
	Infer func(docs []*Document) Inference
}

// Inference is what a rule reads off a set of documents: the option
// values they follow, in the order to write them, and why, in a sentence
// for a reader ("12 of 13 lists are in name order."). No Options means
// the documents show no convention to pin; Why then says so, or is empty
// when there is nothing to say.
type Inference struct {
	Options []OptionValue
	Why     string
}

// Pass is what a per-file rule sees: the document, what a change under
// review touched of it, the current year, and a way to report.
type Pass struct {
	Values
	Doc     *Document
	Changed ChangedLines
	// Year is the current year, fixed for the run (see Limits.Year).
	Year   int
	report func(Diagnostic)
}

// Report records a finding at [pos, end).
func (p *Pass) Report(pos, end int, fix *Fix, format string, args ...any) {
	p.report(Diagnostic{Pos: pos, End: end, Message: fmt.Sprintf(format, args...), Fix: fix})
}

// RunPass is what a cross-file rule sees: every document of the run, in
// path order.
type RunPass struct {
	// Docs are the run's documents sorted by path.
	Docs []*Document
	// Options returns the rule's option values for one document.
	Options func(*Document) Values
	// Changed returns what the change under review touched of a document.
	Changed func(*Document) ChangedLines
	report  func(*Document, Diagnostic)
}

// Report records a finding in doc.
func (p *RunPass) Report(doc *Document, d Diagnostic) { p.report(doc, d) }

// Where names a place for messages: "line N" in the same file, else
// "path:N".
func Where(from, to *Document, off int) string {
	line := to.Line(off)
	if from == to {
		return fmt.Sprintf("line %d", line)
	}
	return fmt.Sprintf("%s:%d", to.Path, line)
}

// Dominant returns the most frequent of vals, ties going to the value seen
// first; ok is false when vals is empty.
func Dominant[T comparable](vals []T) (best T, ok bool) {
	counts := make(map[T]int, 4)
	n := 0
	for _, v := range vals {
		counts[v]++
		n = max(n, counts[v])
	}
	for _, v := range vals {
		if counts[v] == n {
			return v, true
		}
	}
	return best, false
}

// Quote shortens s for a message: white space squeezed, at most 40
// characters, quoted.
func Quote(s string) string {
	if !squeezed(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if len(s) > 40 && utf8.RuneCountInString(s) > 40 {
		n := 0
		for i := range s {
			if n == 39 {
				s = s[:i] + "…"
				break
			}
			n++
		}
	}
	return strconv.Quote(s)
}

// squeezed reports whether s is ASCII without leading, trailing, doubled
// or non-space white space: what strings.Fields would leave as it is.
func squeezed(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}
