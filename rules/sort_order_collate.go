package rules

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/listlint/listlint/internal/text"
)

// collation compares entry names as a reader does, with the Unicode
// collation algorithm of a locale (golang.org/x/text/collate): letters
// without case, accents or width, numbers by value. Punctuation, spaces
// and symbols only separate words: a run of them between two letters or
// digits counts as one word break, which sorts before any letter or
// digit, and at either end they do not count. So "RSS-Bridge" sorts
// before "RSS Monster" (as "RSS Bridge"), and "go-mode" before "gocode",
// as lists kept in byte order have them; ignoring punctuation altogether
// would put "gocode" first and call awesome-go unsorted. (x/text's
// "shifted" setting, which would ignore punctuation itself, is not
// implemented: its Compare skips the primary level and its keys lose
// numeric order.)
//
// Numbers (ASCII digits) compare by value: fold writes each as its
// length in two digits, then its digits without leading zeros, which the
// collator orders digit by digit. collate.Numeric would do it, but sorts
// a zero after every other number ("k0s" after "k3d"), as its key drops
// the zero length.
//
// A collation is not safe for concurrent use: each Pass builds its own.
type collation struct {
	tag language.Tag
	// root is true for the root locale, whose order of ASCII letters and
	// numbers compareASCII reproduces without the collator.
	root bool
	// c, keys and cmp are made on first use: clean ASCII lists need none.
	c *collate.Collator
	// keys backs the keys of a run; cmp those of one comparison.
	keys, cmp *collate.Buffer
	folded    []byte // scratch for fold
}

// newCollation returns the collation of locale, a BCP 47 tag or "root";
// an unknown tag falls back to the root locale.
func newCollation(locale string) *collation {
	tag := language.Und
	if locale != "" && locale != "root" {
		if t, err := language.Parse(locale); err == nil {
			tag = t
		}
	}
	return &collation{tag: tag, root: tag == language.Und}
}

func (c *collation) collator() *collate.Collator {
	if c.c == nil {
		c.c = collate.New(c.tag, collate.Loose)
		c.keys, c.cmp = new(collate.Buffer), new(collate.Buffer)
	}
	return c.c
}

// key returns the sort key of name in buf, valid until buf is reset.
func (c *collation) key(buf *collate.Buffer, name []byte) []byte {
	c.folded = fold(c.folded[:0], name)
	return c.collator().Key(buf, c.folded)
}

// compare orders two names as bytes.Compare orders their keys.
func (c *collation) compare(a, b []byte) int {
	if c.root && text.IsASCII(a) && text.IsASCII(b) {
		if r, ok := compareASCII(a, b); ok {
			return r
		}
	}
	c.collator()
	c.cmp.Reset()
	return bytes.Compare(c.key(c.cmp, a), c.key(c.cmp, b))
}

// maxNumberLen is the longest number whose length fold writes: longer
// ones count as this long, and compare digit by digit.
const maxNumberLen = 99

// before reports whether name a belongs before name b: compare says
// so, and unless both are ASCII names whose order flips when word breaks
// rank by their first byte (a space, then "-", ".", "_"), as in lists
// kept in byte order ("Go plugin" before "go-mode", "go-web" before
// "go_json"): where the two orders disagree, either is accepted. Only a
// pair out of order (rare) takes the second look.
//
// In the root locale two more orders are accepted, as readers would not
// tell: a name that starts with a symbol where byte order puts it
// ("#elixir-lang" before "Elixir Forum"), and two names that first
// differ in letters beyond ASCII ("µStreamer" and "üWave", or two CJK
// names, whose code point order means nothing to a reader) in either
// order. "Łódź" after "Zig" is still reported.
func (c *collation) before(a, b []byte) bool {
	if c.compare(a, b) >= 0 {
		return false
	}
	if c.root && text.IsASCII(a) && text.IsASCII(b) {
		if alt, ok := compareASCIIBy(a, b, true); ok && alt >= 0 {
			return false
		}
	}
	if !c.root {
		return true
	}
	if (symbolFirst(a) || symbolFirst(b)) && foldCompare(a, b) >= 0 {
		// "#elixir-lang" first, as byte order puts it.
		return false
	}
	return !beyondASCII(a, b)
}

// symbolFirst reports whether name starts with an ASCII symbol ("#",
// "@", "."), which collation skips and byte order puts first.
func symbolFirst(name []byte) bool {
	return len(name) > 0 && name[0] < utf8.RuneSelf && name[0] > ' ' && !isAlnumByte(name[0])
}

// foldCompare compares two names byte by byte, ASCII letters without
// case.
func foldCompare(a, b []byte) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if x, y := lowerByte(a[i]), lowerByte(b[i]); x != y {
			return cmp.Compare(x, y)
		}
	}
	return cmp.Compare(len(a), len(b))
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// extends reports whether name long is name short followed by more
// words, as folded for collation.
func (c *collation) extends(long, short []byte) bool {
	c.folded = fold(c.folded[:0], short)
	n := len(c.folded)
	c.folded = fold(c.folded, long)
	s, l := c.folded[:n], c.folded[n:]
	return len(l) > len(s) && l[len(s)] == ' ' && bytes.EqualFold(l[:len(s)], s)
}

// beyondASCII reports whether names a and b, without case, first differ
// in two characters beyond ASCII.
func beyondASCII(a, b []byte) bool {
	for len(a) > 0 && len(b) > 0 {
		ra, sa := utf8.DecodeRune(a)
		rb, sb := utf8.DecodeRune(b)
		if unicode.ToLower(ra) != unicode.ToLower(rb) {
			return ra >= utf8.RuneSelf && rb >= utf8.RuneSelf
		}
		a, b = a[sa:], b[sb:]
	}
	return false
}

// fold appends to dst what of name is collated: letters, marks and
// numbers, with one space where other text stands between them.
func fold(dst, name []byte) []byte {
	gap := false // text was dropped since the last rune kept
	for i := 0; i < len(name); {
		c := name[i]
		size := 1
		keep := isAlnumByte(c)
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRune(name[i:])
			keep = unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
		}
		if !keep {
			gap = true
			i += size
			continue
		}
		if gap && len(dst) > 0 {
			dst = append(dst, ' ')
		}
		gap = false
		if !isDigitByte(c) {
			dst = append(dst, name[i:i+size]...)
			i += size
			continue
		}
		for i < len(name) && name[i] == '0' {
			i++
		}
		j := i
		for j < len(name) && isDigitByte(name[j]) {
			j++
		}
		n := min(j-i, maxNumberLen)
		dst = append(dst, byte('0'+n/10), byte('0'+n%10))
		dst = append(dst, name[i:j]...)
		i = j
	}
	return dst
}

// compareASCII is compare for two ASCII names in the root locale, without
// the collator: what fold keeps of them, unit by unit. Letters compare
// without case; a number (leading zeros dropped) by its length, then its
// digits; a word break, a number and a letter rank in that order, as
// their primary weights do in the root collation. It gives up (ok false)
// on two numbers longer than maxNumberLen. TestCompareNamesGenerated and
// TestCompareNamesReal hold it to the collator.
func compareASCII(a, b []byte) (c int, ok bool) { return compareASCIIBy(a, b, false) }

// compareASCIIBy is compareASCII; with bySeparator, word breaks compare
// by the first byte of the text they stand for.
func compareASCIIBy(a, b []byte, bySeparator bool) (c int, ok bool) {
	// The bytes both names share yield the same units, except a number
	// they end in, which may go on differently: start there, in the state
	// the shared bytes leave (a unit came before; text was dropped since).
	p := commonPrefix(a, b)
	if p < len(a) && p < len(b) && isLetterByte(a[p]) && isLetterByte(b[p]) &&
		(p == 0 || isLetterByte(a[p-1])) && a[p]|0x20 != b[p]|0x20 {
		// Two different letters after a letter: the common case.
		return cmp.Compare(a[p]|0x20, b[p]|0x20), true
	}
	for p > 0 && isDigitByte(a[p-1]) {
		p--
	}
	started, gap := false, false
	for k := p - 1; k >= 0; k-- {
		if isAlnumByte(a[k]) {
			started = true
			break
		}
		gap = true
	}
	a, b = a[p:], b[p:]
	if gap && started && len(a) > 0 && len(b) > 0 && isAlnumByte(a[0]) && isAlnumByte(b[0]) {
		// Both go on with a letter or digit: the word break before it
		// is common to both.
		gap = false
	}
	for {
		ua, na, ra := nextASCIIUnit(a, started, gap)
		ub, nb, rb := nextASCIIUnit(b, started, gap)
		switch {
		case ua != ub && bySeparator && (ua == unitBreak && len(na) > 0 && ub > unitBreak || ub == unitBreak && len(nb) > 0 && ua > unitBreak):
			// A word break against a letter or digit: their bytes
			// ("_" sorts after digits).
			return cmp.Compare(unitByte(ua, na), unitByte(ub, nb)), true
		case ua != ub:
			return cmp.Compare(ua, ub), true
		case ua == unitEnd:
			return 0, true
		case ua == unitNumber:
			if len(na) >= maxNumberLen && len(nb) >= maxNumberLen {
				return 0, false
			}
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), bytes.Compare(na, nb)); c != 0 {
				return c, true
			}
		case ua == unitLetter:
			if c := cmp.Compare(na[0]|0x20, nb[0]|0x20); c != 0 {
				return c, true
			}
		case bySeparator && len(na) > 0 && len(nb) > 0:
			if c := cmp.Compare(na[0], nb[0]); c != 0 {
				return c, true
			}
		}
		a, b = ra, rb
		started, gap = true, false
	}
}

// unitByte is the byte a unit starts with in byte order: letters lower
// case, "0" for a number (whose leading zeros are gone).
func unitByte(unit int, text []byte) byte {
	switch unit {
	case unitNumber:
		return '0'
	case unitLetter:
		return text[0] | 0x20
	}
	return text[0]
}

// Units of an ASCII name, in the order they sort.
const (
	unitEnd = iota
	unitBreak
	unitNumber
	unitLetter
)

// nextASCIIUnit reads the next unit of s: its kind, its bytes (a letter,
// a number without leading zeros, "" for zero, or what a word break
// stands for in s, if anything) and the rest of s.
// started tells whether a unit came before and gap whether text was
// dropped since: dropped text between two units is a word break.
func nextASCIIUnit(s []byte, started, gap bool) (unit int, text, rest []byte) {
	i := 0
	for i < len(s) && !isAlnumByte(s[i]) {
		i++
	}
	switch {
	case i == len(s):
		return unitEnd, nil, nil
	case started && (gap || i > 0):
		return unitBreak, s[:i], s[i:]
	case !isDigitByte(s[i]):
		return unitLetter, s[i : i+1], s[i+1:]
	}
	j := i
	for j < len(s) && s[j] == '0' {
		j++
	}
	k := j
	for k < len(s) && isDigitByte(s[k]) {
		k++
	}
	return unitNumber, s[j:k], s[k:]
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	p := 0
	for ; p+8 <= n; p += 8 {
		if x := binary.LittleEndian.Uint64(a[p:]) ^ binary.LittleEndian.Uint64(b[p:]); x != 0 {
			return p + bits.TrailingZeros64(x)/8
		}
	}
	for p < n && a[p] == b[p] {
		p++
	}
	return p
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// isLetterByte reports an ASCII letter; c|0x20 lowers it.
func isLetterByte(c byte) bool {
	lower := c | 0x20
	return 'a' <= lower && lower <= 'z'
}

// isAlnumByte reports an ASCII letter or digit; c|0x20 lowers a letter.
func isAlnumByte(c byte) bool {
	lower := c | 0x20
	return isDigitByte(c) || 'a' <= lower && lower <= 'z'
}
