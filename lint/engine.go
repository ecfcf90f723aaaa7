package lint

import (
	"runtime"
	"sort"
	"sync"
)

// Linter runs rules over documents.
type Linter struct {
	Rules []*Rule
	// Configure returns the settings of rule r for the file at path; nil
	// means every rule runs with its defaults.
	Configure func(path string, r *Rule) Settings
	// Limits bound the input Parse accepts.
	Limits Limits
}

// Parse parses src within the linter's limits.
func (l *Linter) Parse(path string, src []byte) (*Document, error) {
	return ParseLimits(path, src, l.Limits)
}

// Result holds one document's findings, sorted by position.
type Result struct {
	Doc         *Document
	Diagnostics []Diagnostic
}

func (l *Linter) settings(path string, r *Rule) Settings {
	if l.Configure == nil {
		return r.Defaults()
	}
	return l.Configure(path, r)
}

// CheckFile runs the per-file rules on doc.
func (l *Linter) CheckFile(doc *Document) []Diagnostic {
	var out []Diagnostic
	for _, r := range l.Rules {
		if r.Check == nil {
			continue
		}
		s := l.settings(doc.Path, r)
		if s.Off {
			continue
		}
		p := &Pass{
			options: options{rule: r, set: s.Options},
			Doc:     doc,
			report: func(d Diagnostic) {
				d.Rule, d.Severity = r.ID, s.Severity
				out = append(out, d)
			},
		}
		r.Check(p)
	}
	return out
}

// Run checks every document: per-file rules in parallel on all cores,
// then the cross-file rules over the whole run, then drops the findings
// that inline suppression comments silence (adding unused-suppression's
// own). Results come in the order of docs and do not depend on scheduling.
func (l *Linter) Run(docs []*Document) []Result {
	res := make([]Result, len(docs))
	Parallel(len(docs), func(i int) {
		res[i] = Result{Doc: docs[i], Diagnostics: l.CheckFile(docs[i])}
	})
	l.checkRun(docs, res)
	for i := range res {
		res[i].Diagnostics = l.applySuppressions(res[i].Doc, res[i].Diagnostics)
		SortDiagnostics(res[i].Diagnostics)
	}
	return res
}

func (l *Linter) checkRun(docs []*Document, res []Result) {
	index := make(map[*Document]int, len(docs))
	for i, d := range docs {
		index[d] = i
	}
	sorted := append([]*Document(nil), docs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	for _, r := range l.Rules {
		if r.CheckRun == nil {
			continue
		}
		// Settings per document, resolved once: a run can report tens of
		// thousands of duplicates.
		settings := make([]*Settings, len(docs))
		of := func(d *Document) *Settings {
			i := index[d]
			if settings[i] == nil {
				s := l.settings(d.Path, r)
				settings[i] = &s
			}
			return settings[i]
		}
		p := &RunPass{
			Docs: sorted,
			Options: func(d *Document) options {
				return options{rule: r, set: of(d).Options}
			},
			report: func(d *Document, diag Diagnostic) {
				s := of(d)
				if s.Off {
					return
				}
				diag.Rule, diag.Severity = r.ID, s.Severity
				i := index[d]
				res[i].Diagnostics = append(res[i].Diagnostics, diag)
			},
		}
		r.CheckRun(p)
	}
}

// SortDiagnostics orders findings by position, then rule ID.
func SortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Pos != b.Pos {
			return a.Pos < b.Pos
		}
		return a.Rule < b.Rule
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
