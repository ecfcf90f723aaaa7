package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

func TestGitHubGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := GitHub(&buf, testFindings(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "github.txt", buf.Bytes())
}

// TestGitHubInjection feeds entries written to inject workflow commands
// and checks the exact bytes, then parses the output as the runner does:
// one command per finding, and each decodes back to exactly what was
// given.
func TestGitHubInjection(t *testing.T) {
	src := "# Evil\n\n- [x::warning::y,z%0A](https://e.example) - a\n::set-env name=A::1\n"
	doc := parse(t, "a::b,c%d\r\n::notice::e.md", src)
	name := strings.Index(src, "x::")
	diags := []lint.Diagnostic{
		{
			Rule: "description", Severity: lint.Error, Pos: name, End: name + 20,
			Message: "name \"x::warning::y,z%0A\"\n::error file=x::pwned\r\n%0D%25",
		},
		{Rule: "sort,order:x", Severity: lint.Info, Pos: 0, End: 1, Message: "::stop-commands::token\n::add-mask::secret"},
	}
	fs := Findings([]lint.Result{{Doc: doc, Diagnostics: diags}})
	var buf bytes.Buffer
	if err := GitHub(&buf, fs); err != nil {
		t.Fatal(err)
	}
	want := "::error file=a%3A%3Ab%2Cc%25d%0D%0A%3A%3Anotice%3A%3Ae.md,line=3,col=4,endLine=3,endColumn=24," +
		"title=listlint description::name \"x::warning::y,z%250A\"%0A::error file=x::pwned%0D%0A%250D%2525\n" +
		"::notice file=a%3A%3Ab%2Cc%25d%0D%0A%3A%3Anotice%3A%3Ae.md,line=1,col=1,endLine=1,endColumn=2," +
		"title=listlint sort%2Corder%3Ax::::stop-commands::token%0A::add-mask::secret\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	lines := strings.SplitAfter(buf.String(), "\n")
	if lines[len(lines)-1] != "" {
		t.Fatalf("output does not end with a newline")
	}
	lines = lines[:len(lines)-1]
	if len(lines) != len(fs) || strings.ContainsRune(buf.String(), '\r') {
		t.Fatalf("%d lines for %d findings, CR present: %v", len(lines), len(fs), strings.ContainsRune(buf.String(), '\r'))
	}
	for i, line := range lines {
		cmd, props, msg := parseCommand(t, strings.TrimSuffix(line, "\n"))
		f := fs[i]
		wantCmd := map[lint.Severity]string{lint.Error: "error", lint.Warning: "warning", lint.Info: "notice"}[f.Severity]
		if cmd != wantCmd || props["file"] != f.Path || props["title"] != "listlint "+f.Rule || msg != f.Message {
			t.Errorf("line %d decodes to %q %q %q", i+1, cmd, props, msg)
		}
	}
}

// parseCommand reads a workflow command the way the runner does: the
// command name up to a space, properties up to the first "::", split on
// "," and the first "=", then unescaped.
func parseCommand(t *testing.T, line string) (cmd string, props map[string]string, msg string) {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		t.Fatalf("line does not start a command: %q", line)
	}
	head, msg, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("no message separator: %q", line)
	}
	cmd, list, _ := strings.Cut(head, " ")
	props = map[string]string{}
	for _, kv := range strings.Split(list, ",") {
		k, v, _ := strings.Cut(kv, "=")
		props[k] = unescape(v, true)
	}
	return cmd, props, unescape(msg, false)
}

func unescape(s string, property bool) string {
	pairs := []string{"%0D", "\r", "%0A", "\n"}
	if property {
		pairs = append(pairs, "%3A", ":", "%2C", ",")
	}
	pairs = append(pairs, "%25", "%")
	return strings.NewReplacer(pairs...).Replace(s)
}
