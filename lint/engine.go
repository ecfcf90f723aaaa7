package lint

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Linter runs rules over documents.
type Linter struct {
	Rules []*Rule
	// Configure returns the settings of rule r for the file at path; nil
	// means every rule runs with its defaults.
	Configure func(path string, r *Rule) Settings
	// Limits bound the input Parse accepts; their Year is the current
	// year for rules too.
	Limits Limits
	// Changed returns, in pull-request mode, the sorted 1-based lines of
	// doc that the change under review added or modified; nil means no
	// change is under review.
	Changed func(doc *Document) []int
}

// Parse parses src within the linter's limits.
func (l *Linter) Parse(path string, src []byte) (*Document, error) {
	return ParseLimits(path, src, l.Limits)
}

// Result holds one document's findings, sorted by position.
type Result struct {
	Doc         *Document
	Diagnostics []Diagnostic
	// byFileRules is what the per-file rules found, before suppression,
	// kept by RunAlone for RunAcross.
	byFileRules []Diagnostic
}

func (l *Linter) settings(path string, r *Rule) Settings {
	if l.Configure == nil {
		return r.Defaults()
	}
	return l.Configure(path, r)
}

// changedLines returns the changed lines of docs by index, nil outside
// pull-request mode (no allocation for a plain run).
func (l *Linter) changedLines(docs []*Document) []ChangedLines {
	if l.Changed == nil {
		return nil
	}
	out := make([]ChangedLines, len(docs))
	for i, d := range docs {
		out[i] = ChangedLines{doc: d, lines: l.Changed(d)}
	}
	return out
}

// at returns the changed lines of the i-th document.
func at(changed []ChangedLines, i int) ChangedLines {
	if changed == nil {
		return ChangedLines{}
	}
	return changed[i]
}

// checkFile runs per-file rule r on doc.
func (l *Linter) checkFile(doc *Document, changed ChangedLines, year int, r *Rule) []Diagnostic {
	s := l.settings(doc.Path, r)
	if s.Off {
		return nil
	}
	var out []Diagnostic
	r.Check(&Pass{
		Values:  Values{set: s.Options},
		Doc:     doc,
		Changed: changed,
		Year:    year,
		report: func(d Diagnostic) {
			d.Rule, d.Severity = r.ID, s.Severity
			out = append(out, d)
		},
	})
	return out
}

// Run checks every document with every rule, then drops the findings that
// inline suppression comments silence (adding unused-suppression's own).
// Each pair of a document and a per-file rule, and each cross-file rule
// over the whole run, is a task of its own spread over all cores, so that
// one large file uses them too. Results come in the order of docs and do
// not depend on scheduling.
func (l *Linter) Run(docs []*Document) []Result {
	return l.run(docs, nil, false)
}

// RunAlone is Run on doc alone, keeping what RunAcross needs.
func (l *Linter) RunAlone(doc *Document) Result {
	return l.run([]*Document{doc}, nil, true)[0]
}

// RunAcross is Run on the documents of results, each from RunAlone: the
// findings of the per-file rules are taken from there, and only the
// cross-file rules run again, over every document together. fix lints
// each file alone as it fixes it, and the run as a whole once at the end:
// linting every file again would cost as much as the first time.
func (l *Linter) RunAcross(results []Result) []Result {
	docs := make([]*Document, len(results))
	known := make([][]Diagnostic, len(results))
	for i := range results {
		docs[i], known[i] = results[i].Doc, results[i].byFileRules
	}
	return l.run(docs, known, false)
}

// run is Run, taking the per-file rules' findings of docs[i] from
// known[i] when known is not nil, and keeping them in each result when
// keep is set, for RunAcross.
func (l *Linter) run(docs []*Document, known [][]Diagnostic, keep bool) []Result {
	var fileRules, runRules []*Rule
	for _, r := range l.Rules {
		switch {
		case r.Check != nil && known == nil:
			fileRules = append(fileRules, r)
		case r.CheckRun != nil:
			runRules = append(runRules, r)
		}
	}
	// byRun[k][i] and byFile[i*len(fileRules)+k] hold what rule k found
	// in docs[i]; every task writes only its own.
	byRun := make([][][]Diagnostic, len(runRules))
	byFile := make([][]Diagnostic, len(docs)*len(fileRules))
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, func(a, b *Document) int { return strings.Compare(a.Path, b.Path) })
	index := make(map[*Document]int, len(docs))
	for i, d := range docs {
		index[d] = i
	}
	changed := l.changedLines(docs)
	year := l.Limits.withDefaults().Year
	// A task per document and rule spreads a large file over every core;
	// over many files, a task per document does too, without a channel
	// hand-off for each of 10,000 files times every rule.
	perRule := 1
	if len(docs) < 4*runtime.GOMAXPROCS(0) {
		perRule = len(fileRules)
	}
	// Cross-file rules first: each is a long task.
	Parallel(len(runRules)+len(docs)*perRule, func(t int) {
		if t < len(runRules) {
			byRun[t] = l.checkRun(runRules[t], sorted, index, changed)
			return
		}
		t -= len(runRules)
		if perRule > 1 {
			i := t / len(fileRules)
			byFile[t] = l.checkFile(docs[i], at(changed, i), year, fileRules[t%len(fileRules)])
			return
		}
		for k, r := range fileRules {
			byFile[t*len(fileRules)+k] = l.checkFile(docs[t], at(changed, t), year, r)
		}
	})
	res := make([]Result, len(docs))
	for i, doc := range docs {
		var ds []Diagnostic
		if known != nil {
			ds = append(ds, known[i]...)
		}
		for _, found := range byFile[i*len(fileRules) : (i+1)*len(fileRules)] {
			ds = append(ds, found...)
		}
		if keep {
			res[i].byFileRules = slices.Clone(ds)
		}
		for _, found := range byRun {
			ds = append(ds, found[i]...)
		}
		ds = l.applySuppressions(doc, ds)
		SortDiagnostics(ds)
		res[i].Doc, res[i].Diagnostics = doc, ds
	}
	return res
}

// checkRun runs cross-file rule r over the documents sorted by path and
// returns its findings by the documents' index, the index changed is by
// too.
func (l *Linter) checkRun(r *Rule, sorted []*Document, index map[*Document]int, changed []ChangedLines) [][]Diagnostic {
	out := make([][]Diagnostic, len(sorted))
	// Settings per document, resolved once: a run can report tens of
	// thousands of duplicates.
	settings := make([]*Settings, len(sorted))
	of := func(d *Document) *Settings {
		i := index[d]
		if settings[i] == nil {
			s := l.settings(d.Path, r)
			settings[i] = &s
		}
		return settings[i]
	}
	r.CheckRun(&RunPass{
		Docs: sorted,
		Options: func(d *Document) Values {
			return Values{set: of(d).Options}
		},
		Changed: func(d *Document) ChangedLines { return at(changed, index[d]) },
		report: func(d *Document, diag Diagnostic) {
			s := of(d)
			if s.Off {
				return
			}
			diag.Rule, diag.Severity = r.ID, s.Severity
			i := index[d]
			out[i] = append(out[i], diag)
		},
	})
	return out
}

// SortDiagnostics orders findings by position, then rule ID.
func SortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos, b.Pos), strings.Compare(a.Rule, b.Rule))
	})
}

// Parallel calls f(0..n-1) on up to GOMAXPROCS goroutines.
func Parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
