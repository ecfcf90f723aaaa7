package changes

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path"
	"strings"

	"github.com/sourcegraph/go-diff/diff"

	"github.com/listlint/listlint/internal/bounded"
)

// devNull is the name a unified diff gives the missing side of a new or
// deleted file.
const devNull = "/dev/null"

// FromPatch reads a unified diff, as git diff or diff -u write it, and
// returns the lines it adds or modifies on the new side. A deleted file
// adds nothing; a new file adds its every line; a renamed file counts
// under its new name. In a git diff (one with "diff --git" headers) the
// first component of each name is its prefix ("a/", "b/") and is dropped,
// as git apply does; elsewhere "a/" and "b/" are dropped when both names
// carry them. Root is left empty: the paths are taken relative to the
// current directory (see FromPatchFile).
func FromPatch(r io.Reader) (Set, error) {
	fds, err := diff.NewMultiFileDiffReader(r).ReadAllFiles()
	if err != nil {
		return Set{}, fmt.Errorf("reading the patch: %w", err)
	}
	return fromFileDiffs(fds)
}

// fromFileDiffs returns the lines the parsed diffs fds add.
func fromFileDiffs(fds []*diff.FileDiff) (Set, error) {
	var s Set
	for _, fd := range fds {
		if err := s.addFileDiff(fd); err != nil {
			return Set{}, err
		}
	}
	s.sorted()
	return s, nil
}

// FromPatchFile reads the unified diff in the file at name (see FromPatch)
// for paths relative to the top of the git work tree holding the current
// directory, the way git diff writes them, or outside a work tree relative
// to the current directory. The file, a regular file or a FIFO
// (--new-from-patch <(git diff)), is read up to limit bytes. An empty file
// changes nothing; one that holds text but no file's diff is an error,
// since reporting nothing on it would pass any pull request.
func FromPatchFile(name string, limit int64) (Set, error) {
	patch, err := bounded.ReadFile(name, limit, true)
	if err != nil {
		return Set{}, fmt.Errorf("patch: %w", err)
	}
	fds, err := diff.NewMultiFileDiffReader(bytes.NewReader(patch)).ReadAllFiles()
	if err != nil {
		return Set{}, fmt.Errorf("%s: reading the patch: %w", name, err)
	}
	if len(fds) == 0 && len(bytes.TrimSpace(patch)) > 0 {
		return Set{}, fmt.Errorf("%s: not a unified diff (no \"---\" and \"+++\" file header)", name)
	}
	s, err := fromFileDiffs(fds)
	if err != nil {
		return Set{}, fmt.Errorf("%s: %w", name, err)
	}
	top, err := Toplevel(".")
	switch {
	case err == nil:
		s.Root = top
	case errors.Is(err, ErrNotRepository), errors.Is(err, exec.ErrNotFound):
		// No work tree, or no git: the patch applies here.
	default:
		return Set{}, err
	}
	return s, nil
}

// addFileDiff records the new-side lines one file's diff adds.
func (s *Set) addFileDiff(fd *diff.FileDiff) error {
	name, ok := newName(fd)
	if !ok {
		return nil
	}
	var lines []int
	for _, h := range fd.Hunks {
		added, err := hunkLines(h)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		lines = append(lines, added...)
	}
	if len(lines) > 0 {
		s.add(name, lines, false)
	}
	return nil
}

// newName is the cleaned, slash-separated new-side name of a file's diff;
// ok is false for a deleted file.
func newName(fd *diff.FileDiff) (name string, ok bool) {
	name = strings.TrimSpace(fd.NewName)
	if name == devNull || name == "" {
		return "", false
	}
	orig := strings.TrimSpace(fd.OrigName)
	switch {
	case isGit(fd):
		if i := strings.IndexByte(name, '/'); i >= 0 {
			name = name[i+1:]
		}
	case strings.HasPrefix(name, "b/") && (orig == devNull || strings.HasPrefix(orig, "a/")):
		name = name[2:]
	}
	name = path.Clean(strings.ReplaceAll(name, `\`, "/"))
	if name == "." || path.IsAbs(name) || name == ".." || strings.HasPrefix(name, "../") {
		return "", false
	}
	return name, true
}

// isGit reports whether a file's diff comes from git, whose names carry a
// prefix.
func isGit(fd *diff.FileDiff) bool {
	for _, h := range fd.Extended {
		if strings.HasPrefix(h, "diff --git ") {
			return true
		}
	}
	return false
}

// hunkLines returns the new-side line numbers a hunk adds. The count of
// new-side lines must match the hunk's header: a patch cut short or edited
// by hand is an error, not a silent miss.
func hunkLines(h *diff.Hunk) ([]int, error) {
	if len(h.Body) == 0 && h.NewLines == 0 {
		return nil, nil
	}
	var added []int
	n := int(h.NewStartLine)
	seen := 0
	// go-diff ends each body line with "\n", but drops the last one after
	// a "\ No newline at end of file" marker.
	for _, line := range bytes.Split(bytes.TrimSuffix(h.Body, []byte("\n")), []byte("\n")) {
		switch {
		case len(line) == 0 || line[0] == ' ':
			// Context; an empty line is context whose space was trimmed.
		case line[0] == '+':
			added = append(added, n)
		default:
			continue
		}
		n++
		seen++
	}
	if seen != int(h.NewLines) {
		return nil, fmt.Errorf("hunk @@ -%d,%d +%d,%d @@ has %d new-side lines",
			h.OrigStartLine, h.OrigLines, h.NewStartLine, h.NewLines, seen)
	}
	return added, nil
}
