package lint_test

import (
	"reflect"
	"testing"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// TestRunAcross lints files alone and then across the run: the findings
// are Run's on the files together, cross-file duplicates and inline
// suppressions (used and unused) included.
func TestRunAcross(t *testing.T) {
	files := map[string]string{
		"a.md": "# A\n\n- [Alpha](https://example.com/alpha): First.\n- [Beta](https://example.com/beta): Second.   \n",
		"b.md": "# B\n\n- [Alpha again](https://example.com/alpha): Copy.\n" +
			"- [Gamma](https://example.com/gamma): Third. <!-- listlint-disable-line duplicate-url -->\n" +
			"- [Delta](https://example.com/beta): Copy. <!-- listlint-disable-line duplicate-url -->\n",
	}
	l := &lint.Linter{
		Rules: rules.All(),
		Configure: func(path string, r *lint.Rule) lint.Settings {
			s := r.Defaults()
			if _, ok := s.Options["scope"]; ok {
				s.Options["scope"] = "run"
			}
			return s
		},
	}
	var docs []*lint.Document
	var alone []lint.Result
	for _, name := range []string{"a.md", "b.md"} {
		doc, err := l.Parse(name, []byte(files[name]))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
		alone = append(alone, l.RunAlone(doc))
	}
	want := l.Run(docs)
	got := l.RunAcross(alone)
	n := 0
	for i := range want {
		n += len(want[i].Diagnostics)
		if !reflect.DeepEqual(got[i].Diagnostics, want[i].Diagnostics) {
			t.Errorf("%s: RunAcross found\n%v\nRun found\n%v", docs[i].Path, got[i].Diagnostics, want[i].Diagnostics)
		}
	}
	if reflect.DeepEqual(alone[1].Diagnostics, want[1].Diagnostics) {
		t.Errorf("b.md alone has the findings it has with a.md (of %d): the test sees no cross-file rule", n)
	}
}
