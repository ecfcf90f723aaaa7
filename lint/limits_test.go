package lint

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

// hostile inputs: each must parse (or be refused) quickly. The bound is
// generous so the test is not timing-flaky; it catches blow-ups.
func TestHostileInputs(t *testing.T) {
	nested := func(n int, unit string) []byte {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat(unit, i))
			b.WriteString("- [x](https://example.com)\n")
		}
		return []byte(b.String())
	}
	links := "- " + strings.Repeat("[a](https://example.com/a) ", 10_000) + "\n"
	cases := []struct {
		name    string
		src     []byte
		refused bool
	}{
		{"5 MB single line", bytes.Repeat([]byte("word "), 1<<20), false},
		{"10,000 nested list levels on one line", []byte(strings.Repeat("- ", 10_000) + "x\n"), true},
		{"2,000 nested list levels by indentation", nested(2_000, "  "), true},
		{"64 nested list levels", nested(DefaultMaxDepth-1, "  "), false},
		{"10,000 nested quotes and lists", bytes.Repeat([]byte("> - "), 10_000), true},
		{"100,000 quote markers", bytes.Repeat([]byte(">"), 100_000), true},
		{"100,000 [ characters", bytes.Repeat([]byte("["), 100_000), false},
		{"100,000 [ in an item", append([]byte("- "), bytes.Repeat([]byte("["), 100_000)...), false},
		{"1,000,000 empty lines", bytes.Repeat([]byte("\n"), 1_000_000), false},
		{"an entry with 10,000 links", []byte(links), false},
		{"100,000 lines folded into one item", append([]byte("- [a](https://a.example): A.\n"), bytes.Repeat([]byte("![x](https://i.example/x.png)\n"), 100_000)...), false},
		{"50,000 emphasis openers", bytes.Repeat([]byte("*a "), 50_000), false},
		{"CR-only line endings", bytes.Repeat([]byte("- [a](https://a.example): A.\r"), 10_000), false},
		{"empty file", nil, false},
		{"only headings", bytes.Repeat([]byte("# Heading\n\n## Sub\n\n"), 10_000), false},
		// Where a file may be cut into pieces (see buildPieces).
		{"200,000 headings, no blank line", bytes.Repeat([]byte("#x\n"), 200_000), false},
		{"headings after 1,000 blank lines each", bytes.Repeat([]byte(strings.Repeat("\n", 1_000)+"# H\n"), 1_000), false},
		{"a fence open at every cut", bytes.Repeat([]byte("```\n\ntext\n\n# H\n"), 50_000), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			doc, err := Parse("hostile.md", c.src)
			if took, limit := time.Since(start), 2*time.Second*raceSlowdown; took > limit {
				t.Errorf("took %v, want under %v", took, limit)
			}
			if c.refused {
				if !errors.Is(err, ErrLimit) {
					t.Fatalf("err = %v, want a limit error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Path != "hostile.md" {
				t.Errorf("path = %q", doc.Path)
			}
		})
	}
}

func TestLimitsConfigurable(t *testing.T) {
	src := []byte("- - - - x\n")
	if _, err := ParseLimits("a.md", src, Limits{MaxDepth: 3}); !errors.Is(err, ErrLimit) {
		t.Errorf("depth 4 with MaxDepth 3: err = %v, want a limit error", err)
	}
	if _, err := ParseLimits("a.md", src, Limits{MaxDepth: 4}); err != nil {
		t.Errorf("depth 4 with MaxDepth 4: %v", err)
	}
	if _, err := ParseLimits("a.md", src, Limits{MaxBytes: 5}); !errors.Is(err, ErrLimit) {
		t.Errorf("10 bytes with MaxBytes 5: err = %v, want a limit error", err)
	}
}

func TestBinaryRefused(t *testing.T) {
	_, err := Parse("bin.md", []byte("# a\n\x00b"))
	if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "offset 4") {
		t.Errorf("err = %v, want binary error naming offset 4", err)
	}
}

// TestLimitsYear: the year a loose prefix may carry follows Limits.Year,
// not the clock.
func TestLimitsYear(t *testing.T) {
	src := []byte("# L\n\n- [2031 Game](https://example.org)\n")
	for year, want := range map[int]bool{2029: false, 2030: true} {
		doc, err := ParseLimits("list.md", src, Limits{Year: year})
		if err != nil {
			t.Fatal(err)
		}
		if got := doc.Items[0].Year().Valid(); got != want {
			t.Errorf("year %d: prefix of \"2031 Game\" valid = %v, want %v", year, got, want)
		}
	}
}
