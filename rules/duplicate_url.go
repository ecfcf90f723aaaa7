package rules

import "github.com/listlint/listlint/lint"

// DuplicateURL reports an entry whose target is already listed.
var DuplicateURL = &lint.Rule{
	ID:    "duplicate-url",
	Title: "the same target is listed only once",
	Doc: `An entry links to a target that an earlier entry already lists, in
the same file or, with scope "run", in another file of the same run. Readers
meet the same project twice and maintainers update one copy but not the
other; keep one entry and, if it belongs to two sections, say so in its
description.

URLs are compared after normalising them (lint.URLKey): the scheme, "www.",
the host's case, a trailing "/", a "#fragment", utm_* parameters, a ".git"
suffix and the case of a GitHub or GitLab owner and repository do not count.
Only entries (items that start with a link) to absolute http(s) URLs count:
anchors and relative links are navigation, such as a table of contents.

Files are taken in path order and entries in source order; each later copy
is reported once, naming the first one (its line, its file when it is
another one, and its section).

In pull-request mode (check --new-from-rev, --new-from-patch), a new or
changed entry that duplicates an unchanged one is reported on the new
entry, naming the old one, wherever the two stand.

Options:
  scope  "file" (default): compare each file's entries among themselves;
         "run": compare the entries of every file of the run (the tagged
         preset does). The default is "file" because the files of one
         repository are often lists of their own, each listing what
         belongs to its topic even when another file lists it too.`,
	Bad: `## Tools

- [dive](https://github.com/wagoodman/dive): Explore image layers.

## Images

- [Dive](http://github.com/Wagoodman/dive/): Explore image layers.
`,
	Good: `## Tools

- [dive](https://github.com/wagoodman/dive): Explore image layers.
`,
	Severity: lint.Error,
	Options: []lint.Option{{
		Name: "scope", Default: scopeFile, Allowed: []string{scopeFile, scopeRun},
		Doc: `"run" compares every file of the run, "file" each file alone`,
	}},
	CheckRun: checkDuplicateURL,
}

func checkDuplicateURL(p *lint.RunPass) {
	// The run index holds every file's entries when any file compares
	// across the run; a file that does not gets an index of its own.
	var run *copyIndex
	for _, doc := range p.Docs {
		if p.Options(doc).String("scope") == scopeRun {
			run = newCopyIndex(runSize(p.Docs))
			break
		}
	}
	own := make(map[*lint.Document]*copyIndex, len(p.Docs))
	for _, doc := range p.Docs {
		if p.Options(doc).String("scope") == scopeFile {
			own[doc] = newCopyIndex(len(doc.Items))
		}
	}
	firsts := mentions{}
	var cur *lint.Document // the file of idx
	var idx *copyIndex     // cur's own index, nil when it compares across the run
	for doc, e := range reviewOrder(p.Docs) {
		if !e.IsEntry || e.URLKey == "" || !absoluteURL(e.Dest) {
			continue
		}
		if doc != cur {
			cur, idx = doc, own[doc]
		}
		c := copyOf{doc, e}
		var first copyOf
		var seen bool
		if idx != nil {
			first, seen = idx.note(e.URLKey, c)
			if run != nil {
				run.note(e.URLKey, c)
			}
		} else {
			first, seen = run.note(e.URLKey, c)
		}
		if !seen {
			continue
		}
		at := urlSpan(e)
		prior := firsts.of(doc, first, urlSpan(first.e).Start)
		p.Report(doc, lint.Diagnostic{
			Pos: at.Start, End: at.End,
			Message: "url already listed as " + prior.name +
				" at " + prior.where + ", expected one entry per target",
			Related: prior.related,
		})
	}
}

// urlSpan is where a duplicate target is shown: the URL, or the whole
// link when the destination lives in a reference definition.
func urlSpan(e *lint.Entry) lint.Span {
	if e.URL.Valid() {
		return e.URL
	}
	return e.Link
}
