package links

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// Run is one run of `listlint links` over a set of documents.
type Run struct {
	Checker *Checker
	// Cache, when set, supplies and keeps good results.
	Cache *Cache
	// Exclude holds patterns of URLs not to check (--exclude).
	Exclude []*regexp.Regexp
	// ExcludeFile, when set, returns more such patterns for the file at
	// path (its configuration's links.exclude).
	ExcludeFile func(path string) []*regexp.Regexp
	// GitHubAPI, when set, is the GitHub REST API's address: links to
	// repositories are also looked up there (--github).
	GitHubAPI string
	// Configure returns a rule's settings for a file, as lint.Linter's.
	Configure func(path string, r *lint.Rule) lint.Settings

	roots sync.Map // absolute folder -> its repository root, or ""
}

// Verdicts holds the result of every link checked in a run, by key (see
// linkKey).
type Verdicts map[string]Result

// Check checks the links of docs: relative links on the file system, web
// links through the cache and the checker. Files for which both link
// rules are off are not looked at.
func (r *Run) Check(ctx context.Context, docs []*lint.Document) Verdicts {
	v := Verdicts{}
	var web []string
	for _, doc := range docs {
		if r.settings(doc.Path, rules.LinkDead).Off && r.settings(doc.Path, rules.LinkRedirect).Off {
			continue
		}
		for _, l := range Extract(doc) {
			key, kind := r.linkKey(doc, l)
			if _, done := v[key]; done || key == "" {
				continue
			}
			switch kind {
			case File:
				v[key] = checkFile(strings.TrimPrefix(key, "file:"))
			case Web:
				// The cache keeps no anchors: a fragment to check is
				// checked afresh.
				if res, ok := r.Cache.get(key); ok && (!r.Checker.opts.IncludeFragments || fragment(key) == "") {
					v[key] = res
					continue
				}
				v[key] = Result{} // placeholder: each URL once
				web = append(web, key)
			}
		}
	}
	for u, res := range r.Checker.Check(ctx, web) {
		v[u] = res
		r.Cache.put(u, res)
	}
	if r.GitHubAPI != "" {
		// Cached results too: the cache keeps what the web said, and a
		// repository archived since is news.
		r.Checker.checkRepos(ctx, r.GitHubAPI, v)
	}
	return v
}

// settings returns a rule's settings for the file at path.
func (r *Run) settings(path string, rule *lint.Rule) lint.Settings {
	if r.Configure == nil {
		return rule.Defaults()
	}
	return r.Configure(path, rule)
}

func (c *Cache) get(url string) (Result, bool) {
	if c == nil {
		return Result{}, false
	}
	return c.Get(url)
}

func (c *Cache) put(url string, r Result) {
	if c != nil {
		c.Put(url, r)
	}
}

// linkKey returns the key of a link's verdict and how it is checked; the
// key is "" for a link not checked (skipped kinds, excluded URLs, paths
// from the root of a folder that is no repository).
func (r *Run) linkKey(doc *lint.Document, l Link) (string, Kind) {
	kind := Classify(l.URL)
	switch kind {
	case Skip:
		return "", Skip
	case Web:
		if matchAny(r.Exclude, l.URL) || r.ExcludeFile != nil && matchAny(r.ExcludeFile(doc.Path), l.URL) {
			return "", Skip
		}
		return l.URL, Web
	}
	u, err := url.Parse(l.URL)
	if err != nil {
		return "", Skip
	}
	dir, err := filepath.Abs(filepath.Dir(doc.Path))
	if err != nil {
		return "", Skip
	}
	root := r.repoRoot(dir)
	p := filepath.FromSlash(u.Path)
	if strings.HasPrefix(u.Path, "/") {
		// Root-relative: the repository's root, as GitHub renders it.
		if root == "" {
			return "", Skip
		}
		dir, p = root, strings.TrimLeft(p, string(filepath.Separator))
	}
	path := filepath.Join(dir, p)
	if rel, err := filepath.Rel(root, path); root != "" && (err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))) {
		// Out of the repository: GitHub's own pages, as "../../issues"
		// from a README is, which no file system holds.
		return "", Skip
	}
	return "file:" + path, File
}

// repoRoot returns the folder holding .git at or above the absolute
// folder dir, or "" when there is none; answers are kept per folder.
func (r *Run) repoRoot(dir string) string {
	if root, ok := r.roots.Load(dir); ok {
		return root.(string)
	}
	root := ""
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			root = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	r.roots.Store(dir, root)
	return root
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func checkFile(path string) Result {
	if _, err := os.Stat(path); err != nil {
		return Result{Status: Dead, Reason: "no such file or folder"}
	}
	return Result{Status: OK}
}

// Linter returns the linter that reports the verdicts: the link rules,
// each with a check that looks its links up in v. A link with no verdict
// (one a fix wrote) is not reported. Unchecked links are reported by a
// twin of link-dead at info severity, so that configuration and inline
// suppression treat them as link-dead findings.
func (v Verdicts) Linter(r *Run, limits lint.Limits) *lint.Linter {
	dead, unchecked, moved := *rules.LinkDead, *rules.LinkDead, *rules.LinkRedirect
	// The checks read the links of the model: every parse of the linter,
	// the fixer's after each round too, collects them.
	limits.Links = true
	dead.Check = v.check(r, Dead)
	unchecked.Check = v.check(r, Unchecked)
	moved.Check = v.check(r, Moved)
	return &lint.Linter{
		Rules: []*lint.Rule{&dead, &unchecked, &moved},
		Configure: func(path string, rule *lint.Rule) lint.Settings {
			switch rule {
			case &unchecked:
				s := r.settings(path, rules.LinkDead)
				s.Severity = lint.Info
				return s
			case &moved:
				return r.settings(path, rules.LinkRedirect)
			}
			return r.settings(path, rules.LinkDead)
		},
		Limits: limits,
	}
}

func (v Verdicts) check(r *Run, want Status) func(*lint.Pass) {
	return func(p *lint.Pass) {
		for _, l := range Extract(p.Doc) {
			key, kind := r.linkKey(p.Doc, l)
			res, ok := v[key]
			if ok && want == Unchecked && res.Archived {
				p.Report(l.At.Start, l.At.End, nil, "link to %s is to an archived repository (read-only), expected a maintained project", l.URL)
			}
			if !ok || res.Status != want {
				continue
			}
			switch {
			case want == Dead && kind == File && webLike(l.URL):
				p.Report(l.At.Start, l.At.End, nil, "link to %s is dead (%s), expected an existing file, or a web address with https://", l.URL, res.Reason)
			case want == Dead && kind == File:
				p.Report(l.At.Start, l.At.End, nil, "link to %s is dead (%s), expected an existing file", l.URL, res.Reason)
			case want == Dead:
				p.Report(l.At.Start, l.At.End, nil, "link to %s is dead (%s), expected a page that answers", l.URL, res.Reason)
			case want == Unchecked:
				p.Report(l.At.Start, l.At.End, nil, "link to %s is unchecked (%s)", l.URL, res.Reason)
			case want == Moved:
				reportMoved(p, l, res)
			}
		}
	}
}

// webLike reports whether a relative link reads as a web address that
// lost its scheme: "www.example.com/x", "./https://example.com".
func webLike(path string) bool {
	return strings.HasPrefix(path, "www.") || strings.Contains(path, "://")
}

// unsafeDest matches what a URL must not hold to be written as a
// destination as it is: white space, brackets and quotes that end or
// open a destination, backslashes and character references that a
// renderer would read as escapes.
var unsafeDest = regexp.MustCompile("[\\s<>()\\\\\"'`]|&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

func reportMoved(p *lint.Pass, l Link, res Result) {
	noFix := res.NoFix
	if noFix == "" && !l.Dest.Valid() {
		noFix = "its bytes in the file are escaped"
	}
	if noFix == "" && unsafeDest.MatchString(res.Target) {
		noFix = "the new URL would need escaping"
	}
	if noFix != "" {
		p.Report(l.At.Start, l.At.End, nil, "link to %s redirects permanently to %s, expected the new URL (not rewritten: %s)", l.URL, res.Target, noFix)
		return
	}
	fix := &lint.Fix{
		Message: "rewrite to " + res.Target,
		Edits:   []lint.TextEdit{{Pos: l.Dest.Start, End: l.Dest.End, NewText: res.Target}},
	}
	p.Report(l.At.Start, l.At.End, fix, "link to %s redirects permanently to %s, expected the new URL", l.URL, res.Target)
}
