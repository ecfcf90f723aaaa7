package lint

import "testing"

func TestParseCodeBlocks(t *testing.T) {
	src := "# T\n\n```go\nx   \n```\n\n    indented\n    code\n\n- item\n\n  ~~~\n  y\n  ~~~\n"
	doc, err := Parse("code.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"```go\nx   \n```", "    indented\n    code", "  ~~~\n  y\n  ~~~"}
	if len(doc.Code) != len(want) {
		t.Fatalf("got %d code blocks %v, want %d", len(doc.Code), doc.Code, len(want))
	}
	for i, w := range want {
		if got := doc.Text(doc.Code[i]); got != w {
			t.Errorf("code block %d = %q, want %q", i, got, w)
		}
	}
}

func TestSectionBlocksSkipThematicBreaks(t *testing.T) {
	doc, err := Parse("hr.md", []byte("# A\n\n---\n\n# B\n\ntext\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Sections[1].Blocks; got != 0 {
		t.Errorf("section A has %d blocks, want 0: a rule is not content", got)
	}
	if got := doc.Sections[2].Blocks; got != 1 {
		t.Errorf("section B has %d blocks, want 1", got)
	}
}

func TestYearPrefixChineseYear(t *testing.T) {
	for _, tc := range []struct {
		text string
		year int
	}{
		{"2015 年 Quora 机器学习", 0},
		{"2017~2017 年数据库技术盘点", 2017},
		{"2017 React 大会", 2017},
	} {
		doc, err := Parse("y.md", []byte("- ["+tc.text+"](https://example.org/)\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := doc.Items[0].YearValue(); got != tc.year {
			t.Errorf("%q: year %d, want %d", tc.text, got, tc.year)
		}
	}
}
