package rules

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// EntryLink checks that the link every entry starts with is usable.
var EntryLink = &lint.Rule{
	ID:    "entry-link",
	Title: "entries start with a well-formed link",
	Doc: `In an entry list (see list-item), every entry's link is usable:

- the link text is not empty and has no spaces just inside "[ ]";
- the URL is not empty, and is an absolute http(s) URL, a mailto: address
  or a relative path. Misspelt schemes ("htp://"), other schemes
  ("javascript:", "ftp:"), host names without a scheme ("www.example.com",
  "example.com/page") and scheme-relative URLs ("//example.com") are
  reported: on GitHub they render as broken or relative links.

- nothing is glued to the link that is neither a separator nor a
  description: a ")" or "]" left over from an edit ("[Name](url))",
  "[Name](url)]: …"), or a period after the link with nothing after it
  or before the separator ("[Name](url).", "[Name](url).: …"). A period
  before the description ("[Name](url). Text") stands as its separator
  (see separator), and a file that ends its bare links with a period
  does so on purpose. Trailers ("[Name](url) (mirror)", a second link,
  a badge) are not glued.

Items that do not start with a link are list-item's to report.

Spaces between a trailing #Tag# and "]" are left to project-tag.

The fix trims spaces inside "[ ]" and drops the glued characters; the
other findings need a human.`,
	Bad: `- [ Alpha](https://alpha.example): First project.
- [Beta](www.beta.example): Second project.
- [Gamma](): Third project.
- [Delta](https://delta.example)): Fourth project.`,
	Good: `- [Alpha](https://alpha.example): First project.
- [Beta](https://www.beta.example): Second project.
- [Gamma](https://gamma.example): Third project.
- [Delta](https://delta.example): Fourth project.`,
	Severity: lint.Warning,
	Fixable:  true,
	Check:    checkEntryLink,
}

// escapes reports whether b ends in an odd number of backslashes, the
// last of which escapes the byte that comes after b.
func escapes(b []byte) bool {
	n := len(b) - len(bytes.TrimRight(b, "\\"))
	return n%2 == 1
}

func checkEntryLink(p *lint.Pass) {
	var periods periodHabit
	for _, it := range p.Doc.Items {
		// Items that do not start with a link are list-item's.
		if !it.List.EntryList || !it.IsEntry() {
			continue
		}
		checkLinkText(p, it)
		checkLinkURL(p, it)
		if it.Stray().Valid() {
			checkStray(p, it, &periods)
		}
	}
}

// checkStray reports the characters glued to an entry's link that belong
// to nothing, and drops them. A period after a bare link is left alone in
// a file that ends its bare links with one.
func checkStray(p *lint.Pass, it *lint.Entry, periods *periodHabit) {
	doc := p.Doc
	stray := doc.Text(it.Stray())
	if stray == "." && it.Stray().End == it.Content().End && periods.habit(doc) {
		return
	}
	var fix *lint.Fix
	// A reference link ("[Name]") with a colon after the stray text
	// would read "[Name]:" once it goes: a link reference definition,
	// which takes the entry away.
	if src := doc.Src; src[it.Stray().Start-1] != ']' || it.Stray().End == len(src) || src[it.Stray().End] != ':' {
		fix = &lint.Fix{Message: "drop " + strconv.Quote(stray), Edits: []lint.TextEdit{{Pos: it.Stray().Start, End: it.Stray().End}}}
	}
	p.Report(it.Stray().Start, it.Stray().End, fix, "%q is glued to the link, expected a separator, a description or nothing", stray)
}

// periodHabit is whether a file ends its bare links with a period
// ("- [Name](url)."), counted once per file when first asked.
type periodHabit struct{ known, yes bool }

// habit reports whether at least two bare links of the file's entry lists
// end with a period and they are at least half of its bare links.
func (h *periodHabit) habit(doc *lint.Document) bool {
	if !h.known {
		h.known = true
		dotted, bare := 0, 0
		for _, it := range doc.Items {
			if !it.IsEntry() || !it.List.EntryList || it.Sentence().Valid() {
				continue
			}
			bare++
			if it.Stray().Valid() && it.Stray().End == it.Content().End && doc.Src[it.Stray().Start] == '.' {
				dotted++
			}
		}
		h.yes = dotted >= 2 && dotted*2 >= bare
	}
	return h.yes
}

func checkLinkText(p *lint.Pass, it *lint.Entry) {
	src := p.Doc.Src
	t := it.Text()
	s, e := t.Start, t.End
	for s < e && text.IsSpace(src[s]) {
		s++
	}
	for e > s && text.IsSpace(src[e-1]) {
		e--
	}
	if s == e {
		p.Report(it.Link().Start, it.Link().End, nil, "link text is empty, expected the entry's name")
		return
	}
	if s == t.Start && e == t.End {
		return // nearly every link: no spaces to trim, whatever the tags
	}
	if tags := it.WordTags(); len(tags) > 0 && tags[len(tags)-1].End == e {
		// Spaces after a trailing tag belong to project-tag.
		e = t.End
	}
	if s == t.Start && e == t.End {
		return
	}
	var edits []lint.TextEdit
	if s > t.Start {
		edits = append(edits, lint.TextEdit{Pos: t.Start, End: s})
	}
	// A backslash left right before "]" would escape it and end the
	// link: such trailing spaces stay.
	if e < t.End && !escapes(src[s:e]) {
		edits = append(edits, lint.TextEdit{Pos: e, End: t.End})
	}
	var fix *lint.Fix
	if len(edits) > 0 {
		fix = &lint.Fix{Message: "trim spaces inside [ ]", Edits: edits}
	}
	p.Report(t.Start-1, t.End+1, fix,
		"link text %q has spaces inside [ ], expected none", p.Doc.Text(t))
}

func checkLinkURL(p *lint.Pass, it *lint.Entry) {
	pos, end := it.Link().Start, it.Link().End
	if it.URL().Valid() {
		pos, end = it.URL().Start, it.URL().End
	}
	if plainHTTP(it.Dest()) {
		return // nearly every entry: "https://host…"
	}
	dest := strings.TrimSpace(it.Dest())
	if dest == "" {
		p.Report(pos, end, nil, "link has an empty URL")
		return
	}
	if msg := urlProblem(dest); msg != "" {
		p.Report(pos, end, nil, "URL %s %s", lint.Quote(dest), msg)
	}
}

// plainHTTP reports whether dest starts with "https://" or "http://" and
// an ASCII byte of a host (not "/", not white space): checkLinkURL would
// find it well-formed, and strings.TrimSpace could not shorten it to a
// malformed one.
func plainHTTP(dest string) bool {
	n := len("https://")
	if !strings.HasPrefix(dest, "https://") {
		if !strings.HasPrefix(dest, "http://") {
			return false
		}
		n = len("http://")
	}
	if len(dest) <= n {
		return false
	}
	switch c := dest[n]; c {
	case '/', ' ', '\t', '\n', '\v', '\f', '\r':
		return false
	default:
		return c < utf8.RuneSelf
	}
}

// urlProblem says what is wrong with a link destination, "" when it is an
// http(s) URL, a mailto: address or a relative path.
func urlProblem(dest string) string {
	if scheme, rest, ok := splitScheme(dest); ok {
		switch strings.ToLower(scheme) {
		case "http", "https":
			if !strings.HasPrefix(rest, "//") || len(rest) == 2 || rest[2] == '/' {
				return "is malformed, expected " + strings.ToLower(scheme) + "://host/path"
			}
			return ""
		case "mailto":
			return ""
		}
		return "has scheme " + scheme + ":, expected http(s) or a relative path"
	}
	if strings.HasPrefix(dest, "//") {
		return "has no scheme, expected https://host/path"
	}
	if looksLikeHost(dest) {
		return "has no scheme, expected https://host/path"
	}
	return ""
}

// splitScheme splits "scheme:rest" as RFC 3986 spells a scheme.
func splitScheme(s string) (scheme, rest string, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return s[:i], s[i+1:], true
		default:
			return "", "", false
		}
	}
	return "", "", false
}

// isHostTLD reports whether tld, at the end of a relative path's first
// segment, marks it as a host name that lost its scheme. File extensions
// such as md or html must not be listed.
func isHostTLD(tld string) bool {
	switch strings.ToLower(tld) {
	case "com", "org", "net", "io", "dev", "cn", "co", "app", "ai", "me", "info", "edu", "gov", "xyz", "tech":
		return true
	}
	return false
}

// looksLikeHost reports whether a scheme-less destination starts with a
// host name, like "www.example.com" or "example.com/page".
func looksLikeHost(dest string) bool {
	first := dest
	if i := strings.IndexAny(first, "/?#"); i >= 0 {
		first = first[:i]
	}
	if strings.HasPrefix(strings.ToLower(first), "www.") {
		return true
	}
	dot := strings.LastIndexByte(first, '.')
	return dot > 0 && first[0] != '.' && isHostTLD(first[dot+1:])
}

// labelCount is labelledItems, counted once per file when first asked.
type labelCount struct{ n int }

func (c *labelCount) count(doc *lint.Document) int {
	if c.n < 0 {
		c.n = labelledItems(doc)
	}
	return c.n
}

// labelledItems counts the items of doc's entry lists whose first line is
// labelled, up to two.
func labelledItems(doc *lint.Document) int {
	n := 0
	for _, it := range doc.Items {
		if !it.IsEntry() && it.Content().Valid() && it.List.EntryList {
			end := min(it.Content().End, doc.LineSpan(doc.Line(it.Content().Start)).End)
			if text.Labelled(doc.Src[it.Content().Start:end]) {
				if n++; n == 2 {
					return n
				}
			}
		}
	}
	return n
}
