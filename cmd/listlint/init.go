package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/listlint/listlint/config"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

func (c *cli) initFlags(fs *pflag.FlagSet) func([]string) int {
	var limits lint.Limits
	registerLimits(fs, &limits)
	return func(args []string) int {
		switch len(args) {
		case 0:
			return c.init(".", limits)
		case 1:
			return c.init(args[0], limits)
		}
		return c.usageError("init", "takes at most one folder, got %d arguments", len(args))
	}
}

// init writes a starter .listlint.yml into dir, its values detected from
// the Markdown lists under dir (the defaults, saying so, when there is
// none yet), and prints it. It never overwrites a
// configuration, and writes nothing when a list cannot be read: values
// detected from part of the lists would be a guess.
func (c *cli) init(dir string, limits lint.Limits) int {
	if st, err := os.Stat(dir); err != nil {
		return c.fail(pathError(dir, err))
	} else if !st.IsDir() {
		return c.usageError("init", "%s is not a folder", dir)
	}
	for _, name := range config.FileNames {
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); err == nil {
			return c.fail(fmt.Errorf("%s already exists: edit it, or remove it to start again", p))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return c.fail(pathError(p, err))
		}
	}
	ins, errs := discover([]string{dir}, "", func(string) bool { return false }, nil)
	var none *noFilesError
	if len(errs) == 1 && errors.As(errs[0], &none) {
		// No list yet: the defaults, which say so.
		errs = nil
	}
	if len(errs) > 0 {
		c.printErrors(errs)
		return exitError
	}
	l := &lint.Linter{Rules: rules.All(), Limits: limits}
	docs, errs := c.load(l, ins)
	if len(errs) > 0 {
		c.printErrors(errs)
		return exitError
	}
	text := config.Detect(docs, rules.Conventions()).Starter(l.Rules)
	path := filepath.Join(dir, config.FileNames[0])
	if err := createFile(path, text); err != nil {
		return c.fail(err)
	}
	if _, err := fmt.Fprintf(c.stdout, "wrote %s:\n\n%s", path, text); err != nil {
		return c.fail(err)
	}
	return exitClean
}

// createFile writes a new file, failing if one appeared since init looked:
// an existing configuration is never overwritten.
func createFile(path string, text []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return pathError(path, err)
	}
	if _, err := f.Write(text); err != nil {
		_ = f.Close() // the write error is the one to report
		return pathError(path, err)
	}
	if err := f.Close(); err != nil {
		return pathError(path, err)
	}
	return nil
}
