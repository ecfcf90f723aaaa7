package lint

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/internal/text"
)

// Markup is a set of the Markdown constructs that end a description.
type Markup uint8

const (
	// MarkupCode is a code span: "`MIT`".
	MarkupCode Markup = 1 << iota
	// MarkupImage is an image, linked or not: "![stars](…)".
	MarkupImage
	// MarkupLink is a link, or a parenthesised group of links:
	// "[Demo](…)", "([Demo](…), [Source](…))".
	MarkupLink
	// MarkupTag is a bracketed tag: "[MIT]", "[BETA]".
	MarkupTag
	// MarkupParen is a parenthesis: "(deprecated)".
	MarkupParen
	// MarkupEmphasis is an emphasised or bold run: "**[Deprecated]**".
	MarkupEmphasis
	// MarkupEmoji is an emoji, a GitHub :shortcode: or an emoticon.
	MarkupEmoji
	// MarkupWhole marks a sentence that is nothing but the construct
	// named with it: "[Title](…)".
	MarkupWhole
)

// sentence splits e's description into leading punctuation, the sentence
// and trailing metadata (see Entry.Sentence).
func (b *builder) sentence(e *Entry) {
	src := b.doc.Src
	start, end := e.Desc().Start, e.Desc().End
	// Nearly every description starts with a letter and ends with "."
	// or a letter: decided on two bytes, without a call.
	if !isAlnumByte(src[start]) {
		if n := leadingPunct(src[start:end]); n > 0 {
			start += n
			if start == end {
				return // nothing but punctuation: LeadPunct is Desc
			}
		}
	}
	if !mayEndMarkup[src[end-1]] {
		b.set(e, partSentence, Span{start, end})
		return
	}
	sentence, trailer, trailing, markup := splitTrailer(src, start, end)
	b.set(e, partSentence, sentence)
	b.set(e, partTrailer, trailer)
	e.trailing, e.markup = trailing, markup
}

// splitTrailer finds the metadata that trails the text src[start:end]. It
// peels constructs off the end one by one, each after a space or a
// finished sentence: code spans, images, groups of links and emphasised
// constructs ("**[Deprecated]**") are metadata wherever they stand; a
// link, a bracketed tag, a parenthesis or emphasised words are metadata
// only after a finished sentence or after other metadata ("… works.
// [Demo](…)"), and otherwise end the sentence ("Client for [imgur](…)",
// "Toolkit in Go (Golang)").
func splitTrailer(src []byte, start, end int) (sentence, trailer Span, kinds, last Markup) {
	sentence, trailer = Span{start, end}, NoSpan
	// meta is where the leftmost construct that is metadata on its own
	// starts; the constructs after it are metadata too. Those before it
	// (all conditional) end the sentence unless text before them does.
	meta, firstCond, peeled := -1, -1, -1
	var metaKinds, condKinds, lastCond, stuck Markup
	at := end
	for {
		at = trimEndSpace(src, start, at)
		t, kind, cond := markupEnd(src, start, at)
		if kind == MarkupEmoji {
			last = kind
			break
		}
		if kind == 0 {
			break
		}
		// A construct that cannot be peeled still ends the text: the
		// sentence ends with markup, where a final period is ambiguous.
		if t <= start {
			if kind&markupNotText != 0 {
				stuck = kind | MarkupWhole // "[Title](…)"
			}
			break
		}
		// Tags may stand side by side: "[MIT][Apache2]", "[MIT]/[Apache2]".
		joined := src[t] == '[' && (src[t-1] == ']' || src[t-1] == '/' && t-1 > start && src[t-2] == ']')
		if !text.IsSpace(src[t-1]) && !joined && !endsSentence(src, start, t) {
			if kind&markupNotText != 0 {
				stuck = kind // "中文，[x](…)"
			}
			break
		}
		if cond {
			if firstCond < 0 {
				lastCond = kind
			}
			firstCond = t
			condKinds |= kind
		} else {
			meta, firstCond, lastCond = t, -1, 0
			metaKinds |= kind | condKinds
			condKinds = 0
		}
		peeled, at = t, t
		if joined && src[t-1] == '/' {
			at--
		}
	}
	if last == 0 {
		last = stuck
	}
	if peeled < 0 {
		return sentence, trailer, 0, last
	}
	// "… analysis. - [source](…)": a dash or bar may join the sentence
	// and its metadata.
	textEnd := trimEndSpace(src, start, connector(src, start, at))
	if firstCond >= 0 {
		if last == MarkupEmoji || endsSentence(src, start, textEnd) {
			meta, metaKinds = firstCond, metaKinds|condKinds
		} else {
			last = lastCond
		}
	}
	if meta < 0 {
		return sentence, trailer, 0, last
	}
	if meta == peeled && textEnd < at {
		meta = connector(src, start, at)
	}
	return Span{start, trimEndSpace(src, start, meta)}, Span{meta, end}, metaKinds, last
}

// connector returns where a dash or bar that ends src[start:end] after a
// space starts ("Tool. -"), or end when there is none.
func connector(src []byte, start, end int) int {
	for _, c := range [...]string{"-", "|", "–", "—"} {
		if i := end - len(c); i > start && text.IsSpace(src[i-1]) && string(src[i:end]) == c {
			return i
		}
	}
	return end
}

// markupNotText are the constructs that are not words of a sentence
// (emphasis and parentheses can hold them).
const markupNotText = MarkupCode | MarkupImage | MarkupLink | MarkupTag

// mayEndMarkup tells the bytes that can end a construct splitTrailer
// peels or an emoticon: a few ASCII bytes, and any byte of a non-ASCII
// rune (an emoji). No other byte gets past markupEnd's first test.
var mayEndMarkup = func() (t [256]bool) {
	for _, c := range "`)]*_:DP^" {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// markupEnd recognises a construct ending at end: it returns where it
// starts, its kind (0 for none) and whether it is metadata only after a
// finished sentence.
func markupEnd(src []byte, start, end int) (at int, kind Markup, cond bool) {
	if end <= start {
		return end, 0, false
	}
	if d := decoration(src, start, end); d < end {
		return d, MarkupEmoji, false
	}
	switch c := src[end-1]; c {
	case '*', '_':
		n := 1
		for end-n > start && src[end-1-n] == c {
			n++
		}
		open := emphasisOpen(src, start, end-n, c, n)
		if open < 0 {
			return end, 0, false
		}
		// Emphasis around a construct marks it ("**[Deprecated]**");
		// around words, it may be part of the sentence.
		in := Span{open + n, end - n}
		t, inner, _ := markupEnd(src, in.Start, in.End)
		if inner == MarkupEmoji {
			inner = 0
		}
		return open, MarkupEmphasis | inner, inner == 0 || t != in.Start
	case '`':
		n := 1
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
			if i-j+1 == n {
				return j, MarkupCode, false
			}
			i = j
		}
	case ')':
		open := MatchOpen(src, start, end-1, '(', ')')
		if open < start {
			return end, 0, false
		}
		if open == start || src[open-1] != ']' {
			if onlyLinks(src[open+1 : end-1]) {
				return open, MarkupLink, false
			}
			return open, MarkupParen, true
		}
		lb := MatchOpen(src, start, open-1, '[', ']')
		if lb < start {
			return end, 0, false
		}
		if lb > start && src[lb-1] == '!' {
			return lb - 1, MarkupImage, false
		}
		if bytes.HasPrefix(src[lb:], []byte("[![")) {
			return lb, MarkupImage, false
		}
		return lb, MarkupLink, true
	case ']':
		lb := MatchOpen(src, start, end-1, '[', ']')
		// "[...]" stands for omitted words, not a tag.
		if lb < start || len(bytes.Trim(src[lb+1:end-1], ".… ")) == 0 {
			return end, 0, false
		}
		// A shortcut reference link ("for [imgur]") looks the same.
		return lb, MarkupTag, true
	}
	return end, 0, false
}

// emphasisOpen returns where the run of n markers c that opens the
// emphasis closed before closeAt starts: the nearest such run after a
// space (or at start) and before a non-space; -1 when there is none.
func emphasisOpen(src []byte, start, closeAt int, c byte, n int) int {
	if closeAt <= start || text.IsSpace(src[closeAt-1]) {
		return -1 // a closer follows text
	}
	for i := closeAt - 1; i >= start; i-- {
		if src[i] != c {
			continue
		}
		j := i
		for j > start && src[j-1] == c {
			j--
		}
		if i-j+1 == n && i+1 < closeAt && !text.IsSpace(src[i+1]) && (j == start || text.IsSpace(src[j-1]) || endsSentence(src, start, j)) {
			return j
		}
		i = j
	}
	return -1
}

// endsSentence reports whether src[start:end] ends with terminal
// punctuation, past closing brackets, quotes and emphasis, or with an
// emoji.
func endsSentence(src []byte, start, end int) bool {
	for end > start {
		r, size := rune(src[end-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRune(src[start:end])
		}
		switch {
		case IsTerminal(r):
			return true
		case IsCloser(r):
			end -= size
		default:
			return r >= utf8.RuneSelf && (isEmoji(r) || r == 0xFE0F) // "⚛️" ends with a variation selector
		}
	}
	return false
}

// IsTerminal reports whether r ends a sentence.
func IsTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', '～', '~':
		// A tilde ends a playful Chinese sentence ("欢迎提 PR~").
		return true
	}
	return false
}

// IsCloser reports whether r may follow a sentence's final punctuation:
// closing brackets, quotes and emphasis.
func IsCloser(r rune) bool {
	switch r {
	case ')', ']', '"', '\'', '”', '’', '»', '）', '」', '』', '】', '*', '_':
		return true
	}
	return false
}

// isEmoji reports whether r is a pictograph that ends a sentence as "!"
// would, with or without a space before it ("Fast🚀").
func isEmoji(r rune) bool {
	return r >= 0x1F000 && r < 0x1FB00 || r >= 0x2600 && r < 0x27C0 || r >= 0x2B00 && r < 0x2C00 || r >= 0x2300 && r < 0x2400
}

// decoration returns where a trailing emoji, GitHub :shortcode: or
// emoticon (":)") starts; end when there is none. A shortcode, emoticon
// or symbol needs a space before it, an emoji does not.
func decoration(src []byte, start, end int) int {
	i, emoji := end, false
	for i > start {
		if src[i-1] < utf8.RuneSelf {
			break // the common case, decided without decoding
		}
		r, size := utf8.DecodeLastRune(src[start:i])
		if r < utf8.RuneSelf || !unicode.In(r, unicode.So, unicode.Sk, unicode.Mn, unicode.Cf) {
			break
		}
		emoji = emoji || isEmoji(r)
		i -= size
	}
	if i < end && i > start && (emoji || text.IsSpace(src[i-1])) {
		return i
	}
	b := src[start:end]
	if len(b) > 0 && emoticonEnd(b[len(b)-1]) {
		for _, emo := range []string{":)", ":-)", ";)", ":D", ":P", "^_^"} {
			if bytes.HasSuffix(b, []byte(emo)) && len(b) > len(emo) && text.IsSpace(b[len(b)-len(emo)-1]) {
				return end - len(emo)
			}
		}
	}
	if len(b) > 2 && b[len(b)-1] == ':' {
		j := len(b) - 2
		for j >= 0 && isShortcodeByte(b[j]) {
			j--
		}
		if j > 0 && j < len(b)-2 && b[j] == ':' && text.IsSpace(b[j-1]) {
			return start + j
		}
	}
	return end
}

func isShortcodeByte(c byte) bool {
	return isAlnumByte(c) || c == '_' || c == '+' || c == '-'
}

// emoticonEnd reports whether c ends one of the emoticons decoration
// knows, so that most descriptions skip comparing them all.
func emoticonEnd(c byte) bool { return c == ')' || c == 'D' || c == 'P' || c == '^' }

// MatchOpen returns the offset of the opener matching the closer at
// closeAt, searching back to start; -1 when unmatched.
func MatchOpen(src []byte, start, closeAt int, opener, closer byte) int {
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

// leadingPunct returns how many bytes of punctuation (and the spaces after
// it) start desc: ". With", "- text", "：文本". A dot that starts a word
// (".NET") and an ellipsis ("...and more") are not leading punctuation.
func leadingPunct(desc []byte) int {
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
			if !text.IsSpace(byte(r)) || r >= utf8.RuneSelf {
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
	for j > 0 && text.IsSpace(desc[j-1]) {
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

// trimEndSpace returns end moved back over spaces, not before start.
func trimEndSpace(src []byte, start, end int) int {
	for end > start && text.IsSpace(src[end-1]) {
		end--
	}
	return end
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
