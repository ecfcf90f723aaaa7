package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/report"
)

func (c *cli) checkFlags(fs *pflag.FlagSet) func([]string) int {
	var (
		f          lintFlags
		cf         changedFlags
		showConfig bool
	)
	f.register(fs)
	cf.register(fs)
	fs.BoolVar(&showConfig, "show-config", false, "print the configuration that applies to the path (default: the current folder) and lint nothing")
	return func(args []string) int {
		if showConfig {
			return c.showConfig(&f, args)
		}
		return c.check(&f, &cf, args)
	}
}

// check lints the files args name and prints the findings. Files that
// cannot be read are reported and the others still linted; the exit code
// is then exitError. A configuration error stops the run before any file
// is linted: which rules apply would be a guess.
func (c *cli) check(f *lintFlags, cf *changedFlags, args []string) int {
	if err := f.validate(); err != nil {
		return c.usageError("check", "%v", err)
	}
	args, err := stdinArgs(args, f.stdinFilename)
	if err != nil {
		return c.usageError("check", "%v", err)
	}
	set, err := cf.set(maxBytes(f.limits))
	if err != nil {
		return c.fail(err)
	}
	cs, _, ins, errs, code := c.inputs(f, args)
	if code != exitClean {
		return code
	}
	l := f.linter(cs)
	docs, loadErrs := c.load(l, ins)
	errs = append(errs, loadErrs...)
	c.printErrors(errs)
	return c.report(f, lintChanged(l, docs, set), errs)
}

// report prints the findings of results on stdout, sorted, and returns the
// exit code: exitError when some input could not be used (errs), else
// exitFindings when a finding is at or above --fail-on.
func (c *cli) report(f *lintFlags, results []lint.Result, errs []error) int {
	findings := report.Findings(results)
	if err := f.writeFindings(c.stdout, findings); err != nil {
		return c.fail(err)
	}
	switch {
	case len(errs) > 0:
		return exitError
	case f.failOn.fails(findings):
		return exitFindings
	}
	return exitClean
}

// showConfig prints the effective configuration of one path: a file,
// which need not exist yet, or a folder, for the files directly in it.
// With no path it is the current folder; "-" is --stdin-filename's path.
func (c *cli) showConfig(f *lintFlags, args []string) int {
	path := "."
	switch {
	case len(args) > 1:
		return c.usageError("check", "--show-config takes at most one path, got %d", len(args))
	case len(args) == 1 && args[0] == "-" && f.stdinFilename != "":
		path = f.stdinFilename
	case len(args) == 1:
		path = args[0]
	case f.stdinFilename != "":
		path = f.stdinFilename
	}
	cs, err := f.configs()
	if err != nil {
		return c.configErrors([]error{err})
	}
	lookup := path
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		// The resolver looks at a path's folder: name a file in it.
		lookup = filepath.Join(path, "-")
	}
	cfg := cs.lookup(lookup)
	if cfg == nil {
		return c.configErrors(cs.errs)
	}
	// A file that exists shows what its "auto" options resolve to.
	var docs []*lint.Document
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		src, err := c.read(input{path: path}, f.limits)
		if err != nil {
			return c.fail(err)
		}
		doc, err := lint.ParseLimits(path, src, f.limits)
		if err != nil {
			return c.fail(fmt.Errorf("%s: %w", path, err))
		}
		docs = append(docs, doc)
	}
	if _, err := io.WriteString(c.stdout, cfg.Effective(path, docs...)); err != nil {
		return c.fail(err)
	}
	return exitClean
}

// configErrors prints configuration errors, one line each, and returns
// exitError.
func (c *cli) configErrors(errs []error) int {
	for _, err := range errs {
		for _, e := range splitErrors(err) {
			c.fail(e)
		}
	}
	return exitError
}

func (c *cli) printErrors(errs []error) {
	for _, err := range errs {
		c.fail(err)
	}
}
