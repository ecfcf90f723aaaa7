package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// urlScope is duplicate-url's option of which files it compares.
var urlScope = lint.EnumOption("scope", scopeFile, `"run" compares every file of the run, "file" each file alone`, scopeFile, scopeRun)

// DuplicateURL reports an entry whose target is already listed.
var DuplicateURL = &lint.Rule{
	ID:    "duplicate-url",
	Title: "the same target is listed only once",
	Doc: `An entry links to a target that an earlier entry already lists, in
the same file or, with scope "run", in another file of the same run. Readers
meet the same project twice and maintainers update one copy but not the
other; keep one entry and, if it belongs to two sections, say so in its
description.

URLs are compared after normalising them (lint.URLKey). These do not
count: the scheme; "www."; the case of the host; an international host
against its punycode ("bücher.example", "xn--bcher-kva.example"); a
trailing "." of the host; the scheme's default port (":443" on https,
":80" on http, not the other way round); a trailing "/"; a ".git"
suffix; percent-escapes of characters other than reserved ones ("%7E"
is "~", "%C3%A9" is "é"), and the hex case of reserved ones ("%2f" is
"%2F", but not "/"); empty query
parameters and tracking ones (utm_*, fbclid, gclid, dclid, msclkid,
yclid, twclid, ttclid, igshid, mc_cid, mc_eid, _hsenc, _hsmi, mkt_tok,
ref_src, ref_url, and ref except on code forges, where it names a
branch); the "#fragment"; and the case of a GitHub or GitLab owner and
repository. The query keeps its order, other parameters (source, from,
page...) stay, and so does a route fragment ("#/item/7", "#!/item"): a
single-page site shows a page per route. Paths keep their case
("/tree/main/Docs" and "/tree/main/docs" differ).

Two entries with one normalised URL are still two things, and not
reported, when they have different names and link to different headings
of one page ("Free C Books" at "books.md#c", "Free C++ Books" at
"books.md#cpp"), or when one is a component listed under the link of the
project it belongs to: the link is named after the project
("github.com/acme/rasp" and "rasp"), the component's name extends the
project's ("rasp-core") and its description names the project as a word
of its own ("part of rasp", "rasp's engine").

Only entries (items that start with a link) to absolute http(s) URLs count:
anchors and relative links are navigation, such as a table of contents.

A link that three entries or more share under names with no word in
common (books that all link to the collection holding them) is a hub,
not a target: its entries are not reported.

A file that lists four projects or more in a second section, each copy
in another section than the first, does so on purpose (a tool under
every category it fits): those copies are not reported. Copies within one
section are, always.

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
	Options:  []lint.Option{urlScope.Decl()},
	Presets: map[string]lint.Preset{
		"tagged": {Options: []lint.OptionValue{urlScope.Is(scopeRun)}},
	},
	CheckRun: checkDuplicateURL,
}

func checkDuplicateURL(p *lint.RunPass) {
	// The run index holds every file's entries when any file compares
	// across the run; a file that does not gets an index of its own.
	var run *targetIndex
	for _, doc := range p.Docs {
		if urlScope.Get(p.Options(doc)) == scopeRun {
			run = newTargetIndex(runSize(p.Docs))
			break
		}
	}
	own := make(map[*lint.Document]*targetIndex, len(p.Docs))
	for _, doc := range p.Docs {
		if urlScope.Get(p.Options(doc)) == scopeFile {
			own[doc] = newTargetIndex(len(doc.Items))
		}
	}
	firsts := mentions{}
	diag := func(first, c copyOf) lint.Diagnostic {
		at := urlSpan(c.e)
		prior := firsts.of(c.doc, first, urlSpan(first.e).Start)
		return lint.Diagnostic{
			Pos: at.Start, End: at.End,
			Message: "url already listed as " + prior.name +
				" at " + prior.where + ", expected one entry per target",
			Related: prior.related,
		}
	}
	hubs := hubIndex{}
	twice := newFiledTwice(4)
	var cur *lint.Document // the file of idx
	var idx *targetIndex   // cur's own index, nil when it compares across the run
	for doc, e := range reviewOrder(p) {
		if !e.IsEntry() || e.URLKey() == "" || !absoluteURL(e.Dest()) {
			continue
		}
		if doc != cur {
			cur, idx = doc, own[doc]
		}
		c := copyOf{doc, e}
		var first copyOf
		var seen bool
		if idx != nil {
			first, seen = idx.note(c)
			if run != nil {
				run.note(c)
			}
		} else {
			first, seen = run.note(c)
		}
		if !seen || hubs.of(doc)[e.URLKey()] {
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

// hubIndex holds, per file, the URL keys that are hubs: linked by three
// entries or more whose names share no word, such as books that all link
// to the collection holding them. Those entries share a place to find
// them, not a target. It is built only for files with a copy.
type hubIndex map[*lint.Document]map[string]bool

func (h hubIndex) of(doc *lint.Document) map[string]bool {
	if hubs, ok := h[doc]; ok {
		return hubs
	}
	type linked struct {
		words    map[string]bool // the words of the names so far
		entries  int
		disjoint bool // no two names so far share a word
	}
	byKey := map[string]*linked{}
	for _, e := range doc.Items {
		if !e.IsEntry() || e.URLKey() == "" {
			continue
		}
		l := byKey[e.URLKey()]
		if l == nil {
			l = &linked{words: map[string]bool{}, disjoint: true}
			byKey[e.URLKey()] = l
		}
		l.entries++
		if !l.disjoint {
			continue
		}
		words := nameWords(nameText(doc, e))
		for _, w := range words {
			if l.words[w] {
				l.disjoint = false
			}
		}
		for _, w := range words {
			l.words[w] = true
		}
	}
	hubs := map[string]bool{}
	for key, l := range byKey {
		if l.entries >= 3 && l.disjoint {
			hubs[key] = true
		}
	}
	h[doc] = hubs
	return hubs
}

// nameWords returns the distinct words of a name, lower case: runs of
// letters and digits ("《设计心理学系列》" is one word), without the
// shortest ones and "the", "and", "for".
func nameWords(name string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		switch {
		case utf8.RuneCountInString(w) < 2 && !text.IsCJK([]rune(w)[0]), w == "the", w == "and", w == "for":
		case !slices.Contains(words, w):
			words = append(words, w)
		}
	}
	return words
}

// urlSpan is where a duplicate target is shown: the URL, or the whole
// link when the destination lives in a reference definition.
func urlSpan(e *lint.Entry) lint.Span {
	if e.URL().Valid() {
		return e.URL()
	}
	return e.Link()
}

// targetIndex remembers the first copy listed of each target. Copies of
// one URL key that are different parts of it (see partKey) are told
// apart in parts, under the key and the part.
type targetIndex struct {
	all, parts *copyIndex
}

func newTargetIndex(size int) *targetIndex {
	return &targetIndex{all: newCopyIndex(size)}
}

// note records c and returns the first copy listed of its target; seen
// is false when that is c.
func (x *targetIndex) note(c copyOf) (copyOf, bool) {
	first, seen := x.all.note(c.e.URLKey(), c)
	if !seen {
		return first, false
	}
	part, ok := partKey(first, c)
	if !ok {
		return first, true
	}
	if x.parts == nil {
		x.parts = newCopyIndex(0)
	}
	return x.parts.note(c.e.URLKey()+part, c)
}

// partKey tells apart two entries with one URL key that list different
// things: two names linking to two headings of one page ("Free C Books"
// at "#c", "Free C++ Books" at "#cpp"), or a component listed with the
// repository of the project it belongs to ("django.db.models", "(part of
// Django) ...", under Django's link). ok is false when c is a copy of
// first; one name at two headings is one project listed twice.
func partKey(first, c copyOf) (key string, ok bool) {
	// Names as written: "C" and "C++" have one name key.
	if a, b := anchor(first.e.Dest()), anchor(c.e.Dest()); a != "" && b != "" && a != b &&
		!strings.EqualFold(strings.TrimSpace(nameText(first.doc, first.e)), strings.TrimSpace(nameText(c.doc, c.e))) {
		return "#" + b, true
	}
	if componentOf(first, c) || componentOf(c, first) {
		return "\x00" + c.e.NameKey(), true
	}
	return "", false
}

// anchor returns the heading a destination points at: its fragment,
// except a route (part of the URL key) and Medium's "#.x1y2" share ids.
func anchor(dest string) string {
	_, frag, _ := strings.Cut(strings.TrimSpace(dest), "#")
	if frag == "" || frag[0] == '/' || frag[0] == '!' || frag[0] == '.' {
		return ""
	}
	return frag
}

// componentOf reports whether part is a component of whole listed under
// whole's link: the link is named after whole (its last path segment,
// the repository on a forge), part's name extends whole's ("hatchling",
// "uv-build", "geodjango") without being the link's owner and name
// ("OpenAI Gym" for openai/gym), and part's description names whole as
// a word of its own ("from the hatch project", "uv's", "(part of
// Django)").
func componentOf(whole, part copyOf) bool {
	w, p := whole.e.NameKey(), part.e.NameKey()
	if w == "" || len(p) <= len(w) || !strings.Contains(p, w) {
		return false
	}
	path, _, _ := strings.Cut(whole.e.URLKey(), "?")
	path, _, _ = strings.Cut(path, "#")
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return false
	}
	owner, seg := path[:i], path[i+1:]
	owner = owner[strings.LastIndexByte(owner, '/')+1:]
	if lint.NameKey([]byte(seg)) != w || lint.NameKey([]byte(owner+seg)) == p || lint.NameKey([]byte(seg+owner)) == p {
		return false
	}
	name := strings.TrimSpace(nameText(whole.doc, whole.e))
	return name != "" && mentionsName(part.doc.Text(part.e.Desc()), name)
}

// mentionsName reports whether text holds name, in any case, as a word
// of its own: not inside a longer name such as "python-name", "name_x"
// or "name.db".
func mentionsName(text, name string) bool {
	text, name = strings.ToLower(text), strings.ToLower(name)
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if start > 0 && (nameRune(before) || before == '.') {
			i = end
			continue
		}
		if end < len(text) && (nameRune(after) || after == '.' && end+1 < len(text) && nameRune(rune(text[end+1]))) {
			i = end
			continue
		}
		return true
	}
}

// nameRune reports whether r continues a name: a letter, a digit, "-"
// or "_".
func nameRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_'
}
