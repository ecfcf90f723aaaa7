// Package linttest runs a rule on fixture files that carry their expected
// findings, in the manner of go/analysis's analysistest: rule tests read
// as the input they check.
//
// A fixture folder (testdata/rules/<id>) holds *.md files, each one run
// of the rule alone. Expected findings are written at the end of the line
// they are reported on: <!-- want "regexp" "regexp" -->. Lines that cannot
// carry a comment (blank lines, trailing-space lines) are listed in a
// sidecar file NAME.md.want, one `LINE "regexp"` per line. A first line
// <!-- options: {"name": value} --> sets the rule's options, read by the
// configuration decoder as a .listlint.yml entry is. A fixture with a
// fixable finding must have NAME.md.golden holding the fixed file (update
// rewrites it); the fix must be idempotent and leave no fixable finding.
//
// A sub-folder <run>/ is one run of all its *.md files together, in path
// order, for rules that compare files (CheckRun); each file carries its
// own expectations and options.
package linttest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/listlint/listlint/config"
	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/lint"
)

// Limits pin the current year, so that what counts as a year prefix does
// not change with the calendar.
var Limits = lint.Limits{Year: 2026}

// Run runs rule r on the fixtures of dir, one subtest per file or run,
// named ID/FILE and ID/RUN/. It fails when dir holds no fixture.
func Run(t *testing.T, r *lint.Rule, dir string, update bool) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	runs, err := fixtureRuns(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 && len(runs) == 0 {
		t.Errorf("rule %s has no fixtures in %s", r.ID, dir)
	}
	for _, f := range files {
		t.Run(r.ID+"/"+filepath.Base(f), func(t *testing.T) { runFixture(t, r, []string{f}, update) })
	}
	for _, run := range runs {
		t.Run(r.ID+"/"+filepath.Base(filepath.Dir(run[0]))+"/", func(t *testing.T) { runFixture(t, r, run, update) })
	}
}

// fixtureRuns returns the *.md files of each sub-folder of dir, one run
// per folder.
func fixtureRuns(dir string) ([][]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	var runs [][]string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		files, err := filepath.Glob(filepath.Join(dir, e.Name(), "*.md"))
		if err != nil {
			return nil, err
		}
		if len(files) > 0 {
			runs = append(runs, files)
		}
	}
	return runs, nil
}

var (
	optionsRe = regexp.MustCompile(`^<!-- options: (\{.*\}) -->`)
	wantRe    = regexp.MustCompile(`<!-- want((?: +"(?:[^"\\]|\\.)*")+) -->`)
	quotedRe  = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

type want struct {
	line int
	re   *regexp.Regexp
	used bool
}

// runFixture lints paths as one run and checks each file's findings
// against its expectations and golden file.
func runFixture(t *testing.T, r *lint.Rule, paths []string, update bool) {
	srcs := make(map[string][]byte, len(paths))
	settings := make(map[string]lint.Settings, len(paths))
	docs := make([]*lint.Document, 0, len(paths))
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := r.Defaults()
		s.Off = false // a fixture tests its rule, on by default or not
		if m := optionsRe.FindSubmatch(bytes.TrimPrefix(src, []byte("\uFEFF"))); m != nil {
			opts, err := config.RuleOptions(path, r, m[1])
			if err != nil {
				t.Fatalf("options comment: %v", err)
			}
			s.Options = opts
		}
		doc, err := lint.ParseLimits(path, src, Limits)
		if err != nil {
			t.Fatal(err)
		}
		srcs[path], settings[path] = src, s
		docs = append(docs, doc)
	}
	l := &lint.Linter{
		Rules:     []*lint.Rule{r},
		Configure: func(path string, _ *lint.Rule) lint.Settings { return settings[path] },
		Limits:    Limits,
	}
	for _, res := range l.Run(docs) {
		checkFindings(t, r, res)
		path := res.Doc.Path
		one := &lint.Linter{
			Rules:     []*lint.Rule{r},
			Configure: func(string, *lint.Rule) lint.Settings { return settings[path] },
			Limits:    Limits,
		}
		checkGolden(t, one, path, srcs[path], hasFix(res.Diagnostics), update)
	}
}

// checkFindings matches one file's findings with its expectations.
func checkFindings(t *testing.T, r *lint.Rule, res lint.Result) {
	doc, src := res.Doc, res.Doc.Src
	path := doc.Path
	wants := parseWants(t, doc, path)
	for _, d := range res.Diagnostics {
		if d.Pos < 0 || d.End < d.Pos || d.End > len(src) {
			t.Errorf("finding %q has span [%d,%d) outside the file (size %d)", d.Message, d.Pos, d.End, len(src))
			continue
		}
		if d.Fix != nil {
			if !r.Fixable {
				t.Errorf("rule %s is not declared fixable but offers a fix", r.ID)
			}
			if err := fix.Validate(d.Fix, src); err != nil {
				t.Error(err)
			}
		}
		line, col := doc.Position(d.Pos)
		if !matchWant(wants, line, d.Message) {
			t.Errorf("%s:%d:%d: unexpected finding: %s", filepath.Base(path), line, col, d.Message)
		}
	}
	for _, w := range wants {
		if !w.used {
			t.Errorf("%s:%d: no finding matched %q", filepath.Base(path), w.line, w.re)
		}
	}
}

func hasFix(ds []lint.Diagnostic) bool {
	for _, d := range ds {
		if d.Fix != nil {
			return true
		}
	}
	return false
}

func parseWants(t *testing.T, doc *lint.Document, path string) []*want {
	var wants []*want
	add := func(line int, quoted string) {
		s, err := strconv.Unquote(quoted)
		if err != nil {
			t.Fatalf("line %d: bad want %s: %v", line, quoted, err)
		}
		wants = append(wants, &want{line: line, re: regexp.MustCompile(s)})
	}
	for n := 1; n <= doc.LineCount(); n++ {
		for _, m := range wantRe.FindAllStringSubmatch(doc.Text(doc.LineSpan(n)), -1) {
			for _, q := range quotedRe.FindAllString(m[1], -1) {
				add(n, q)
			}
		}
	}
	side, err := os.ReadFile(path + ".want")
	if os.IsNotExist(err) {
		return wants
	}
	if err != nil {
		t.Fatal(err)
	}
	for i, ln := range strings.Split(strings.TrimSpace(string(side)), "\n") {
		var line int
		var rest string
		if _, err := fmt.Sscanf(ln, "%d", &line); err != nil {
			t.Fatalf("%s.want:%d: want `LINE \"regexp\"`: %v", path, i+1, err)
		}
		rest = strings.TrimSpace(strings.TrimLeft(ln, "0123456789"))
		for _, q := range quotedRe.FindAllString(rest, -1) {
			add(line, q)
		}
	}
	return wants
}

func matchWant(wants []*want, line int, msg string) bool {
	for _, w := range wants {
		if !w.used && w.line == line && w.re.MatchString(msg) {
			w.used = true
			return true
		}
	}
	return false
}

// checkGolden fixes the fixture with the rule alone and compares the result
// with NAME.md.golden, then checks the fix is idempotent.
func checkGolden(t *testing.T, l *lint.Linter, path string, src []byte, fixable, update bool) {
	golden := path + ".golden"
	want, err := os.ReadFile(golden)
	if !fixable {
		if err == nil {
			t.Errorf("%s exists but the fixture has no fixable finding", filepath.Base(golden))
		}
		return
	}
	res, ferr := fix.File(l, path, src)
	if ferr != nil {
		t.Fatal(ferr)
	}
	if update {
		if err := os.WriteFile(golden, res.Src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err != nil {
		t.Fatalf("fixable findings but no golden file: run go test with -update and review %s", filepath.Base(golden))
	}
	if !bytes.Equal(res.Src, want) {
		t.Errorf("fixed output differs from %s:\n--- got ---\n%s\n--- want ---\n%s", filepath.Base(golden), res.Src, want)
	}
	again, err := fix.File(l, path, res.Src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Src, res.Src) {
		t.Errorf("fix is not idempotent: a second run changed the output")
	}
	for _, d := range again.Remaining {
		if d.Fix != nil {
			t.Errorf("fixable finding remains after fix: %s", d.Message)
		}
	}
}
