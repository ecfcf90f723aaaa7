package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/listlint/listlint/internal/corpustest"
)

// judgedFile holds verdicts on real findings: `listlint check` with no
// configuration, run on each repository snapshot of ../shared/corpus, and
// a sample of what it reported judged by hand as a maintainer of that list
// would. Columns: path (relative to the corpus), line, rule, verdict
// (true, false or debatable) and a reason class in our own words.
const judgedFile = "../../testdata/judged/verdicts.tsv"

// judgedAwesomeFile holds verdicts in the same form on what `check
// --preset awesome` reports: rules the default configuration keeps off,
// such as spelling.
const judgedAwesomeFile = "../../testdata/judged/verdicts-awesome.tsv"

type verdictKey struct {
	path string
	line int
	rule string
}

type verdict struct {
	verdictKey
	verdict, reason string
}

// TestJudgedFindings holds the rules to the verdicts: every finding judged
// true is still reported, and none judged false is. It logs the precision
// per rule over the judged findings reported today.
func TestJudgedFindings(t *testing.T) {
	t.Run("default", func(t *testing.T) { testJudged(t, judgedFile) })
	t.Run("awesome", func(t *testing.T) { testJudged(t, judgedAwesomeFile, "--preset", "awesome") })
}

// testJudged checks the verdicts of file against `check` run with args.
func testJudged(t *testing.T, file string, args ...string) {
	root := filepath.Join(corpustest.Shared(t), "corpus")
	verdicts := readVerdicts(t, file)
	// One run per repository snapshot, as its maintainer would run it:
	// snapshots of one repository would all be duplicates of each other.
	var snapshots []string
	for _, v := range verdicts {
		parts := strings.SplitN(v.path, "/", 3)
		if len(parts) < 3 {
			t.Fatalf("%s:%d: path %q names no snapshot folder", file, v.line, v.path)
		}
		if snap := parts[0] + "/" + parts[1]; !slices.Contains(snapshots, snap) {
			snapshots = append(snapshots, snap)
		}
	}
	reported := map[verdictKey]bool{}
	for _, snap := range snapshots {
		for _, k := range checkJSON(t, root, snap, args...) {
			reported[k] = true
		}
	}
	type tally struct{ truth, falsehood, debatable, missed int }
	byRule := map[string]*tally{}
	for _, v := range verdicts {
		tl := byRule[v.rule]
		if tl == nil {
			tl = &tally{}
			byRule[v.rule] = tl
		}
		got := reported[v.verdictKey]
		switch {
		case v.verdict == "true" && !got:
			tl.missed++
			t.Errorf("%s:%d: %s judged true (%s) is no longer reported", v.path, v.line, v.rule, v.reason)
		case v.verdict == "false" && got:
			tl.falsehood++
			t.Errorf("%s:%d: %s judged false (%s) is reported", v.path, v.line, v.rule, v.reason)
		case v.verdict == "true":
			tl.truth++
		case v.verdict == "debatable" && got:
			tl.debatable++
		}
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	slices.Sort(rules)
	var all tally
	for _, r := range rules {
		tl := byRule[r]
		all.truth += tl.truth
		all.falsehood += tl.falsehood
		all.debatable += tl.debatable
		t.Logf("%-18s %s", r, precision(tl.truth, tl.falsehood, tl.debatable))
	}
	t.Logf("%-18s %s", "all", precision(all.truth, all.falsehood, all.debatable))
}

// precision describes the judged findings still reported: how many of
// them are true.
func precision(truth, falsehood, debatable int) string {
	n := truth + falsehood + debatable
	if n == 0 {
		return "none reported"
	}
	return fmt.Sprintf("%3d reported: %3d true, %d false, %d debatable: %.1f%% true",
		n, truth, falsehood, debatable, 100*float64(truth)/float64(n))
}

func readVerdicts(t *testing.T, file string) []verdict {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []verdict
	seen := map[verdictKey]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 5 {
			t.Fatalf("%s:%d: %d columns, want path, line, rule, verdict, reason", file, n, len(f))
		}
		line, err := strconv.Atoi(f[1])
		if err != nil || line < 1 {
			t.Fatalf("%s:%d: line %q is not a line number", file, n, f[1])
		}
		switch f[3] {
		case "true", "false", "debatable":
		default:
			t.Fatalf("%s:%d: verdict %q, want true, false or debatable", file, n, f[3])
		}
		v := verdict{verdictKey{f[0], line, f[2]}, f[3], f[4]}
		if seen[v.verdictKey] {
			t.Fatalf("%s:%d: %s:%d %s judged twice", file, n, f[0], line, f[2])
		}
		seen[v.verdictKey] = true
		out = append(out, v)
	}
	return out
}

// checkJSON runs `listlint check --format json` with args on one snapshot
// folder of the corpus and returns its findings with corpus-relative paths.
func checkJSON(t *testing.T, root, snap string, args ...string) []verdictKey {
	t.Helper()
	var stdout, stderr bytes.Buffer
	argv := append(append([]string{"check", "--format", "json"}, args...), filepath.Join(root, filepath.FromSlash(snap)))
	code := run(argv, &stdout, &stderr)
	if code != exitClean && code != exitFindings {
		t.Fatalf("check %s: exit %d, stderr:\n%s", snap, code, stderr.String())
	}
	var findings []struct {
		Path string
		Line int
		Rule string
	}
	if err := json.Unmarshal(stdout.Bytes(), &findings); err != nil {
		t.Fatalf("check %s: output is not JSON: %v", snap, err)
	}
	out := make([]verdictKey, len(findings))
	for i, f := range findings {
		rel, err := filepath.Rel(root, f.Path)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = verdictKey{filepath.ToSlash(rel), f.Line, f.Rule}
	}
	return out
}
