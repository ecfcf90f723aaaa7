package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

// findings resolves hand-made diagnostics on two real documents, one of
// them with CJK text and a BOM, so positions come from the model.
func findings(t *testing.T) []Finding {
	t.Helper()
	srcA := "# Tools\n\n- [Alpha](https://a.example)\n- [Beta](https://b.example): beta\n"
	a, err := lint.Parse("b.md", []byte(srcA))
	if err != nil {
		t.Fatal(err)
	}
	srcB := "\xEF\xBB\xBF# 工具\n\n- [工具](https://c.example)：说明\n"
	b, err := lint.Parse("a.md", []byte(srcB))
	if err != nil {
		t.Fatal(err)
	}
	desc := strings.Index(srcA, ": beta") + 2
	beta := strings.Index(srcA, "[Beta]")
	sep := strings.Index(srcB, "：")
	fix := &lint.Fix{Message: "capitalise", Edits: []lint.TextEdit{{Pos: desc, End: desc + 1, NewText: "B"}}}
	res := []lint.Result{
		{Doc: a, Diagnostics: []lint.Diagnostic{
			{
				Rule: "duplicate-name", Severity: lint.Error, Pos: beta, End: beta + len("[Beta]"), Message: "same name as line 3",
				Related: &lint.Related{Offset: strings.Index(srcA, "[Alpha]"), Line: 3, Column: 3},
			},
			{Rule: "description", Severity: lint.Warning, Pos: desc, End: desc + 4, Message: `description starts with "b", expected a capital letter`, Fix: fix},
		}},
		{Doc: b, Diagnostics: []lint.Diagnostic{
			{Rule: "separator", Severity: lint.Info, Pos: sep, End: sep + len("："), Message: `separator is "：", expected ": "`},
		}},
	}
	fs := Findings(res)
	Sort(fs)
	return fs
}

func TestText(t *testing.T) {
	fs := findings(t)
	var out bytes.Buffer
	if err := Write(&out, fs, Options{Format: "text"}); err != nil {
		t.Fatal(err)
	}
	// Columns count characters: the CJK separator is at column 26.
	want := "a.md:3:26: info separator " + `separator is "：", expected ": "` + "\n" +
		"b.md:4:3: error duplicate-name same name as line 3\n" +
		"b.md:4:30: warning description [*] " + `description starts with "b", expected a capital letter` + "\n" +
		"3 findings: 1 error, 1 warning, 1 info (1 fixable) in 2 files\n"
	if out.String() != want {
		t.Errorf("text output:\n%s\nwant:\n%s", out.String(), want)
	}

	out.Reset()
	if err := Write(&out, fs[:1], Options{Quiet: true}); err != nil {
		t.Fatal(err)
	}
	if want := "a.md:3:26: info separator " + `separator is "：", expected ": "` + "\n"; out.String() != want {
		t.Errorf("quiet output %q, want %q", out.String(), want)
	}

	out.Reset()
	if err := Write(&out, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("clean run printed %q, want nothing", out.String())
	}
}

func TestSummary(t *testing.T) {
	fs := findings(t)
	for _, tt := range []struct {
		fs   []Finding
		want string
	}{
		{fs[:1], "1 finding: 0 errors, 0 warnings, 1 info (0 fixable) in 1 file"},
		{fs[1:], "2 findings: 1 error, 1 warning (1 fixable) in 1 file"},
		{fs, "3 findings: 1 error, 1 warning, 1 info (1 fixable) in 2 files"},
	} {
		if got := Summary(tt.fs); got != tt.want {
			t.Errorf("Summary = %q, want %q", got, tt.want)
		}
	}
}

func TestJSON(t *testing.T) {
	var out bytes.Buffer
	if err := Write(&out, findings(t), Options{Format: "json"}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if len(got) != 3 {
		t.Fatalf("got %d findings, want 3", len(got))
	}
	want := map[string]any{
		"path": "b.md", "line": 4.0, "column": 3.0, "endLine": 4.0, "endColumn": 9.0,
		"offset": 40.0, "endOffset": 46.0, "rule": "duplicate-name", "severity": "error",
		"message": "same name as line 3", "fixable": false,
		"related": map[string]any{"path": "b.md", "line": 3.0, "column": 3.0},
	}
	for k, v := range want {
		if !equalJSON(got[1][k], v) {
			t.Errorf("finding 1: %s = %v, want %v", k, got[1][k], v)
		}
	}
	if len(got[1]) != len(want) {
		t.Errorf("finding 1 has keys %v, want exactly %v", got[1], want)
	}
	if _, ok := got[0]["related"]; ok {
		t.Errorf("finding without a related place has a related key: %v", got[0])
	}
	if got[2]["fixable"] != true || got[0]["severity"] != "info" {
		t.Errorf("fixable/severity wrong: %v / %v", got[2], got[0])
	}

	out.Reset()
	if err := WriteJSON(&out, nil); err != nil {
		t.Fatal(err)
	}
	if out.String() != "[]\n" {
		t.Errorf("clean JSON = %q, want []", out.String())
	}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestTextColor(t *testing.T) {
	fs := findings(t)
	var out bytes.Buffer
	if err := Write(&out, fs[2:], Options{Color: true, Quiet: true}); err != nil {
		t.Fatal(err)
	}
	// Bold location, the severity in its colour, a dim fix mark; the
	// rule and the message stay plain.
	want := "\x1b[1mb.md:4:30:\x1b[0m \x1b[33mwarning\x1b[0m description \x1b[2m[*]\x1b[0m " +
		`description starts with "b", expected a capital letter` + "\n"
	if out.String() != want {
		t.Errorf("coloured output %q, want %q", out.String(), want)
	}
}

func TestStatistics(t *testing.T) {
	fs := findings(t)
	fs = append(fs, fs[2])
	rules := []*lint.Rule{{ID: "description", Title: "descriptions are sentences"}, {ID: "separator", Title: "one separator"}}
	var out bytes.Buffer
	if err := Write(&out, fs, Options{Statistics: true, Rules: rules}); err != nil {
		t.Fatal(err)
	}
	// Most frequent first, then by rule ID; a rule without a title (not
	// among rules) gets none.
	want := "2  description     [*] descriptions are sentences\n" +
		"1  duplicate-name\n" +
		"1  separator           one separator\n" +
		"4 findings: 1 error, 2 warnings, 1 info (2 fixable) in 2 files\n"
	if out.String() != want {
		t.Errorf("statistics:\n%s\nwant:\n%s", out.String(), want)
	}
	out.Reset()
	if err := Write(&out, nil, Options{Format: "json", Statistics: true}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "[]\n" {
		t.Errorf("clean JSON statistics = %q, want []", out.String())
	}
	if err := Write(&out, fs, Options{Format: "sarif", Statistics: true}); err == nil {
		t.Error("statistics in SARIF: no error")
	}
}
