package changes

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// baseList is clean under every rule.
const baseList = `# Cloud Tools

A list of tools for containers.

## Runtimes

- [containerd #Project#](https://github.com/containerd/containerd): An industry-standard container runtime.

- [gVisor #Project#](https://github.com/google/gvisor): A user-space kernel for containers.

- [Kata Containers #Project#](https://katacontainers.io/): Lightweight virtual machines that feel like containers.

## Images

- [Buildah #Project#](https://github.com/containers/buildah): A tool that builds OCI images.

- [dive #Project#](https://github.com/wagoodman/dive): A tool for exploring each layer in a docker image.

- [Kaniko #Project#](https://github.com/GoogleContainerTools/kaniko): Builds container images in Kubernetes.
`

// otherList has a finding before the change (no final period) and is not
// touched by it.
const otherList = `# Other

- [Alpha #Project#](https://alpha.example.org/): The first letter

- [Beta #Project#](https://beta.example.org/): The second letter.

- [Delta #Project#](https://delta.example.org/): The fourth letter.

- [Gamma #Project#](https://gamma.example.org/): The third letter.
`

// prList is baseList after the pull request: a duplicate of dive placed
// above the old copy (line 9), an entry out of order (line 13), a bad
// entry (no final period, line 21), and an entry in its place with nothing
// wrong (line 27).
const prList = `# Cloud Tools

A list of tools for containers.

## Runtimes

- [containerd #Project#](https://github.com/containerd/containerd): An industry-standard container runtime.

- [Dive #Project#](https://github.com/wagoodman/dive/): Explores image layers.

- [gVisor #Project#](https://github.com/google/gvisor): A user-space kernel for containers.

- [Youki #Project#](https://github.com/youki-dev/youki): A container runtime written in Rust.

- [Kata Containers #Project#](https://katacontainers.io/): Lightweight virtual machines that feel like containers.

## Images

- [Buildah #Project#](https://github.com/containers/buildah): A tool that builds OCI images.

- [Crane #Project#](https://github.com/google/go-containerregistry): A tool for interacting with remote images

- [dive #Project#](https://github.com/wagoodman/dive): A tool for exploring each layer in a docker image.

- [Kaniko #Project#](https://github.com/GoogleContainerTools/kaniko): Builds container images in Kubernetes.

- [runc #Project#](https://github.com/opencontainers/runc): A CLI tool for running containers.
`

// wantPR are the findings on prList in pull-request mode.
var wantPR = []string{
	`list.md:9: duplicate-url url already listed as "dive" at line 23 in section "Images", expected one entry per target`,
	`list.md:13: sort-order new entry "Youki" is out of order: it belongs after "Kata Containers"`,
	`list.md:21: description`,
}

func TestPullRequest(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	gitEnv(t)
	dir := t.TempDir()
	run(t, dir, "init", "-q", "-b", "main")
	write(t, dir, map[string]string{"docs/list.md": baseList, "docs/other.md": otherList})
	run(t, dir, "add", "-A")
	run(t, dir, "commit", "-q", "-m", "clean list")
	run(t, dir, "branch", "base")
	t.Chdir(filepath.Join(dir, "docs"))
	paths := []string{"./list.md", "other.md"}
	if got := check(t, paths, nil); !slices.Equal(got, []string{"other.md:3: description"}) {
		t.Fatalf("base: %q, want only other.md:3", got)
	}
	run(t, dir, "checkout", "-q", "-b", "pr")
	write(t, dir, map[string]string{"docs/list.md": prList})
	run(t, dir, "commit", "-q", "-am", "add five tools")

	// The whole files, for comparison: the change's findings and the old
	// one in other.md, and none more.
	all := check(t, paths, nil)
	if !slices.Contains(all, "other.md:3: description") || len(all) != len(wantPR)+1 {
		t.Fatalf("without pull-request mode: %q, want the %d findings of the change and other.md:3", all, len(wantPR))
	}

	fromRev, err := FromGit(".", "base")
	if err != nil {
		t.Fatal(err)
	}
	if got := check(t, paths, &fromRev); !slices.Equal(got, wantPR) {
		t.Errorf("--new-from-rev base:\n got %q\nwant %q", got, wantPR)
	}

	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	name := diffFile(t, wd, "base")
	fromPatch, err := FromPatchFile(name, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if got := check(t, paths, &fromPatch); !slices.Equal(got, wantPR) {
		t.Errorf("--new-from-patch:\n got %q\nwant %q", got, wantPR)
	}

	// Outside a repository and with an unknown revision: one clear line.
	if _, err := FromGit(t.TempDir(), "base"); err == nil || !strings.HasSuffix(err.Error(), ": not a git repository") {
		t.Errorf("outside a repository: error %v", err)
	}
	if _, err := FromGit(".", "no-such-branch"); err == nil || !strings.HasPrefix(err.Error(), `unknown revision "no-such-branch"`) {
		t.Errorf("unknown revision: error %v", err)
	}
}

// check lints the files at paths with every rule, in pull-request mode
// when set is not nil, the way the CLI does, and returns the findings as
// "PATH:LINE: RULE MESSAGE" (RULE alone for description, whose wording is
// its own business).
func check(t *testing.T, paths []string, set *Set) []string {
	t.Helper()
	docs := make([]*lint.Document, len(paths))
	for i, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if docs[i], err = lint.Parse(filepath.Clean(p), src); err != nil {
			t.Fatal(err)
		}
	}
	// The list is kept in name order, as the awesome and tagged presets
	// have it: a new entry out of order is one of the change's findings.
	byName := func(_ string, r *lint.Rule) lint.Settings {
		s := r.Defaults()
		if r.ID == rules.SortOrder.ID {
			s.Options["by"] = "name"
		}
		return s
	}
	l := &lint.Linter{Rules: rules.All(), Configure: byName}
	if set != nil {
		l.Changed = set.Changed
	}
	results := l.Run(docs)
	if set != nil {
		results = Filter(results, *set)
	}
	var out []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			s := fmt.Sprintf("%s:%d: %s", r.Doc.Path, r.Doc.Line(d.Pos), d.Rule)
			if d.Rule != "description" {
				s += " " + d.Message
			}
			out = append(out, s)
		}
	}
	return out
}
