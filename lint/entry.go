package lint

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/listlint/listlint/internal/text"
)

// entry fills the link, name, year, tag, separator and description spans
// of an item whose first inline is link.
func (b *builder) entry(e *Entry, link *ast.Link) {
	src := b.doc.Src
	open := b.base + link.Pos()
	contentEnd := e.Content().End
	closeBr := matchBracket(src, open, contentEnd)
	if closeBr < 0 {
		return
	}
	e.flags |= flagIsEntry
	b.set(e, partText, Span{open + 1, closeBr})
	end := closeBr + 1
	switch {
	case link.Reference != nil:
		e.flags |= flagReference
		if end < contentEnd && src[end] == '[' {
			if c := matchBracket(src, end, contentEnd); c >= 0 {
				end = c + 1
			}
		}
	case end < contentEnd && src[end] == '(':
		if url, after, ok := plainDest(src, end+1, contentEnd, link.Destination); ok {
			end = after
			b.set(e, partURL, url)
		} else if url, after, ok := scanInlineDest(src, end+1, contentEnd); ok {
			end = after
			// Only a destination spelled exactly as goldmark read it may
			// be edited; escapes and entities make them differ.
			if bytes.Equal(src[url.Start:url.End], link.Destination) &&
				(!escaped(link.Destination) || destValue(link.Destination) == b.str[url.Start:url.End]) {
				b.set(e, partURL, url)
			}
		}
	}
	if !e.URL().Valid() {
		if dest := destValue(link.Destination); dest != "" {
			b.rare(e).dest = dest
		}
	}
	b.set(e, partLink, Span{open, end})
	b.linkText(e)
	b.tail(e)
	// Tags inside the name (one followed by a badge is not at the end of
	// the link text) are not part of it.
	name := e.Name()
	from := name.Start
	keyStart := len(b.keys)
	for _, t := range e.Tags() {
		if t.Start >= from && t.End <= name.End {
			b.keys = appendNameKey(b.keys, src[from:t.Start])
			from = t.End
		}
	}
	b.keys = appendNameKey(b.keys, src[from:name.End])
	e.key = keyRange{uint32(keyStart), uint32(len(b.keys) - keyStart)}
	// Most URL keys are part of the source (the destination without its
	// scheme): they take a part's room instead of a string.
	if k := URLKey(e.Dest()); k != "" {
		if off, ok := offsetIn(b.str, k); ok {
			b.set(e, partURLKey, Span{off, off + len(k)})
		} else {
			b.rare(e).urlKey = k
		}
	}
}

// offsetIn returns where s starts in within when s is a substring of it
// (shares its memory), as the substrings of Src that keys often are.
func offsetIn(within, s string) (int, bool) {
	if len(s) == 0 || len(s) > len(within) {
		return 0, false
	}
	off := uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(unsafe.StringData(within)))
	if off > uintptr(len(within)-len(s)) {
		return 0, false
	}
	return int(off), true
}

// flushKeys makes the name keys of the entries built so far one string,
// which the lists built hold and their entries' NameKey slices.
func (b *builder) flushKeys() {
	keys := string(b.keys)
	for _, l := range b.doc.Lists[b.lists:] {
		l.keys = keys
	}
	b.keys = nil
}

// linkText splits the link text into year prefix, name and tags.
func (b *builder) linkText(e *Entry) {
	src := b.doc.Src
	t := trimSpan(src, e.Text())
	// Tags: every #Word# (no spaces, no '#' inside). They go to a slab
	// shared by the document's entries: one allocation for many tags.
	first := len(b.tags)
	for i := t.Start; i < t.End; i++ {
		k := bytes.IndexByte(src[i:t.End], '#')
		if k < 0 {
			break
		}
		i += k
		j := i + 1
		for j < t.End && isTagByte(src[j]) {
			j++
		}
		if j < t.End && src[j] == '#' && j > i+1 {
			b.tags = append(b.tags, Span{i, j + 1})
			i = j
		}
	}
	if n := len(b.tags); n > first {
		// Growing the slab later leaves these in the old array, intact.
		r := b.rare(e)
		r.tags = b.tags[first:n:n]
		r.wordTags = wordTags(src, r.tags)
	}
	// The name is what the tags at either end leave: "Nomad #Project#
	// #Tool#" is named "Nomad".
	name := t
	tags := e.Tags()
	for k := len(tags) - 1; k >= 0 && tags[k].End == name.End; k-- {
		name = trimSpan(src, Span{name.Start, tags[k].Start})
	}
	for k := 0; k < len(tags) && tags[k].Start == name.Start && tags[k].End <= name.End; k++ {
		name = trimSpan(src, Span{tags[k].End, name.End})
	}
	if y, sep, ok := yearPrefix(src, name, b.year); ok {
		r := b.rare(e)
		r.year = pack(Span{name.Start, name.Start + 4})
		r.yearSep = pack(sep)
		r.yearValue = int32(y)
		name.Start = sep.End
	}
	b.set(e, partName, name)
}

// isTagByte reports whether c may stand inside a #Word# tag: letters
// (any UTF-8 byte of a non-ASCII letter), digits, "-" and "_". "C#/F#" or
// "C# and F#" hold no tag.
func isTagByte(c byte) bool {
	return c >= 0x80 || c == '-' || c == '_' ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// wordTags keeps the tags whose inside is a word of letters. Until the
// first that is not, spans itself is the answer, without allocating.
func wordTags(src []byte, spans []Span) []Span {
	var out []Span
	for i, s := range spans {
		if isWordTag(src[s.Start+1 : s.End-1]) {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if out == nil {
			out = append(make([]Span, 0, len(spans)), spans[:i]...)
		}
	}
	if out == nil {
		return spans
	}
	return out
}

func isWordTag(b []byte) bool {
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c|0x20 < 'a' || c|0x20 > 'z' {
			return false
		}
	}
	if ascii {
		return true
	}
	for _, r := range string(b) {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// yearPrefix recognises "2019-Name" and its variants ("2019~Name",
// "2019 Name", "2019- Name", "2019 - Name", "2019:Name") at the start of
// name. A canonical "-" or "~" marks any four-digit year; the looser
// variants only count for plausible years, up to the one after thisYear,
// so "2048 Game" stays a name.
func yearPrefix(src []byte, name Span, thisYear int) (year int, sep Span, ok bool) {
	i := name.Start
	if name.End-i < 6 {
		return 0, sep, false
	}
	for k := 0; k < 4; k++ {
		c := src[i+k]
		if c < '0' || c > '9' {
			return 0, sep, false
		}
		year = year*10 + int(c-'0')
	}
	j := i + 4
	for j < name.End && (src[j] == ' ' || src[j] == '-' || src[j] == '~' || src[j] == ':' || src[j] == '_') {
		j++
	}
	if j == i+4 || j >= name.End {
		return 0, sep, false
	}
	sep = Span{i + 4, j}
	canonical := j == i+5 && (src[i+4] == '-' || src[i+4] == '~')
	if !canonical && (year < 1970 || year > thisYear+1) {
		return 0, sep, false
	}
	// "2015 年 Quora …" reads "the year 2015": the number belongs to the
	// title, it is not a prefix.
	if !canonical && bytes.HasPrefix(src[j:name.End], []byte("年")) {
		return 0, sep, false
	}
	return year, sep, true
}

// tail finds the separator and description after the link.
func (b *builder) tail(e *Entry) {
	src := b.doc.Src
	i, end := e.Link().End, e.Content().End
	if i >= end {
		return
	}
	if c := src[i]; c == '.' || c == ')' || c == ']' {
		b.rare(e).stray = pack(strayRun(src, i, max(i, trimComments(src, Span{i, end}).End)))
	}
	j := skipBlanks(src, i, end)
	k := markedSeparatorEnd(src, j, end, j > i)
	if j == i && src[j] == ':' && urlRest(src[j+1:end]) {
		// "[host](…):8080", "[talk](…):10:30": the colon continues the
		// link's text, it separates nothing.
		k = j
	}
	if k == j {
		// Marks between the link and the separator, code spans and emoji
		// shortcodes, flag the entry ("[Name](url) `⚠` - ...", "[Name](url)
		// :zap: - ..."): the separator follows them.
		m := j
		for {
			n := markEnd(src, m, end)
			if n == m {
				break
			}
			m = skipBlanks(src, n, end)
			if sep := markedSeparatorEnd(src, m, end, m > n); sep > m {
				i, j, k = n, m, sep
				break
			}
		}
	}
	if k == j {
		// No separator: whatever follows the link is the description.
		if d := trimComments(src, Span{i, end}); d.End > d.Start {
			b.set(e, partDesc, d)
			b.sentence(e)
		}
		return
	}
	k = skipBlanks(src, k, end)
	b.set(e, partSeparator, Span{i, k})
	if d := trimComments(src, Span{k, end}); d.End > d.Start {
		b.set(e, partDesc, d)
		b.sentence(e)
	}
}

// strayRun returns the span of the characters glued to a link's end at i
// that belong to nothing: closing brackets and parentheses left over from
// an edit ("[x](u))", "[x](u)]"), and a period with nothing after it or
// before a separator ("[x](u).", "[x](u).: …"). A period before a
// description ("[x](u). Text") stands as its separator, an ellipsis
// leads text, and a run glued to more text is not plainly stray: those
// give NoSpan.
func strayRun(src []byte, i, end int) Span {
	j := i
	for j < end && (src[j] == ')' || src[j] == ']') {
		j++
	}
	brackets := j > i
	if j < end && src[j] == '.' {
		if j+1 < end && src[j+1] == '.' {
			return NoSpan // an ellipsis
		}
		j++
	}
	switch k := skipBlanks(src, j, end); {
	case k == end:
	case separatorEnd(src, k, end) > k:
	case brackets && k > j:
		// "[x](u)) text": the text is a description.
	default:
		return NoSpan
	}
	return Span{i, j}
}

// urlRest reports whether b, after a colon, continues a URL or a time
// rather than starting a description: "//…", a port ("8080",
// "8080/path") or the minutes of a time ("10:30").
func urlRest(b []byte) bool {
	if len(b) >= 2 && b[0] == '/' && b[1] == '/' {
		return true
	}
	i := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	// "300 pages" after a colon is a description: only the end, a path
	// or more of a time may follow the digits.
	return i == len(b) || b[i] == '/' || b[i] == ':' && i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '9'
}

// markedSeparatorEnd is separatorEnd, except that the colon of an emoji
// shortcode after a blank starts a mark, not a separator.
func markedSeparatorEnd(src []byte, j, end int, blank bool) int {
	if blank && shortcodeEnd(src, j, end) > j {
		return j
	}
	return separatorEnd(src, j, end)
}

// markEnd returns the offset after the code span or emoji shortcode at m,
// or m when none starts there.
func markEnd(src []byte, m, end int) int {
	if m < end && src[m] == '`' {
		n := runLen(src, m, end, '`')
		if c := closingTicks(src, m+n, end, n); c >= 0 {
			return c + n
		}
		return m
	}
	return shortcodeEnd(src, m, end)
}

// shortcodeEnd returns the offset after a GitHub emoji shortcode (":zap:",
// ":+1:") at j followed by a blank or the end, or j when none stands
// there.
func shortcodeEnd(src []byte, j, end int) int {
	if j >= end || src[j] != ':' {
		return j
	}
	k := j + 1
	for k < end && k-j <= 40 {
		c := src[k]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_', c == '+', c == '-':
			k++
			continue
		case c == ':' && k > j+1 && (k+1 == end || src[k+1] == ' ' || src[k+1] == '\t'):
			return k + 1
		}
		break
	}
	return j
}

// skipBlanks returns the offset of the first byte from i on that is not a
// space or a tab, or end.
func skipBlanks(src []byte, i, end int) int {
	for i < end && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// separatorEnd returns the offset after the separator at j (":", "-", a
// full-width colon, an en or em dash, or an arrow: "->", "-->", "=>",
// "==>", "→", "—>", "- >" and the like, taken whole), or j when none
// stands there.
func separatorEnd(src []byte, j, end int) int {
	if j >= end {
		return j
	}
	switch c := src[j]; c {
	case ':':
		return j + 1
	case '-', '=':
		k := j + 1
		if k+1 < end && src[k] == c && src[k+1] == '>' {
			return k + 2 // "-->", "==>"
		}
		if k < end && src[k] == '>' {
			return k + 1 // "->", "=>"
		}
		if c == '-' {
			if k+2 < end && src[k] == ' ' && src[k+1] == '>' && (src[k+2] == ' ' || src[k+2] == '\t') {
				return k + 2 // "- >", an arrow an older fix broke
			}
			return k
		}
		return j
	}
	if src[j] < utf8.RuneSelf {
		return j
	}
	r, size := utf8.DecodeRune(src[j:end])
	switch r {
	case '：':
		return j + size
	case '–', '—':
		if j+size < end && src[j+size] == '>' {
			return j + size + 1 // "—>"
		}
		return j + size
	case '→', '⇒', '⟶', '➔', '➜':
		return j + size
	}
	return j
}

// trimComments trims s and drops HTML comments at its end, such as an
// inline suppression: they are not part of the description.
func trimComments(src []byte, s Span) Span {
	s = trimSpan(src, s)
	for bytes.HasSuffix(src[s.Start:s.End], []byte("-->")) {
		i := bytes.LastIndex(src[s.Start:s.End], []byte("<!--"))
		if i < 0 {
			break
		}
		s = trimSpan(src, Span{s.Start, s.Start + i})
	}
	return s
}

// matchBracket returns the offset of the "]" that closes the "[" at open,
// honouring nesting, backslash escapes and code spans; -1 if none before
// limit.
func matchBracket(src []byte, open, limit int) int {
	if open < limit && src[open] == '[' {
		// The common "[text]": the first "[", "]", "\\" or "`" after the
		// "[" is the "]". Eight bytes at a time: a byte of x^ones*c is
		// zero where x holds c, below 2 where it holds c or c+1 ("]"
		// follows "\\"), and the lowest flagged byte is the first hit.
		i := open + 1
		for ; i+8 <= limit; i += 8 {
			x := binary.LittleEndian.Uint64(src[i:])
			o, e, t := x^(ones*'['), x^(ones*'\\'), x^(ones*'`')
			if m := ((o-ones)&^o | (e-ones*2)&^e | (t-ones)&^t) & highs; m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
		}
		for i < limit && src[i] != '[' && src[i] != ']' && src[i] != '\\' && src[i] != '`' {
			i++
		}
		if i < limit && src[i] == ']' {
			return i
		}
	}
	return scanBracket(src, open, limit)
}

// scanBracket is matchBracket byte by byte: nesting, escapes and code
// spans.
func scanBracket(src []byte, open, limit int) int {
	depth := 0
	for i := open; i < limit; i++ {
		switch src[i] {
		case '\\':
			i++
		case '`':
			n := runLen(src, i, limit, '`')
			if c := closingTicks(src, i+n, limit, n); c >= 0 {
				i = c + n - 1
			} else {
				i += n - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func runLen(src []byte, i, limit int, c byte) int {
	n := 0
	for i+n < limit && src[i+n] == c {
		n++
	}
	return n
}

// closingTicks finds a run of exactly n backticks at or after i.
func closingTicks(src []byte, i, limit, n int) int {
	for i < limit {
		if src[i] != '`' {
			i++
			continue
		}
		m := runLen(src, i, limit, '`')
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

// scanInlineDest reads "dest title)" of an inline link starting after
// "(". It returns the destination's span and the offset after ")".
func scanInlineDest(src []byte, i, limit int) (dest Span, after int, ok bool) {
	i = skipLinkSpace(src, i, limit)
	if i < limit && src[i] == '<' {
		j := i + 1
		for j < limit && src[j] != '>' && src[j] != '\n' {
			if src[j] == '\\' {
				j++
			}
			j++
		}
		if j >= limit || src[j] != '>' {
			return dest, 0, false
		}
		dest = Span{i + 1, j}
		i = j + 1
	} else {
		j, depth := i, 0
	scan:
		for ; j < limit; j++ {
			switch c := src[j]; {
			case c == '\\':
				j++
			case c == '(':
				depth++
			case c == ')':
				if depth == 0 {
					break scan
				}
				depth--
			case c <= ' ':
				break scan
			}
		}
		if j > limit {
			j = limit
		}
		dest = Span{i, j}
		i = j
	}
	i = skipLinkSpace(src, i, limit)
	if i < limit && (src[i] == '"' || src[i] == '\'' || src[i] == '(') {
		closer := src[i]
		if closer == '(' {
			closer = ')'
		}
		j := i + 1
		for j < limit && src[j] != closer {
			if src[j] == '\\' {
				j++
			}
			j++
		}
		if j >= limit {
			return dest, 0, false
		}
		i = skipLinkSpace(src, j+1, limit)
	}
	if i < limit && src[i] == ')' {
		return dest, i + 1, true
	}
	return dest, 0, false
}

// plainDest is scanInlineDest's fast path for the common "(dest)" where
// dest is goldmark's destination as spelled: it finds dest right after "("
// with one comparison instead of a scan. It answers only when the scan
// would read the same span and ")" and dest's value is its spelling: no
// "<", parenthesis, space, control byte, escape or character reference in
// dest, and ")" right after it. Otherwise ok is false: ask the scan.
func plainDest(src []byte, i, limit int, dest []byte) (url Span, after int, ok bool) {
	i = skipLinkSpace(src, i, limit)
	j := i + len(dest)
	if len(dest) == 0 || j >= limit || src[j] != ')' || dest[0] == '<' ||
		!bytes.Equal(src[i:j], dest) || !text.PlainDest(dest) {
		return url, 0, false
	}
	return Span{i, j}, j + 1, true
}

// The word-at-a-time constants of the model's own scans (the URL key,
// the link-text scan); see text.Ones.
const (
	ones  = text.Ones
	highs = text.Highs
)

func skipLinkSpace(src []byte, i, limit int) int {
	for i < limit && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

// NameKey normalises a name for duplicate detection: letters and digits
// only, case-folded. Images ("![stars](https://img.shields.io/...)", badges
// in link text) do not count: their alt text and URL are not the name.
func NameKey(name []byte) string {
	return string(appendNameKey(make([]byte, 0, len(name)), name))
}

func appendNameKey(dst, name []byte) []byte {
	for i := 0; i < len(name); i++ {
		k := nameKeyByte[name[i]]
		if k > nameKeyMore {
			dst = append(dst, k)
			continue
		}
		if k == 0 {
			continue
		}
		if name[i] == '!' {
			if i+1 < len(name) && name[i+1] == '[' {
				if end := skipImage(name, i+1); end > 0 {
					i = end - 1
				}
			}
			continue
		}
		r, size := utf8.DecodeRune(name[i:])
		i += size - 1
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// nameKeyByte maps a byte of a name to its part of the NameKey: an ASCII
// letter or digit to its lowercase form, other ASCII to 0 (dropped), and
// "!" (an image may follow) and the bytes of non-ASCII runes to
// nameKeyMore, which needs a closer look. It is never written to.
var nameKeyByte = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '!' || c >= utf8.RuneSelf:
			t[c] = nameKeyMore
		}
	}
	return t
}()

const nameKeyMore = 1

// skipImage returns the offset after the "[alt](dest)" of an image whose
// "[" is at open, or -1 when it is not one.
func skipImage(s []byte, open int) int {
	c := matchBracket(s, open, len(s))
	if c < 0 || c+1 >= len(s) || s[c+1] != '(' {
		return -1
	}
	depth := 0
	for i := c + 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// escaped reports whether a destination holds a backslash escape or a
// character reference, whose value differs from its spelling.
func escaped(dest []byte) bool {
	return bytes.IndexByte(dest, '\\') >= 0 || bytes.IndexByte(dest, '&') >= 0
}

// destValue is a destination's value: goldmark keeps it as spelled, a
// renderer resolves backslash escapes and character references.
func destValue(dest []byte) string {
	if !escaped(dest) {
		return string(dest)
	}
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest))))
}
