package rules

import (
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

// TestInferSeparator checks the style option that describes a set of
// files: a style pinned only where it holds two thirds of its family.
func TestInferSeparator(t *testing.T) {
	list := func(seps ...string) string {
		var b strings.Builder
		for i, s := range seps {
			b.WriteString("- [Item " + string(rune('A'+i)) + "](https://example.com/" + string(rune('a'+i)) + ")" + s + "Text.\n")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name  string
		files []string
		want  string
	}{
		{"colons", []string{list(": ", ": ", ":")}, ": "},
		{"full-width", []string{list("：", "：", "： ", ": ", "：")}, "："},
		{"en dash", []string{list(" – ", " – ", " - ")}, " – "},
		{"mixed colons", []string{list(": ", "：", ": ", "：", ": ")}, "dominant"},
		{"two files", []string{list(": ", ": ", ": "), list("：")}, ": "},
		{"families", []string{list(" - ", ": ", " - ", "：")}, " - "},
		{"arrows only", []string{list(" -> ", " → ")}, ""},
		{"none", []string{list("", "")}, ""},
	} {
		var docs []*lint.Document
		for _, f := range tc.files {
			docs = append(docs, parseDoc(t, "list.md", f))
		}
		got := ""
		if inf := inferSeparator(docs); len(inf.Options) > 0 {
			got = inf.Options[0].Value.(string)
		} else if strings.HasPrefix(inf.Why, "No separator holds") {
			got = "dominant"
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
