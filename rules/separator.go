package rules

import (
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/lint"
)

// Separator checks what stands between an entry's link and its
// description.
var Separator = &lint.Rule{
	ID:    "separator",
	Title: "link and description are separated the same way",
	Doc: `Between an entry's link and its description stands one separator, the
same in the whole file: ": " (seed style, "[Name](url): Description.") or
" - " (awesome style, "[Name](url) - Description."). Variants are reported:
"：", ":" without a space, " :", "-" without spaces, " – ", " — ", and two
spaces where one belongs.

An entry whose link is followed by ". ", ", ", "; " or "| " and then a
sentence of four words or more uses that punctuation as a separator and is
reported too, and so is a link followed by a space and a capitalised
sentence of four words or more ("[valix](…) Go package for validating
requests"). Other text after a link without a separator (a second link, a
badge, "(Chinese)", a sentence that has the link as its subject) is not a
separator problem and is left alone. Entries without a description are
left to the description rule. Only entry lists are checked (see
entry-link).

Options:
  style  "dominant" (default): ": " or " - ", whichever family (colons or
         dashes) most separators of the file belong to, ties going to the
         first; or ": " or " - " to pin it.

The fix rewrites the separator.`,
	Bad: `- [Alpha](https://alpha.example): First project.
- [Beta](https://beta.example) - Second project.
- [Gamma](https://gamma.example)：Third project.`,
	Good: `- [Alpha](https://alpha.example): First project.
- [Beta](https://beta.example): Second project.
- [Gamma](https://gamma.example): Third project.`,
	Severity: lint.Warning,
	Fixable:  true,
	Options: []lint.Option{{
		Name:    "style",
		Default: "dominant",
		Doc:     `separator between link and description: "dominant", ": " or " - "`,
		Allowed: []string{"dominant", ": ", " - "},
	}},
	Check: checkSeparator,
}

const (
	colonSeparator = ": "
	dashSeparator  = " - "
)

func checkSeparator(p *lint.Pass) {
	doc := p.Doc
	src := doc.Src
	want := p.String("style")
	if want != colonSeparator && want != dashSeparator {
		// The dominant family (lint.Dominant, counted without a map):
		// the more frequent, ties going to the first seen.
		first, colons, dashes := "", 0, 0
		// odd counts the entries that may need a finding whatever the
		// family: a separator other than its family's own, or none
		// before a description.
		odd := 0
		for _, e := range doc.Items {
			if !e.IsEntry || !e.List.EntryList || !e.Desc.Valid() {
				continue
			}
			if !e.Separator.Valid() {
				odd++
				continue
			}
			var f string
			switch {
			case isSeparator(src, e, colonSeparator):
				f = colonSeparator
			case isSeparator(src, e, dashSeparator):
				f = dashSeparator
			default:
				f = separatorFamily(src, e.Separator)
				odd++
			}
			if first == "" {
				first = f
			}
			if f == colonSeparator {
				colons++
			} else {
				dashes++
			}
		}
		switch {
		case first == "":
			return
		case colons > dashes:
			want = colonSeparator
		case dashes > colons:
			want = dashSeparator
		default:
			want = first
		}
		if odd == 0 && (colons == 0 || dashes == 0) {
			return // nearly every file: each separator is the one wanted
		}
	}
	for _, e := range doc.Items {
		if !e.IsEntry || !e.List.EntryList || !e.Desc.Valid() {
			continue
		}
		if e.Separator.Valid() {
			checkSeparatorText(p, e, want)
		} else {
			checkMissingSeparator(p, e, want)
		}
	}
}

// expectedSeparator is the separator e should have in style want: want
// itself, without its trailing space when the description starts on the
// next line.
func expectedSeparator(src []byte, e *lint.Entry, want string) string {
	if e.Separator.End < len(src) && (src[e.Separator.End] == '\n' || src[e.Separator.End] == '\r') {
		return want[:len(want)-1]
	}
	return want
}

// isSeparator reports whether e's separator is the one expected in style
// want.
func isSeparator(src []byte, e *lint.Entry, want string) bool {
	return string(src[e.Separator.Start:e.Separator.End]) == expectedSeparator(src, e, want)
}

// separatorFamily returns the canonical separator a variant stands for:
// that of its first colon (":", "：") or dash ("-", "–", "—"). It scans
// bytes: the lead bytes of "：", "–" and "—" and ASCII bytes never sit
// inside another character, so every byte it tests starts a rune.
func separatorFamily(src []byte, sep lint.Span) string {
	b := src[sep.Start:sep.End]
	for i, c := range b {
		switch {
		case c == ':':
			return colonSeparator
		case c == '-':
			return dashSeparator
		case c == 0xEF && i+2 < len(b) && b[i+1] == 0xBC && b[i+2] == 0x9A: // "："
			return colonSeparator
		case c == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0x93 || b[i+2] == 0x94): // "–", "—"
			return dashSeparator
		}
	}
	return colonSeparator
}

func checkSeparatorText(p *lint.Pass, e *lint.Entry, want string) {
	src := p.Doc.Src
	expect := expectedSeparator(src, e, want)
	if string(src[e.Separator.Start:e.Separator.End]) == expect {
		return
	}
	if e.LeadPunct().Valid() {
		// ": - text" or "-- text": the description rule strips the
		// extra punctuation first; rewriting the separator now would
		// keep it.
		return
	}
	got := p.Doc.Text(e.Separator)
	fix := &lint.Fix{
		Message: "use separator " + lint.Quote(expect),
		Edits:   []lint.TextEdit{{Pos: e.Separator.Start, End: e.Separator.End, NewText: expect}},
	}
	p.Report(e.Separator.Start, e.Separator.End, fix, "separator is %q, expected %q", got, expect)
}

// checkMissingSeparator reports a separator that is clearly missing: a
// link followed by ". ", ", ", "; " or "| " and a sentence of at least
// four words, or by a space and a capitalised sentence of four words.
func checkMissingSeparator(p *lint.Pass, e *lint.Entry, want string) {
	src := p.Doc.Src
	i := e.Link.End
	for i < e.Desc.End && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i >= e.Desc.End {
		return
	}
	switch c := src[i]; {
	case c >= 'A' && c <= 'Z' && i > e.Link.End && words(src[i:e.Desc.End]) >= 4:
		// "[valix](…) Go package for validating requests": a capitalised
		// sentence right after the link. A lowercase one ("[jQuery.on](…)
		// uses delegation") has the link as its subject.
		fix := &lint.Fix{
			Message: "insert separator " + lint.Quote(want),
			Edits:   []lint.TextEdit{{Pos: e.Link.End, End: i, NewText: want}},
		}
		p.Report(e.Link.End, i, fix, "separator is missing, expected %q", want)
		return
	case c == '.', c == ',', c == ';', c == '|':
	default:
		return
	}
	j := i + 1
	if j >= e.Desc.End || src[j] != ' ' {
		return
	}
	for j < e.Desc.End && src[j] == ' ' {
		j++
	}
	r, _ := utf8.DecodeRune(src[j:e.Desc.End])
	if !unicode.IsLetter(r) || words(src[j:e.Desc.End]) < 4 {
		return
	}
	got := string(src[e.Link.End:j])
	fix := &lint.Fix{
		Message: "use separator " + lint.Quote(want),
		Edits:   []lint.TextEdit{{Pos: e.Link.End, End: j, NewText: want}},
	}
	p.Report(e.Link.End, j, fix, "separator is %q, expected %q", got, want)
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
