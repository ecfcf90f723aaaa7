package rules

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/lint"
)

// Description checks the description that follows an entry's separator.
var Description = &lint.Rule{
	ID:    "description",
	Title: "descriptions are sentences",
	Doc: `The description after an entry's separator reads as a sentence:

- a separator is followed by a description ("[Name](url):" alone is a
  leftover); an entry whose nested list follows a bare separator is fine;
- it does not start with punctuation (": . With LightVM…");
- it starts with a capital letter, unless its first word is a name: the
  entry's own name ("gVisor is…"), a word found in the entry's URL
  ("npm package…" for an npmjs.com link), a word with inner capitals,
  digits or punctuation ("iOS", "k8s", "node-fetch", "e.g."), a word
  followed by a version ("webpack 4…") or by "is"/"are" ("xsv is…"). Text
  in a script without case (CJK) and code spans are fine;
- it ends with terminal punctuation: "." "!" "?" "…", or "。" "！" "？"
  (and "~", a playful ending in Chinese text). A closing ")" or quote
  after it is fine. A description ending with an emoji or emoticon is
  fine, and one ending with a bare URL is not checked (a period would
  read as part of it). Trailing metadata is skipped: code spans ("` + "`MIT` `Go`" + `"), badges
  ("![stars](…)"), emphasised links and groups of links in parentheses
  ("([Demo](…), [Source](…))"), so "Tool. ` + "`MIT`" + `" passes.

Entries without a separator are not checked: what follows their link is
not known to be a description. Only entry lists are checked (see
entry-link).

Options:
  required           when true, every entry needs a description
                     (default false: link-only entries are fine).
  final-punctuation  "dominant" (default): required when more than half
                     of the file's descriptions end with it, so lists
                     whose style is to omit it are left alone;
                     "required"; "optional" (never checked); "forbidden"
                     (a final "." or "。" is reported; "!", "?" and "…"
                     carry meaning and stay).

Fixes: strip leading punctuation; remove a separator that has no
description; append "." ("。" to CJK text) where the sentence ends,
before trailing badges or link groups (not when trailing code spans make
the place ambiguous); remove a forbidden final period. Capitalisation is
reported, not fixed.`,
	Bad: `- [Alpha](https://alpha.example): . A first project.
- [Beta](https://beta.example): second project.
- [Gamma](https://gamma.example): Third project`,
	Good: `- [Alpha](https://alpha.example): A first project.
- [Beta](https://beta.example): Second project.
- [Gamma](https://gamma.example): Third project.`,
	Severity: lint.Warning,
	Fixable:  true,
	Options: []lint.Option{
		{Name: "required", Default: false, Doc: "every entry needs a description"},
		{
			Name: "final-punctuation", Default: "dominant",
			Doc:     `terminal punctuation: "dominant", "required", "optional" or "forbidden"`,
			Allowed: []string{"dominant", "required", "optional", "forbidden"},
		},
	},
	Check: checkDescription,
}

// sentenceEnd is what checkDescription learns about a description's end.
type sentenceEnd struct {
	e *lint.Entry
	// start and end bound the sentence: the description without trailing
	// metadata and spaces.
	start, end int
	// last is the offset of the last rune before closing brackets and
	// quotes, and r that rune.
	last int
	r    rune
	// fixable is false when code spans or decorations trail the
	// sentence: a final "." could belong before or after them.
	fixable bool
}

func checkDescription(p *lint.Pass) {
	doc := p.Doc
	src := doc.Src
	// Only the sentence ends a report may name are kept: those without
	// final punctuation, or with a period when it is forbidden.
	mode := p.String("final-punctuation")
	keepUnpunctuated := mode == "required" || mode == "dominant"
	keepPeriod := mode == "forbidden"
	var ends []sentenceEnd
	punctuated, sentences := 0, 0
	for _, e := range doc.Items {
		if !e.IsEntry || !e.List.EntryList {
			continue
		}
		if !e.Separator.Valid() {
			if p.Bool("required") && !e.Desc.Valid() {
				p.Report(e.Link.Start, e.Link.End, nil, "entry has no description, expected one after the link")
			}
			continue
		}
		if !e.Desc.Valid() {
			if len(e.Children) == 0 {
				fix := &lint.Fix{
					Message: "remove the separator",
					Edits:   []lint.TextEdit{{Pos: e.Separator.Start, End: e.Separator.End}},
				}
				p.Report(e.Separator.Start, e.Separator.End, fix, "separator %q has no description after it", doc.Text(e.Separator))
			}
			continue
		}
		start := e.Desc.Start
		if n := leadingPunct(src[start:e.Desc.End]); n > 0 {
			fix := &lint.Fix{
				Message: "strip the leading punctuation",
				Edits:   []lint.TextEdit{{Pos: start, End: start + n}},
			}
			p.Report(start, start+n, fix, "description starts with %q, expected a word",
				strings.TrimSpace(string(src[start:start+n])))
			start += n
		}
		if !asciiNotLower(src[start:e.Desc.End]) {
			checkCapital(p, e, start)
		}
		se, ok := findSentenceEnd(src, e, start)
		if !ok {
			continue
		}
		sentences++
		if punctuatedEnd(se) {
			punctuated++
			if keepPeriod && (se.r == '.' || se.r == '。') {
				ends = append(ends, se)
			}
		} else if keepUnpunctuated {
			ends = append(ends, se)
		}
	}
	switch mode {
	case "required":
		reportUnpunctuated(p, ends)
	case "dominant":
		if punctuated*2 > sentences {
			reportUnpunctuated(p, ends)
		}
	case "forbidden":
		reportPunctuated(p, ends)
	}
}

// leadingPunct returns how many bytes of punctuation (and the spaces after
// it) start desc: ". With", "- text", "：文本". A dot that starts a word
// (".NET") and an ellipsis ("...and more") are not leading punctuation.
func leadingPunct(desc []byte) int {
	if len(desc) > 0 && isAlnum(desc[0]) {
		return 0 // nearly every description, decided without decoding
	}
	i := 0
	for i < len(desc) {
		r, size := utf8.DecodeRune(desc[i:])
		switch r {
		case '.':
			if bytes.HasPrefix(desc[i:], []byte("...")) {
				return 0
			}
		case ',', ';', ':', '-', '–', '—', '|', '，', '。', '：', '；', '、':
		default:
			if i == 0 {
				return 0
			}
			if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
				return lastPunctEnd(desc, i)
			}
		}
		i += size
	}
	return i
}

// lastPunctEnd checks that the punctuation run ending at i was followed by
// a space (or is CJK punctuation): ".NET" and "-1" are words, not
// punctuation.
func lastPunctEnd(desc []byte, i int) int {
	j := i
	for j > 0 && (desc[j-1] == ' ' || desc[j-1] == '\t' || desc[j-1] == '\n' || desc[j-1] == '\r') {
		j--
	}
	if j < i {
		return i
	}
	r, _ := utf8.DecodeLastRune(desc[:j])
	if r >= 0x3000 || r == '—' || r == '–' {
		return i
	}
	return 0
}

// checkCapital reports a description starting at start with a lowercase
// letter, unless its first word is name-like.
func checkCapital(p *lint.Pass, e *lint.Entry, start int) {
	src := p.Doc.Src
	r, _ := utf8.DecodeRune(src[start:e.Desc.End])
	if !unicode.IsLower(r) {
		return
	}
	end := start
	for end < e.Desc.End && !isWordEnd(src[end]) {
		end++
	}
	word := strings.TrimRight(string(src[start:end]), ",.:;!?)'\"")
	if nameLike(p.Doc, e, word, src[end:e.Desc.End]) {
		return
	}
	p.Report(start, start+len(word), nil, "description starts with lowercase %q, expected a capital letter", word)
}

// asciiNotLower reports whether b starts with an ASCII byte other than a
// lowercase letter: a description checkCapital would pass, decided
// without decoding a rune.
func asciiNotLower(b []byte) bool {
	return len(b) > 0 && b[0] < utf8.RuneSelf && (b[0] < 'a' || b[0] > 'z')
}

func isWordEnd(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// nameLike reports whether the lowercase first word of a description is
// probably a name written in lowercase on purpose.
func nameLike(doc *lint.Document, e *lint.Entry, word string, rest []byte) bool {
	word = strings.TrimSuffix(strings.TrimSuffix(word, "'s"), "’s")
	for i, r := range word {
		if i > 0 && (unicode.IsUpper(r) || unicode.IsDigit(r)) || strings.ContainsRune(".-_/@+#&:", r) {
			return true
		}
		if r >= utf8.RuneSelf && !unicode.IsLetter(r) {
			return true
		}
	}
	key := lint.NameKey([]byte(word))
	if key == "" || key == e.NameKey || len(key) >= 3 && (strings.HasPrefix(e.NameKey, key) || strings.HasSuffix(e.NameKey, key)) {
		return true
	}
	if hasWord(strings.ToLower(doc.Text(e.Name)), key, false) || hasWord(strings.ToLower(e.Dest), key, len(key) >= 3) {
		return true
	}
	if base, ok := strings.CutPrefix(key, "lib"); ok && len(base) >= 3 && strings.Contains(e.NameKey, base) {
		return true // "gosamplerate: libsamplerate bindings": the C library wrapped
	}
	next := bytes.Fields(rest)
	if len(next) == 0 {
		return false
	}
	n := string(next[0])
	if r, _ := utf8.DecodeRuneInString(n); isCJK(r) {
		return true // "etcd 作为…": Latin words in CJK text are names
	}
	if c := strings.TrimPrefix(n, "v"); c != "" && c[0] >= '0' && c[0] <= '9' {
		return true // "webpack 4 removes…"
	}
	switch n {
	case "is", "are", "was", "has":
		switch word {
		case "this", "it", "that", "there", "here", "what", "which", "who", "he", "she", "they":
			return false
		}
		return true // "xsv is a fast…"
	}
	return false
}

// hasWord reports whether an alphanumeric run of s equals word, or with
// prefix set starts with it ("npm" in "https://www.npmjs.com/package/x").
func hasWord(s, word string, prefix bool) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if i > 0 && isAlnum(s[i-1]) || s[i:i+len(word)] != word {
			continue
		}
		if j := i + len(word); prefix || j == len(s) || !isAlnum(s[j]) {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isTerminal reports whether r ends a sentence.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', '～', '~':
		// A tilde ends a playful Chinese sentence ("欢迎提 PR~").
		return true
	}
	return false
}

// isCloser reports whether r may follow a sentence's final punctuation:
// closing brackets, quotes and emphasis.
func isCloser(r rune) bool {
	switch r {
	case ')', '"', '\'', '”', '’', '»', '）', '」', '』', '】', '*', '_':
		return true
	}
	return false
}

// findSentenceEnd finds where the description of e (from start) ends as a
// sentence; ok is false when nothing but metadata is left.
func findSentenceEnd(src []byte, e *lint.Entry, start int) (se sentenceEnd, ok bool) {
	se = sentenceEnd{e: e, fixable: true}
	end := e.Desc.End
	for {
		for end > start && isSpaceByte(src[end-1]) {
			end--
		}
		if end <= start {
			return se, false
		}
		t, kind := trailer(src, start, end)
		if kind == trailerNone || t == start {
			break
		}
		if kind == trailerDecoration {
			// "Taking conversations to the moon 🚀": a final emoji or
			// emoticon ends the sentence as "!" would.
			return se, false
		}
		if kind == trailerCode {
			se.fixable = false
		}
		end = t
	}
	if endsWithURL(src[start:end]) {
		// "Try it live: https://…": a final period would read as part
		// of the URL, and none is expected after one.
		return se, false
	}
	se.start, se.end = start, end
	i := end
	for i > start {
		r, size := rune(src[i-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRune(src[start:i])
		}
		if !isCloser(r) {
			se.last, se.r = i-size, r
			return se, true
		}
		i -= size
	}
	return se, false
}

type trailerKind int

const (
	trailerNone trailerKind = iota
	// trailerCode is a code span: "` + "`MIT`" + `".
	trailerCode
	// trailerBadge is an image, linked or not: "![stars](…)".
	trailerBadge
	// trailerLinks is a parenthesised group of links, or an emphasised
	// link: "([Demo](…), [Source](…))", "**[back to top](#top)**".
	trailerLinks
	// trailerDecoration is an emoji, a :shortcode: or an emoticon.
	trailerDecoration
)

// trailer recognises metadata ending at end, preceded by a space: code
// spans, badges, link groups and decorations. It returns where the
// trailer starts.
func trailer(src []byte, start, end int) (int, trailerKind) {
	if end <= start {
		// Nothing left, after emphasis that started the description:
		// no trailer (and no byte of it to look at).
		return end, trailerNone
	}
	if c := src[end-1]; c < utf8.RuneSelf && !mayEndTrailer(c) {
		return end, trailerNone // nearly every description: "… work."
	}
	return scanTrailer(src, start, end)
}

// mayEndTrailer reports whether an ASCII byte can end a trailer: a code
// span, a badge or link group, emphasis, an emoticon or a :shortcode:.
// No other ASCII byte gets past scanTrailer's first test.
func mayEndTrailer(c byte) bool {
	switch c {
	case '`', ')', '*', '_', ':', 'D', 'P', '^':
		return true
	}
	return false
}

// scanTrailer is trailer for any last byte.
func scanTrailer(src []byte, start, end int) (int, trailerKind) {
	if d := decoration(src, start, end); d < end {
		return d, trailerDecoration
	}
	switch src[end-1] {
	case '*', '_':
		n := 0
		for end-n > start && src[end-1-n] == src[end-1] {
			n++
		}
		if t, kind := trailer(src, start, end-n); kind == trailerNone && t == end-n && end-n > start && src[end-n-1] == ')' {
			open := matchOpen(src, start, end-n-1, '(', ')')
			if open > start && src[open-1] == ']' {
				lb := matchOpen(src, start, open-1, '[', ']')
				if lb-n > start && bytes.Equal(src[lb-n:lb], src[end-n:end]) && isSpaceByte(src[lb-n-1]) {
					return lb - n, trailerLinks
				}
			}
		}
	case '`':
		n := 0
		for end-n > start && src[end-1-n] == '`' {
			n++
		}
		for i := end - n - 1; i >= start; i-- {
			if src[i] != '`' {
				continue
			}
			j := i
			for j > start && src[j-1] == '`' {
				j--
			}
			if i-j+1 == n && j > start && isSpaceByte(src[j-1]) {
				return j, trailerCode
			}
			if i-j+1 == n {
				return end, trailerNone
			}
			i = j
		}
	case ')':
		open := matchOpen(src, start, end-1, '(', ')')
		if open <= start {
			return end, trailerNone
		}
		if src[open-1] == ']' {
			lb := matchOpen(src, start, open-1, '[', ']')
			if lb < start {
				return end, trailerNone
			}
			badge := lb > start && src[lb-1] == '!' || bytes.HasPrefix(src[lb:], []byte("[!["))
			if lb > start && src[lb-1] == '!' {
				lb--
			}
			if badge && lb > start && isSpaceByte(src[lb-1]) {
				return lb, trailerBadge
			}
			return end, trailerNone
		}
		if isSpaceByte(src[open-1]) && onlyLinks(src[open+1:end-1]) {
			return open, trailerLinks
		}
	}
	return end, trailerNone
}

// decoration returns where a trailing emoji, GitHub :shortcode: or
// emoticon (":)") preceded by a space starts; end when there is none.
func decoration(src []byte, start, end int) int {
	i := end
	for i > start {
		if src[i-1] < utf8.RuneSelf {
			break // the common case, decided without decoding
		}
		r, size := utf8.DecodeLastRune(src[start:i])
		if r < utf8.RuneSelf || !unicode.In(r, unicode.So, unicode.Sk, unicode.Mn, unicode.Cf) {
			break
		}
		i -= size
	}
	if i < end && i > start && isSpaceByte(src[i-1]) {
		return i
	}
	b := src[start:end]
	if len(b) > 0 && emoticonEnd(b[len(b)-1]) {
		for _, emo := range []string{":)", ":-)", ";)", ":D", ":P", "^_^"} {
			if bytes.HasSuffix(b, []byte(emo)) && len(b) > len(emo) && isSpaceByte(b[len(b)-len(emo)-1]) {
				return end - len(emo)
			}
		}
	}
	if len(b) > 2 && b[len(b)-1] == ':' {
		j := len(b) - 2
		for j >= 0 && (isAlnum(b[j]) || b[j] == '_' || b[j] == '+' || b[j] == '-') {
			j--
		}
		if j > 0 && j < len(b)-2 && b[j] == ':' && isSpaceByte(b[j-1]) {
			return start + j
		}
	}
	return end
}

// emoticonEnd reports whether c ends one of the emoticons decoration
// knows, so that most descriptions skip comparing them all.
func emoticonEnd(c byte) bool { return c == ')' || c == 'D' || c == 'P' || c == '^' }

// matchOpen returns the offset of the opener matching the closer at
// close, searching back to start; -1 when unmatched.
func matchOpen(src []byte, start, closeAt int, opener, closer byte) int {
	depth := 0
	for i := closeAt; i >= start; i-- {
		switch src[i] {
		case closer:
			depth++
		case opener:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// onlyLinks reports whether b holds nothing but links separated by commas
// and spaces: "[Demo](…), [Source Code](…)".
func onlyLinks(b []byte) bool {
	links := 0
	for i := 0; i < len(b); {
		switch b[i] {
		case ' ', ',', '\t':
			i++
		case '[':
			j := bytes.IndexByte(b[i:], ']')
			if j < 0 || i+j+1 >= len(b) || b[i+j+1] != '(' {
				return false
			}
			k := bytes.IndexByte(b[i+j+1:], ')')
			if k < 0 {
				return false
			}
			i += j + 1 + k + 1
			links++
		default:
			return false
		}
	}
	return links > 0
}

// punctuatedEnd reports whether a sentence ends with terminal
// punctuation, or with a colon before the entry's nested list.
func punctuatedEnd(se sentenceEnd) bool {
	return isTerminal(se.r) || se.r == ':' && len(se.e.Children) > 0
}

// reportUnpunctuated reports the sentence ends of ends, which have no
// final punctuation.
func reportUnpunctuated(p *lint.Pass, ends []sentenceEnd) {
	src := p.Doc.Src
	for _, se := range ends {
		mark := "."
		if mostlyCJK(src[se.start:se.end]) {
			mark = "。"
		}
		var fix *lint.Fix
		switch se.r {
		case ',', ';', ':', '，', '；', '：', '、':
			// Replacing punctuation is a judgement call: report only.
		default:
			if se.fixable {
				fix = &lint.Fix{
					Message: "end the description with " + mark,
					Edits:   []lint.TextEdit{{Pos: se.end, End: se.end, NewText: mark}},
				}
			}
		}
		_, size := utf8.DecodeRune(src[se.last:])
		p.Report(se.last, se.last+size, fix, "description has no final punctuation, expected %q", mark)
	}
}

// reportPunctuated reports the final periods of ends, which end with "."
// or "。".
func reportPunctuated(p *lint.Pass, ends []sentenceEnd) {
	src := p.Doc.Src
	for _, se := range ends {
		before := string(src[se.e.Desc.Start:se.last])
		if strings.HasSuffix(before, "..") || strings.HasSuffix(before, "etc") {
			continue
		}
		_, size := utf8.DecodeRune(src[se.last:])
		fix := &lint.Fix{
			Message: "remove the final period",
			Edits:   []lint.TextEdit{{Pos: se.last, End: se.last + size}},
		}
		p.Report(se.last, se.last+size, fix, "description ends with %q, expected no final punctuation", string(se.r))
	}
}

// endsWithURL reports whether b ends with a bare http(s) URL.
func endsWithURL(b []byte) bool {
	i := len(b)
	for i > 0 {
		// One compare for the printable bytes; the others are looked at
		// one by one.
		if c := b[i-1]; c-'!' > '~'-'!' && (isSpaceByte(c) || c >= utf8.RuneSelf) {
			break
		}
		i--
	}
	w := b[i:]
	return len(w) > 0 && w[0] == 'h' && (bytes.HasPrefix(w, []byte("http://")) || bytes.HasPrefix(w, []byte("https://")))
}

// mostlyCJK reports whether a description is CJK text, which ends with
// "。": its last letter is CJK, or it has at least as many CJK characters
// as Latin words ("大厂实战分享 ppt").
func mostlyCJK(b []byte) bool {
	cjk, words := 0, 0
	inWord, last := false, rune(0)
	for i := 0; i < len(b); {
		if b[i] == ']' && i+1 < len(b) && b[i+1] == '(' {
			// Link destinations are not text.
			if c := matchOpenForward(b, i+1, '(', ')'); c > 0 {
				i = c + 1
				continue
			}
		}
		r, size := utf8.DecodeRune(b[i:])
		i += size
		latin := r < utf8.RuneSelf && unicode.IsLetter(r)
		if latin && !inWord {
			words++
		}
		inWord = latin
		if isCJK(r) {
			cjk++
		}
		if latin || isCJK(r) {
			last = r
		}
	}
	return isCJK(last) || cjk > 0 && cjk >= words
}

// isCJK reports whether r belongs to a script written without spaces
// that ends sentences with "。".
func isCJK(r rune) bool {
	// Below U+2E80 (the CJK radicals) no rune is CJK: skip the tables.
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}
