package rules

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// Options of description.
var (
	descRequired    = lint.BoolOption("required", false, "every entry needs a description")
	descPunctuation = lint.EnumOption("final-punctuation", "dominant",
		`terminal punctuation: "dominant", "required", "optional" or "forbidden"`,
		"dominant", "required", "optional", "forbidden")
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
  entry's own name or a whole word of its link text ("gVisor is…"), a
  whole word of the URL's last path segment ("ffmpeg bindings" for
  ".../x/ffmpeg-go"), the name ported ("memcache client" for
  "gomemcache"), a word with inner capitals, digits or punctuation
  ("iOS", "k8s", "e.g."), a word followed by a version ("webpack 4…")
  or by "is"/"are" ("xsv is…"). A word merely inside the name or URL
  ("fast" for "fastrouter") and a hyphenated compound ("flow-based",
  "cross-platform") are not names; nor is a library ("libyaml …") or a
  word that starts with three consonants no English word starts with
  ("sklearn", "npm"), and a credit ("by [Jane Doe](…)") is no sentence.
  Text in a script without case (CJK) and code spans are fine. Lowercase
  starts are reported only where more descriptions start with a capital:
  some lists start theirs in lower case on purpose;
- it ends with terminal punctuation: "." "!" "?" "…", or "。" "！" "？"
  (and "~", a playful ending in Chinese text). A closing ")" or quote
  after it is fine. A description ending with an emoji (with or without
  a space before it: "Fast🚀"), a :shortcode: or an emoticon is fine;
  one ending with a bare URL, or that is nothing but a link (a title),
  is not checked (a period would read as part of it);
- it does not end with doubled punctuation ("changes.。", "done..",
  "more!."); an ellipsis ("...", "…") is not doubling.

Trailing metadata is not part of the sentence: code spans ("` + "`MIT` `Go`" + `"),
badges ("![stars](…)"), groups of links in parentheses, and emphasised
markers ("**[Deprecated]**", "*(See also [x](…))*") wherever they stand;
links, bracketed tags and parentheses ("[Live demo](…)", "[BETA]",
"(deprecated)") after a finished sentence. So "Tool. ` + "`MIT`" + `" and "A Lisp.
**[Deprecated]**" pass.

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
                     carry meaning and stay). Doubled punctuation is
                     reported whatever the setting.

Fixes: strip leading punctuation; remove a separator that has no
description; drop the extra mark of doubled punctuation (keeping "!" or
"?", else the period of the text's script); append a period where the
sentence ends, before trailing metadata, never after it: "。" after a
CJK letter, "." after any other (also "框架 gin." in a Chinese list).
No period is offered where its place is ambiguous: trailing code spans,
or a sentence that ends with a link or tag ("Client for [imgur](…)"
could be followed by metadata). Remove a forbidden final period.
Capitalisation is reported, not fixed.`,
	Bad: `- [Alpha](https://alpha.example): . A first project.
- [Beta](https://beta.example): second project.
- [Gamma](https://gamma.example): Third project`,
	Good: `- [Alpha](https://alpha.example): A first project.
- [Beta](https://beta.example): Second project.
- [Gamma](https://gamma.example): Third project.`,
	Severity: lint.Warning,
	Fixable:  true,
	Options:  []lint.Option{descRequired.Decl(), descPunctuation.Decl()},
	Check:    checkDescription,
}

// sentenceEnd is what checkDescription learns about a description's end.
type sentenceEnd struct {
	e *lint.Entry
	// start and end bound the sentence: the description without leading
	// punctuation, trailing metadata and spaces.
	start, end int
	// last is the offset of the last rune before closing brackets and
	// quotes, and r that rune.
	last int
	r    rune
	// fixable is false when the place of a final "." is ambiguous: code
	// spans trail the sentence, or it ends with a link or a tag that may
	// be metadata.
	fixable bool
}

func checkDescription(p *lint.Pass) {
	doc := p.Doc
	src := doc.Src
	// Only the sentence ends a report may name are kept: those without
	// final punctuation, or with a period when it is forbidden.
	mode := descPunctuation.Get(p)
	keepUnpunctuated := mode == "required" || mode == "dominant"
	keepPeriod := mode == "forbidden"
	var ends []sentenceEnd
	punctuated, sentences := 0, 0
	// Lowercase starts are reported where capitals are the file's
	// convention: some lists (awesome-rust) start most descriptions in
	// lower case.
	var lower []lint.Span
	capitals := 0
	for _, e := range doc.Items {
		if !e.IsEntry() || !e.List.EntryList {
			continue
		}
		if !e.Separator().Valid() {
			if descRequired.Get(p) && !e.Desc().Valid() {
				p.Report(e.Link().Start, e.Link().End, nil, "entry has no description, expected one after the link")
			}
			continue
		}
		if !e.Desc().Valid() {
			if len(e.Children()) == 0 {
				fix := &lint.Fix{
					Message: "remove the separator",
					Edits:   []lint.TextEdit{{Pos: e.Separator().Start, End: e.Separator().End}},
				}
				p.Report(e.Separator().Start, e.Separator().End, fix, "separator %q has no description after it", doc.Text(e.Separator()))
			}
			continue
		}
		if lead := e.LeadPunct(); lead.Valid() {
			edit := lint.TextEdit{Pos: lead.Start, End: lead.End}
			// Punctuation that opens a line of the description: stripped
			// alone, it would leave the line starting with what follows,
			// and a link there reads as an entry of its own. The
			// description joins the separator's line instead, one space
			// after the separator's mark.
			sep := e.Separator()
			if gap := src[sep.End:lead.Start]; bytes.ContainsAny(gap, "\r\n") && len(bytes.TrimLeft(gap, " \t\r\n")) == 0 {
				at := sep.End
				for at > sep.Start && (src[at-1] == ' ' || src[at-1] == '\t') {
					at--
				}
				edit = lint.TextEdit{Pos: at, End: lead.End, NewText: " "}
			}
			fix := &lint.Fix{
				Message: "strip the leading punctuation",
				Edits:   []lint.TextEdit{edit},
			}
			p.Report(lead.Start, lead.End, fix, "description starts with %q, expected a word",
				strings.TrimSpace(doc.Text(lead)))
		}
		if !e.Sentence().Valid() {
			continue
		}
		if start := e.Sentence().Start; !asciiNotLower(src[start:e.Desc().End]) {
			if low, ok := lowercaseStart(p.Doc, e, start); ok {
				lower = append(lower, low)
			}
		} else if c := src[start]; 'A' <= c && c <= 'Z' {
			capitals++
		}
		se, ok := findSentenceEnd(src, e)
		if !ok {
			continue
		}
		sentences++
		if !punctuatedEnd(se) {
			if keepUnpunctuated {
				ends = append(ends, se)
			}
			continue
		}
		punctuated++
		if reportDoubled(p, se) {
			continue
		}
		if keepPeriod && (se.r == '.' || se.r == '。') {
			ends = append(ends, se)
		}
	}
	if capitals > len(lower) {
		for _, w := range lower {
			p.Report(w.Start, w.End, nil, "description starts with lowercase %q, expected a capital letter", doc.Text(w))
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

// lowercaseStart returns the first word of e's description, from
// start, when it is lowercase and not name-like; ok is false otherwise.
// A credit ("by [Jane Doe](…)") is no sentence to capitalise.
func lowercaseStart(doc *lint.Document, e *lint.Entry, start int) (word lint.Span, ok bool) {
	src := doc.Src
	r, _ := utf8.DecodeRune(src[start:e.Desc().End])
	if !unicode.IsLower(r) {
		return word, false
	}
	end := start
	for end < e.Desc().End && !isWordEnd(src[end]) {
		end++
	}
	w := strings.TrimRight(string(src[start:end]), ",.:;!?)'\"")
	rest := bytes.TrimLeft(src[end:e.Desc().End], " ")
	if w == "by" && len(rest) > 0 && rest[0] == '[' || nameLike(doc, e, w, src[end:e.Desc().End]) {
		return word, false
	}
	return lint.Span{Start: start, End: start + len(w)}, true
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
		if i > 0 && (unicode.IsUpper(r) || unicode.IsDigit(r)) || strings.ContainsRune("._/@+#&:", r) {
			return true
		}
		if r >= utf8.RuneSelf && !unicode.IsLetter(r) {
			return true
		}
	}
	key := lint.NameKey([]byte(word))
	// The entry's name or a whole word of it ("gVisor", "the ffmpeg
	// wrapper"), or of its URL's last path segment (".../x/xterm"): a
	// word merely inside them ("fast" in "fastrouter") is not a name. A
	// hyphenated word is a name only as the whole name or segment
	// ("node-fetch"), not as a compound ("flow-based").
	segment := lastSegment(e.Dest())
	if key == "" || key == e.NameKey() || hasToken(doc.Text(e.Name()), key) || hasToken(segment, key) ||
		strings.Contains(word, "-") && key == lint.NameKey([]byte(segment)) {
		return true
	}
	if base, ok := strings.CutPrefix(key, "lib"); ok && len(base) >= 3 && (strings.Contains(e.NameKey(), base) || !isWordAfterLib(base)) {
		return true // "gosamplerate: libsamplerate bindings", "libyaml interface": a C library
	}
	if foreignOnset(key) {
		return true // "sklearn compatible API": no English word starts so
	}
	if len(key) >= 3 && portOf(e.NameKey(), key) {
		return true // "gomemcache: memcache client…": the project ported
	}
	next := bytes.Fields(rest)
	if len(next) == 0 {
		return false
	}
	n := string(next[0])
	if r, _ := utf8.DecodeRuneInString(n); text.IsCJK(r) {
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

// isWordAfterLib reports whether "lib"+rest is an English word
// ("library", "liberal") rather than the name of a C library.
func isWordAfterLib(rest string) bool {
	for _, w := range []string{"rar", "erat", "ert", "el", "re", "ido"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// foreignOnset reports whether a lowercase word starts with three
// consonants that begin no English word ("sklearn", "npm", "mkdocs"),
// so that it is a name, an abbreviation or a command.
func foreignOnset(word string) bool {
	if len(word) < 3 {
		return false
	}
	for _, c := range []byte(word[:3]) {
		if c < 'a' || c > 'z' || strings.IndexByte("aeiouy", c) >= 0 {
			return false
		}
	}
	switch word[:3] {
	case "str", "spr", "spl", "scr", "squ", "thr", "chr", "sch", "shr", "phr", "sph":
		return false
	}
	return true
}

// hasToken reports whether a run of ASCII letters and digits of s equals
// the lowercase word, ignoring case.
func hasToken(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if i > 0 && isAlnum(s[i-1]) || !strings.EqualFold(s[i:i+len(word)], word) {
			continue
		}
		if j := i + len(word); j == len(s) || !isAlnum(s[j]) {
			return true
		}
	}
	return false
}

// portOf reports whether name is word with a language's prefix or suffix:
// "gomemcache", "memcache-rs" (as name keys).
func portOf(name, word string) bool {
	for _, lang := range [...]string{"go", "py", "js", "rs", "rb", "ex", "node", "php", "lib"} {
		if len(name) == len(lang)+len(word) && (name[len(lang):] == word && name[:len(lang)] == lang ||
			name[:len(word)] == word && name[len(word):] == lang) {
			return true
		}
	}
	return false
}

// lastSegment returns the last non-empty path segment of a URL
// ("https://github.com/x/xterm/" gives "xterm"), or its host without
// the top-level domain when it has no path ("https://ffmpeg.org" gives
// "ffmpeg").
func lastSegment(dest string) string {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	_, rest, ok := strings.Cut(dest, "://")
	if !ok {
		rest = dest
	}
	host, path, _ := strings.Cut(rest, "/")
	if path = strings.TrimRight(path, "/"); path != "" {
		return path[strings.LastIndexByte(path, '/')+1:]
	}
	if i := strings.LastIndexByte(host, '.'); i >= 0 {
		host = host[:i]
	}
	return strings.TrimPrefix(host, "www.")
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// findSentenceEnd finds where the sentence of e ends; ok is false when
// it is not checked: it ends with an emoji, or with a bare URL.
func findSentenceEnd(src []byte, e *lint.Entry) (se sentenceEnd, ok bool) {
	if e.SentenceMarkup() == lint.MarkupEmoji {
		// "Taking conversations to the moon 🚀": a final emoji or
		// emoticon ends the sentence as "!" would.
		return se, false
	}
	if e.SentenceMarkup()&lint.MarkupWhole != 0 {
		// "[Part II: Conclusion](…)": a title, not a sentence.
		return se, false
	}
	start, end := e.Sentence().Start, e.Sentence().End
	if endsWithURL(src[start:end]) || linksAfterSentence(src[start:end]) {
		// "Try it live: https://…": a final period would read as part
		// of the URL. "… framework. [Part 1](…), [Part 2](…)": links
		// after a finished sentence are pointers, not its end.
		return se, false
	}
	if endsWithHashtag(src[start:end]) || isShortcode(src[start:end]) || mostlySymbols(src[start:end]) {
		// "… Event Sourcing #NoFrameworks", ":yen:": a hashtag ends the
		// text as an emoji would; a lone shortcode is a marker, and text
		// mostly of symbols (emoticons, "(=ↀωↀ=)✧") no sentence.
		return se, false
	}
	se = sentenceEnd{
		e: e, start: start, end: end,
		fixable: e.Trailing()&lint.MarkupCode == 0 &&
			e.SentenceMarkup()&(lint.MarkupCode|lint.MarkupImage|lint.MarkupLink|lint.MarkupTag) == 0,
	}
	i := end
	for i > start {
		r, size := rune(src[i-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRune(src[start:i])
		}
		if !lint.IsCloser(r) {
			se.last, se.r = i-size, r
			return se, true
		}
		i -= size
	}
	return se, false
}

// punctuatedEnd reports whether a sentence ends with terminal
// punctuation, or with a colon before the entry's nested list.
func punctuatedEnd(se sentenceEnd) bool {
	return lint.IsTerminal(se.r) || se.r == ':' && len(se.e.Children()) > 0
}

// reportDoubled reports a sentence that ends with doubled punctuation
// ("changes.。", "done..", "fast!."): one mark is kept, the one that
// carries meaning ("!", "?") or else the period of the text's script. An
// ellipsis ("...", "…") before a mark is not doubling.
func reportDoubled(p *lint.Pass, se sentenceEnd) bool {
	src := p.Doc.Src
	if se.last == se.start {
		return false
	}
	if c := src[se.last-1]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
		return false // nearly every sentence: "… work.", decided without decoding
	}
	end := se.last + utf8.RuneLen(se.r)
	runStart, marks, periods := end, 0, 0
	for runStart > se.start {
		r, size := utf8.DecodeLastRune(src[se.start:runStart])
		if !isDoublable(r) {
			break
		}
		runStart -= size
		marks++
		if r == '.' || r == '。' {
			periods++
		}
	}
	from := runStart
	if n := dots(src[from:end]); n >= 3 {
		from += n // "more...." is an ellipsis and a period
		marks -= n
		periods -= n
	}
	if marks < 2 || periods == 0 {
		return false
	}
	var keep strings.Builder
	for _, r := range string(src[from:end]) {
		if r != '.' && r != '。' {
			keep.WriteRune(r)
		}
	}
	if keep.Len() == 0 {
		keep.WriteString(periodFor(src[se.start:from]))
	}
	got := string(src[from:end])
	fix := &lint.Fix{
		Message: "drop the extra punctuation",
		Edits:   []lint.TextEdit{{Pos: from, End: end, NewText: keep.String()}},
	}
	p.Report(from, end, fix, "description ends with doubled punctuation %q, expected %q", got, keep.String())
	return true
}

// isDoublable reports whether r is a mark that doubled punctuation is
// made of: "~" and "…" are left alone.
func isDoublable(r rune) bool {
	switch r {
	case '.', '。', '!', '?', '！', '？':
		return true
	}
	return false
}

// dots counts the ASCII periods that start b.
func dots(b []byte) int {
	n := 0
	for n < len(b) && b[n] == '.' {
		n++
	}
	return n
}

// periodFor is the period that ends text: "。" after a CJK letter, "."
// otherwise, also in a Chinese list ("基于 Go 的 Web 框架 gin."), as
// Chinese lists write it.
func periodFor(text []byte) string {
	if lastLetterCJK(text) {
		return "。"
	}
	return "."
}

// reportUnpunctuated reports the sentence ends of ends, which have no
// final punctuation.
func reportUnpunctuated(p *lint.Pass, ends []sentenceEnd) {
	src := p.Doc.Src
	for _, se := range ends {
		mark := periodFor(src[se.start:se.end])
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
		before := string(src[se.e.Desc().Start:se.last])
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

// linksAfterSentence reports whether b ends with inline links,
// separated by commas or spaces, after terminal punctuation.
func linksAfterSentence(b []byte) bool {
	links := 0
	for {
		b = bytes.TrimRight(b, " ,")
		open := linkStart(b)
		if open < 0 {
			break
		}
		b = b[:open]
		links++
	}
	if links == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(bytes.TrimRight(b, " "))
	return lint.IsTerminal(r)
}

// linkStart returns where the inline link "[text](dest)" that ends b
// starts, or -1.
func linkStart(b []byte) int {
	if len(b) == 0 || b[len(b)-1] != ')' {
		return -1
	}
	open := lint.MatchOpen(b, 0, len(b)-1, '(', ')')
	if open < 1 || b[open-1] != ']' {
		return -1
	}
	return lint.MatchOpen(b, 0, open-1, '[', ']')
}

// endsWithHashtag reports whether b ends with a "#Word" hashtag after a
// space.
func endsWithHashtag(b []byte) bool {
	i := len(b)
	for i > 0 && (isAlnum(b[i-1]) || b[i-1] == '_' || b[i-1] == '-') {
		i--
	}
	return i < len(b) && i >= 2 && b[i-1] == '#' && text.IsSpace(b[i-2])
}

// mostlySymbols reports whether fewer than half of the characters of b
// other than spaces are letters or digits. ASCII text, nearly every
// description, is decided by its first bytes.
func mostlySymbols(b []byte) bool {
	letters, others := 0, 0
	for len(b) > 0 {
		// Decoded in place: ranging over string(b) copied every
		// description, most of this rule's memory.
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		switch {
		case r == ' ':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			letters++
		default:
			others++
		}
		if letters > 8 {
			return false
		}
	}
	return letters < others
}

// isShortcode reports whether b is one GitHub emoji shortcode (":yen:").
func isShortcode(b []byte) bool {
	if len(b) < 3 || b[0] != ':' || b[len(b)-1] != ':' {
		return false
	}
	for _, c := range b[1 : len(b)-1] {
		if !isAlnum(c) && c != '_' && c != '+' && c != '-' {
			return false
		}
	}
	return true
}

// endsWithURL reports whether b ends with a bare http(s) URL.
func endsWithURL(b []byte) bool {
	i := len(b)
	for i > 0 {
		// One compare for the printable bytes; the others are looked at
		// one by one.
		if c := b[i-1]; c-'!' > '~'-'!' && (text.IsSpace(c) || c >= utf8.RuneSelf) {
			break
		}
		i--
	}
	w := b[i:]
	return len(w) > 0 && w[0] == 'h' && (bytes.HasPrefix(w, []byte("http://")) || bytes.HasPrefix(w, []byte("https://")))
}

// lastLetterCJK reports whether the last letter of b is CJK. Link
// destinations are not text, and bracketed text ("[MIT]", a link's
// text) counts only when no letter stands outside brackets.
func lastLetterCJK(b []byte) bool {
	outside, inside, depth := rune(0), rune(0), 0
	for i := 0; i < len(b); {
		switch b[i] {
		case '[':
			depth++
		case ']':
			depth = max(depth-1, 0)
			if i+1 < len(b) && b[i+1] == '(' {
				if c := text.MatchForward(b, i+1, '(', ')'); c > 0 {
					i = c + 1
					continue
				}
			}
		}
		r, size := utf8.DecodeRune(b[i:])
		i += size
		if !text.IsCJK(r) && !unicode.IsLetter(r) {
			continue
		}
		if depth > 0 {
			inside = r
		} else {
			outside = r
		}
	}
	if outside == 0 {
		return text.IsCJK(inside)
	}
	return text.IsCJK(outside)
}
