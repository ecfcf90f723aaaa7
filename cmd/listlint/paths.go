package main

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/listlint/listlint/report"
)

// repoFormats are the formats whose paths a service resolves against the
// repository (annotations, code scanning, review comments, a pull
// request's summary links): they name files relative to the top of the
// work tree, wherever listlint ran.
var repoFormats = map[string]bool{"github": true, "sarif": true, "rdjson": true, "markdown": true}

// workTreeTop returns the nearest folder at or above dir that holds .git
// (a folder in a clone, a file in a linked work tree or a submodule), or
// "" when there is none. It looks rather than asks git, as configuration
// discovery does: no process per run, and the same answer without git.
func workTreeTop(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// outputPaths returns how the format names a file, or nil when paths
// stay as named. The repoFormats name a file relative to the top of its
// git work tree or, with --path-prefix, as PREFIX joined with its path
// from the current folder; a file outside that folder, <stdin>, and the
// other formats keep the path as named.
func (f *lintFlags) outputPaths() func(string) string {
	if !repoFormats[string(f.format)] {
		return nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil
	}
	tops := make(map[string]string) // folder -> its work tree's top
	return func(p string) string {
		if p == stdinPath || p == "" {
			return p
		}
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, p)
		}
		base, prefix := cwd, f.pathPrefix
		if !f.pathPrefixSet {
			dir := filepath.Dir(abs)
			top, ok := tops[dir]
			if !ok {
				top = workTreeTop(dir)
				tops[dir] = top
			}
			if top == "" {
				return p
			}
			base, prefix = top, ""
		}
		rel, err := filepath.Rel(base, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return p
		}
		return path.Join(filepath.ToSlash(prefix), filepath.ToSlash(rel))
	}
}

// relocate renames the files of findings with rename, related places
// included.
func relocate(findings []report.Finding, rename func(string) string) {
	if rename == nil {
		return
	}
	for i := range findings {
		f := &findings[i]
		f.Path = rename(f.Path)
		if f.Related != nil && f.Related.Path != "" {
			r := *f.Related
			r.Path = rename(r.Path)
			f.Related = &r
		}
	}
}
