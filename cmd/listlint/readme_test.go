package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
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

// flagLine matches a flag's first line in listlint help CMD and in the
// README's flag blocks: "-f, --format FORMAT ..." or "--quiet ...".
var flagLine = regexp.MustCompile(`^\s+((?:-[a-zA-Z], )?--[a-z0-9][a-z0-9-]*)`)

// flagsIn returns the flags (with their shorthand) whose first lines
// start the lines of text.
func flagsIn(text string) []string {
	var flags []string
	for line := range strings.Lines(text) {
		if m := flagLine.FindStringSubmatch(line); m != nil {
			flags = append(flags, m[1])
		}
	}
	slices.Sort(flags)
	return flags
}

// readmeFlagBlock returns the indented block that follows the line
// "**CMD flags**" in the README, and whether there is one.
func readmeFlagBlock(readme, cmd string) (string, bool) {
	_, rest, ok := strings.Cut(readme, "\n**"+cmd+" flags**\n\n")
	if !ok {
		return "", false
	}
	var block strings.Builder
	for line := range strings.Lines(rest) {
		if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "    ") {
			break
		}
		block.WriteString(line)
	}
	return block.String(), true
}

// TestREADMEFlags checks the README's flags against the program both
// ways: every flag listlint help CMD prints is in the README's block for
// CMD, every flag of that block is one help prints, and every flag the
// README passes to a listlint command anywhere is one the command has.
func TestREADMEFlags(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, cmd := range commands() {
		var out bytes.Buffer
		if code := run([]string{"help", cmd.name}, nil, &out, &out); code != exitClean {
			t.Fatalf("help %s exit %d:\n%s", cmd.name, code, out.String())
		}
		_, helpFlags, _ := strings.Cut(out.String(), "\nFlags:\n")
		want := flagsIn(helpFlags)
		block, ok := readmeFlagBlock(readme, cmd.name)
		if !ok {
			if len(want) > 0 {
				t.Errorf("README has no **%s flags** block for the flags of listlint help %s: %v", cmd.name, cmd.name, want)
			}
			continue
		}
		got := flagsIn(block)
		for _, f := range want {
			if !slices.Contains(got, f) {
				t.Errorf("README's %s flags lack %s, which listlint help %s prints", cmd.name, f, cmd.name)
			}
		}
		for _, f := range got {
			if !slices.Contains(want, f) {
				t.Errorf("README's %s flags show %s, which listlint help %s does not print", cmd.name, f, cmd.name)
			}
		}
	}

	// Command lines written in the README: "listlint CMD ..." up to the
	// end of the code span, a pipe or the end of the line.
	invocation := regexp.MustCompile("listlint ([a-z]+)([^`|;\n]*)")
	word := regexp.MustCompile(`(?:^|\s)(--?[a-zA-Z][a-z0-9-]*)`)
	for i, line := range strings.Split(readme, "\n") {
		for _, m := range invocation.FindAllStringSubmatch(line, -1) {
			cmd := findCommand(m[1])
			if cmd == nil {
				continue // prose: "listlint works", "listlint lints"
			}
			fs := commandFlags(t, cmd.name)
			for _, w := range word.FindAllStringSubmatch(m[2], -1) {
				checkFlag(t, fs, fmt.Sprintf("README.md:%d", i+1), w[1])
			}
		}
	}
}

// fixWord finds a recipe that runs fix, not one that merely names the
// language server's source.fixAll action.
var fixWord = regexp.MustCompile(`\bfix\b`)

// TestREADMEEditors checks that every editor recipe runs fix with
// --stdin-filename, so the file's own configuration applies.
func TestREADMEEditors(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## Editors\n")
	if !ok {
		t.Fatal("README has no Editors section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	blocks := strings.Split(section, "```")
	recipes := 0
	for i := 1; i < len(blocks); i += 2 {
		if b := blocks[i]; strings.Contains(b, "listlint") && fixWord.MatchString(b) {
			recipes++
			if !strings.Contains(b, "--stdin-filename") {
				t.Errorf("editor recipe without --stdin-filename:\n%s", b)
			}
		}
	}
	if recipes == 0 {
		t.Error("the Editors section has no recipe")
	}
}

// TestNoConflictMarkers fails on merge conflict markers left in any text
// file git tracks. The conflict-marker rule's fixtures, its doc's example
// and the script that fixes around one hold markers on purpose.
func TestNoConflictMarkers(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := filepath.Join("..", "..")
	out, err := exec.Command("git", "-C", root, "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("not a git work tree: %v", err)
	}
	ours, theirs := strings.Repeat("<", 7), strings.Repeat(">", 7)
	base, sep := strings.Repeat("|", 7), strings.Repeat("=", 7)
	for name := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if strings.HasPrefix(name, "testdata/rules/conflict-marker/") ||
			name == "rules/conflict_marker.go" ||
			name == "cmd/listlint/testdata/script/fix_conflict.txtar" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue // deleted in the work tree, not yet in the index
			}
			t.Fatal(err)
		}
		if bytes.IndexByte(data, 0) >= 0 {
			continue // binary
		}
		open := false
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSuffix(line, "\r")
			marker := false
			switch {
			case line == ours || strings.HasPrefix(line, ours+" "):
				open, marker = true, true
			case line == theirs || strings.HasPrefix(line, theirs+" "):
				open, marker = false, true
			case open && (line == sep || line == base || strings.HasPrefix(line, base+" ")):
				// "=======" alone is also a setext heading underline:
				// a marker only inside a conflict.
				marker = true
			}
			if marker {
				t.Errorf("%s:%d: merge conflict marker %q", name, i+1, line)
			}
		}
	}
}

// TestProjectFiles checks the LICENSE (MIT, the listlint authors) and
// that CHANGELOG.md keeps the Keep a Changelog form: an Unreleased
// section first, and only its kinds of change.
func TestProjectFiles(t *testing.T) {
	license, err := os.ReadFile(filepath.Join("..", "..", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(license, []byte("MIT License\n\nCopyright (c) ")) || !bytes.Contains(license, []byte(" The listlint authors\n")) {
		t.Errorf("LICENSE is not the MIT license of the listlint authors:\n%.200s", license)
	}
	changelog, err := os.ReadFile(filepath.Join("..", "..", "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(changelog, []byte("https://keepachangelog.com/")) {
		t.Error("CHANGELOG.md does not say it follows Keep a Changelog")
	}
	versions := regexp.MustCompile(`(?m)^## (.*)$`).FindAllSubmatch(changelog, -1)
	if len(versions) == 0 || string(versions[0][1]) != "[Unreleased]" {
		t.Errorf("CHANGELOG.md must start with ## [Unreleased], got %q", versions)
	}
	for _, m := range regexp.MustCompile(`(?m)^### (.*)$`).FindAllSubmatch(changelog, -1) {
		if !slices.Contains([]string{"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}, string(m[1])) {
			t.Errorf("CHANGELOG.md: %q is not a Keep a Changelog kind of change", m[1])
		}
	}
}

// TestREADMETryIt keeps the README's first screen to the two set-up
// commands: the first code lines a reader meets run the shipped example
// with no configuration and then every test, before any install step.
func TestREADMETryIt(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var code []string
	for line := range strings.Lines(string(data)) {
		if strings.HasPrefix(line, "    ") && strings.TrimSpace(line) != "" {
			code = append(code, strings.TrimSpace(line))
		} else if len(code) > 0 {
			break
		}
	}
	want := []string{"go run ./cmd/listlint check testdata/example/awesome-example.md", "go test ./..."}
	if !slices.Equal(code, want) {
		t.Errorf("the README's first code block is %q, want the two Try-it commands %q", code, want)
	}
	if _, err := os.Stat(filepath.Join("..", "..", "testdata", "example", ".listlint.yml")); err == nil {
		t.Error("the example runs with the built-in defaults: testdata/example holds no configuration")
	}
}
