package lint_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

func parse(t *testing.T, src string) *lint.Document {
	t.Helper()
	d, err := lint.Parse("test.md", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	checkModel(t, d)
	return d
}

// show is a span's text, or "∅" when the part is absent.
func show(d *lint.Document, s lint.Span) string {
	if s == lint.NoSpan {
		return "∅"
	}
	return d.Text(s)
}

// entry is what a test expects of one item; "∅" marks an absent part.
type entry struct {
	text, year, ysep, name, url, dest, sep, desc string
	tags                                         []string
}

func checkEntry(t *testing.T, d *lint.Document, e *lint.Entry, w entry) {
	t.Helper()
	if !e.IsEntry() {
		t.Fatalf("item %q is not an entry", show(d, e.Item()))
	}
	got := entry{
		text: show(d, e.Text()), year: show(d, e.Year()), ysep: show(d, e.YearSep()), name: show(d, e.Name()),
		url: show(d, e.URL()), dest: e.Dest(), sep: show(d, e.Separator()), desc: show(d, e.Desc()),
	}
	for _, tag := range e.Tags() {
		got.tags = append(got.tags, d.Text(tag))
	}
	if strings.Join(got.tags, " ") != strings.Join(w.tags, " ") || got.text != w.text || got.year != w.year ||
		got.ysep != w.ysep || got.name != w.name || got.url != w.url || got.dest != w.dest || got.sep != w.sep || got.desc != w.desc {
		t.Errorf("entry %q:\n got %+v\nwant %+v", show(d, e.Item()), got, w)
	}
}

func TestParseBinary(t *testing.T) {
	if _, err := lint.Parse("x.md", []byte("a\x00b")); !errors.Is(err, lint.ErrBinary) {
		t.Errorf("err = %v, want ErrBinary", err)
	}
}

func TestParseCRLF(t *testing.T) {
	d := parse(t, "# T\r\n\r\n- [A](https://a.example): Desc.\r\n- [B](https://b.example) - Two\r\n  lines.\r\n")
	if d.LineEnding != "\r\n" || d.LineCount() != 5 {
		t.Errorf("ending %q, %d lines; want CRLF, 5", d.LineEnding, d.LineCount())
	}
	if len(d.Items) != 2 {
		t.Fatalf("%d items, want 2", len(d.Items))
	}
	checkEntry(t, d, d.Items[0], entry{text: "A", year: "∅", ysep: "∅", name: "A", url: "https://a.example", dest: "https://a.example", sep: ": ", desc: "Desc."})
	checkEntry(t, d, d.Items[1], entry{text: "B", year: "∅", ysep: "∅", name: "B", url: "https://b.example", dest: "https://b.example", sep: " - ", desc: "Two\r\n  lines."})
	if got := d.Text(d.Items[1].Item()); got != "- [B](https://b.example) - Two\r\n  lines." {
		t.Errorf("item %q: the line ending after the last line must be excluded", got)
	}
	if got := d.Text(d.LineSpan(3)); got != "- [A](https://a.example): Desc." {
		t.Errorf("LineSpan(3) = %q", got)
	}
	if line, col := d.Position(d.Items[1].Desc().End); line != 5 || col != 9 {
		t.Errorf("Position(desc end) = %d:%d, want 5:9", line, col)
	}
}

func TestParseCROnly(t *testing.T) {
	d := parse(t, "# T\r\r- [A](https://a.example): One.\r- [B](https://b.example): Two.\r")
	if d.LineEnding != "\r" || d.LineCount() != 4 {
		t.Errorf("ending %q, %d lines; want CR, 4", d.LineEnding, d.LineCount())
	}
	if len(d.Sections) != 2 || d.Sections[1].Title != "T" {
		t.Fatalf("sections %d, want the heading \"T\" alone", len(d.Sections))
	}
	if len(d.Items) != 2 || !d.Items[1].IsEntry() {
		t.Fatalf("%d items, want 2 entries", len(d.Items))
	}
	if line, col := d.Position(d.Items[1].Name().Start); line != 4 || col != 4 {
		t.Errorf("Position(B) = %d:%d, want 4:4", line, col)
	}
}

func TestParseBOM(t *testing.T) {
	src := "\uFEFF# 标题\n\n- [混凝土 #Project#](https://x.example/混)：搅拌。\n"
	d := parse(t, src)
	if !d.BOM {
		t.Fatal("BOM not seen")
	}
	if got := d.Text(d.Sections[1].Heading); got != "# 标题" {
		t.Errorf("heading %q, want it without the BOM", got)
	}
	if got := d.Text(d.LineSpan(1)); got != "# 标题" {
		t.Errorf("LineSpan(1) = %q, want it without the BOM", got)
	}
	e := d.Items[0]
	checkEntry(t, d, e, entry{text: "混凝土 #Project#", year: "∅", ysep: "∅", name: "混凝土", url: "https://x.example/混", dest: "https://x.example/混", sep: "：", desc: "搅拌。", tags: []string{"#Project#"}})
	if e.Marker().Start != strings.Index(src, "- [") {
		t.Errorf("marker at %d, want %d: offsets count the BOM", e.Marker().Start, strings.Index(src, "- ["))
	}
	for _, tc := range []struct {
		off, line, col int
	}{
		{3, 1, 1}, // "#" right after the BOM
		{strings.Index(src, "标题"), 1, 3},
		{e.Name().Start, 3, 4},
		{e.Desc().Start, 3, 40}, // characters, not bytes
		{e.Desc().End, 3, 43},
	} {
		if line, col := d.Position(tc.off); line != tc.line || col != tc.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tc.off, line, col, tc.line, tc.col)
		}
	}
}

func TestParseLinks(t *testing.T) {
	d := parse(t, `- [A](https://a.example) and [B](https://b.example): Several links.
- [Ref][r]: Reference.
- [Collapsed][]
- [r]
- [x]()
- [Angle](<https://e.example/a b>): Angle brackets.
- [Titled](https://f.example "A title"): Titled.
- [Badge ![stars](https://img.example/s.svg)](https://g.example): Badge in text.
- [Esc](https://h.example/a\_b): Escaped destination.

[r]: https://r.example "Title"
[collapsed]: https://c.example
`)
	if len(d.Items) != 9 {
		t.Fatalf("%d items, want 9", len(d.Items))
	}
	checkEntry(t, d, d.Items[0], entry{text: "A", year: "∅", ysep: "∅", name: "A", url: "https://a.example", dest: "https://a.example", sep: "∅", desc: "and [B](https://b.example): Several links."})
	checkEntry(t, d, d.Items[1], entry{text: "Ref", year: "∅", ysep: "∅", name: "Ref", url: "∅", dest: "https://r.example", sep: ": ", desc: "Reference."})
	checkEntry(t, d, d.Items[2], entry{text: "Collapsed", year: "∅", ysep: "∅", name: "Collapsed", url: "∅", dest: "https://c.example", sep: "∅", desc: "∅"})
	checkEntry(t, d, d.Items[3], entry{text: "r", year: "∅", ysep: "∅", name: "r", url: "∅", dest: "https://r.example", sep: "∅", desc: "∅"})
	checkEntry(t, d, d.Items[4], entry{text: "x", year: "∅", ysep: "∅", name: "x", url: "", dest: "", sep: "∅", desc: "∅"})
	checkEntry(t, d, d.Items[5], entry{text: "Angle", year: "∅", ysep: "∅", name: "Angle", url: "https://e.example/a b", dest: "https://e.example/a b", sep: ": ", desc: "Angle brackets."})
	checkEntry(t, d, d.Items[6], entry{text: "Titled", year: "∅", ysep: "∅", name: "Titled", url: "https://f.example", dest: "https://f.example", sep: ": ", desc: "Titled."})
	checkEntry(t, d, d.Items[7], entry{text: "Badge ![stars](https://img.example/s.svg)", year: "∅", ysep: "∅", name: "Badge ![stars](https://img.example/s.svg)", url: "https://g.example", dest: "https://g.example", sep: ": ", desc: "Badge in text."})
	// The source spells the destination differently from its value:
	// no URL span, so no rule edits it.
	checkEntry(t, d, d.Items[8], entry{text: "Esc", year: "∅", ysep: "∅", name: "Esc", url: "∅", dest: "https://h.example/a_b", sep: ": ", desc: "Escaped destination."})

	for i, want := range []string{
		"[A](https://a.example)", "[Ref][r]", "[Collapsed][]", "[r]", "[x]()", "[Angle](<https://e.example/a b>)",
		`[Titled](https://f.example "A title")`, "[Badge ![stars](https://img.example/s.svg)](https://g.example)",
		`[Esc](https://h.example/a\_b)`,
	} {
		if got := d.Text(d.Items[i].Link()); got != want {
			t.Errorf("item %d: link %q, want %q", i, got, want)
		}
	}
	if !d.Items[1].Reference() || !d.Items[2].Reference() || !d.Items[3].Reference() || d.Items[0].Reference() {
		t.Error("Reference set wrong")
	}
	if d.Items[4].URL().Len() != 0 || !d.Items[4].URL().Valid() {
		t.Errorf("[x](): URL span %v, want an empty span at the destination", d.Items[4].URL())
	}
	if got := d.Items[7].NameKey(); got != "badge" {
		t.Errorf("NameKey with a badge = %q, want \"badge\"", got)
	}
}

func TestParseNonEntries(t *testing.T) {
	d := parse(t, "- Plain text, then [a link](https://a.example).\n- **[Bold](https://b.example)**: emphasis first.\n- [](https://c.example): empty text.\n")
	if d.Items[0].IsEntry() || d.Items[1].IsEntry() {
		t.Error("an item that does not start with a link is not an entry")
	}
	if d.Items[0].Link() != lint.NoSpan || d.Items[0].Name() != lint.NoSpan {
		t.Error("a non-entry has no link spans")
	}
	if got := d.Text(d.Items[0].Content()); got != "Plain text, then [a link](https://a.example)." {
		t.Errorf("content %q", got)
	}
	checkEntry(t, d, d.Items[2], entry{text: "", year: "∅", ysep: "∅", name: "", url: "https://c.example", dest: "https://c.example", sep: ": ", desc: "empty text."})
}

func TestParseSeparators(t *testing.T) {
	d := parse(t, "- [A](u): colon\n- [B](u) - hyphen\n- [C](u)：full width\n- [D](u) – en dash\n- [E](u) — em dash\n- [F](u) plain\n- [G](u):tight\n- [H](u) : spaced\n- [I](u):\n- [J](u): desc <!-- listlint-disable-line -->\n- [K](u) <!-- only a comment -->\n- [L](u): a <!-- inner --> b\n"+
		"- [M](u) `⚠` - marked\n- [N](u) `a` ``b`` : two marks\n- [O](u) `code` sentence\n- [P](u) `open - no mark\n"+
		"- [Q](u) :zap: - shortcode\n- [R](u) :zap: `a` :+1: : three marks\n- [S](u) :camera: no separator\n- [T](u):tight: colon\n"+
		"- [c](u):8080\n- [d](u):8080/x\n- [e](u):10:30\n- [f](u):2 hours\n- [g](u)://h\n"+
		"- [U](u) -> arrow\n- [V](u) --> long arrow\n- [W](u) => fat arrow\n- [X](u) ==> long fat arrow\n- [Y](u) → unicode\n- [Z](u) —> em arrow\n- [a](u) -- double\n- [A](u) - > broken\n- [B](u) - >9000\n- [b](u) = equals\n")
	for i, w := range []struct{ sep, desc string }{
		{": ", "colon"},
		{" - ", "hyphen"},
		{"：", "full width"},
		{" – ", "en dash"},
		{" — ", "em dash"},
		{"∅", "plain"},
		{":", "tight"},
		{" : ", "spaced"},
		{":", "∅"},
		{": ", "desc"},
		{"∅", "∅"},
		{": ", "a <!-- inner --> b"},
		{" - ", "marked"},
		{" : ", "two marks"},
		{"∅", "`code` sentence"},
		{"∅", "`open - no mark"},
		{" - ", "shortcode"},
		{" : ", "three marks"},
		{"∅", ":camera: no separator"},
		{":", "tight: colon"},
		{"∅", ":8080"},
		{"∅", ":8080/x"},
		{"∅", ":10:30"},
		{":", "2 hours"},
		{"∅", "://h"},
		{" -> ", "arrow"},
		{" --> ", "long arrow"},
		{" => ", "fat arrow"},
		{" ==> ", "long fat arrow"},
		{" → ", "unicode"},
		{" —> ", "em arrow"},
		{" -", "- double"},
		{" - > ", "broken"},
		{" - ", ">9000"},
		{"∅", "= equals"},
	} {
		e := d.Items[i]
		if sep, desc := show(d, e.Separator()), show(d, e.Desc()); sep != w.sep || desc != w.desc {
			t.Errorf("%q: separator %q desc %q, want %q %q", d.Text(e.Item()), sep, desc, w.sep, w.desc)
		}
	}
	if len(d.Comments) != 3 {
		t.Errorf("%d comments, want 3 inline ones", len(d.Comments))
	}
}

func TestParseYearsAndTags(t *testing.T) {
	this := "2019"
	for _, tc := range []struct {
		text, year, ysep, name string
		value                  int
		tags                   []string
	}{
		{"2019-Kuma", this, "-", "Kuma", 2019, nil},
		{"2019~Kuma", this, "~", "Kuma", 2019, nil},
		{"2019 Kuma", this, " ", "Kuma", 2019, nil},
		{"2019- Kuma", this, "- ", "Kuma", 2019, nil},
		{"2019 - Kuma", this, " - ", "Kuma", 2019, nil},
		{"2019:Kuma", this, ":", "Kuma", 2019, nil},
		{"2019-Kuma #Project#", this, "-", "Kuma", 2019, []string{"#Project#"}},
		{"1Backend", "∅", "∅", "1Backend", 0, nil},
		{"2048", "∅", "∅", "2048", 0, nil},
		{"2048 Game", "∅", "∅", "2048 Game", 0, nil},
		{"3D Tools", "∅", "∅", "3D Tools", 0, nil},
		{"1969 Moon", "∅", "∅", "1969 Moon", 0, nil},
		{"2019-", "∅", "∅", "2019-", 0, nil},
		{"Nomad #Project#", "∅", "∅", "Nomad", 0, []string{"#Project#"}},
		{"Nomad#Project#", "∅", "∅", "Nomad", 0, []string{"#Project#"}},
		{"Nomad #Project# #Tool#", "∅", "∅", "Nomad", 0, []string{"#Project#", "#Tool#"}},
		{"#Book# Nomad", "∅", "∅", "Nomad", 0, []string{"#Book#"}},
		{"Nomad #project# guide", "∅", "∅", "Nomad #project# guide", 0, []string{"#project#"}},
		{"C# and F#", "∅", "∅", "C# and F#", 0, nil},
		{"C#/F#", "∅", "∅", "C#/F#", 0, nil},
		{"语言 #系列#", "∅", "∅", "语言", 0, []string{"#系列#"}},
		{" 2019-Kuma #Project# ", this, "-", "Kuma", 2019, []string{"#Project#"}},
		{"Kuma #v2# #Project#", "∅", "∅", "Kuma", 0, []string{"#v2#", "#Project#"}},
	} {
		d := parse(t, "- ["+tc.text+"](https://k.example): Desc.\n")
		e := d.Items[0]
		var tags, words []string
		for _, s := range e.Tags() {
			tags = append(tags, d.Text(s))
			if s := d.Text(s); strings.Trim(s, "#abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ系列") == "" {
				words = append(words, s)
			}
		}
		var got []string
		for _, s := range e.WordTags() {
			got = append(got, d.Text(s))
		}
		if strings.Join(got, " ") != strings.Join(words, " ") {
			t.Errorf("[%s]: word tags %q, want %q", tc.text, got, words)
		}
		if show(d, e.Year()) != tc.year || show(d, e.YearSep()) != tc.ysep || show(d, e.Name()) != tc.name ||
			e.YearValue() != tc.value || strings.Join(tags, " ") != strings.Join(tc.tags, " ") {
			t.Errorf("[%s]: year %q sep %q name %q value %d tags %q; want %q %q %q %d %q", tc.text,
				show(d, e.Year()), show(d, e.YearSep()), show(d, e.Name()), e.YearValue(), tags, tc.year, tc.ysep, tc.name, tc.value, tc.tags)
		}
	}
}

func TestNameKey(t *testing.T) {
	for in, want := range map[string]string{
		"Kuma":                    "kuma",
		"Service-Mesh (OSM)":      "servicemeshosm",
		"混凝土":                     "混凝土",
		"Stars ![s](https://x/y)": "stars",
		"![only](https://x/y)":    "",
		"![broken":                "broken",
	} {
		if got := lint.NameKey([]byte(in)); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseNested(t *testing.T) {
	d := parse(t, `# T

- [A](https://a.example): First line
  continues here.
  - [A1](https://a1.example): Child.
    - [A1a](https://a1a.example): Grandchild.
  - [A2](https://a2.example): Child two.
- [B](https://b.example): After.
`)
	if len(d.Lists) != 3 || len(d.Items) != 5 {
		t.Fatalf("%d lists %d items, want 3 and 5", len(d.Lists), len(d.Items))
	}
	a, a1, a1a, a2, b := d.Items[0], d.Items[1], d.Items[2], d.Items[3], d.Items[4]
	if got := d.Text(a.Desc()); got != "First line\n  continues here." {
		t.Errorf("continued description %q", got)
	}
	if !strings.HasSuffix(d.Text(a.Item()), "Child two.") || !strings.HasSuffix(d.Text(a1.Item()), "Grandchild.") {
		t.Error("an item's span covers its nested items")
	}
	if len(a.Children()) != 2 || a.Children()[0] != a1 || a.Children()[1] != a2 || len(a1.Children()) != 1 || a1.Children()[0] != a1a {
		t.Error("Children wrong")
	}
	for _, c := range []struct {
		e      *lint.Entry
		depth  int
		parent *lint.Entry
		index  int
	}{{a, 0, nil, 0}, {a1, 1, a, 0}, {a1a, 2, a1, 0}, {a2, 1, a, 1}, {b, 0, nil, 1}} {
		if c.e.List.Depth != c.depth || c.e.List.Parent != c.parent || c.e.Index() != c.index {
			t.Errorf("%s: depth %d index %d, want %d %d", d.Text(c.e.Name()), c.e.List.Depth, c.e.Index(), c.depth, c.index)
		}
		if c.e.Section() != d.Sections[1] {
			t.Errorf("%s: wrong section", d.Text(c.e.Name()))
		}
	}
	if len(d.Sections[1].Items) != 5 {
		t.Errorf("section holds %d items, want 5 (nested included)", len(d.Sections[1].Items))
	}
}

func TestParseCodeInItem(t *testing.T) {
	d := parse(t, "- [A](https://a.example): Code follows.\n\n  ```go\n  x := 1\n  ```\n- [B](https://b.example)\n  ~~~\n  ~~~\n- [C](https://c.example)\n")
	if got := d.Text(d.Items[0].Item()); !strings.HasSuffix(got, "x := 1\n  ```") {
		t.Errorf("item %q must include the closing fence", got)
	}
	if got := d.Text(d.Items[1].Item()); got != "- [B](https://b.example)\n  ~~~\n  ~~~" {
		t.Errorf("item %q must include an empty fenced block", got)
	}
	if got := d.Text(d.Items[2].Item()); got != "- [C](https://c.example)" {
		t.Errorf("item %q", got)
	}
}

func TestParseNotLists(t *testing.T) {
	d := parse(t, "# T\n\n```markdown\n- [A](https://a.example)\n```\n\n<!--\n- [B](https://b.example)\n-->\n\n    - [C](https://c.example)\n\n<!-- a --> text\n")
	if len(d.Items) != 0 || len(d.Lists) != 0 {
		t.Errorf("%d items in code blocks and comments, want none", len(d.Items))
	}
	if len(d.Comments) != 2 || d.Text(d.Comments[0]) != "<!--\n- [B](https://b.example)\n-->" || d.Text(d.Comments[1]) != "<!-- a -->" {
		t.Errorf("comments %v", d.Comments)
	}
}

func TestParseCommentSplitsList(t *testing.T) {
	d := parse(t, "- [A](https://a.example)\n<!-- split -->\n- [B](https://b.example)\n  <!-- inside B -->\n- [C](https://c.example)\n* [D](https://d.example)\n")
	if len(d.Lists) != 3 {
		t.Fatalf("%d lists, want 3: a comment at column 0 and a marker change split lists", len(d.Lists))
	}
	if n := []int{len(d.Lists[0].Items), len(d.Lists[1].Items), len(d.Lists[2].Items)}; n[0] != 1 || n[1] != 2 || n[2] != 1 {
		t.Errorf("items per list %v, want [1 2 1]", n)
	}
	if d.Lists[2].Marker != '*' || d.Lists[1].Marker != '-' {
		t.Error("markers wrong")
	}
	if got := d.Text(d.Items[1].Item()); got != "- [B](https://b.example)\n  <!-- inside B -->" {
		t.Errorf("item %q", got)
	}
	if len(d.Comments) != 2 {
		t.Errorf("%d comments, want 2", len(d.Comments))
	}
}

func TestParseSections(t *testing.T) {
	d := parse(t, `- [Top](https://t.example)

Title
=====

Sub
---

- [S](https://s.example)

# One

## Two

### Three

Some text.

[ref]: https://r.example

# Four
`)
	type sec struct {
		level   int
		title   string
		heading string
		parents string
		items   int
		blocks  int
		kids    int
	}
	var got []sec
	for _, s := range d.Sections {
		got = append(got, sec{s.Level, s.Title, show(d, s.Heading), strings.Join(s.Parents, "/"), len(s.Items), s.Blocks, s.Children})
	}
	want := []sec{
		{0, "", "∅", "", 1, 0, 0},
		{1, "Title", "Title\n=====", "", 0, 0, 1},
		{2, "Sub", "Sub\n---", "Title", 1, 0, 0},
		{1, "One", "# One", "", 0, 0, 1},
		{2, "Two", "## Two", "One", 0, 0, 1},
		{3, "Three", "### Three", "One/Two", 0, 1, 0},
		{1, "Four", "# Four", "", 0, 0, 0},
	}
	if len(got) != len(want) {
		t.Fatalf("sections %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if d.Sections[5].Parent != d.Sections[4] || d.Sections[1].Parent != nil {
		t.Error("Parent wrong")
	}
}

func TestParseLoose(t *testing.T) {
	d := parse(t, "- [A](https://a.example)\n\n- [B](https://b.example)\n\n# T\n\n1. [C](https://c.example)\n2. [D](https://d.example)\n")
	if !d.Lists[0].Loose || d.Lists[1].Loose || !d.Lists[1].Ordered {
		t.Error("loose/ordered wrong")
	}
	if got := d.Text(d.Items[3].Marker()); got != "2." {
		t.Errorf("ordered marker %q, want \"2.\"", got)
	}
	if got := d.Text(d.Lists[0].Span); got != "- [A](https://a.example)\n\n- [B](https://b.example)" {
		t.Errorf("list span %q", got)
	}
}

func TestParseTabIndentedMarkers(t *testing.T) {
	d := parse(t, "- [A](https://a.example)\n\t- **Bold** first, tab-indented.\n\t- [B](https://b.example): Child.\n1. [C](https://c.example)\n\t1. *Em* first.\n")
	for i, want := range []string{"-", "-", "-", "1.", "1."} {
		if got := d.Text(d.Items[i].Marker()); got != want {
			t.Errorf("item %d: marker %q, want %q", i, got, want)
		}
	}
	if got := d.Text(d.Items[1].Content()); got != "**Bold** first, tab-indented." {
		t.Errorf("content %q", got)
	}
	checkEntry(t, d, d.Items[2], entry{text: "B", year: "∅", ysep: "∅", name: "B", url: "https://b.example", dest: "https://b.example", sep: ": ", desc: "Child."})
}

func TestParseDestValue(t *testing.T) {
	d := parse(t, "- [A](https://a.example/?x=1&amp;y=2): Entity.\n- [B](https://b.example/?x=1&y=2): Plain ampersand.\n- [C][c]\n\n[c]: https://c.example/a\\_b\n")
	checkEntry(t, d, d.Items[0], entry{text: "A", year: "∅", ysep: "∅", name: "A", url: "∅", dest: "https://a.example/?x=1&y=2", sep: ": ", desc: "Entity."})
	checkEntry(t, d, d.Items[1], entry{text: "B", year: "∅", ysep: "∅", name: "B", url: "https://b.example/?x=1&y=2", dest: "https://b.example/?x=1&y=2", sep: ": ", desc: "Plain ampersand."})
	if got := d.Items[2].Dest(); got != "https://c.example/a_b" {
		t.Errorf("reference destination %q, want it unescaped", got)
	}
}

func TestParseLabels(t *testing.T) {
	d := parse(t, "- **Go**: [Zeta](https://z.example) - Z.\n- **C#:** [Alpha](https://a.example) - A.\n- __Rust__ [Beta](https://b.example)\n- **Note**: see [x](https://x.example).\n- **Go**\n")
	for i, want := range []string{"Go", "C#", "Rust"} {
		e := d.Items[i]
		if !e.IsEntry() || show(d, e.Label()) != want {
			t.Errorf("item %d: entry %v, label %q, want %q", i, e.IsEntry(), show(d, e.Label()), want)
		}
	}
	checkEntry(t, d, d.Items[0], entry{text: "Zeta", year: "∅", ysep: "∅", name: "Zeta", url: "https://z.example", dest: "https://z.example", sep: " - ", desc: "Z."})
	for _, e := range d.Items[3:] {
		if e.IsEntry() || e.Label() != lint.NoSpan {
			t.Errorf("%q: bold text not followed by a link is no label", show(d, e.Item()))
		}
	}
}

func TestParseTOC(t *testing.T) {
	d := parse(t, "- [One](#one)\n- [Two](#two)\n\n<!-- -->\n\n- [Three](#three)\n- [Site](https://s.example)\n")
	if l := d.Lists[0]; !l.TOC || l.EntryList {
		t.Errorf("links to anchors only: TOC %v, EntryList %v", l.TOC, l.EntryList)
	}
	if l := d.Lists[1]; l.TOC || !l.EntryList {
		t.Errorf("a link out of the document: TOC %v, EntryList %v", l.TOC, l.EntryList)
	}
}

// TestBlankLine: spaces and tabs only, as CommonMark counts a blank line;
// a no-break space is text.
func TestBlankLine(t *testing.T) {
	d := parse(t, "a\n\n \t\n\u00a0\n\r\nb")
	for n, want := range map[int]bool{1: false, 2: true, 3: true, 4: false, 5: true, 6: false} {
		if got := d.BlankLine(n); got != want {
			t.Errorf("BlankLine(%d) = %v, want %v", n, got, want)
		}
	}
}

// TestItemFrom: the first item whose marker starts at an offset or after
// it, nested items included, in document order.
func TestItemFrom(t *testing.T) {
	src := "- [A](u)\n  - [B](v)\n\ntext\n\n- [C](w)\n"
	d := parse(t, src)
	for _, c := range []struct {
		off  int
		want string // the item's first line; "" for none
	}{
		{0, "- [A](u)"},
		{1, "- [B](v)"},
		{strings.Index(src, "- [B]"), "- [B](v)"},
		{strings.Index(src, "text"), "- [C](w)"},
		{len(src), ""},
	} {
		got := ""
		if it := d.ItemFrom(c.off); it != nil {
			line := d.LineSpan(d.Line(it.Marker().Start))
			got = strings.TrimSpace(string(d.Src[line.Start:line.End]))
		}
		if got != c.want {
			t.Errorf("ItemFrom(%d) = %q, want %q", c.off, got, c.want)
		}
	}
}
