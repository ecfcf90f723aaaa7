package lint

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/listlint/listlint/internal/suggest"
	"github.com/listlint/listlint/internal/text"
)

// UnusedSuppression is the ID of the rule whose findings the engine itself
// produces: suppression comments that silence nothing, name an unknown rule
// or are malformed. It reports only when a rule with this ID is among the
// linter's rules.
const UnusedSuppression = "unused-suppression"

// DirectiveKind is the form of an inline suppression comment.
type DirectiveKind int

// The inline suppression forms, each an HTML comment whose text starts with
// the form's name.
const (
	// DisableNextLine silences the next non-blank line; when that line
	// starts a list item, the item's first paragraph.
	DisableNextLine DirectiveKind = iota
	// DisableLine silences the comment's own line; inside a list item's
	// first paragraph, that whole paragraph.
	DisableLine
	// Disable silences everything up to a matching Enable (or the end of
	// the file).
	Disable
	// Enable ends Disable blocks: all of them, or those of the named rules.
	Enable
	// DisableFile silences the whole file.
	DisableFile
)

var directiveNames = [...]string{
	DisableNextLine: "listlint-disable-next-line",
	DisableLine:     "listlint-disable-line",
	Disable:         "listlint-disable",
	Enable:          "listlint-enable",
	DisableFile:     "listlint-disable-file",
}

func (k DirectiveKind) String() string {
	if k < 0 || int(k) >= len(directiveNames) {
		return fmt.Sprintf("directive(%d)", int(k))
	}
	return directiveNames[k]
}

// RuleRef is a rule ID named in a directive, with its span in the comment.
type RuleRef struct {
	ID   string
	Span Span
}

// Directive is one inline suppression comment, read once at parse time.
type Directive struct {
	Kind DirectiveKind
	// Comment spans the whole HTML comment.
	Comment Span
	// Rules are the rules the comment names; empty means every rule.
	Rules []RuleRef
	// Bad holds the directive word of a comment that starts with
	// "listlint-" but is no known form; such a comment silences nothing.
	Bad string
	// scopes are the ranges where the directive silences findings.
	scopes []scope
	// closes counts the Disable scopes an Enable ended.
	closes int
}

// scope is a range silenced by a directive, for every rule (all) or for
// the listed ones; except lists rules re-enabled inside an all-rules block.
type scope struct {
	span   Span
	all    bool
	rules  []string
	except []string
}

func (s *scope) covers(rule string, off int) bool {
	return off >= s.span.Start && off < s.span.End && s.names(rule)
}

// names reports whether the scope silences rule, wherever.
func (s *scope) names(rule string) bool {
	if s.all {
		return !contains(s.except, rule)
	}
	return contains(s.rules, rule)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// covers reports whether d silences findings of rule at off.
func (d *Directive) covers(rule string, off int) bool {
	for i := range d.scopes {
		if d.scopes[i].covers(rule, off) {
			return true
		}
	}
	return false
}

// moves reports whether the directive's position decides what it silences,
// so that moving the comment would change its meaning.
func (d *Directive) moves() bool {
	return d.Kind == DisableNextLine || d.Kind == Disable || d.Kind == Enable
}

// Suppressed reports whether an inline suppression comment silences
// findings of rule at byte offset off.
func (d *Document) Suppressed(rule string, off int) bool {
	for _, dir := range d.Directives {
		if dir.covers(rule, off) {
			return true
		}
	}
	return false
}

// Pinned reports whether a fix of rule that moves entries (sort-order) must
// leave e where it is: its findings of rule are suppressed, or its block
// holds a suppression comment whose meaning depends on where it stands
// (disable-next-line, disable, enable), which would travel with it. A pinned
// entry bounds the runs such a rule reorders; the rule should still report
// a pinned entry that is out of place (without a fix), so that a working
// suppression is seen to silence something.
func (d *Document) Pinned(e *Entry, rule string) bool {
	if d.Suppressed(rule, e.Item().Start) {
		return true
	}
	for _, dir := range d.Directives {
		if dir.moves() && dir.Comment.Start >= e.Item().Start && dir.Comment.End <= e.Item().End {
			return true
		}
	}
	return false
}

// parseDirectives reads the listlint-* comments of d and resolves the
// ranges they silence.
func parseDirectives(d *Document) []*Directive {
	var out []*Directive
	for _, c := range d.Comments {
		if dir := parseDirective(d.Src, c); dir != nil {
			out = append(out, dir)
		}
	}
	if len(out) == 0 {
		return nil
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Comment.Start < out[j].Comment.Start })
	var open []*Directive // Disable directives whose last scope is still open
	for _, dir := range out {
		if dir.Bad != "" {
			continue
		}
		switch dir.Kind {
		case DisableFile:
			dir.scopes = []scope{newScope(Span{0, len(d.Src)}, dir.Rules)}
		case DisableLine:
			dir.scopes = []scope{newScope(d.lineScope(dir.Comment.Start), dir.Rules)}
		case DisableNextLine:
			dir.scopes = []scope{newScope(d.nextLineScope(dir.Comment.End), dir.Rules)}
		case Disable:
			dir.scopes = []scope{newScope(Span{dir.Comment.End, len(d.Src)}, dir.Rules)}
			open = append(open, dir)
		case Enable:
			open = enable(open, dir)
		}
	}
	return out
}

func newScope(span Span, refs []RuleRef) scope {
	s := scope{span: span, all: len(refs) == 0}
	for _, r := range refs {
		s.rules = append(s.rules, r.ID)
	}
	return s
}

// enable ends the open Disable scopes that en re-enables, opening a
// narrower scope where some of their rules stay disabled. It returns the
// directives still open.
func enable(open []*Directive, en *Directive) []*Directive {
	var still []*Directive
	at := en.Comment.Start
	for _, dis := range open {
		last := &dis.scopes[len(dis.scopes)-1]
		if len(en.Rules) == 0 {
			last.span.End = at
			en.closes++
			continue
		}
		var ended []string
		for _, r := range en.Rules {
			if last.names(r.ID) {
				ended = append(ended, r.ID)
			}
		}
		if len(ended) == 0 {
			still = append(still, dis)
			continue
		}
		en.closes++
		rest := scope{span: Span{en.Comment.End, last.span.End}, all: last.all}
		last.span.End = at
		if rest.all {
			rest.except = append(append([]string(nil), last.except...), ended...)
		} else {
			for _, id := range last.rules {
				if !contains(ended, id) {
					rest.rules = append(rest.rules, id)
				}
			}
		}
		if rest.all || len(rest.rules) > 0 {
			dis.scopes = append(dis.scopes, rest)
			still = append(still, dis)
		}
	}
	return still
}

// parseDirective reads the comment at c, nil when it is no listlint
// directive.
func parseDirective(src []byte, c Span) *Directive {
	if c.End-c.Start < 7 {
		return nil
	}
	start, end := c.Start+4, c.End
	if bytes.HasSuffix(src[c.Start:c.End], []byte("-->")) {
		end -= 3
	}
	i := skipBlank(src, start, end)
	if !bytes.HasPrefix(src[i:end], []byte("listlint-")) {
		return nil
	}
	j := i
	for j < end && !text.IsSpace(src[j]) {
		j++
	}
	word := string(src[i:j])
	dir := &Directive{Comment: c, Bad: word}
	for k, name := range directiveNames {
		if name == word {
			dir.Kind, dir.Bad = DirectiveKind(k), ""
		}
	}
	for j < end {
		j = skipBlank(src, j, end)
		k := j
		for k < end && !text.IsSpace(src[k]) && src[k] != ',' {
			k++
		}
		if k > j {
			dir.Rules = append(dir.Rules, RuleRef{ID: string(src[j:k]), Span: Span{j, k}})
		}
		j = k
	}
	return dir
}

func skipBlank(src []byte, i, end int) int {
	for i < end && (text.IsSpace(src[i]) || src[i] == ',') {
		i++
	}
	return i
}

// lineScope is what disable-line at off silences: its line, or the whole
// first paragraph of the list item holding it.
func (d *Document) lineScope(off int) Span {
	if e := d.itemAt(off); e != nil && e.Content().Valid() && off >= e.Content().Start && off < e.Content().End {
		return Span{d.LineSpan(d.Line(e.Item().Start)).Start, d.LineSpan(d.Line(e.Content().End)).End}
	}
	return d.LineSpan(d.Line(off))
}

// nextLineScope is what disable-next-line ending at off silences: the
// next non-blank line, extended to the end of the first paragraph of a
// list item starting on it. Nothing when no such line follows.
func (d *Document) nextLineScope(off int) Span {
	n := d.Line(max(off-1, 0)) + 1
	for ; n <= d.LineCount(); n++ {
		ls := d.LineSpan(n)
		if len(bytes.TrimSpace(d.Src[ls.Start:ls.End])) > 0 {
			break
		}
	}
	if n > d.LineCount() {
		return Span{len(d.Src), len(d.Src)}
	}
	s := d.LineSpan(n)
	if e := d.itemAt(s.End); e != nil && d.Line(e.Item().Start) == n && e.Content().Valid() {
		s.End = max(s.End, d.LineSpan(d.Line(e.Content().End)).End)
	}
	return s
}

// itemAt returns the innermost list item starting at or before off whose
// block holds off, nil if none.
func (d *Document) itemAt(off int) *Entry {
	i := sort.Search(len(d.Items), func(i int) bool { return d.Items[i].Item().Start > off })
	for i--; i >= 0; i-- {
		if e := d.Items[i]; off <= e.Item().End {
			return e
		}
	}
	return nil
}

// applySuppressions drops the findings of diags that inline comments
// silence and, when the unused-suppression rule is among the linter's
// rules, adds its findings for doc.
func (l *Linter) applySuppressions(doc *Document, diags []Diagnostic) []Diagnostic {
	if len(doc.Directives) == 0 {
		return diags
	}
	// used[i][k]: directive i silenced a finding of its k-th named rule;
	// index len(Rules) stands for a directive naming no rule.
	used := make([][]bool, len(doc.Directives))
	for i, dir := range doc.Directives {
		used[i] = make([]bool, len(dir.Rules)+1)
	}
	kept := diags[:0]
	for _, dg := range diags {
		if silenced, _ := markUses(doc, used, dg, -1); !silenced {
			kept = append(kept, dg)
		}
	}
	return append(kept, l.unusedSuppressions(doc, used)...)
}

// markUses marks the directives (other than skip) that silence dg as used.
// It reports whether one did, and whether that marked a new use.
func markUses(doc *Document, used [][]bool, dg Diagnostic, skip int) (silenced, changed bool) {
	for i, dir := range doc.Directives {
		if i == skip || !dir.covers(dg.Rule, dg.Pos) {
			continue
		}
		silenced = true
		k := len(dir.Rules)
		for j, r := range dir.Rules {
			if r.ID == dg.Rule {
				k = j
			}
		}
		changed = changed || !used[i][k]
		used[i][k] = true
	}
	return silenced, changed
}

// unusedSuppressions reports the directives of doc that silenced nothing,
// name an unknown rule or are malformed. A directive's own finding is not
// silenced by itself, but can be by another directive.
func (l *Linter) unusedSuppressions(doc *Document, used [][]bool) []Diagnostic {
	var self *Rule
	known := make(map[string]*Rule, len(l.Rules))
	for _, r := range l.Rules {
		known[r.ID] = r
		if r.ID == UnusedSuppression {
			self = r
		}
	}
	if self == nil {
		return nil
	}
	s := l.settings(doc.Path, self)
	if s.Off {
		return nil
	}
	// Another directive may silence an unused-suppression finding, which
	// makes that directive used in turn: repeat until nothing changes.
	for {
		out, from := l.unusedCandidates(doc, used, known, s.Severity)
		changed := false
		kept := out[:0]
		for n, dg := range out {
			silenced, newUse := markUses(doc, used, dg, from[n])
			if !silenced {
				kept = append(kept, dg)
			}
			changed = changed || newUse
		}
		if !changed {
			return kept
		}
	}
}

// unusedCandidates lists the unused-suppression findings of doc given the
// uses found so far, with the index of the directive each comes from.
func (l *Linter) unusedCandidates(doc *Document, used [][]bool, known map[string]*Rule, sev Severity) (out []Diagnostic, from []int) {
	add := func(i int, span Span, sev Severity, format string, args ...any) {
		out = append(out, Diagnostic{
			Rule: UnusedSuppression, Severity: sev, Pos: span.Start, End: span.End,
			Message: fmt.Sprintf(format, args...),
		})
		from = append(from, i)
	}
	for i, dir := range doc.Directives {
		if dir.Bad != "" {
			if hint := suggest.DidYouMean(dir.Bad, directiveNames[:]); hint != "" {
				add(i, dir.Comment, Error, "unknown directive %q%s", dir.Bad, hint)
			} else {
				add(i, dir.Comment, Error, "unknown directive %q, expected %s", dir.Bad, strings.Join(directiveNames[:], ", "))
			}
			continue
		}
		for j, ref := range dir.Rules {
			r, ok := known[ref.ID]
			switch {
			case !ok:
				add(i, ref.Span, Error, "%s names unknown rule %q%s", dir.Kind, ref.ID, suggest.DidYouMean(ref.ID, slices.Sorted(maps.Keys(known))))
			case dir.Kind == Enable || l.settings(doc.Path, r).Off || r.Command != "":
				// An enable silences nothing itself; a rule that is off
				// cannot have findings here, yet may be on elsewhere; a
				// rule of another command has findings only there.
			case !used[i][j]:
				add(i, ref.Span, sev, "%s silences no %s finding", dir.Kind, ref.ID)
			}
		}
		switch {
		case dir.Kind == Enable && dir.closes == 0:
			add(i, dir.Comment, sev, "%s ends no %s block", dir.Kind, Disable)
		case dir.Kind != Enable && len(dir.Rules) == 0 && !used[i][0]:
			add(i, dir.Comment, sev, "%s silences no finding", dir.Kind)
		}
	}
	return out, from
}
