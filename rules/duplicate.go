package rules

import (
	"fmt"
	"strings"

	"github.com/listlint/listlint/lint"
)

// Scopes of the duplicate rules: one file, or every file of the run.
const (
	scopeFile = "file"
	scopeRun  = "run"
)

// copyOf is one occurrence of an entry in a run.
type copyOf struct {
	doc *lint.Document
	e   *lint.Entry
}

// crossSection reports whether two copies stand in different sections
// (or files).
func crossSection(a, b copyOf) bool {
	return a.doc != b.doc || a.e.Section() != b.e.Section()
}

// filedTwice holds the copies found in another section than their first,
// per file, until the run is over: a file that files three projects or
// more under several sections (awesome-cpp, awesome-sysadmin: a tool
// under every category it fits) does so on purpose, and those copies are
// not reported; in a file that does it once or twice it is a slip.
// Copies under one name with two targets are rarer than copies of one
// target: three of them make a habit, against four of the others.
//
// Only the copies of a file that is not yet a habit are kept, and their
// findings are built when they are reported: a list pasted twice has
// tens of thousands of such copies, none of them reported.
type filedTwice struct {
	habit int
	files map[*lint.Document]*twiceFiled
}

// twiceFiled is one file's copies in another section: how many, and
// each with its first copy while they are fewer than the habit.
type twiceFiled struct {
	n     int
	pairs [][2]copyOf
}

func newFiledTwice(habit int) filedTwice {
	return filedTwice{habit: habit, files: map[*lint.Document]*twiceFiled{}}
}

// add records c, a copy of first in another section of doc.
func (f filedTwice) add(doc *lint.Document, first, c copyOf) {
	t := f.files[doc]
	if t == nil {
		t = &twiceFiled{}
		f.files[doc] = t
	}
	t.n++
	if t.n >= f.habit {
		t.pairs = nil
		return
	}
	t.pairs = append(t.pairs, [2]copyOf{first, c})
}

// flush reports the copies of the files where they are no habit, with
// the finding that diag builds for a copy and its first.
func (f filedTwice) flush(p *lint.RunPass, diag func(first, c copyOf) lint.Diagnostic) {
	for _, doc := range p.Docs {
		if t := f.files[doc]; t != nil {
			for _, pair := range t.pairs {
				p.Report(doc, diag(pair[0], pair[1]))
			}
		}
	}
}

// absoluteURL reports whether dest names a target outside the file: an
// http(s) or protocol-relative URL. Anchors ("#usage") and relative paths
// ("docs/x.md") are navigation, not projects, and mean different files in
// different folders. The scheme is matched byte by byte, in any case: no
// rune outside ASCII lowers to a letter of "https".
func absoluteURL(dest string) bool {
	if len(dest) >= 2 && dest[0] == '/' && dest[1] == '/' {
		return true
	}
	// b|0x20 lowers an ASCII letter and maps no other byte onto one.
	if len(dest) < 4 || dest[0]|0x20 != 'h' || dest[1]|0x20 != 't' || dest[2]|0x20 != 't' || dest[3]|0x20 != 'p' {
		return false
	}
	i := 4
	if len(dest) > i && dest[i]|0x20 == 's' {
		i++
	}
	return len(dest) > i+3 && dest[i:i+3] == "://"
}

// copyIndex remembers the first copy listed under each key.
type copyIndex struct {
	// first maps a key to ^n, n being the number of its first copy in
	// copies; see note.
	first  map[string]int
	copies []copyOf
}

// maxKeysHint caps the room a copyIndex's map takes at first. Sized for
// every entry, the map of a list pasted many times over is mostly empty
// room: awesome-go's README 20 times over has 62,000 entries and 3,100
// URLs, and looking them up in a table for 62,000 keys, which outgrows
// the processor's caches, took half as long again. Past the cap the map grows
// as keys come.
const maxKeysHint = 4096

// newCopyIndex returns an index for about size copies.
func newCopyIndex(size int) *copyIndex {
	return &copyIndex{first: make(map[string]int, min(size, maxKeysHint)), copies: make([]copyOf, 0, size)}
}

// note records c under key and returns the first copy listed under key;
// seen is false when that is c. Nearly every key is noted once, so a new
// key costs one map operation: "first[key] -= n+1" inserts it with the
// value 0-(n+1) = ^n, and the map's growing tells that the key is new.
// Only a key seen before, whose value the subtraction changed, costs two
// more to read and restore it.
func (x *copyIndex) note(key string, c copyOf) (copyOf, bool) {
	n, size := len(x.copies), len(x.first)
	x.copies = append(x.copies, c)
	x.first[key] -= n + 1
	if len(x.first) > size {
		return c, false
	}
	v := x.first[key] + n + 1
	x.first[key] = v
	return x.copies[^v], true
}

// mentions remembers how findings name first copies: the same list
// pasted twice has thousands of later copies of each first one, and
// formatting its place anew each time was most of a rule's time there.
type mentions map[mentionKey]mention

// mentionKey is a first copy seen from a file: the place reads "line N"
// in its own file and "path:N" in others.
type mentionKey struct {
	from  *lint.Document
	first *lint.Entry
}

type mention struct {
	name, where string
	related     *lint.Related
}

// of returns the name, place and location of first seen from doc, at
// off inside first. A rule reports each first copy at one offset.
func (m mentions) of(doc *lint.Document, first copyOf, off int) mention {
	k := mentionKey{doc, first.e}
	v, ok := m[k]
	if !ok {
		v = mention{name: nameOf(first.doc, first.e), where: where(doc, first, off), related: related(first, off)}
		m[k] = v
	}
	return v
}

// related points at the first copy, at off inside it.
func related(c copyOf, off int) *lint.Related {
	line, col := c.doc.Position(off)
	return &lint.Related{Path: c.doc.Path, Offset: off, Line: line, Column: col}
}

// where names the first copy for a message seen from doc: its line, its
// path when it is in another file, and its section when it has a title.
func where(doc *lint.Document, c copyOf, off int) string {
	s := lint.Where(doc, c.doc, off)
	if t := c.e.Section().Title; t != "" {
		s += fmt.Sprintf(" in section %s", lint.Quote(t))
	}
	return s
}

// site is who publishes a link's target, read from its URL key: the host,
// and on a code forge the repository ("owner/repo") or account.
type site struct {
	host, repo string
}

// forges host many unrelated projects, one per repository.
var forges = map[string]bool{
	"github.com": true, "gitlab.com": true, "bitbucket.org": true,
	"gitee.com": true, "codeberg.org": true, "git.sr.ht": true, "sr.ht": true,
}

// shorteners hide their target: a short link and a long one with the same
// name are most likely the same page.
var shorteners = map[string]bool{
	"bit.ly": true, "t.co": true, "goo.gl": true, "tinyurl.com": true,
	"ow.ly": true, "is.gd": true, "buff.ly": true, "git.io": true,
	"t.cn": true, "dwz.cn": true, "url.cn": true, "parg.co": true,
	"6me.us": true, "rebrand.ly": true, "cutt.ly": true,
}

// publishers host pages of many authors on one host: two pages there with
// one title are not one project.
var publishers = map[string]bool{
	"medium.com": true, "dev.to": true, "hackernoon.com": true,
	"youtube.com": true, "youtu.be": true, "vimeo.com": true, "bilibili.com": true,
	"twitter.com": true, "x.com": true, "reddit.com": true,
	"news.ycombinator.com": true, "stackoverflow.com": true,
	"slideshare.net": true, "speakerdeck.com": true, "docs.google.com": true,
	"npmjs.com": true, "pypi.org": true, "gist.github.com": true,
	"segmentfault.com": true, "zhihu.com": true, "zhuanlan.zhihu.com": true,
	"juejin.cn": true, "juejin.im": true, "jianshu.com": true,
	"cnblogs.com": true, "blog.csdn.net": true, "mp.weixin.qq.com": true,
	"infoq.com": true, "infoq.cn": true, "dzone.com": true,
	"freecodecamp.org": true, "en.wikipedia.org": true,
}

func siteOf(urlKey string) site {
	host, path, _ := strings.Cut(urlKey, "/")
	if i := strings.IndexAny(host, "?#"); i >= 0 {
		// "example.com?q=1", "example.com#/route": no path.
		host = host[:i]
	}
	s := site{host: host}
	if forges[host] {
		parts := strings.SplitN(path, "/", 3)
		s.repo = strings.Join(parts[:min(2, len(parts))], "/")
	}
	return s
}

// nameOf is an entry's name for a message, quoted.
func nameOf(doc *lint.Document, e *lint.Entry) string {
	return lint.Quote(nameText(doc, e))
}

// nameText is an entry's name without the badges that follow it in some
// lists ("applied-ml ![code](https://...)").
func nameText(doc *lint.Document, e *lint.Entry) string {
	s := doc.Text(e.Name())
	if i := strings.Index(s, "!["); i > 0 {
		s = s[:i]
	}
	return s
}

// runSize counts the items of a run, to size its indexes once.
func runSize(docs []*lint.Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Items)
	}
	return n
}
