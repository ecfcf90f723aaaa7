package fix

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/diff")

// numbered returns lines "line 1" … "line n", each ending with eol.
func numbered(n int, eol string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString("line ")
		b.WriteString(strings.Repeat("x", i%3))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(eol)
	}
	return b.String()
}

// replaceLine replaces the 1-based line n of s (lines ending with eol).
func replaceLine(s, eol string, n int, with string) string {
	lines := strings.SplitAfter(s, eol)
	lines[n-1] = with
	return strings.Join(lines, "")
}

type diffCase struct {
	name     string
	old, new string
}

// diffCases cover the shapes a unified diff can take: hunk boundaries,
// the ends of the file, a missing final newline on either side, CRLF.
func diffCases() []diffCase {
	long := numbered(20, "\n")
	crlf := numbered(12, "\r\n")
	return []diffCase{
		{"middle", long, replaceLine(long, "\n", 10, "changed\n")},
		{"first-line", long, replaceLine(long, "\n", 1, "changed\n")},
		{"last-line", long, replaceLine(long, "\n", 20, "changed\n")},
		{"insert-at-start", long, "new first\n" + long},
		{"append-at-end", long, long + "new last\n"},
		{"delete-lines", long, strings.Replace(long, "line xb\nline xxc\n", "", 1)},
		// Changes at lines 5 and 12 leave six unchanged lines between
		// them: one hunk. At 5 and 13, seven: two hunks.
		{"gap-six-one-hunk", long, replaceLine(replaceLine(long, "\n", 5, "five\n"), "\n", 12, "twelve\n")},
		{"gap-seven-two-hunks", long, replaceLine(replaceLine(long, "\n", 5, "five\n"), "\n", 13, "thirteen\n")},
		{"move-line", "a\nb\nc\nd\ne\nf\n", "a\nc\nd\nb\ne\nf\n"},
		{"no-eol-old", "a\nb\nc", "a\nb\nc\n"},
		{"no-eol-new", "a\nb\nc\n", "a\nb\nc"},
		{"no-eol-both-changed", "a\nb\nc", "a\nb\nC"},
		{"no-eol-both-context", "a\nb\nc\nd\ne", "a\nB\nc\nd\ne"},
		{"no-eol-far", numbered(10, "\n") + "end", replaceLine(numbered(10, "\n"), "\n", 2, "two\n") + "end"},
		{"crlf", crlf, replaceLine(crlf, "\r\n", 6, "changed\r\n")},
		{"crlf-to-lf-line", crlf, replaceLine(crlf, "\r\n", 6, "line b\n")},
		{"crlf-no-eol", "a\r\nb\r\nc", "a\r\nB\r\nc"},
		{"from-empty", "", "a\nb\n"},
		{"to-empty", "a\nb\n", ""},
		{"utf8", "- [Zoo](u) 动物\n- [Ant](u) 蚂蚁\n", "- [Ant](u) 蚂蚁\n- [Zoo](u) 动物\n"},
	}
}

func TestDiffGolden(t *testing.T) {
	for _, c := range diffCases() {
		t.Run(c.name, func(t *testing.T) {
			got := Diff("list.md", []byte(c.old), []byte(c.new))
			golden := filepath.Join("testdata", "diff", c.name+".diff")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./fix -run TestDiffGolden -update and review the file)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("diff differs from %s:\n--- got ---\n%s--- want ---\n%s", golden, got, want)
			}
		})
	}
}

func TestDiffEqual(t *testing.T) {
	for _, s := range []string{"", "a\n", "a\r\nb", "x"} {
		if d := Diff("f.md", []byte(s), []byte(s)); d != nil {
			t.Errorf("Diff of equal content %q = %q, want nil", s, d)
		}
	}
}

func TestDiffHeaderNames(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"list.md", "--- a/list.md\n+++ b/list.md\n"},
		{"docs/My List & more.md", "--- a/docs/My List & more.md\t\n+++ b/docs/My List & more.md\t\n"},
		{`q"uote.md`, "--- \"a/q\\\"uote.md\"\n+++ \"b/q\\\"uote.md\"\n"},
		{"tab\there.md", "--- \"a/tab\\there.md\"\n+++ \"b/tab\\there.md\"\n"},
		{"列表.md", "--- a/列表.md\n+++ b/列表.md\n"},
	} {
		d := string(Diff(c.name, []byte("a\n"), []byte("b\n")))
		if !strings.HasPrefix(d, c.want) {
			t.Errorf("Diff(%q) headers:\n%s\nwant:\n%s", c.name, d, c.want)
		}
	}
}

// TestDiffApplies applies every diff with the real patch and git apply and
// checks that each gives exactly the new file.
func TestDiffApplies(t *testing.T) {
	tools := map[string][]string{
		"patch": {"patch", "-p1", "--quiet"},
		"git":   {"git", "apply", "-p1"},
	}
	cases := diffCases()
	cases = append(cases, diffCase{"spaced & named", "b\na\n", "a\nb\n"})
	for tool, args := range tools {
		if _, err := exec.LookPath(args[0]); err != nil {
			t.Logf("%s not installed: skipping it", args[0])
			continue
		}
		for _, c := range cases {
			t.Run(tool+"/"+c.name, func(t *testing.T) {
				name := "dir/" + c.name + ".md"
				dir := t.TempDir()
				applyDiff(t, dir, args, name, []byte(c.old), Diff(name, []byte(c.old), []byte(c.new)))
				got, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, []byte(c.new)) {
					t.Errorf("%s gave %q, want %q", tool, got, c.new)
				}
			})
		}
	}
}

// applyDiff writes old to dir/name and applies diff there with the
// command args, which reads the diff on stdin.
func applyDiff(t *testing.T, dir string, args []string, name string, old, diff []byte) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(diff)
	// git apply outside a repository must not pick up the user's config.
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CEILING_DIRECTORIES="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s\ndiff:\n%s", strings.Join(args, " "), err, out, diff)
	}
}
