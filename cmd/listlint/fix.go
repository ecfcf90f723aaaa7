package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/report"
)

// fixModes are the flags only fix has: what it does instead of writing.
type fixModes struct {
	diff, check bool
}

func (c *cli) fixFlags(fs *pflag.FlagSet) func([]string) int {
	var (
		f  lintFlags
		ff fixModes
	)
	f.register(fs)
	fs.BoolVar(&ff.diff, "diff", false, "write nothing; print a unified diff of the changes")
	fs.BoolVar(&ff.check, "check", false, "write nothing; list the files that would change")
	return func(args []string) int { return c.fix(&f, &ff, args) }
}

// fixed is the outcome of fixing one source.
type fixed struct {
	source
	fix.Result
}

func (x *fixed) changed() bool { return !bytes.Equal(x.src, x.Src) }

// fix repairs the files args name. By default it rewrites them in place;
// --diff and --check only say what would change; "-" (stdin) writes the
// fixed text to stdout, for editors.
func (c *cli) fix(f *lintFlags, ff *fixModes, args []string) int {
	if ff.diff && ff.check {
		return c.usageError("fix", "--diff and --check exclude each other")
	}
	if f.statistics && (ff.diff || ff.check) {
		return c.usageError("fix", "--statistics counts findings, which --diff and --check do not print")
	}
	if err := f.validate(); err != nil {
		return c.usageError("fix", "%v", err)
	}
	args, err := stdinArgs(args, f.stdinFilename)
	if err != nil {
		return c.usageError("fix", "%v", err)
	}
	for _, a := range args {
		// stdout carries the fixed text, which must not mix with other
		// files' output.
		if a == "-" && len(args) > 1 {
			return c.usageError("fix", "- (stdin) must be the only path")
		}
	}
	// On a configuration error nothing is written, nothing goes to
	// stdout: an editor keeps its text.
	cs, named, ins, errs, code := c.inputs(f, args)
	if code != exitClean {
		return code
	}
	if len(named) == 1 && named[0].stdin && len(ins) == 0 && !ff.diff && !ff.check {
		// An editor formatting an excluded file gets its text back.
		return c.passThrough()
	}
	l := f.linter(cs)
	// As in check's load, a worker reads a file and fixes it before it
	// takes the next.
	results := make([]fixed, len(ins))
	fixErrs := make([]error, len(ins))
	lint.Parallel(len(ins), func(i int) {
		x := &results[i]
		x.input = ins[i]
		if x.src, fixErrs[i] = c.read(ins[i], l.Limits); fixErrs[i] == nil {
			x.Result, fixErrs[i] = fix.File(l, x.path, x.src)
		}
	})
	results, fixErrs = keepOK(results, fixErrs)
	errs = append(errs, fixErrs...)
	sort.SliceStable(results, func(i, j int) bool { return results[i].path < results[j].path })

	switch {
	case len(ins) == 1 && ins[0].stdin && !ff.diff && !ff.check:
		if len(errs) > 0 {
			// Nothing on stdout: an editor keeps its text.
			c.printErrors(errs)
			return exitError
		}
		return c.fixStdin(f, &results[0])
	case ff.diff || ff.check:
		return c.fixPreview(ff, results, errs)
	}
	return c.fixInPlace(f, l, results, errs)
}

// sameFiles maps each changed result to the index of an earlier changed
// result naming the same file (a symbolic link and its target, both
// found by a walk), or -1: the second write of a file would otherwise
// find it changed since it was read.
func sameFiles(results []fixed) []int {
	same := make([]int, len(results))
	first := make(map[string]int)
	for i := range results {
		same[i] = -1
		if !results[i].changed() {
			continue
		}
		target, err := filepath.EvalSymlinks(results[i].path)
		if err != nil {
			continue // WriteFile reports it
		}
		if j, ok := first[target]; ok {
			same[i] = j
		} else {
			first[target] = i
		}
	}
	return same
}

// fixStdin writes the fixed text to stdout and what remains to stderr.
// Once the fixed text is written the run exits 0, whatever remains and
// whatever --fail-on says: an editor formatting on save takes the text
// only on exit 0. A fix stopped by a conflict marker writes the input
// back unchanged, so that an editor that takes it anyway loses nothing,
// and exits 1: that text was not fixed.
func (c *cli) fixStdin(f *lintFlags, x *fixed) int {
	if _, err := c.stdout.Write(x.Src); err != nil {
		return c.fail(err)
	}
	stopped := c.noteStopped([]fixed{*x})
	findings := report.Findings([]lint.Result{{Doc: x.Doc, Diagnostics: x.Remaining}})
	// The text is out: exit 0 whatever happens to the report on stderr,
	// which has nowhere else to complain.
	_ = f.writeFindings(c.stderr, findings)
	if stopped {
		return exitFindings
	}
	return exitClean
}

// noteStopped says on stderr, one line per file, why a file was left
// untouched, and reports whether any was.
func (c *cli) noteStopped(results []fixed) bool {
	var notes bytes.Buffer
	for i := range results {
		if d := results[i].Stopped; d != nil {
			fmt.Fprintf(&notes, "%s: not fixed: %s at line %d, resolve it first\n", results[i].path, d.Rule, results[i].Doc.Line(d.Pos))
		}
	}
	if notes.Len() == 0 {
		return false
	}
	// Nothing to do about a failing stderr: the exit code still tells.
	_, _ = c.stderr.Write(notes.Bytes())
	return true
}

// passThrough copies stdin to stdout unchanged.
func (c *cli) passThrough() int {
	if _, err := io.Copy(c.stdout, c.stdin); err != nil {
		return c.fail(fmt.Errorf("%s: %w", stdinPath, err))
	}
	return exitClean
}

// fixPreview prints a unified diff of each file that would change
// (--diff), or its path (--check), and writes nothing.
func (c *cli) fixPreview(ff *fixModes, results []fixed, errs []error) int {
	c.printErrors(errs)
	stopped := c.noteStopped(results)
	var out bytes.Buffer
	n := 0
	for i := range results {
		x := &results[i]
		if !x.changed() {
			continue
		}
		n++
		if ff.diff {
			out.Write(fix.Diff(filepath.ToSlash(x.path), x.src, x.Src))
		} else {
			out.WriteString(x.path + "\n")
		}
	}
	if _, err := c.stdout.Write(out.Bytes()); err != nil {
		return c.fail(err)
	}
	switch {
	case len(errs) > 0:
		return exitError
	case n > 0 || stopped:
		return exitFindings
	}
	return exitClean
}

// fixInPlace rewrites each changed file, says what it fixed, then reports
// what remains as check does. A file whose write fails keeps its original
// content, and its findings are reported on that content; a file edited
// since it was read keeps the edit, and is not reported on: what it holds
// now was not linted.
func (c *cli) fixInPlace(f *lintFlags, l *lint.Linter, results []fixed, errs []error) int {
	written := make([]bool, len(results))
	writeErrs := make([]error, len(results))
	sameAs := sameFiles(results)
	var (
		ws    []fix.Write
		which []int
	)
	for i := range results {
		x := &results[i]
		if x.changed() && (sameAs[i] < 0 || !bytes.Equal(results[sameAs[i]].Src, x.Src)) {
			ws = append(ws, fix.Write{Path: x.path, Old: x.src, Data: x.Src})
			which = append(which, i)
		}
	}
	// An interrupt (Ctrl-C, or a CI job cancelled) while the files are
	// written stops the writes cleanly rather than killing the process
	// with a temporary file beside each file; a second one kills it.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	interrupted := 0
	for k, err := range fix.WriteFiles(ctx, ws) {
		written[which[k]], writeErrs[which[k]] = err == nil, err
		if errors.Is(err, fix.ErrInterrupted) {
			interrupted++
		}
	}
	stop()
	if interrupted > 0 {
		left := "they were"
		if interrupted == 1 {
			left = "it was"
		}
		errs = append(errs, fmt.Errorf("interrupted: %s left as %s", text.Plural(interrupted, "file", "files"), left))
	}
	lints := make([]lint.Result, 0, len(results))
	for i := range results {
		x := &results[i]
		alone := x.Lint
		switch err := writeErrs[i]; {
		case x.changed() && sameAs[i] >= 0 && !written[i] && err == nil:
			// Another name of a file written already, with this text.
			written[i] = written[sameAs[i]]
		case errors.Is(err, fix.ErrChanged):
			errs = append(errs, err)
			continue
		case errors.Is(err, fix.ErrInterrupted):
			continue // counted above: its findings are not worth the wait
		case err != nil:
			errs = append(errs, err)
			doc, err := l.Parse(x.path, x.src)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", x.path, err))
				continue
			}
			alone = l.RunAlone(doc)
		}
		lints = append(lints, alone)
	}
	// Lint the run again as a whole: cross-file rules (duplicates across
	// files) see every file together only here.
	res := l.RunAcross(lints)
	remain := make(map[string]int, len(res))
	for _, r := range res {
		remain[r.Doc.Path] = len(r.Diagnostics)
	}
	var notes bytes.Buffer
	for i := range results {
		if x := &results[i]; written[i] && !f.quiet {
			n := remain[x.path]
			verb := "remain"
			if n == 1 {
				verb = "remains"
			}
			fmt.Fprintf(&notes, "fixed %s in %s (%d %s)\n", text.Plural(x.Fixed, "finding", "findings"), report.TextPath(x.path), n, verb)
		}
	}
	c.printErrors(errs)
	stopped := c.noteStopped(results)
	// The notes go to stderr when stdout carries a machine format.
	w := c.stdout
	if f.format != "text" {
		w = c.stderr
	}
	if _, err := w.Write(notes.Bytes()); err != nil {
		return c.fail(err)
	}
	code := c.report(f, res, errs)
	if stopped {
		code = max(code, exitFindings)
	}
	return code
}
