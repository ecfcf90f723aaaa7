package main

import (
	"github.com/spf13/pflag"

	"github.com/listlint/listlint/report"
)

func (c *cli) checkFlags(fs *pflag.FlagSet) func([]string) int {
	var (
		f  lintFlags
		cf changedFlags
	)
	f.register(fs)
	cf.register(fs)
	return func(args []string) int { return c.check(&f, &cf, args) }
}

// check lints the files args name and prints the findings. Files that
// cannot be read are reported and the others still linted; the exit code
// is then exitError.
func (c *cli) check(f *lintFlags, cf *changedFlags, args []string) int {
	args, err := stdinArgs(args, f.stdinFilename)
	if err != nil {
		return c.usageError("check", "%v", err)
	}
	set, err := cf.set()
	if err != nil {
		return c.fail(err)
	}
	ins, errs := discover(args, f.stdinFilename)
	l := f.linter()
	docs, loadErrs := c.load(l, ins)
	errs = append(errs, loadErrs...)
	c.printErrors(errs)
	findings := report.Findings(lintChanged(l, docs, set))
	report.Sort(findings)
	if err := report.Write(c.stdout, findings, f.reportOptions(c.stdout)); err != nil {
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

func (c *cli) printErrors(errs []error) {
	for _, err := range errs {
		c.fail(err)
	}
}
