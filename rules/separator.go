package rules

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/lint"
)

// sepStyleOpt is the separator the separator rule holds entries to.
var sepStyleOpt = lint.EnumOption("style", "dominant",
	`separator between link and description: "dominant", ": ", "：", " - ", " – " or " — "`,
	"dominant", ": ", "：", " - ", " – ", " — ")

// Separator checks what stands between an entry's link and its
// description.
var Separator = &lint.Rule{
	ID:    "separator",
	Title: "link and description are separated the same way",
	Doc: `Between an entry's link and its description stands one separator, the
same in the whole file. Five styles are conventions of their own: ": "
(seed style, "[Name](url): Description."), "：" (the full-width colon of
Chinese and Japanese lists, "[Name](url)：描述。"), " - " (awesome style,
"[Name](url) - Description."), " – " and " — " (en and em dash).

Each style has variants, which are reported and rewritten to the file's
style: ":" without a space, " :", " : " and two spaces for ": "; " ："
and "： " for "："; "-" without spaces, " -" and "  - " for " - "; and
likewise for the dashes. An arrow ("->", "-->", "=>", "==>", "→", "—>",
and "- >", an arrow broken by an older fix) is always a variant: it is
rewritten whole.

The two colons are one family, and the three dashes another. The file's
style is the most common style of the family most separators belong to
(ties going to the first seen). Separators of the other family are
reported. Those of another style of the same family are reported only
when the file's style holds at least two thirds of its family: a
bilingual list that mixes ": " and "：" about evenly has no convention
between them to enforce, and each entry is held to its own style's
spelling.

An entry whose link is followed by ". ", ", ", "; " or "| " and then a
sentence of four words or more uses that punctuation as a separator and is
reported too, unless a separator follows later ("[A](url), B and C - A
tool."), and so is a link followed by a space and a capitalised sentence
of four words or more ("[valix](…) Go package for validating requests"),
except in a list where most entries have text in lower case or after
", " (or ". ", "; ", "| ") and no separator: a list of titles and credits
("[Book](…) by Jane Doe, 2020", "[Jane Doe](…), Engineer at Example")
keeps that as its convention. Other text after a link without a separator (a second link, a badge,
"(Chinese)", "By Jane Doe", a sentence that has the link as its subject)
is not a separator problem and is left alone, and so is a ":" glued to a
port, a time or "//" ("[host](…):8080"). Code spans and emoji shortcodes
between the link and the separator ("[Name](url) :zap: - ...") mark the
entry; the separator follows them. Entries without a description are left
to the description rule. Only entry lists are checked (see entry-link).

Options:
  style  "dominant" (default): the file's style as above; or one of ": ",
         "：", " - ", " – " and " — " to pin it, every other separator
         being reported.

The fix rewrites the separator.`,
	Bad: `- [Alpha](https://alpha.example): First project.
- [Beta](https://beta.example) - Second project.
- [Gamma](https://gamma.example) -> Third project.`,
	Good: `- [Alpha](https://alpha.example): First project.
- [Beta](https://beta.example): Second project.
- [Gamma](https://gamma.example): Third project.`,
	Severity: lint.Warning,
	Fixable:  true,
	Options:  []lint.Option{sepStyleOpt.Decl()},
	Presets: map[string]lint.Preset{
		"awesome": {Options: []lint.OptionValue{sepStyleOpt.Is(" - ")}},
		"tagged":  {Options: []lint.OptionValue{sepStyleOpt.Is(": ")}},
	},
	Check: checkSeparator,
	Infer: inferSeparator,
}

// sepStyle is a separator style, or arrow for the arrows, which belong to
// none.
type sepStyle int8

const (
	colonStyle sepStyle = iota
	fullColonStyle
	dashStyle
	enDashStyle
	emDashStyle
	numStyles
	arrow sepStyle = -1
)

// styleText is each style's own spelling.
var styleText = [numStyles]string{": ", "：", " - ", " – ", " — "}

// colonFamily reports whether s is one of the colons; the others are
// dashes.
func (s sepStyle) colonFamily() bool { return s == colonStyle || s == fullColonStyle }

// separatorStyles tallies the separators of entries by style to find the
// convention of a file, or of the files of a folder.
type separatorStyles struct {
	n [numStyles]int
	// seen holds the styles in the order they first occur.
	seen  [numStyles]sepStyle
	kinds int
	// odd counts the entries that may need a finding whatever the style:
	// a separator not spelt as its style's own, or none before a
	// description.
	odd int
}

// add counts the separators of doc's entries.
func (c *separatorStyles) add(doc *lint.Document) {
	src := doc.Src
	for _, e := range doc.Items {
		if !e.IsEntry() || !e.List.EntryList || !e.Desc().Valid() {
			continue
		}
		if !e.Separator().Valid() {
			c.odd++
			continue
		}
		st, own := separatorStyle(src, e)
		if !own {
			c.odd++
		}
		if st == arrow {
			continue
		}
		if c.n[st] == 0 {
			c.seen[c.kinds] = st
			c.kinds++
		}
		c.n[st]++
	}
}

// convention returns the style separators are held to, and whether the
// other styles of its family are left alone because it holds less than
// two thirds of that family (fewer than twice as many as the others); ok
// is false when no entry has a separator of any style.
func (c *separatorStyles) convention() (want sepStyle, tolerant, ok bool) {
	if c.kinds == 0 {
		return 0, false, false
	}
	var colons, dashes int
	for st, n := range c.n {
		if sepStyle(st).colonFamily() {
			colons += n
		} else {
			dashes += n
		}
	}
	colon := colons > dashes || (colons == dashes && c.seen[0].colonFamily())
	family := dashes
	if colon {
		family = colons
	}
	want = -1
	for _, st := range c.seen[:c.kinds] {
		if st.colonFamily() == colon && (want < 0 || c.n[st] > c.n[want]) {
			want = st
		}
	}
	return want, c.n[want]*3 < family*2, true
}

func checkSeparator(p *lint.Pass) {
	src := p.Doc.Src
	var want sepStyle
	tolerant := false
	if style := sepStyleOpt.Get(p); style != "dominant" {
		want = sepStyle(slices.Index(styleText[:], style))
		if want < 0 {
			return // the configuration allows no other value
		}
	} else {
		var c separatorStyles
		c.add(p.Doc)
		if c.odd == 0 && c.kinds <= 1 {
			return // nearly every file: each separator is its style's own
		}
		var ok bool
		if want, tolerant, ok = c.convention(); !ok {
			return // only arrows: no style to rewrite them into
		}
	}
	// Whether a list is one of credits, asked once per list: items of
	// nested lists come between those of their parent list.
	var bare map[*lint.List]bool
	for _, e := range p.Doc.Items {
		if !e.IsEntry() || !e.List.EntryList || !e.Desc().Valid() {
			continue
		}
		if !e.Separator().Valid() {
			b, ok := bare[e.List]
			if !ok {
				if bare == nil {
					bare = map[*lint.List]bool{}
				}
				b = creditList(src, e.List)
				bare[e.List] = b
			}
			if !b {
				checkMissingSeparator(p, e, styleText[want])
			}
			continue
		}
		target := want
		if st, _ := separatorStyle(src, e); st != arrow && st != want && tolerant && st.colonFamily() == want.colonFamily() {
			target = st
		}
		checkSeparatorText(p, e, styleText[target])
	}
}

// expectedSeparator is the separator e should have in style want: want
// itself, without its trailing space when the description starts on the
// next line.
func expectedSeparator(src []byte, e *lint.Entry, want string) string {
	if e.Separator().End < len(src) && (src[e.Separator().End] == '\n' || src[e.Separator().End] == '\r') {
		return strings.TrimSuffix(want, " ")
	}
	return want
}

// separatorStyle returns the style e's separator is a spelling of (arrow
// for an arrow) and whether it is that style's own spelling. The model
// (lint's separatorEnd) decides what a separator is: blanks around one
// character of ":", "-", "：", "–", "—", or an arrow.
func separatorStyle(src []byte, e *lint.Entry) (st sepStyle, own bool) {
	b := src[e.Separator().Start:e.Separator().End]
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	if i == len(b) {
		return arrow, false // unreachable: a separator has its character
	}
	c, size := b[i], 1
	switch {
	case c == ':':
		st = colonStyle
	case c == '-':
		st = dashStyle
	case c < utf8.RuneSelf:
		return arrow, false // "=>"
	default:
		var r rune
		r, size = utf8.DecodeRune(b[i:])
		switch r {
		case '：':
			st = fullColonStyle
		case '–':
			st = enDashStyle
		case '—':
			st = emDashStyle
		default:
			return arrow, false // "→"
		}
	}
	if i+size < len(b) && b[i+size] == '>' || c == '-' && i+2 < len(b) && (b[i+1] == '-' || b[i+2] == '>') {
		return arrow, false // "->", "—>", "-->", "- >"
	}
	return st, string(b) == expectedSeparator(src, e, styleText[st])
}

func checkSeparatorText(p *lint.Pass, e *lint.Entry, want string) {
	src := p.Doc.Src
	expect := expectedSeparator(src, e, want)
	if string(src[e.Separator().Start:e.Separator().End]) == expect {
		return
	}
	if e.LeadPunct().Valid() {
		// ": - text" or "-- text": the description rule strips the
		// extra punctuation first; rewriting the separator now would
		// keep it.
		return
	}
	got := p.Doc.Text(e.Separator())
	fix := &lint.Fix{
		Message: "use separator " + lint.Quote(expect),
		Edits:   []lint.TextEdit{{Pos: e.Separator().Start, End: e.Separator().End, NewText: expect}},
	}
	p.Report(e.Separator().Start, e.Separator().End, fix, "separator is %q, expected %q", got, expect)
}

// creditList reports whether most entries of l that have text after the
// link have, with no separator, text that starts in lower case or with
// punctuation: a list of titles and credits ("[Book](u) by Jane Doe,
// 2020", "[Jane Doe](u), Engineer at Example") whose text is not a
// description, so the few entries written otherwise are no missing
// separators either.
func creditList(src []byte, l *lint.List) bool {
	credits, described := 0, 0
	for _, e := range l.Items {
		if !e.IsEntry() || !e.Desc().Valid() {
			continue
		}
		described++
		if e.Separator().Valid() {
			continue
		}
		r, size := utf8.DecodeRune(src[e.Desc().Start:e.Desc().End])
		punct := (r == '.' || r == ',' || r == ';' || r == '|') && e.Desc().Start+size < e.Desc().End && src[e.Desc().Start+size] == ' '
		if unicode.IsLower(r) || punct {
			credits++
		}
	}
	return credits*2 > described
}

// checkMissingSeparator reports a separator that is clearly missing: a
// link followed by ". ", ", ", "; " or "| " and a sentence of at least
// four words with no separator after it, or by a space and a capitalised
// sentence of four words that is not a credit ("By Jane Doe").
func checkMissingSeparator(p *lint.Pass, e *lint.Entry, want string) {
	src := p.Doc.Src
	i := e.Link().End
	for i < e.Desc().End && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i >= e.Desc().End {
		return
	}
	switch c := src[i]; {
	case c >= 'A' && c <= 'Z' && i > e.Link().End && words(src[i:e.Desc().End]) >= 4 && !bytes.HasPrefix(src[i:e.Desc().End], []byte("By ")):
		// "[valix](…) Go package for validating requests": a capitalised
		// sentence right after the link. A lowercase one ("[jQuery.on](…)
		// uses delegation") has the link as its subject.
		fix := &lint.Fix{
			Message: "insert separator " + lint.Quote(want),
			Edits:   []lint.TextEdit{{Pos: e.Link().End, End: i, NewText: want}},
		}
		p.Report(e.Link().End, i, fix, "separator is missing, expected %q", want)
		return
	case c == '.', c == ',', c == ';', c == '|':
	default:
		return
	}
	j := i + 1
	if j >= e.Desc().End || src[j] != ' ' {
		return
	}
	for j < e.Desc().End && src[j] == ' ' {
		j++
	}
	r, _ := utf8.DecodeRune(src[j:e.Desc().End])
	if !unicode.IsLetter(r) || words(src[j:e.Desc().End]) < 4 {
		return
	}
	if rest := src[j:e.Desc().End]; bytes.Contains(rest, []byte(want)) || bytes.Contains(rest, []byte(" – ")) || bytes.Contains(rest, []byte(" — ")) {
		// "[A](…), B and C – A tool": the punctuation joins more names
		// to the link; the separator comes later.
		return
	}
	got := string(src[e.Link().End:j])
	fix := &lint.Fix{
		Message: "use separator " + lint.Quote(want),
		Edits:   []lint.TextEdit{{Pos: e.Link().End, End: j, NewText: want}},
	}
	p.Report(e.Link().End, j, fix, "separator is %q, expected %q", got, want)
}

// words counts the space-separated words of b.
func words(b []byte) int {
	n, in := 0, false
	for _, c := range b {
		space := c == ' ' || c == '\t' || c == '\n' || c == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// inferSeparator reads the style of docs' separators the way the rule's
// "dominant" does: the style that holds at least two thirds of its
// family is pinned; a family mixed more evenly keeps "dominant".
func inferSeparator(docs []*lint.Document) lint.Inference {
	var c separatorStyles
	for _, doc := range docs {
		c.add(doc)
	}
	want, tolerant, ok := c.convention()
	total := 0
	for _, n := range c.n {
		total += n
	}
	switch {
	case !ok:
		return lint.Inference{Why: "No entry has a description after a separator: separator follows each file."}
	case tolerant:
		return lint.Inference{Why: fmt.Sprintf("No separator holds two thirds of its kind in %d entries: separator follows each file.", total)}
	}
	return pinned(sepStyleOpt.Is(styleText[want]), "%s stands between link and description in %d of %d entries.",
		count{value: styleText[want]}.quoted(), c.n[want], total)
}
