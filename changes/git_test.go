package changes

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// gitEnv isolates git from the user's configuration and fixes authors and
// dates, so commits are the same on every machine.
func gitEnv(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	for k, v := range map[string]string{
		"GIT_CONFIG_GLOBAL":   os.DevNull,
		"GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME":     "Ann Author",
		"GIT_AUTHOR_EMAIL":    "ann@example.org",
		"GIT_AUTHOR_DATE":     "2024-01-02T10:00:00Z",
		"GIT_COMMITTER_NAME":  "Cy Committer",
		"GIT_COMMITTER_EMAIL": "cy@example.org",
		"GIT_COMMITTER_DATE":  "2024-01-02T10:00:00Z",
	} {
		t.Setenv(k, v)
	}
	// Never find a repository above the test's folders.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(t.TempDir()))
}

// run runs git in dir and fails the test on error.
func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// write writes files under dir, creating folders.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const list = `# Tools

- [Alpha](https://alpha.example): First.
- [Beta](https://beta.example): Second.
- [Delta](https://delta.example): Fourth.
`

// newRepo makes a repository with a commit on branch "base" and a branch
// "feature" checked out on top of it.
func newRepo(t *testing.T) string {
	t.Helper()
	gitEnv(t)
	dir := t.TempDir()
	run(t, dir, "init", "-q", "-b", "base")
	write(t, dir, map[string]string{
		"list.md":         list,
		"docs/sub.md":     list,
		"docs/gone.md":    list,
		"docs/moved.md":   "# Moved\n\n- [M](https://m.example): Em.\n- [N](https://n.example): En.\n",
		"unchanged.md":    list,
		".gitignore":      "ignored.md\n",
		"docs/crlf.md":    "# CRLF\r\n\r\n- [C](https://c.example): See.\r\n",
		"docs/no-eol.md":  "# No EOL\n\n- [E](https://e.example): Ee.",
		"docs/staged.md":  list,
		"docs/two-ed.md":  list,
		"docs/space d.md": list,
	})
	run(t, dir, "add", "-A")
	run(t, dir, "commit", "-q", "-m", "base")
	run(t, dir, "checkout", "-q", "-b", "feature")
	return dir
}

func TestFromGit(t *testing.T) {
	dir := newRepo(t)
	// Committed on the branch: a new entry at line 5 of list.md.
	write(t, dir, map[string]string{
		"list.md": strings.Replace(list, "- [Delta]", "- [Gamma](https://gamma.example): Third.\n- [Delta]", 1),
	})
	run(t, dir, "commit", "-q", "-am", "add Gamma")
	// Staged: a changed description at line 4.
	write(t, dir, map[string]string{"docs/staged.md": strings.Replace(list, "Second.", "Second one.", 1)})
	run(t, dir, "add", "docs/staged.md")
	// Staged, then changed again in the work tree: both count.
	write(t, dir, map[string]string{"docs/two-ed.md": strings.Replace(list, "First.", "First one.", 1)})
	run(t, dir, "add", "docs/two-ed.md")
	write(t, dir, map[string]string{"docs/two-ed.md": strings.Replace(list, "First.", "First one.", 1) + "- [Zeta](https://zeta.example): Last.\n"})
	// Unstaged: appended entries, CRLF, a last line without newline.
	write(t, dir, map[string]string{
		"docs/sub.md":     list + "- [Epsilon](https://epsilon.example): Fifth.\n",
		"docs/crlf.md":    "# CRLF\r\n\r\n- [B](https://b.example): Bee.\r\n- [C](https://c.example): See.\r\n",
		"docs/no-eol.md":  "# No EOL\n\n- [E](https://e.example): Ee.\n- [F](https://f.example): Ef.",
		"docs/space d.md": strings.Replace(list, "# Tools", "# Tools!", 1),
	})
	// Deleted, renamed with a change, untracked, ignored.
	run(t, dir, "rm", "-q", "docs/gone.md")
	run(t, dir, "mv", "docs/moved.md", "moved.md")
	write(t, dir, map[string]string{
		"moved.md":        "# Moved\n\n- [M](https://m.example): Em.\n- [N](https://n.example): En!\n",
		"new.md":          "# New\n\n- [X](https://x.example): Ex.\n",
		"drafts/later.md": "# Later\n",
		"ignored.md":      "# Ignored\n",
	})

	s, err := FromGit(dir, "base")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]lines{
		"list.md":         {5},
		"docs/staged.md":  {4},
		"docs/two-ed.md":  {3, 6},
		"docs/sub.md":     {6},
		"docs/crlf.md":    {3},
		"docs/no-eol.md":  {3, 4},
		"docs/space d.md": {1},
		"moved.md":        {4},
		"new.md":          nil, // untracked: whole file
		"drafts/later.md": nil,
	}
	checkSet(t, s, want)
	if top, err := filepath.EvalSymlinks(dir); err != nil || mustEval(t, s.Root) != top {
		t.Errorf("Root = %q, want %q (%v)", s.Root, dir, err)
	}
	if got := s.Lines(filepath.Join(dir, "new.md"), 3); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("untracked new.md: lines %v, want 1 to 3", got)
	}
	if got := s.Lines(filepath.Join(dir, "unchanged.md"), 5); got != nil {
		t.Errorf("unchanged.md: lines %v, want none", got)
	}
}

func mustEval(t *testing.T, p string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestFromGitSubFolder runs from a sub-folder of the work tree, reached
// directly and through a symbolic link, and looks files up the way the CLI
// names them.
func TestFromGitSubFolder(t *testing.T) {
	dir := newRepo(t)
	write(t, dir, map[string]string{
		"docs/sub.md": list + "- [Epsilon](https://epsilon.example): Fifth.\n",
		"list.md":     strings.Replace(list, "First.", "First!", 1),
	})
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	for _, cwd := range []string{filepath.Join(dir, "docs"), filepath.Join(link, "docs")} {
		t.Run(filepath.Base(filepath.Dir(cwd)), func(t *testing.T) {
			t.Chdir(cwd)
			s, err := FromGit(".", "base")
			if err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				path string
				want []int
			}{
				{"sub.md", []int{6}},
				{"./sub.md", []int{6}},
				{"../docs/sub.md", []int{6}},
				{filepath.Join(cwd, "sub.md"), []int{6}},
				{"../list.md", []int{3}},
				{"staged.md", nil},
				{"list.md", nil}, // docs/list.md does not exist
				{"../../elsewhere.md", nil},
				{"<stdin>", nil},
			} {
				if got := s.Lines(tc.path, 6); !slices.Equal(got, tc.want) {
					t.Errorf("Lines(%q) = %v, want %v", tc.path, got, tc.want)
				}
			}
		})
	}
}

func TestFromGitErrors(t *testing.T) {
	dir := newRepo(t)
	empty := t.TempDir()
	run(t, empty, "init", "-q")
	outside := t.TempDir()
	for _, tc := range []struct {
		name, dir, rev string
		is             error
		want           string
	}{
		{"outside a repository", outside, "base", ErrNotRepository, outside + ": not a git repository"},
		{"missing folder", filepath.Join(outside, "nope"), "base", nil, "nope"},
		{"unknown revision", dir, "nope", ErrUnknownRevision, `unknown revision "nope": no such commit in `},
		{"revision of no commit", empty, "HEAD", ErrUnknownRevision, `unknown revision "HEAD"`},
		{"option as revision", dir, "--output=x", ErrUnknownRevision, `unknown revision "--output=x"`},
		{"empty revision", dir, "", ErrUnknownRevision, `unknown revision ""`},
		{"tree, not a commit", dir, "base^{tree}", ErrUnknownRevision, `unknown revision "base^{tree}"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := FromGit(tc.dir, tc.rev)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line containing %q", msg, tc.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); err == nil {
		t.Error("a revision starting with - reached git diff as an option")
	}
}

// TestFromGitAgainstPatch checks that the lines read from git equal those
// read from the patch git diff writes, with the default context of three
// lines, from the top and from a sub-folder.
func TestFromGitAgainstPatch(t *testing.T) {
	dir := newRepo(t)
	write(t, dir, map[string]string{
		"list.md":     strings.Replace(list, "- [Delta]", "- [Gamma](https://gamma.example): Third\n- [Delta]", 1),
		"docs/sub.md": "- [Zed](https://zed.example): Zed.\n" + list,
	})
	run(t, dir, "commit", "-q", "-am", "change")
	fromGit, err := FromGit(dir, "base")
	if err != nil {
		t.Fatal(err)
	}
	name := diffFile(t, filepath.Join(dir, "docs"), "base")
	t.Chdir(filepath.Join(dir, "docs"))
	fromPatch, err := FromPatchFile(name, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	checkSet(t, fromPatch, map[string]lines{"list.md": {5}, "docs/sub.md": {1}})
	checkSet(t, fromGit, map[string]lines{"list.md": {5}, "docs/sub.md": {1}})
	for _, p := range []string{"sub.md", "../list.md"} {
		if a, b := fromGit.Lines(p, 7), fromPatch.Lines(p, 7); !slices.Equal(a, b) || a == nil {
			t.Errorf("%s: git %v, patch %v", p, a, b)
		}
	}
}

// TestFromPatchFileOutsideRepository takes the patch's paths relative to
// the current directory.
func TestFromPatchFileOutsideRepository(t *testing.T) {
	gitEnv(t)
	dir := t.TempDir()
	write(t, dir, map[string]string{"pr.patch": "--- a/l.md\n+++ b/l.md\n@@ -1 +1,2 @@\n x\n+y\n"})
	t.Chdir(dir)
	s, err := FromPatchFile("pr.patch", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if s.Root != "" {
		t.Errorf("Root = %q, want the current directory", s.Root)
	}
	if got := s.Lines("./l.md", 2); !slices.Equal(got, []int{2}) {
		t.Errorf("Lines = %v, want [2]", got)
	}
	if _, err := FromPatchFile("missing.patch", 1<<20); err == nil || !strings.Contains(err.Error(), "missing.patch") {
		t.Errorf("missing patch: error %v, want one naming it", err)
	}
}

// diffFile writes what `git diff rev` prints in dir to a file and returns
// its path, as a CI system hands over a patch.
func diffFile(t *testing.T, dir, rev string) string {
	t.Helper()
	cmd := exec.Command("git", "diff", rev)
	cmd.Dir = dir
	patch, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "pr.patch")
	if err := os.WriteFile(name, patch, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}
