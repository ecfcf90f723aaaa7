package rules

import (
	"strings"

	"github.com/listlint/listlint/lint"
)

// nameScope is duplicate-name's option of which files it compares.
var nameScope = lint.EnumOption("scope", scopeFile, `"file" compares each file alone, "run" every file of the run`, scopeFile, scopeRun)

// DuplicateName reports an entry whose name is already listed with
// another target.
var DuplicateName = &lint.Rule{
	ID:    "duplicate-name",
	Title: "one name is not listed with two different targets",
	Doc: `An entry has the same name as an earlier entry but links elsewhere,
like "Kuma" and "2019-Kuma" pointing at two versions of the same docs. It is
usually the same project added twice; keep one entry and one link.

Names are compared by their key (lint.NameKey): the year prefix, tags,
badges, case and punctuation do not count; a nested entry's name is
qualified by the entries it is nested in ("Learning" under "Go" and under
"Rust" are two names). The same name with the same target is a
duplicate-url finding, not this one.

Two links under one name count as one project only when they say so: the
same repository on a code forge (GitHub, GitLab, Bitbucket, Gitee,
Codeberg, sourcehut), the same host elsewhere (except hosts that publish
many authors, such as medium.com or youtube.com), a short link (bit.ly,
parg.co, ...), or a forge repository named like the entry together with a
site of its owner (github.com/popmotion/popmotion and popmotion.io).
Different repositories are different projects even under one name (many
Go packages are called "log"), so a moved or mirrored repository is not
reported. Not compared at all: entries linking to anchors or relative
paths (tables of contents, links to other files), generic link texts
("Demo", "Source Code", "Website", "GitHub", "link", ...), the places
where a community meets ("Slack", "Telegram", "Meetup", ...), and bare
numbers, two dated entries with different years (editions of a report),
and entries with different tags ("#Book#" and "#Project#" of one name are
two things).

A file that lists three projects or more again in another section does
so on purpose, and those copies are not reported (see duplicate-url).

Each later copy is reported once, naming the first one (its line, its file
when it is another one, and its section).

In pull-request mode (check --new-from-rev, --new-from-patch), a new or
changed entry that duplicates an unchanged one is reported on the new
entry, naming the old one, wherever the two stand.

Options:
  scope  "file" (default): compare each file's entries among themselves;
         "run": compare the entries of every file of the run. The default
         is "file" because separate lists often use one name for different
         things (a project in one, its book or course in another).`,
	Bad: `## Service Mesh

- [Kuma](https://kuma.io/): A control plane for service meshes.

## Sidecar

- [2019-Kuma](https://kuma.io/docs/0.1.0/): A universal control plane.
`,
	Good: `## Service Mesh

- [Kuma](https://kuma.io/): A control plane for service meshes.
`,
	Severity: lint.Warning,
	Options:  []lint.Option{nameScope.Decl()},
	CheckRun: checkDuplicateName,
}

func checkDuplicateName(p *lint.RunPass) {
	// Only the scopes in use are indexed: the run index when any file
	// compares across the run, a file index for the files that do not.
	var run *nameIndex
	for _, doc := range p.Docs {
		if nameScope.Get(p.Options(doc)) == scopeRun {
			run = newNameIndex(runSize(p.Docs))
			break
		}
	}
	idxs := make(map[*lint.Document]*nameIndex, len(p.Docs))
	for _, doc := range p.Docs {
		idxs[doc] = run
		if nameScope.Get(p.Options(doc)) == scopeFile {
			idxs[doc] = newNameIndex(len(doc.Items))
		}
	}
	firsts := mentions{}
	twice := filedTwice{}
	var cur *lint.Document // the file of idx
	var idx *nameIndex
	for doc, e := range reviewOrder(p) {
		if !e.IsEntry || e.NameKey == "" || e.URLKey == "" || !absoluteURL(e.Dest) || genericName(e.NameKey) {
			continue
		}
		if doc != cur {
			cur, idx = doc, idxs[doc]
		}
		c := copyOf{doc, e}
		key := qualifiedName(e)
		earlier := idx.note(key, c)
		if run != nil && idx != run {
			run.note(key, c)
		}
		first, ok := firstCopy(earlier, c)
		if !ok {
			continue
		}
		prior := firsts.of(doc, first, first.e.Name.Start)
		d := lint.Diagnostic{
			Pos: e.Name.Start, End: e.Name.End,
			Message: "name " + nameOf(doc, e) + " already listed at " + prior.where +
				" with another url, expected one entry per project",
			Related: prior.related,
		}
		if crossSection(first, c) {
			twice[doc] = append(twice[doc], d)
			continue
		}
		p.Report(doc, d)
	}
	twice.flush(p, 3)
}

// nameIndex remembers the copies listed under each name, one per target.
// Nearly every name is listed once, so the first copy is kept apart and
// only a name's later copies cost a slice.
type nameIndex struct {
	first *copyIndex
	more  map[string][]copyOf
}

func newNameIndex(size int) *nameIndex {
	return &nameIndex{first: newCopyIndex(size), more: map[string][]copyOf{}}
}

// qualifiedName is the entry's name key prefixed with those of the entries
// it is nested in: "[Learning]" under "[Common Lisp]" and under "[Go]" are
// two different lists.
func qualifiedName(e *lint.Entry) string {
	key := e.NameKey
	for p := e.List.Parent; p != nil; p = p.List.Parent {
		if p.IsEntry {
			key = p.NameKey + "/" + key
		}
	}
	return key
}

// note records c under key and returns the copies listed before it, none
// when c's target is already listed under that name (a duplicate-url
// finding, not this one).
func (x *nameIndex) note(key string, c copyOf) []copyOf {
	f, seen := x.first.note(key, c)
	if !seen {
		return nil
	}
	earlier := append([]copyOf{f}, x.more[key]...)
	for _, o := range earlier {
		if o.e.URLKey == c.e.URLKey {
			return nil
		}
	}
	x.more[key] = append(x.more[key], c)
	return earlier
}

// firstCopy returns the first of the earlier copies that names the same
// thing as c: not another year's edition, not another kind of thing by
// its tags, and the same project by its link.
func firstCopy(earlier []copyOf, c copyOf) (copyOf, bool) {
	if len(earlier) == 0 {
		return copyOf{}, false
	}
	s := siteOf(c.e.URLKey)
	for _, f := range earlier {
		if f.e.YearValue != 0 && c.e.YearValue != 0 && f.e.YearValue != c.e.YearValue {
			continue
		}
		if !sameTags(f.doc, f.e, c.doc, c.e) || !sameProject(siteOf(f.e.URLKey), s, c.e.NameKey) {
			continue
		}
		return f, true
	}
	return copyOf{}, false
}

// genericName reports whether a name key is a generic link text, a name
// of a kind of link and not of a project ("[Demo](...)" under two projects
// is not a duplicate), or a bare number ("[1](...)", "[2019](...)"). The
// keys are as NameKey writes them; a switch finds them without hashing.
func genericName(key string) bool {
	switch key {
	case "demo", "livedemo", "onlinedemo", "playground",
		"source", "sourcecode", "code", "src",
		"github", "gitlab", "repo", "repository",
		"website", "site", "officialsite", "officialwebsite",
		"homepage", "home", "web",
		"link", "links", "here", "clickhere", "url",
		"more", "readmore",
		"docs", "doc", "documentation", "wiki", "manual",
		"blog", "post", "article", "video", "slides",
		"paper", "pdf", "book", "download", "downloads",
		"english", "chinese", "en", "zh", "cn",
		// Where a community meets: one per city or country in a list of them.
		"telegram", "telegramgroup", "telegramchannel", "slack", "slackchannel",
		"discord", "discordserver", "gitter", "matrix", "irc", "chat",
		"meetup", "meetupgroup", "group", "community", "forum", "mailinglist",
		"twitter", "facebook", "facebookgroup", "facebookpage", "linkedin",
		"linkedingroup", "reddit", "subreddit", "youtube", "youtubechannel",
		"instagram", "mastodon", "whatsapp", "wechat", "weibo",
		"官网", "链接", "地址", "源码", "源代码",
		"文档", "项目地址", "原文", "中文", "英文",
		"视频", "下载", "在线演示", "演示":
		return true
	}
	for i := 0; i < len(key); i++ {
		if key[i] < '0' || key[i] > '9' {
			return false
		}
	}
	return true
}

// sameTags reports whether two entries may name the same thing by their
// tags: an entry without tags matches any, two tagged entries must carry
// the same tags (in any case and order).
func sameTags(da *lint.Document, a *lint.Entry, db *lint.Document, b *lint.Entry) bool {
	if len(a.Tags) == 0 || len(b.Tags) == 0 {
		return true
	}
	if len(a.Tags) != len(b.Tags) {
		return false
	}
	for _, ta := range a.Tags {
		found := false
		for _, tb := range b.Tags {
			if strings.EqualFold(da.Text(ta), db.Text(tb)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
