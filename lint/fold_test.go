package lint_test

import (
	"testing"

	"github.com/listlint/listlint/lint"
)

func TestParseFolds(t *testing.T) {
	d := parse(t, "- [A](u) - One.\n-[B](v) - Two.\n  +[C](w) - Three.\n[D](x) - Four.\n**[Top](#top)**\nmore text\n  indented text\n")
	want := []struct {
		line string
		kind lint.FoldKind
	}{
		{"-[B](v) - Two.", lint.FoldItem},
		{"+[C](w) - Three.", lint.FoldItem},
		{"[D](x) - Four.", lint.FoldEntry},
		{"**[Top](#top)**", lint.FoldBlock},
		{"more text", lint.FoldText},
	}
	if len(d.Folds) != len(want) {
		t.Fatalf("%d folds, want %d: %+v", len(d.Folds), len(want), d.Folds)
	}
	for i, w := range want {
		if f := d.Folds[i]; d.Text(f.Line) != w.line || f.Kind != w.kind || f.Item != d.Items[0] {
			t.Errorf("fold %d: %q kind %d, want %q kind %d", i, d.Text(f.Line), f.Kind, w.line, w.kind)
		}
	}
	// The item's text ends before the first line that is not part of it.
	if got := d.Text(d.Items[0].Content()); got != "[A](u) - One." {
		t.Errorf("content %q", got)
	}
	if got := d.Text(d.Items[0].Desc()); got != "One." {
		t.Errorf("description %q", got)
	}
}

func TestParseItemShapes(t *testing.T) {
	d := parse(t, "- [A](u)\n - [B](u)\n-\n* * [C](u)\n- Topic: [D](u), [E](u)\n- Sentence that mentions [F](u)\n")
	items := d.Items
	if got := d.Text(items[1].Indent()); got != " " || items[0].Indent().Len() != 0 || !items[0].Indent().Valid() {
		t.Errorf("indents %q and %q", d.Text(items[0].Indent()), got)
	}
	if !items[2].Empty() || items[0].Empty() {
		t.Error("Empty set wrong")
	}
	// "* * [C](u)" starts a new list: its item holds a list on its line.
	var double *lint.Entry
	for _, it := range items {
		if it.DoubleBullet() {
			double = it
		}
	}
	if double == nil || len(double.Children()) != 1 || d.Text(double.Children()[0].Text()) != "C" {
		t.Errorf("no double bullet found over [C]")
	}
	var linked []string
	for _, it := range items {
		if it.Linked() {
			linked = append(linked, d.Text(it.Content()))
		}
	}
	if len(linked) != 4 || linked[3] != "Topic: [D](u), [E](u)" {
		t.Errorf("linked items %q", linked)
	}
}

func TestParseEntryListThreshold(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"- [A](u): a\n- Topic: [B](u)\n- https://c.example\n- D\n", true},
		{"- [A](u): a\n- B\n- C\n- D\n", false},
		{"- [A](u): a\n- B\n", false},
		{"- [A](u): a\n", true},
		{"- https://a.example\n- https://b.example\n", false},
		{"- Topic: [A](u)\n- Other: [B](u)\n", false},
	} {
		d := parse(t, c.src)
		if got := d.Lists[0].EntryList; got != c.want {
			t.Errorf("%q: EntryList = %v, want %v", c.src, got, c.want)
		}
	}
}

func TestParseFoldsInsideInlines(t *testing.T) {
	// The second line starts inside a code span that runs over two
	// lines: it does not stand on its own.
	d := parse(t, "- [Alpha](https://a.example) - A `tool\n[x](https://x.example) - name`.\n")
	if len(d.Folds) != 0 {
		t.Errorf("folds %+v, want none", d.Folds)
	}
}
