package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/listlint/listlint/lint"
)

// input is one file to lint: its path as shown in output, and whether it
// is read from stdin.
type input struct {
	path  string
	stdin bool
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
// means stdin, shown as stdinName. Folders are walked for *.md and
// *.markdown, skipping the folders skipDir names; a file named explicitly
// is linted whatever its name. Folders for which excluded holds
// (files.exclude) are not walked, and files for which it holds are left
// out; a folder whose Markdown files are all excluded is no error. Every
// path that cannot be used yields one error naming it, and the others are
// still returned: no file is skipped silently.
func discover(args []string, stdinName string, excluded func(path string) bool) ([]input, []error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	var (
		ins  []input
		errs []error
		seen = make(map[string]bool)
	)
	add := func(path string) {
		if !seen[path] {
			seen[path] = true
			ins = append(ins, input{path: path})
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
		st, err := os.Stat(arg)
		switch {
		case err != nil:
			errs = append(errs, pathError(arg, err))
		case st.IsDir():
			found, skipped, walkErrs := walk(arg, excluded)
			errs = append(errs, walkErrs...)
			if len(found) == 0 && skipped == 0 && len(walkErrs) == 0 {
				errs = append(errs, fmt.Errorf("%s: no Markdown files", arg))
			}
			for _, p := range found {
				add(p)
			}
		default:
			add(filepath.Clean(arg))
		}
	}
	return ins, errs
}

// walk lists the Markdown files under root in lexical order, leaving out
// the files and folders for which excluded holds (root included), and
// counts those. Symbolic links to files are followed; links to folders
// are not, so a walk cannot loop.
func walk(root string, excluded func(path string) bool) (found []string, skipped int, errs []error) {
	// WalkDir does not follow a root that is a symbolic link to a folder;
	// with a trailing separator the link resolves, and paths below it
	// still read as the user wrote them.
	if st, err := os.Lstat(root); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator)
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, pathError(path, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && skipDir(d.Name()) {
				return fs.SkipDir
			}
			if excluded(path) {
				skipped++
				return fs.SkipDir
			}
			return nil
		}
		if !isMarkdown(d.Name()) {
			return nil
		}
		if excluded(path) {
			skipped++
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(path)
			if err != nil {
				// A dangling link to a Markdown file is a file the user
				// expects to be linted: say it cannot be.
				errs = append(errs, pathError(path, err))
				return nil
			}
			if st.IsDir() {
				return nil
			}
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

// read returns the content of in.
func (c *cli) read(in input) ([]byte, error) {
	var (
		src []byte
		err error
	)
	if in.stdin {
		src, err = io.ReadAll(c.stdin)
	} else {
		src, err = os.ReadFile(in.path)
	}
	if err != nil {
		return nil, pathError(in.path, err)
	}
	// A NUL byte never occurs in text: the file is not a list, and linting
	// it would print noise.
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, fmt.Errorf("%s: binary file (NUL byte at offset %d)", in.path, i)
	}
	return src, nil
}

// source is an input read into memory.
type source struct {
	input
	src []byte
}

// readAll reads every input, in parallel. It returns the sources in input
// order, leaving out the inputs that failed, and one error for each of
// those.
func (c *cli) readAll(ins []input) ([]source, []error) {
	srcs := make([]source, len(ins))
	errs := make([]error, len(ins))
	lint.Parallel(len(ins), func(i int) {
		srcs[i].input = ins[i]
		srcs[i].src, errs[i] = c.read(ins[i])
	})
	return keepOK(srcs, errs)
}

// load reads every input and parses it within l's limits, in parallel,
// with readAll's contract.
func (c *cli) load(l *lint.Linter, ins []input) ([]*lint.Document, []error) {
	srcs, failed := c.readAll(ins)
	docs := make([]*lint.Document, len(srcs))
	errs := make([]error, len(srcs))
	lint.Parallel(len(srcs), func(i int) {
		if docs[i], errs[i] = l.Parse(srcs[i].path, srcs[i].src); errs[i] != nil {
			errs[i] = fmt.Errorf("%s: %w", srcs[i].path, errs[i])
		}
	})
	docs, errs = keepOK(docs, errs)
	return docs, append(failed, errs...)
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
