package gitcmd

import (
	"errors"
	"os/exec"
	"path"
	"strings"
)

// Tree is what git would have a walk see below a folder: the files it
// tracks, plus the untracked ones it does not ignore (.gitignore,
// .git/info/exclude, core.excludesFile), as paths relative to the folder.
// A nil *Tree keeps everything: the folder is outside a work tree,
// git is not installed, or the folder itself is ignored.
type Tree struct {
	// files holds the listed paths. A listed folder (a nested repository
	// or a submodule) keeps everything below it.
	files map[string]bool
	// dirs holds every folder above a listed path: the folders a walk
	// must enter.
	dirs map[string]bool
}

// Files asks the git binary which files below root a walk keeps. It
// reads the answer once, with ls-files, rather than asking about every
// path: a walk then prunes ignored folders (build output, virtual
// environments) without reading them.
func Files(root string) (*Tree, error) {
	// check-ignore exits 0 when "." is ignored, 1 when it is not, and
	// 128 outside a work tree (or inside .git). --no-index asks the
	// patterns alone: a folder the patterns ignore is walked whole when
	// named, even when git tracks a file in it.
	_, err := Output(root, "check-ignore", "--no-index", "-q", "--", ".")
	var exit *exec.ExitError
	switch {
	case err == nil:
		return nil, nil
	case errors.Is(err, exec.ErrNotFound):
		return nil, nil
	case !errors.As(err, &exit):
		return nil, err
	case exit.ExitCode() != 1:
		return nil, nil
	}
	out, err := Output(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	t := &Tree{files: make(map[string]bool), dirs: make(map[string]bool)}
	for name := range strings.SplitSeq(string(out), "\x00") {
		if name == "" {
			continue
		}
		name = strings.TrimSuffix(name, "/")
		t.files[name] = true
		for d := path.Dir(name); d != "." && !t.dirs[d]; d = path.Dir(d) {
			t.dirs[d] = true
		}
	}
	return t, nil
}

// File reports whether the walk keeps the file at rel.
func (t *Tree) File(rel string) bool {
	return t == nil || t.files[rel] || t.under(rel)
}

// Dir reports whether the walk enters the folder at rel.
func (t *Tree) Dir(rel string) bool {
	return t == nil || t.dirs[rel] || t.files[rel] || t.under(rel)
}

// under reports whether a folder above rel is listed whole.
func (t *Tree) under(rel string) bool {
	for d := path.Dir(rel); d != "."; d = path.Dir(d) {
		if t.files[d] {
			return true
		}
	}
	return false
}
