package lint_test

import (
	"testing"

	"github.com/listlint/listlint/lint"
)

func TestParseHeadingForms(t *testing.T) {
	for _, tc := range []struct {
		title, form string
		names       [2]string
	}{
		{"Storage | 存储", lint.FormPipe, [2]string{"Storage", "存储"}},
		{"Storage|存储", lint.FormPipe, [2]string{"Storage", "存储"}},
		{"Storage: 存储", lint.FormColon, [2]string{"Storage", "存储"}},
		{"Storage：存储", lint.FormColon, [2]string{"Storage", "存储"}},
		{"Storage（存储）", lint.FormFullParen, [2]string{"Storage", "存储"}},
		{"存储 (Storage)", lint.FormParen, [2]string{"存储", "Storage"}},
		{"Vue.js List | Vue.js 资料索引", lint.FormPipe, [2]string{"Vue.js List", "Vue.js 资料索引"}},
		{"Tools (Free)", "", [2]string{}},       // one script
		{"工具（免费）", "", [2]string{}},             // one script
		{"Web 测试资料索引", "", [2]string{}},         // no form
		{"2019 | 存储", "", [2]string{}},          // no Latin name
		{"A | B | 存储", "", [2]string{}},         // three parts
		{"Talks: 演讲: 视频", "", [2]string{}},      // two colons
		{"Storage (存储) (old)", "", [2]string{}}, // two parentheses
	} {
		d := parse(t, "## "+tc.title+"\n")
		s := d.Sections[1]
		if s.Form != tc.form || s.Names != tc.names {
			t.Errorf("%q: form %q names %q, want %q %q", tc.title, s.Form, s.Names, tc.form, tc.names)
		}
	}
}

func TestParseHeadingFacts(t *testing.T) {
	d := parse(t, "Title\n=====\n\n## Tools: ##\n\n<details>\n<summary>Group</summary>\n\n#### Inside\n")
	title, tools, inside := d.Sections[1], d.Sections[2], d.Sections[3]
	if !title.Setext || tools.Setext || show(d, title.Content) != "Title" || show(d, tools.Content) != "Tools:" {
		t.Errorf("setext %v %v, content %q %q", title.Setext, tools.Setext, show(d, title.Content), show(d, tools.Content))
	}
	if !tools.HTMLHeading || inside.HTMLHeading {
		t.Errorf("HTML headings: %v %v, want true false", tools.HTMLHeading, inside.HTMLHeading)
	}
}

func TestParseCaption(t *testing.T) {
	d := parse(t, "**Tools** <!-- c -->\n- [a](https://a.example)\n\n**Not [a](u) caption**\n\n- [b](https://b.example)\n\n- **Label**\n\n  **Nested**\n  - [c](https://c.example)\n")
	var got []string
	for _, l := range d.Lists {
		got = append(got, show(d, l.Caption))
	}
	want := []string{"**Tools**", "∅", "∅"} // [b] and the labelled item are one list
	if len(got) != len(want) {
		t.Fatalf("captions %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("captions %q, want %q", got, want)
			break
		}
	}
}

func TestParseConflictMarkers(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"block", "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> topic\n", []string{"<<<<<<< HEAD", "=======", ">>>>>>> topic"}},
		{"diff3", "<<<<<<< ours\n|||||||\n=======\n>>>>>>>\n", []string{"<<<<<<< ours", "|||||||", "=======", ">>>>>>>"}},
		{"setext", "Title\n=======\n\ntext\n", nil},
		{"lone equals then a conflict", "Title\n=======\n\n<<<<<<< a\nx\n=======\ny\n>>>>>>> b\n", []string{"<<<<<<< a", "=======", ">>>>>>> b"}},
		{"opening only", "<<<<<<< a\nx\n=======\ny\n", []string{"<<<<<<< a", "======="}},
		{"closing only", "x\n=======\ny\n>>>>>>> b\n", []string{"=======", ">>>>>>> b"}},
		{"in code", "```\n<<<<<<< a\n=======\n>>>>>>> b\n```\n", nil},
		{"not seven", "<<<<<<<< a\n>>>>>>>b\n========\n||||||| x\n", nil},
		{"CRLF and BOM", "\uFEFF<<<<<<< a\r\n=======\r\n>>>>>>> b\r\n", []string{"<<<<<<< a", "=======", ">>>>>>> b"}},
	} {
		d := parse(t, tc.src)
		var got []string
		for _, m := range d.ConflictMarkers {
			got = append(got, show(d, m))
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: markers %q, want %q", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: markers %q, want %q", tc.name, got, tc.want)
				break
			}
		}
	}
}

func TestParseStray(t *testing.T) {
	for src, want := range map[string]string{
		"- [a](https://a.example).\n":             ".",
		"- [a](https://a.example)) - b\n":         ")",
		"- [a](https://a.example)]: b\n":          "]",
		"- [a](https://a.example)). - b\n":        ").",
		"- [a](https://a.example)) b\n":           ")",
		"- [a](https://a.example). <!-- c -->\n":  ".",
		"- [a](https://a.example). b\n":           "∅",
		"- [a](https://a.example)... b\n":         "∅",
		"- [a](https://a.example)).b\n":           "∅",
		"- [a](https://a.example/x_(y)) - b\n":    "∅",
		"- [a](https://a.example), [b](u) - c\n":  "∅",
		"- [a](https://a.example) (mirror) - b\n": "∅",
		"- [a](https://a.example)'s own site\n":   "∅",
	} {
		d := parse(t, src)
		if got := show(d, d.Items[0].Stray()); got != want {
			t.Errorf("%q: stray %q, want %q", src, got, want)
		}
	}
}
