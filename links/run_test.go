package links

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

const fixture = "testdata/list.md"

func loadDoc(t *testing.T) *lint.Document {
	t.Helper()
	path := fixture
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := lint.ParseLimits(path, src, lint.Limits{Links: true})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestExtract(t *testing.T) {
	doc := loadDoc(t)
	var got []string
	for _, l := range Extract(doc) {
		if dest := doc.Text(l.Dest); l.Dest.Valid() && dest != l.URL {
			t.Errorf("%s: destination bytes %q", l.URL, dest)
		}
		line, _ := doc.Position(l.At.Start)
		got = append(got, fmt.Sprintf("%d %s %v", line, l.URL, Classify(l.URL)))
	}
	want := []string{
		"3 docs/guide.md 2", "3 docs/missing.md 2", "7 #tools 0",
		"11 http://alpha.test/redirect/301/status/200 1", "12 http://beta.test/status/404 1",
		"13 http://gamma.test/redirect/302/status/200 1", "15 http://gone.invalid/ 1",
		"16 http://beta.test/status/404 1", "17 http://alpha.test/redirect/308/eta#install 1",
		"18 http://alpha.test/status/403 1", "19 http://alpha.test/redirect/301/iota 1",
		"20 http://alpha.test/redirect/301/kappa 1", "21 mailto:lambda@example.com 0",
		"22 http://excluded.test/status/404 1", "28 http://alpha.test/status/200 1",
		"30 http://alpha.test/redirect/301/delta 1", "32 www.example.com/notes 2",
		"35 http://alpha.test/redirect/301/home 1", "35 http://alpha.test/status/200 1",
		"39 http://beta.test/status/410 1", "39 http://alpha.test/status/200?a=1&b=2 1",
		"41 ../../../issues 2",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// testRun is a run over the fake network of statusServer.
func testRun(t *testing.T, cache *Cache) *Run {
	t.Helper()
	srv, _ := statusServer(t, false)
	return &Run{
		Checker: testChecker(t, srv, Options{Retries: -1}),
		Cache:   cache,
		Exclude: []*regexp.Regexp{regexp.MustCompile(`^https?://excluded\.test/`)},
	}
}

// TestRunFindings checks what a run reports on the fixture, and that
// --fix rewrites exactly the moved links' URLs.
func TestRunFindings(t *testing.T) {
	t.Parallel()
	doc := loadDoc(t)
	run := testRun(t, nil)
	v := run.Check(context.Background(), []*lint.Document{doc})
	l := v.Linter(run, lint.Limits{})
	var got []string
	for _, f := range report.Findings(l.Run([]*lint.Document{doc})) {
		got = append(got, fmt.Sprintf("%d:%d %s %s %v %s", f.Line, f.Column, f.Severity, f.Rule, f.Fixable(), f.Message))
	}
	want := []string{
		"3:55 error link-dead false link to docs/missing.md is dead (no such file or folder), expected an existing file",
		"11:3 warning link-redirect true link to http://alpha.test/redirect/301/status/200 redirects permanently to http://alpha.test/status/200, expected the new URL",
		"12:3 error link-dead false link to http://beta.test/status/404 is dead (404 Not Found), expected a page that answers",
		"15:3 error link-dead false link to http://gone.invalid/ is dead (DNS lookup failed: no such host), expected a page that answers",
		"17:3 warning link-redirect true link to http://alpha.test/redirect/308/eta#install redirects permanently to http://alpha.test/eta#install, expected the new URL",
		"18:3 info link-dead false link to http://alpha.test/status/403 is unchecked (403 Forbidden, which servers answer to clients that are not browsers)",
		"19:3 warning link-redirect true link to http://alpha.test/redirect/301/iota redirects permanently to http://alpha.test/iota, expected the new URL",
		"20:9 warning link-redirect true link to http://alpha.test/redirect/301/kappa redirects permanently to http://alpha.test/kappa, expected the new URL",
		"30:1 warning link-redirect true link to http://alpha.test/redirect/301/delta redirects permanently to http://alpha.test/delta, expected the new URL",
		"32:38 error link-dead false link to www.example.com/notes is dead (no such file or folder), expected an existing file, or a web address with https://",
		"35:12 warning link-redirect true link to http://alpha.test/redirect/301/home redirects permanently to http://alpha.test/home, expected the new URL",
		"39:17 error link-dead false link to http://beta.test/status/410 is dead (410 Gone), expected a page that answers",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	res, err := fix.File(l, doc.Path, doc.Src)
	if err != nil {
		t.Fatal(err)
	}
	golden := doc.Path + ".golden"
	if *update {
		if err := os.WriteFile(golden, res.Src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want2, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(res.Src, want2) {
		t.Errorf("fixed text differs from %s:\n%s", golden, fix.Diff(golden, want2, res.Src))
	}
	if res.Fixed != 6 {
		t.Errorf("fixed %d findings, want 6", res.Fixed)
	}
}

// TestRunConfigured: a rule that is off is not reported, and severities
// come from the configuration.
func TestRunConfigured(t *testing.T) {
	t.Parallel()
	doc := loadDoc(t)
	run := testRun(t, nil)
	run.Configure = func(_ string, r *lint.Rule) lint.Settings {
		s := r.Defaults()
		switch r.ID {
		case "link-redirect":
			s.Off = true
		case "link-dead":
			s.Severity = lint.Warning
		}
		return s
	}
	v := run.Check(context.Background(), []*lint.Document{doc})
	for _, f := range report.Findings(v.Linter(run, lint.Limits{}).Run([]*lint.Document{doc})) {
		want := lint.Warning
		if strings.Contains(f.Message, "unchecked") {
			want = lint.Info
		}
		if f.Rule != "link-dead" || f.Severity != want {
			t.Errorf("%d: %s %s, want link-dead at %s", f.Line, f.Rule, f.Severity, want)
		}
	}
}

func TestCache(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "cache", "links.json")
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	doc := loadDoc(t)

	c, warn := LoadCache(path, time.Hour, clock)
	if warn != nil {
		t.Fatal(warn)
	}
	srv, hits := statusServer(t, false)
	run := &Run{Checker: testChecker(t, srv, Options{Retries: -1}), Cache: c}
	first := run.Check(context.Background(), []*lint.Document{doc})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	requests := func() int64 {
		var n int64
		hits.Range(func(_, v any) bool {
			n += v.(interface{ Load() int64 }).Load()
			return true
		})
		return n
	}
	before := requests()

	// Within max-age: good results come from the cache, failures are
	// checked again.
	now = now.Add(30 * time.Minute)
	c, warn = LoadCache(path, time.Hour, clock)
	if warn != nil {
		t.Fatal(warn)
	}
	run.Cache = c
	second := run.Check(context.Background(), []*lint.Document{doc})
	if n := count(hits, "gamma.test/status/200 HEAD"); n != 1 {
		t.Errorf("a good result was checked %d times, want once", n)
	}
	if n := count(hits, "beta.test/status/404 GET"); n != 2 {
		t.Errorf("a dead link was checked %d times, want twice", n)
	}
	for k, r := range first {
		if second[k].Status != r.Status || second[k].Target != r.Target {
			t.Errorf("%s: %v %q from the cache, was %v %q", k, second[k].Status, second[k].Target, r.Status, r.Target)
		}
	}
	// HEAD and GET for each of the four failures (404, 403, 410, excluded 404).
	if after := requests(); after-before > 8 {
		t.Errorf("second run sent %d requests", after-before)
	}

	// Past max-age everything is checked again.
	now = now.Add(2 * time.Hour)
	c, _ = LoadCache(path, time.Hour, clock)
	if _, ok := c.Get("http://gamma.test/redirect/302/status/200"); ok {
		t.Error("stale result reused")
	}

	for name, data := range map[string]string{"corrupt": "{not json", "old": `{"version": 0, "links": {}}`} {
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		c, warn := LoadCache(path, time.Hour, clock)
		if warn == nil || len(c.links) != 0 {
			t.Errorf("%s cache: warning %v, %d links", name, warn, len(c.links))
		}
		if err := c.Save(); err != nil {
			t.Errorf("%s cache: save: %v", name, err)
		}
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil || len(entries) != 1 {
		t.Errorf("cache folder holds %d entries (%v), want the cache alone", len(entries), err)
	}
}
