package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

// changedCase is a pull-request mode test: a file whose lines marked
// "+" at their start are the change's (the "+" is dropped), and the
// findings expected as "LINE: message".
type changedCase struct {
	name string
	src  string
	want []string
}

// changedDoc is a document and its changed lines.
type changedDoc struct {
	doc     *lint.Document
	changed []int
}

// parseChanged builds the document of a changedCase: lines starting with
// "+" are changed.
func parseChanged(t *testing.T, path, marked string) changedDoc {
	t.Helper()
	var (
		b       strings.Builder
		changed []int
	)
	for i, line := range strings.SplitAfter(marked, "\n") {
		if rest, ok := strings.CutPrefix(line, "+"); ok {
			changed = append(changed, i+1)
			line = rest
		}
		b.WriteString(line)
	}
	doc, err := lint.Parse(path, []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return changedDoc{doc, changed}
}

// runChanged lints the documents with the rules and returns the findings
// as "PATH:LINE: message", or "LINE: message" for a single document.
func runChanged(rules []*lint.Rule, changed ...changedDoc) []string {
	docs := make([]*lint.Document, len(changed))
	lines := make(map[*lint.Document][]int, len(changed))
	for i, c := range changed {
		docs[i], lines[c.doc] = c.doc, c.changed
	}
	l := &lint.Linter{Rules: rules, Configure: sortByName, Changed: func(d *lint.Document) []int { return lines[d] }}
	var got []string
	for _, r := range l.Run(docs) {
		for _, d := range r.Diagnostics {
			where := fmt.Sprint(r.Doc.Line(d.Pos))
			if len(docs) > 1 {
				where = r.Doc.Path + ":" + where
			}
			got = append(got, where+": "+d.Message)
		}
	}
	return got
}

// sortByName runs every rule with its defaults, except sort-order, which
// checks name order as the awesome and tagged presets have it: these
// tests are about how a run is checked, not whether auto picks it.
func sortByName(_ string, r *lint.Rule) lint.Settings {
	s := r.Defaults()
	if r.ID == SortOrder.ID {
		s.Options["by"] = byName
	}
	return s
}

func checkChanged(t *testing.T, rules []*lint.Rule, tests []changedCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runChanged(rules, parseChanged(t, "list.md", tc.src))
			if !slices.Equal(got, tc.want) {
				t.Errorf("findings\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSortOrderChanged(t *testing.T) {
	checkChanged(t, []*lint.Rule{SortOrder}, []changedCase{{
		name: "new entry in its place",
		src: `# L

- [Alpha](https://a.example): A.
- [Beta](https://b.example): B.
+- [Cobra](https://c.example): C.
- [Delta](https://d.example): D.
`,
	}, {
		name: "new entry out of order in the middle",
		src: `# L

- [Alpha](https://a.example): A.
- [Beta](https://b.example): B.
+- [Zulu](https://z.example): Z.
- [Delta](https://d.example): D.
- [Foxtrot](https://f.example): F.
`,
		want: []string{`5: new entry "Zulu" is out of order: it belongs after "Foxtrot"`},
	}, {
		name: "new entry out of order first, the entry below it is not blamed",
		src: `# L

+- [Echo](https://e.example): E.
- [Alpha](https://a.example): A.
- [Beta](https://b.example): B.
- [Foxtrot](https://f.example): F.
`,
		want: []string{`3: new entry "Echo" is out of order: it belongs before "Foxtrot"`},
	}, {
		name: "two new entries in the right gap but swapped",
		src: `# L

- [Alpha](https://a.example): A.
+- [Charlie](https://c.example): C.
+- [Bravo](https://b.example): B.
- [Delta](https://d.example): D.
`,
		want: []string{`5: new entry "Bravo" is out of order: it belongs before "Charlie"`},
	}, {
		name: "only the misplaced one of two new entries",
		src: `# L

- [Alpha](https://a.example): A.
+- [Zulu](https://z.example): Z.
+- [Bravo](https://b.example): B.
- [Delta](https://d.example): D.
`,
		want: []string{`4: new entry "Zulu" is out of order: it belongs after "Delta"`},
	}, {
		name: "unsorted before the change, new entry in its place",
		src: `# L

- [Beta](https://b.example): B.
- [Alpha](https://a.example): A.
- [Delta](https://d.example): D.
+- [Echo](https://e.example): E.
`,
	}, {
		name: "unsorted before the change, new entry out of order",
		src: `# L

- [Beta](https://b.example): B.
- [Alpha](https://a.example): A.
+- [Aardvark](https://aa.example): Aa.
- [Delta](https://d.example): D.
`,
		want: []string{`5: new entry "Aardvark" is out of order: it belongs before "Beta"`},
	}, {
		name: "renamed entry",
		src: `# L

- [Alpha](https://a.example): A.
+- [Yankee](https://b.example): B.
- [Delta](https://d.example): D.
`,
		want: []string{`4: new entry "Yankee" is out of order: it belongs after "Delta"`},
	}, {
		name: "changed description of an entry already out of place",
		src: `# L

- [Alpha](https://a.example): A.
- [Yankee](https://y.example):
+  Why.
- [Delta](https://d.example): D.
`,
		// The usual finding, on an unchanged line: changes.Filter drops it.
		want: []string{`6: "Delta" is out of order: it belongs before "Yankee"`},
	}, {
		name: "a new list is checked as a whole",
		src: `# L

+- [Bravo](https://b.example): B.
+- [Alpha](https://a.example): A.
+- [Charlie](https://c.example): C.
`,
		want: []string{`4: "Alpha" is out of order: it belongs before "Bravo"`},
	}, {
		name: "outside pull-request mode",
		src: `# L

- [Alpha](https://a.example): A.
- [Zulu](https://z.example): Z.
- [Delta](https://d.example): D.
`,
		want: []string{`5: "Delta" is out of order: it belongs before "Zulu"`},
	}})
}

func TestDuplicatesChanged(t *testing.T) {
	rules := []*lint.Rule{DuplicateName, DuplicateURL}
	checkChanged(t, rules, []changedCase{{
		name: "new copy above the old one",
		src: `# L

+- [Dive](https://github.com/wagoodman/dive): Explore layers.
- [Alpha](https://a.example): A.

## More

- [dive](https://github.com/wagoodman/dive/): Explore image layers.
`,
		want: []string{`3: url already listed as "dive" at line 8 in section "More", expected one entry per target`},
	}, {
		name: "new copy below the old one",
		src: `# L

- [dive](https://github.com/wagoodman/dive/): Explore image layers.
+- [Dive](https://github.com/wagoodman/dive): Explore layers.
`,
		want: []string{`4: url already listed as "dive" at line 3 in section "L", expected one entry per target`},
	}, {
		name: "one finding per new copy, naming the first old one",
		src: `# L

+- [Dive](https://github.com/wagoodman/dive): New.
- [dive](https://github.com/wagoodman/dive): Old.
- [dive](https://github.com/wagoodman/dive): Older duplicate.
+- [Dive 2](https://github.com/wagoodman/dive): New again.
`,
		want: []string{
			`3: url already listed as "dive" at line 4 in section "L", expected one entry per target`,
			// Old copies among themselves: the usual finding, on an
			// unchanged line, which changes.Filter drops.
			`5: url already listed as "dive" at line 4 in section "L", expected one entry per target`,
			`6: url already listed as "dive" at line 4 in section "L", expected one entry per target`,
		},
	}, {
		name: "two new copies of a new entry",
		src: `# L

- [Alpha](https://a.example): A.
+- [Dive](https://github.com/wagoodman/dive): New.
+- [dive](https://github.com/wagoodman/dive): New again.
`,
		want: []string{`5: url already listed as "Dive" at line 4 in section "L", expected one entry per target`},
	}, {
		name: "new name above an old one with another url of the same site",
		src: `# Service Mesh

+- [2019-Kuma](https://kuma.io/docs/0.1.0/): A universal control plane.
- [Kuma](https://kuma.io/): A control plane for service meshes.
`,
		want: []string{`3: name "Kuma" already listed at line 4 in section "Service Mesh" with another url, expected one entry per project`},
	}, {
		name: "outside pull-request mode the later copy",
		src: `# L

- [Dive](https://github.com/wagoodman/dive): One.
- [Kuma](https://kuma.io/): A control plane.
- [dive](https://github.com/wagoodman/dive): Two.
- [2019-Kuma](https://kuma.io/docs/0.1.0/): A control plane.
`,
		want: []string{
			`5: url already listed as "Dive" at line 3 in section "L", expected one entry per target`,
			`6: name "Kuma" already listed at line 4 in section "L" with another url, expected one entry per project`,
		},
	}})
}

// TestDuplicatesChangedAcrossFiles: a new entry in a file before the old
// copy's file by path is the one reported.
func TestDuplicatesChangedAcrossFiles(t *testing.T) {
	a := parseChanged(t, "a.md", "# A\n\n- [Alpha](https://a.example): A.\n+- [Dive](https://github.com/wagoodman/dive): New.\n")
	b := parseChanged(t, "b.md", "# B\n\n- [dive](https://github.com/wagoodman/dive): Old.\n")
	runScope := *DuplicateURL
	runScope.Options = []lint.Option{{Name: "scope", Default: scopeRun}}
	got := runChanged([]*lint.Rule{&runScope}, a, b)
	want := []string{`a.md:4: url already listed as "dive" at b.md:3 in section "B", expected one entry per target`}
	if !slices.Equal(got, want) {
		t.Errorf("findings\n got %q\nwant %q", got, want)
	}
}
