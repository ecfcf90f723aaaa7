package rules

import (
	"sort"
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
	diag := func(first, c copyOf) lint.Diagnostic {
		prior := firsts.of(c.doc, first, first.e.Name().Start)
		return lint.Diagnostic{
			Pos: c.e.Name().Start, End: c.e.Name().End,
			Message: "name " + nameOf(c.doc, c.e) + " already listed at " + prior.where +
				" with another url, expected one entry per project",
			Related: prior.related,
		}
	}
	twice := newFiledTwice(3)
	var cur *lint.Document // the file of idx
	var idx *nameIndex
	for doc, e := range reviewOrder(p) {
		if !e.IsEntry() || e.NameKey() == "" || e.URLKey() == "" || !absoluteURL(e.Dest()) || genericName(e.NameKey()) {
			continue
		}
		if doc != cur {
			cur, idx = doc, idxs[doc]
		}
		c := copyOf{doc, e}
		key := qualifiedName(e)
		first, ok := idx.note(key, c)
		if run != nil && idx != run {
			run.note(key, c)
		}
		if !ok {
			continue
		}
		if crossSection(first, c) {
			twice.add(doc, first, c)
			continue
		}
		p.Report(doc, diag(first, c))
	}
	twice.flush(p, diag)
}

// nameIndex remembers the copies listed under each name. Nearly every
// name is listed once, so the first copy is kept apart and only a name
// listed again costs a nameCopies.
type nameIndex struct {
	first *copyIndex
	more  map[string]*nameCopies
}

func newNameIndex(size int) *nameIndex {
	return &nameIndex{first: newCopyIndex(size), more: map[string]*nameCopies{}}
}

// qualifiedName is the entry's name key prefixed with those of the entries
// it is nested in: "[Learning]" under "[Common Lisp]" and under "[Go]" are
// two different lists.
func qualifiedName(e *lint.Entry) string {
	key := e.NameKey()
	for p := e.List.Parent; p != nil; p = p.List.Parent {
		if p.IsEntry() {
			key = p.NameKey() + "/" + key
		}
	}
	return key
}

// note records c under key and returns the first copy listed before it
// that names the same thing (see nameCopies.first). It returns false when
// there is none, or when c's target is already listed under that name (a
// duplicate-url finding, not this one).
func (x *nameIndex) note(key string, c copyOf) (copyOf, bool) {
	f, seen := x.first.note(key, c)
	if !seen {
		return copyOf{}, false
	}
	m := x.more[key]
	if m == nil {
		m = &nameCopies{urls: map[string]bool{}}
		m.add(f)
		x.more[key] = m
	}
	if m.urls[c.e.URLKey()] {
		return copyOf{}, false
	}
	first, ok := m.first(c)
	m.add(c)
	return first, ok
}

// nameCopies are the copies listed under one name, indexed by what makes
// two of them one project and by their year and tags, so that finding the
// first earlier copy of a new one costs a few map lookups and not a pass
// over every earlier copy: 100,000 entries of one name took a minute.
//
// Two links under one name point at one project when they are the same
// forge repository, the same host (not a publisher of many authors), a
// short link, or a forge repository named like the entry whose owner
// names the other link's host (github.com/popmotion/popmotion and
// popmotion.io). Anything else is taken for two projects that share a
// name: awesome-go lists a dozen packages called "log", and "goblin" the
// test framework is not goblin.run. A moved repository or a project's site
// on a host of another name is missed rather than risk those. Two copies
// of different years (editions) or of different tags, when both have
// some, are two things. duplicate_name_test.go holds this as a pass over
// every pair, which the index must agree with.
//
// A copy is filed under its indexes only when a copy with another target
// comes: a name listed again with the same link (a list pasted twice)
// needs none of them.
type nameCopies struct {
	n       int // copies added, numbering them in listing order
	urls    map[string]bool
	firsts  map[copyKey]numbered
	pending []numbered // added but not yet filed, in listing order
}

// The indexes of nameCopies: every copy (a short link may be any of
// them); the copies behind a link shortener, which may be anything; forge
// copies by host and repository; other copies by host, publishers of many
// authors aside; forge copies whose repository is named like the entry,
// by owner; copies off forges by each label of their host but the last
// (the owner's site of such a repository).
const (
	byAll = iota
	byShortener
	byRepo
	byHost
	byOwner
	byLabel
)

// copyKey files a copy under one index, one key of it, and one class.
type copyKey struct {
	index int
	key   string
	class copyClass
}

// copyClass is a copy's year and tags, as firstCopy compares them:
// anyYear and anyTags stand for every value, so a copy is filed under
// four classes and found from each class that accepts it.
type copyClass struct {
	year int
	tags string
}

const (
	anyYear = -1
	anyTags = "\x00"
)

// numbered is a copy and its place in listing order.
type numbered struct {
	n int
	c copyOf
}

// tagKey is the tags of e in one string, in any case and order.
func tagKey(doc *lint.Document, e *lint.Entry) string {
	if len(e.Tags()) == 0 {
		return ""
	}
	tags := make([]string, len(e.Tags()))
	for i, t := range e.Tags() {
		tags[i] = strings.ToLower(doc.Text(t))
	}
	sort.Strings(tags)
	return strings.Join(tags, "\x00")
}

// hostLabels are the labels of host but the last (the top-level domain).
func hostLabels(host string) []string {
	labels := strings.Split(host, ".")
	return labels[:len(labels)-1]
}

// ownRepo returns the owner of a forge repository named like the entry
// ("popmotion" of github.com/popmotion/popmotion for "Popmotion").
func ownRepo(s site, nameKey string) (string, bool) {
	owner, name, ok := strings.Cut(s.repo, "/")
	return owner, ok && lint.NameKey([]byte(name)) == nameKey
}

// add records c, to be filed by fileAll.
func (m *nameCopies) add(c copyOf) {
	m.urls[c.e.URLKey()] = true
	m.pending = append(m.pending, numbered{m.n, c})
	m.n++
}

// fileAll files the copies added since the last call, in listing order.
func (m *nameCopies) fileAll() {
	if m.firsts == nil {
		m.firsts = map[copyKey]numbered{}
	}
	for _, nc := range m.pending {
		m.file(nc)
	}
	m.pending = m.pending[:0]
}

// file files nc under every index it can be found by.
func (m *nameCopies) file(nc numbered) {
	c := nc.c
	year, tags := c.e.YearValue(), tagKey(c.doc, c.e)
	file := func(index int, key string) {
		for _, class := range [4]copyClass{{year, tags}, {anyYear, tags}, {year, anyTags}, {anyYear, anyTags}} {
			k := copyKey{index, key, class}
			if _, ok := m.firsts[k]; !ok {
				m.firsts[k] = nc
			}
		}
	}
	file(byAll, "")
	s := siteOf(c.e.URLKey())
	if shorteners[s.host] {
		file(byShortener, "")
	}
	if forges[s.host] {
		file(byRepo, s.host+"/"+s.repo)
		if owner, ok := ownRepo(s, c.e.NameKey()); ok {
			file(byOwner, owner)
		}
		return
	}
	if !publishers[s.host] {
		file(byHost, s.host)
	}
	for _, l := range hostLabels(s.host) {
		file(byLabel, l)
	}
}

// first returns the first copy listed that names the same thing as c, as
// a pass over every earlier copy would find it: not another year's
// edition, not another kind of thing by its tags, and the same project by
// its link.
func (m *nameCopies) first(c copyOf) (copyOf, bool) {
	m.fileAll()
	// The classes of the earlier copies c accepts: any year when c has
	// none, else none or its own; the same for tags.
	years := [2]int{anyYear, anyYear}
	if y := c.e.YearValue(); y != 0 {
		years = [2]int{0, y}
	}
	tagsOf := [2]string{anyTags, anyTags}
	if t := tagKey(c.doc, c.e); t != "" {
		tagsOf = [2]string{"", t}
	}
	best := numbered{n: m.n}
	find := func(index int, key string) {
		for _, y := range years {
			for _, t := range tagsOf {
				if f, ok := m.firsts[copyKey{index, key, copyClass{y, t}}]; ok && f.n < best.n {
					best = f
				}
			}
		}
	}
	s := siteOf(c.e.URLKey())
	switch {
	case forges[s.host]:
		find(byRepo, s.host+"/"+s.repo)
		find(byShortener, "")
		if owner, ok := ownRepo(s, c.e.NameKey()); ok {
			find(byLabel, owner)
		}
	case shorteners[s.host]:
		find(byAll, "")
	default:
		find(byShortener, "")
		if !publishers[s.host] {
			find(byHost, s.host)
		}
		for _, l := range hostLabels(s.host) {
			find(byOwner, l)
		}
	}
	if best.n == m.n {
		return copyOf{}, false
	}
	return best.c, true
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
