package report

import "testing"

func TestTextPath(t *testing.T) {
	for path, want := range map[string]string{
		"lists/a.md":              "lists/a.md",
		"Lists & More/my list.md": "Lists & More/my list.md",
		"docs/日本語.md":             "docs/日本語.md",
		`say "hi".md`:             `say "hi".md`,
		"new\nline.md":            `"new\nline.md"`,
		"x.md:1:1: forged":        "x.md:1:1: forged",
		"\x1b[31mred.md":          `"\x1b[31mred.md"`,
		"cr\r.md":                 `"cr\r.md"`,
		"tab\t.md":                `"tab\t.md"`,
		"del\x7f.md":              `"del\x7f.md"`,
		"bad\xff.md":              `"bad\xff.md"`,
		"c1\u0085.md":             `"c1\u0085.md"`,
		"rtl\u202e.md":            `"rtl\u202e.md"`,
	} {
		if got := TextPath(path); got != want {
			t.Errorf("TextPath(%q) = %s, want %s", path, got, want)
		}
	}
}
