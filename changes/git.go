package changes

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/listlint/listlint/internal/gitcmd"
)

// Errors FromGit and Toplevel wrap, for callers that tell them apart.
var (
	// ErrNotRepository: the folder is not inside a git work tree.
	ErrNotRepository = errors.New("not a git repository")
	// ErrUnknownRevision: the revision names no commit.
	ErrUnknownRevision = errors.New("unknown revision")
)

// FromGit returns the lines that the work tree of the git repository
// holding dir adds or modifies since the commit rev names: what
// "git diff rev" shows (committed, staged and unstaged changes), run
// through the git binary on PATH, plus every line of untracked files that
// .gitignore does not exclude (a contributor's new list before git add).
// Root is set to the work tree's top level.
func FromGit(dir, rev string) (Set, error) {
	top, err := Toplevel(dir)
	if err != nil {
		return Set{}, err
	}
	commit, err := resolve(top, rev)
	if err != nil {
		return Set{}, err
	}
	// Settings a user's configuration could change are pinned: colour,
	// external diff and text conversion programs, name prefixes, paths
	// relative to a sub-folder, rename detection (a moved list counts only
	// for the lines it changes).
	out, err := gitcmd.Output(top, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--no-relative",
		"--src-prefix=a/", "--dst-prefix=b/", "--find-renames", "--ignore-submodules",
		"--unified=0", commit, "--")
	if err != nil {
		return Set{}, err
	}
	s, err := FromPatch(bytes.NewReader(out))
	if err != nil {
		return Set{}, fmt.Errorf("git diff %s: %w", rev, err)
	}
	out, err = gitcmd.Output(top, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return Set{}, err
	}
	for name := range strings.SplitSeq(string(out), "\x00") {
		if name != "" {
			s.add(name, nil, true)
		}
	}
	s.sorted()
	s.Root = top
	return s, nil
}

// Toplevel returns the top folder of the git work tree holding dir. Outside
// a work tree the error wraps ErrNotRepository; without git on PATH it
// wraps exec.ErrNotFound.
func Toplevel(dir string) (string, error) {
	out, err := gitcmd.Output(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			abs, absErr := filepath.Abs(dir)
			if absErr != nil {
				abs = dir
			}
			return "", fmt.Errorf("%s: %w", abs, ErrNotRepository)
		}
		return "", err
	}
	top := strings.TrimSpace(string(out))
	if top == "" {
		// rev-parse prints nothing inside the .git folder itself.
		return "", fmt.Errorf("%s: %w", dir, ErrNotRepository)
	}
	return filepath.FromSlash(top), nil
}

// resolve returns the commit rev names, as a full hash: it is passed on to
// git diff, where a revision starting with "-" would read as an option.
func resolve(top, rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("%w %q", ErrUnknownRevision, rev)
	}
	out, err := gitcmd.Output(top, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return "", fmt.Errorf("%w %q: no such commit in %s", ErrUnknownRevision, rev, top)
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}
