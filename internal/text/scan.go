package text

import (
	"encoding/binary"
	"unicode/utf8"
)

// Word-at-a-time byte tests: Ones has every byte 1, Highs every top bit.
// In x-Ones*n, the lowest byte of x below n (n <= 128) borrows and sets
// its top bit, which it did not have; the bytes under it, all from n up,
// borrow nothing. So (x-Ones*n)&^x&Highs is zero exactly when no byte of
// x is below n; and x^(Ones*c) has a zero byte where x holds c.
const (
	Ones  = 0x0101010101010101
	Highs = 0x8080808080808080
)

// IsASCII reports whether b holds only ASCII bytes, eight at a time: the
// sort rule asks it of both names on every comparison.
func IsASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&Highs != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// PlainDest reports whether s holds none of the bytes that end or alter
// an unbracketed link destination: space and control bytes, "(", ")",
// "\\" and "&". Eight bytes at a time, the last word overlapping: the
// model asks it of every entry's URL.
func PlainDest(s []byte) bool {
	if len(s) < 8 {
		for _, c := range s {
			if c <= ' ' || c == '(' || c == ')' || c == '\\' || c == '&' {
				return false
			}
		}
		return true
	}
	for i := 0; i+8 <= len(s); i += 8 {
		if !plainWord(binary.LittleEndian.Uint64(s[i:])) {
			return false
		}
	}
	return plainWord(binary.LittleEndian.Uint64(s[len(s)-8:]))
}

// plainWord is PlainDest for the eight bytes of x: none below "!", and
// none equal to "(", ")", "\\" or "&". x^Ones*c has a zero byte where x
// holds c, and a byte below 2 where it holds c or c+1: ")" follows "(".
func plainWord(x uint64) bool {
	p, b, a := x^(Ones*'('), x^(Ones*'\\'), x^(Ones*'&')
	return ((x-Ones*'!')&^x|(p-Ones*2)&^p|(b-Ones)&^b|(a-Ones)&^a)&Highs == 0
}
