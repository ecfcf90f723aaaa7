package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/listlint/listlint/internal/bounded"
	"github.com/listlint/listlint/internal/gitcmd"
	"github.com/listlint/listlint/lint"
)

// input is one file to lint: its path as shown in output, whether it is
// read from stdin, and whether it was named on the command line (a FIFO
// named there is read as a stream; one met in a walk is refused).
type input struct {
	path         string
	stdin, named bool
}

// stdinPath is the path shown for stdin without --stdin-filename.
const stdinPath = "<stdin>"

// skipDir reports whether a walk passes over a folder: version control
// data and third-party code hold no lists of the user's.
func skipDir(name string) bool {
	switch name {
	case ".git", "node_modules", "vendor":
		return true
	}
	return false
}

// isMarkdown reports whether a walked file's name marks it as Markdown.
func isMarkdown(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// stdinArgs checks the use of "-" among the paths: at most once, and
// present when --stdin-filename is given (alone, that flag implies it).
func stdinArgs(args []string, stdinName string) ([]string, error) {
	n := 0
	for _, a := range args {
		if a == "-" {
			n++
		}
	}
	switch {
	case n > 1:
		return nil, errors.New("- (stdin) given more than once")
	case n == 0 && stdinName != "" && len(args) > 0:
		return nil, errors.New("--stdin-filename names stdin, but no path is -")
	case n == 0 && stdinName != "":
		return []string{"-"}, nil
	}
	return args, nil
}

// discover resolves the command-line paths to the files to lint, in
// argument order, each file once. No path means the current folder; "-"
// means stdin, shown as stdinName. A path that exists is a file, linted
// whatever its name (and whatever .gitignore says: it was named), or a
// folder, walked for *.md and *.markdown. A path that does not exist and
// holds glob syntax (*, ?, [...], {a,b}, ** for any depth) is a pattern:
// the folder before its first wildcard is walked for the files whose path
// below it matches, whatever their extension. Walks skip the folders
// skipDir names and, inside a git work tree, what git ignores. Folders for
// which excluded holds (files.exclude) are not walked, and files for which
// it holds are left out; a folder whose Markdown files are all excluded is
// no error. Every path that cannot be used yields one error naming it, and
// the others are still returned: no file is skipped silently, but for
// symbolic links a walk meets that lead out of the folder walked, which
// note hears of (nil: nobody).
func discover(args []string, stdinName string, excluded func(path string) bool, note func(msg string)) ([]input, []error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	var (
		ins  []input
		errs []error
		seen = make(map[string]bool)
	)
	add := func(path string, named bool) {
		if !seen[path] {
			seen[path] = true
			ins = append(ins, input{path: path, named: named})
		}
	}
	for _, arg := range args {
		if arg == "-" {
			name := stdinName
			if name == "" {
				name = stdinPath
			}
			ins = append(ins, input{path: name, stdin: true})
			continue
		}
		var (
			found    []string
			skipped  int
			walkErrs []error
			empty    string
		)
		st, err := os.Stat(arg)
		switch {
		case err != nil && isGlob(arg):
			found, skipped, walkErrs = glob(arg, excluded, note)
			empty = "no file matches"
		case err != nil:
			errs = append(errs, pathError(arg, err))
			continue
		case st.IsDir():
			found, skipped, walkErrs = walk(arg, isMarkdown, excluded, note)
			empty = "no Markdown files"
		default:
			if err := bounded.CheckMode(st.Mode(), true); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", arg, err))
			} else {
				add(filepath.Clean(arg), true)
			}
			continue
		}
		errs = append(errs, walkErrs...)
		if len(found) == 0 && skipped == 0 && len(walkErrs) == 0 {
			errs = append(errs, &noFilesError{arg: arg, what: empty})
		}
		for _, p := range found {
			add(p, false)
		}
	}
	return ins, errs
}

// isGlob reports whether a path holds glob syntax.
func isGlob(path string) bool {
	return strings.ContainsAny(filepath.ToSlash(path), "*?[{")
}

// glob lists the files pattern matches, in lexical order, and counts the
// excluded ones. The folder before the first wildcard is walked as a
// folder argument is, and each file's slash-separated path below it is
// matched against the rest.
func glob(pattern string, excluded func(path string) bool, note func(string)) ([]string, int, []error) {
	base, rest := doublestar.SplitPattern(filepath.ToSlash(pattern))
	if !doublestar.ValidatePattern(rest) {
		return nil, 0, []error{fmt.Errorf("%s: malformed glob pattern", pattern)}
	}
	base = filepath.FromSlash(base)
	if st, err := os.Stat(base); err != nil || !st.IsDir() {
		// Nothing can match below a folder that is not there.
		return nil, 0, nil
	}
	return walk(base, func(rel string) bool { return doublestar.MatchUnvalidated(rest, rel) }, excluded, note)
}

// walk lists the files under root whose slash-separated path relative to
// root keep accepts, in lexical order, leaving out the files and folders
// for which excluded holds and counting those. Symbolic links to files
// inside root are followed; links to folders are not, so a walk cannot
// loop, and links to files outside root are passed over, as git and ruff
// do, telling note (when not nil): a list in a pull request must not make
// fix rewrite ../outside.md, or check read /dev/zero. Other files that are
// not regular (FIFOs, devices, sockets) are errors, found before anything
// opens them. Inside a git work tree, files and folders git ignores are
// passed over, unless root itself is ignored: the user named it.
func walk(root string, keep, excluded func(path string) bool, note func(string)) (found []string, skipped int, errs []error) {
	// WalkDir does not follow a root that is a symbolic link to a folder;
	// with a trailing separator the link resolves, and paths below it
	// still read as the user wrote them.
	if st, err := os.Lstat(root); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err == nil {
		realRoot, err = filepath.Abs(realRoot)
	}
	if err != nil {
		return nil, 0, []error{pathError(root, err)}
	}
	tracked, err := gitcmd.Files(root)
	if err != nil {
		return nil, 0, []error{pathError(root, err)}
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, pathError(path, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (skipDir(d.Name()) || !tracked.Dir(rel)) {
				return fs.SkipDir
			}
			if excluded(path) {
				skipped++
				return fs.SkipDir
			}
			return nil
		}
		if !keep(rel) || !tracked.File(rel) {
			return nil
		}
		if excluded(path) {
			skipped++
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(path)
			if err == nil {
				target, err = filepath.Abs(target)
			}
			var st fs.FileInfo
			if err == nil {
				st, err = os.Stat(target)
			}
			if err != nil {
				// A dangling link to a Markdown file is a file the user
				// expects to be linted: say it cannot be.
				errs = append(errs, pathError(path, err))
				return nil
			}
			if st.IsDir() {
				return nil
			}
			if in, err := filepath.Rel(realRoot, target); err != nil || !filepath.IsLocal(in) {
				if note != nil {
					note(fmt.Sprintf("skipped %s: symbolic link to %s, outside %s", path, target, root))
				}
				return nil
			}
			mode = st.Mode()
		}
		if err := bounded.CheckMode(mode, false); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path, err))
			return nil
		}
		found = append(found, path)
		return nil
	})
	if err != nil {
		errs = append(errs, pathError(root, err))
	}
	return found, skipped, errs
}

// pathError words err as "path: problem", without the operation name
// that *fs.PathError adds ("stat", "open").
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", path, err)
}

// read returns the content of in, refusing more than limit bytes.
func (c *cli) read(in input, limit lint.Limits) ([]byte, error) {
	var (
		src []byte
		err error
	)
	if in.stdin {
		if src, err = bounded.ReadAll(c.stdin, maxBytes(limit)); err != nil {
			return nil, pathError(in.path, err)
		}
	} else if src, err = bounded.ReadFile(in.path, maxBytes(limit), in.named); err != nil {
		return nil, err
	}
	c.gc.add(len(src))
	// A NUL byte never occurs in text: the file is not a list, and linting
	// it would print noise.
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, fmt.Errorf("%s: binary file (NUL byte at offset %d)", in.path, i)
	}
	return src, nil
}

// maxBytes is the largest input l accepts.
func maxBytes(l lint.Limits) int64 {
	if l.MaxBytes > 0 {
		return int64(l.MaxBytes)
	}
	return lint.DefaultMaxBytes
}

// source is an input read into memory.
type source struct {
	input
	src []byte
}

// collectAfter is how many bytes of input make load collect the parse's
// garbage before the rules run: their trees are about 14 times as large.
const collectAfter = 4 << 20

// load reads every input and parses it within l's limits, in parallel. A
// worker reads a file and parses it before it takes the next, so no more
// files than workers are read and not yet parsed: memory holds the
// documents the run needs, not a second copy of every input. It returns
// the documents in input order, leaving out the inputs that failed, and
// one error for each of those.
func (c *cli) load(l *lint.Linter, ins []input) ([]*lint.Document, []error) {
	docs := make([]*lint.Document, len(ins))
	errs := make([]error, len(ins))
	lint.Parallel(len(ins), func(i int) {
		src, err := c.read(ins[i], l.Limits)
		if err != nil {
			errs[i] = err
			return
		}
		if docs[i], err = l.Parse(ins[i].path, src); err != nil {
			errs[i] = fmt.Errorf("%s: %w", ins[i].path, err)
		}
	})
	// Parsing leaves every file's goldmark tree behind as garbage, often
	// more than the models that live on. Collecting it here, before
	// linting allocates its findings, keeps the peak near the parse's own
	// (8 MB list: 163 MB -> 122 MB) instead of letting the collector's
	// target grow from a heap half garbage. Below a few megabytes of input
	// there is little to gain and a whole collection to pay: 2-3 ms of a
	// 40 ms run on awesome-go's README.
	var read int
	for _, d := range docs {
		if d != nil {
			read += len(d.Src)
		}
	}
	if read >= collectAfter {
		runtime.GC()
	}
	return keepOK(docs, errs)
}

// keepOK returns the values whose error is nil, and the non-nil errors.
func keepOK[T any](vals []T, errs []error) ([]T, []error) {
	var (
		ok     []T
		failed []error
	)
	for i := range vals {
		if errs[i] != nil {
			failed = append(failed, errs[i])
			continue
		}
		ok = append(ok, vals[i])
	}
	return ok, failed
}

// noFilesError is a folder or pattern that yields no file to lint.
type noFilesError struct{ arg, what string }

func (e *noFilesError) Error() string { return e.arg + ": " + e.what }
