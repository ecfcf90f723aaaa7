package lint

import (
	"fmt"
	"strings"
	"testing"
)

// Test rules: bad-name flags entries whose name starts with "bad" (at the
// name), bad-desc flags descriptions holding "BAD" (at the word, which may
// sit on a continuation line).
var (
	badName = &Rule{ID: "bad-name", Severity: Warning, Check: func(p *Pass) {
		for _, e := range p.Doc.Items {
			if e.IsEntry() && strings.HasPrefix(p.Doc.Text(e.Name()), "bad") {
				p.Report(e.Name().Start, e.Name().End, nil, "bad name")
			}
		}
	}}
	badDesc = &Rule{ID: "bad-desc", Severity: Warning, Check: func(p *Pass) {
		for _, e := range p.Doc.Items {
			if i := strings.Index(p.Doc.Text(e.Desc()), "BAD"); i >= 0 {
				p.Report(e.Desc().Start+i, e.Desc().Start+i+3, nil, "bad desc")
			}
		}
	}}
	unused = &Rule{ID: UnusedSuppression, Severity: Warning}
)

// lintLines runs the test rules on src and returns "line rule severity:
// message" per finding.
func lintLines(t *testing.T, src string, rules ...*Rule) []string {
	t.Helper()
	doc, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	l := &Linter{Rules: rules}
	var out []string
	for _, d := range l.Run([]*Document{doc})[0].Diagnostics {
		out = append(out, fmt.Sprintf("%d %s %s: %s", doc.Line(d.Pos), d.Rule, d.Severity, d.Message))
	}
	return out
}

func TestSuppression(t *testing.T) {
	all := []*Rule{badDesc, badName, unused}
	tests := []struct {
		name string
		src  string
		want []string
	}{{
		name: "no directives",
		src:  "- [bad](u) - BAD.\n- [ok](u) - Ok.\n",
		want: []string{"1 bad-name warning: bad name", "1 bad-desc warning: bad desc"},
	}, {
		name: "next line indented inside the previous item keeps one tight list",
		src:  "- [ok](u) - Ok.\n  <!-- listlint-disable-next-line bad-name -->\n- [bad](u) - BAD.\n- [bad2](u) - Ok.\n",
		want: []string{"3 bad-desc warning: bad desc", "4 bad-name warning: bad name"},
	}, {
		name: "next line at the end of the previous entry's line",
		src:  "- [ok](u) - Ok. <!-- listlint-disable-next-line -->\n- [bad](u) - BAD.\n",
	}, {
		name: "next line at column 0 works but splits the list",
		src:  "- [ok](u) - Ok.\n<!-- listlint-disable-next-line bad-name -->\n- [bad](u) - Ok.\n",
	}, {
		name: "next line skips blank lines in a loose list",
		src:  "- [ok](u) - Ok.\n\n  <!-- listlint-disable-next-line bad-desc -->\n\n- [bad](u) - BAD.\n",
		want: []string{"5 bad-name warning: bad name"},
	}, {
		name: "next line covers the entry's continuation lines",
		src:  "<!-- listlint-disable-next-line bad-desc -->\n- [ok](u) - Ok and\n  then BAD.\n- [ok2](u) - BAD.\n",
		want: []string{"4 bad-desc warning: bad desc"},
	}, {
		name: "next line does not cover nested entries",
		src:  "<!-- listlint-disable-next-line -->\n- [bad](u) - Ok.\n  - [bad](u) - Ok.\n",
		want: []string{"3 bad-name warning: bad name"},
	}, {
		name: "several rules, comma separated",
		src:  "- [bad](u) - BAD. <!-- listlint-disable-line bad-name, bad-desc -->\n",
	}, {
		name: "disable-line names one rule",
		src:  "- [bad](u) - BAD. <!-- listlint-disable-line bad-desc -->\n- [bad](u) - BAD.\n",
		want: []string{"1 bad-name warning: bad name", "2 bad-name warning: bad name", "2 bad-desc warning: bad desc"},
	}, {
		name: "disable-line on a continuation line covers the whole paragraph",
		src:  "- [bad](u) - Ok and\n  more. <!-- listlint-disable-line bad-name -->\n",
	}, {
		name: "disable-line outside lists covers its line only",
		src:  "# Head <!-- listlint-disable-line -->\n\n- [bad](u) - Ok.\n",
		want: []string{"1 unused-suppression warning: listlint-disable-line silences no finding", "3 bad-name warning: bad name"},
	}, {
		name: "block",
		src:  "- [bad](u) - BAD.\n\n<!-- listlint-disable bad-desc, bad-name -->\n\n- [bad](u) - BAD.\n\n<!-- listlint-enable -->\n\n- [bad](u) - Ok.\n",
		want: []string{"1 bad-name warning: bad name", "1 bad-desc warning: bad desc", "9 bad-name warning: bad name"},
	}, {
		name: "block without enable runs to the end",
		src:  "<!-- listlint-disable -->\n- [bad](u) - BAD.\n- [bad](u) - BAD.\n",
	}, {
		name: "enable of one rule inside an all-rules block",
		src:  "<!-- listlint-disable -->\n- [bad](u) - BAD.\n<!-- listlint-enable bad-name -->\n- [bad](u) - BAD.\n",
		want: []string{"4 bad-name warning: bad name"},
	}, {
		name: "enable of one rule of two",
		src:  "<!-- listlint-disable bad-name, bad-desc -->\n- [bad](u) - BAD.\n<!-- listlint-enable bad-desc -->\n- [bad](u) - BAD.\n",
		want: []string{"4 bad-desc warning: bad desc"},
	}, {
		name: "disable-file",
		src:  "- [bad](u) - BAD.\n\n<!-- listlint-disable-file -->\n",
	}, {
		name: "disable-file with a rule",
		src:  "<!-- listlint-disable-file bad-desc -->\n- [bad](u) - BAD.\n",
		want: []string{"2 bad-name warning: bad name"},
	}, {
		name: "unused, per named rule",
		src:  "- [bad](u) - Ok. <!-- listlint-disable-line bad-name, bad-desc -->\n",
		want: []string{"1 unused-suppression warning: listlint-disable-line silences no bad-desc finding"},
	}, {
		name: "unused next line",
		src:  "<!-- listlint-disable-next-line -->\n- [ok](u) - Ok.\n",
		want: []string{"1 unused-suppression warning: listlint-disable-next-line silences no finding"},
	}, {
		name: "unused at the end of the file",
		src:  "- [ok](u) - Ok.\n<!-- listlint-disable-next-line -->\n",
		want: []string{"2 unused-suppression warning: listlint-disable-next-line silences no finding"},
	}, {
		name: "unused block and stray enable",
		src:  "<!-- listlint-disable bad-desc -->\n- [ok](u) - Ok.\n<!-- listlint-enable -->\n<!-- listlint-enable -->\n",
		want: []string{
			"1 unused-suppression warning: listlint-disable silences no bad-desc finding",
			"4 unused-suppression warning: listlint-enable ends no listlint-disable block",
		},
	}, {
		name: "unknown rule is an error and silences nothing",
		src:  "- [bad](u) - Ok. <!-- listlint-disable-line bad-nme -->\n",
		want: []string{
			"1 bad-name warning: bad name",
			`1 unused-suppression error: listlint-disable-line names unknown rule "bad-nme", did you mean "bad-name"?`,
		},
	}, {
		name: "unknown directive is an error",
		src:  "- [bad](u) - Ok. <!-- listlint-disabel-line bad-name -->\n",
		want: []string{
			"1 bad-name warning: bad name",
			`1 unused-suppression error: unknown directive "listlint-disabel-line", did you mean "listlint-disable-line"?`,
		},
	}, {
		name: "other comments are not directives",
		src:  "<!-- lint-disable -->\n<!-- see listlint-disable -->\n- [bad](u) - Ok.\n",
		want: []string{"3 bad-name warning: bad name"},
	}, {
		name: "a directive in a code block is text",
		src:  "```\n<!-- listlint-disable-file -->\n```\n- [bad](u) - Ok.\n",
		want: []string{"4 bad-name warning: bad name"},
	}, {
		name: "unused findings can be silenced by another directive",
		src:  "<!-- listlint-disable-file unused-suppression -->\n<!-- listlint-disable-next-line -->\n- [ok](u) - Ok.\n",
	}, {
		name: "a directive does not silence its own unused finding",
		src:  "<!-- listlint-disable-file -->\n- [ok](u) - Ok.\n",
		want: []string{"1 unused-suppression warning: listlint-disable-file silences no finding"},
	}, {
		name: "overlapping suppressions are both used",
		src:  "<!-- listlint-disable bad-name -->\n- [bad](u) - Ok. <!-- listlint-disable-line bad-name -->\n",
	}, {
		name: "CRLF",
		src:  "- [ok](u) - Ok.\r\n  <!-- listlint-disable-next-line bad-name -->\r\n- [bad](u) - Ok.\r\n- [bad](u) - Ok.\r\n",
		want: []string{"4 bad-name warning: bad name"},
	}, {
		name: "BOM",
		src:  "\uFEFF<!-- listlint-disable-next-line -->\n- [bad](u) - BAD.\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintLines(t, tt.src, all...)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSuppressionPlacementKeepsList(t *testing.T) {
	for _, src := range []string{
		"- [a](u) - A.\n  <!-- listlint-disable-next-line -->\n- [b](u) - B.\n",
		"- [a](u) - A. <!-- listlint-disable-next-line -->\n- [b](u) - B.\n",
		"1. [a](u) - A.\n   <!-- listlint-disable-next-line -->\n2. [b](u) - B.\n",
		"- [a](u) - A.\n\n  <!-- listlint-disable-next-line -->\n\n- [b](u) - B.\n",
	} {
		doc, err := Parse("t.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Lists) != 1 || len(doc.Lists[0].Items) != 2 {
			t.Errorf("%q: %d lists, want one list of two items", src, len(doc.Lists))
		}
		if loose := strings.Contains(src, "\n\n"); doc.Lists[0].Loose != loose {
			t.Errorf("%q: loose = %v, want %v", src, doc.Lists[0].Loose, loose)
		}
	}
	// At column 0 the comment ends the list: documented, not wanted.
	doc, err := Parse("t.md", []byte("- [a](u) - A.\n<!-- listlint-disable-next-line -->\n- [b](u) - B.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Lists) != 2 {
		t.Errorf("column-0 comment: %d lists, goldmark used to split them", len(doc.Lists))
	}
}

func TestSuppressionOffRule(t *testing.T) {
	doc, err := Parse("t.md", []byte("- [ok](u) - Ok. <!-- listlint-disable-line bad-name -->\n- [bad](u) - BAD. <!-- listlint-disable-line bad-desc -->\n"))
	if err != nil {
		t.Fatal(err)
	}
	off := func(sev Severity) *Linter {
		return &Linter{Rules: []*Rule{badDesc, badName, unused}, Configure: func(_ string, r *Rule) Settings {
			s := r.Defaults()
			s.Off = r == badName
			if r == unused {
				s.Severity = sev
			}
			return s
		}}
	}
	// A suppression of a rule that is off is not unused: the rule may be
	// on for other files, or turned off from the command line for a while.
	if got := off(Info).Run([]*Document{doc})[0].Diagnostics; len(got) != 0 {
		t.Errorf("got %v, want nothing", got)
	}
	// Without the unused-suppression rule, directives still silence.
	l := &Linter{Rules: []*Rule{badDesc, badName}}
	doc2, _ := Parse("t.md", []byte("- [bad](u) - Ok. <!-- listlint-disable-line bad-desc, nope -->\n"))
	got := l.Run([]*Document{doc2})[0].Diagnostics
	if len(got) != 1 || got[0].Rule != "bad-name" {
		t.Errorf("got %v, want only bad-name", got)
	}
}

func TestSuppressedAndPinned(t *testing.T) {
	src := "- [c](u) - C.\n" +
		"  <!-- listlint-disable-next-line sort-order -->\n" +
		"- [a](u) - A.\n" +
		"- [b](u) - B. <!-- listlint-disable-line description -->\n" +
		"- [d](u) - D.\n"
	doc, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range doc.Items {
		got = append(got, fmt.Sprintf("%s:%v/%v/%v", doc.Text(e.Name()),
			doc.Suppressed("sort-order", e.Item().Start), doc.Pinned(e, "sort-order"), doc.Pinned(e, "description")))
	}
	// c carries the next-line comment: moving it would move the comment.
	// a is suppressed for sort-order. b's disable-line travels with it.
	want := "c:false/true/true a:true/true/false b:false/false/true d:false/false/false"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestSuppressionOtherCommand: a suppression naming a rule that runs
// under another command (links) silences nothing here, and is not unused
// for that: its findings exist only there.
func TestSuppressionOtherCommand(t *testing.T) {
	network := &Rule{ID: "net-rule", Severity: Error, Command: "links"}
	src := "- [ok](u) - Ok. <!-- listlint-disable-line net-rule -->\n- [ok2](u) - Ok. <!-- listlint-disable-line bad-name -->\n"
	got := lintLines(t, src, badName, network, unused)
	want := []string{"2 unused-suppression warning: listlint-disable-line silences no bad-name finding"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
