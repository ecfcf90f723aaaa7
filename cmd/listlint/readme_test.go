package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestREADME keeps the README's examples true: the check output and the
// fix diff on the example list, and the rule table, are what the program
// prints today.
func TestREADME(t *testing.T) {
	t.Chdir("../..")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const example = "testdata/example/awesome-example.md"

	var out bytes.Buffer
	if code := run([]string{"check", example}, nil, &out, &out); code != exitFindings {
		t.Fatalf("check exit %d, want %d:\n%s", code, exitFindings, out.String())
	}
	// The README indents the output by four spaces.
	indented := "    " + strings.ReplaceAll(strings.TrimSuffix(out.String(), "\n"), "\n", "\n    ") + "\n"
	if !bytes.Contains(readme, []byte(indented)) {
		t.Errorf("README does not show the check output on %s:\n%s", example, indented)
	}

	out.Reset()
	if code := run([]string{"check", "--format", "github", example}, nil, &out, &out); code != exitFindings {
		t.Fatalf("check --format github exit %d, want %d:\n%s", code, exitFindings, out.String())
	}
	// The README shows one of the lines, indented.
	shown := false
	for line := range strings.Lines(out.String()) {
		shown = shown || bytes.Contains(readme, []byte("\n    "+line))
	}
	if !shown {
		t.Errorf("README shows none of the github lines on %s:\n%s", example, out.String())
	}

	out.Reset()
	if code := run([]string{"fix", "--diff", example}, nil, &out, &out); code != exitFindings {
		t.Fatalf("fix --diff exit %d, want %d:\n%s", code, exitFindings, out.String())
	}
	if !bytes.Contains(readme, []byte("```diff\n"+out.String()+"```\n")) {
		t.Errorf("README does not show the fix --diff output on %s:\n%s", example, out.String())
	}

	out.Reset()
	if code := run([]string{"rules"}, nil, &out, &out); code != exitClean {
		t.Fatalf("rules exit %d:\n%s", code, out.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")[1:]
	for _, line := range lines {
		f := strings.Fields(line)
		id, sev, fix, title := f[0], f[1], f[2], strings.Join(f[3:], " ")
		row := "| [`" + id + "`](#" + id + ") | " + sev + " | " + fix + " | " + title + " |\n"
		if !bytes.Contains(readme, []byte(row)) {
			t.Errorf("README rule table lacks the row\n%s", row)
		}
		if !bytes.Contains(readme, []byte("\n### "+id+"\n")) {
			t.Errorf("README has no section for rule %s (SARIF links to it)", id)
		}
	}
	if n := bytes.Count(readme, []byte("| [`")); n != len(lines) {
		t.Errorf("README rule table has %d rows, listlint rules %d", n, len(lines))
	}
}
