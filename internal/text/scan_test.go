package text

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// The byte-at-a-time references the word-at-a-time scans must agree with.

func isASCIIRef(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func plainDestRef(s []byte) bool {
	for _, c := range s {
		if c <= ' ' || c == '(' || c == ')' || c == '\\' || c == '&' {
			return false
		}
	}
	return true
}

// TestScansEveryByte puts every byte value at every position of inputs
// from 1 to 24 bytes long, after a high byte too, which must not hide a
// bad one after it.
func TestScansEveryByte(t *testing.T) {
	for n := 1; n <= 24; n++ {
		s := bytes.Repeat([]byte{'~'}, n)
		for p := range n {
			for c := range 256 {
				s[p] = byte(c)
				if got, want := PlainDest(s), plainDestRef(s); got != want {
					t.Fatalf("PlainDest(%q) = %v, want %v", s, got, want)
				}
				if got, want := IsASCII(s), isASCIIRef(s); got != want {
					t.Fatalf("IsASCII(%q) = %v, want %v", s, got, want)
				}
			}
			s[p] = 0xff
		}
	}
}

func FuzzScans(f *testing.F) {
	f.Add([]byte("https://example.com/a_(b)"))
	f.Add([]byte("naïve name"))
	f.Fuzz(func(t *testing.T, s []byte) {
		if got, want := PlainDest(s), plainDestRef(s); got != want {
			t.Fatalf("PlainDest(%q) = %v, want %v", s, got, want)
		}
		if got, want := IsASCII(s), isASCIIRef(s); got != want {
			t.Fatalf("IsASCII(%q) = %v, want %v", s, got, want)
		}
	})
}
