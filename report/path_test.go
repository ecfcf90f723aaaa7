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

func TestEscapeUnprintable(t *testing.T) {
	for line, want := range map[string]string{
		"listlint: lists/a.md: binary file":          "listlint: lists/a.md: binary file",
		`listlint: say "hi".md: binary file`:         `listlint: say "hi".md: binary file`,
		"listlint: new\nline.md: binary file":        `listlint: new\nline.md: binary file`,
		"listlint: \x1b[31mred.md: too large":        `listlint: \x1b[31mred.md: too large`,
		"bad\xff.md, rtl\u202e.md, 日本語.md, c1\u0085": `bad\xff.md, rtl\u202e.md, 日本語.md, c1\u0085`,
	} {
		if got := EscapeUnprintable(line); got != want {
			t.Errorf("EscapeUnprintable(%q) = %s, want %s", line, got, want)
		}
	}
}
