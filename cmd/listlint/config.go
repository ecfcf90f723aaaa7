package main

import (
	"github.com/listlint/listlint/config"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// configs is the configuration of each input of a run: found per file by
// walking up to the repository root, or fixed by --config or --no-config,
// with --preset, --enable and --disable on top.
type configs struct {
	res *config.Resolver
	// of maps an input's path, as shown in output, to its configuration.
	of map[string]configured
	// errs are the configuration errors met so far, each once: a bad
	// file is found again from every folder below it.
	errs []error
	seen map[string]bool
}

// configured is the configuration of one input, and the path it knows
// the input by ("-" for stdin without --stdin-filename, so that no
// override glob matches it).
type configured struct {
	cfg  *config.Config
	path string
}

// configs checks the configuration flags and, with --config, loads that
// file. Its error is a configuration error: the run must stop.
func (f *lintFlags) configs() (*configs, error) {
	res, err := config.NewResolver(rules.All(), config.Options{
		File: f.configFile, NoConfig: f.noConfig, Preset: f.preset,
		Enable: f.enable, Disable: f.disable, MaxBytes: f.limits.MaxBytes,
	})
	if err != nil {
		return nil, err
	}
	return &configs{res: res, of: map[string]configured{}, seen: map[string]bool{}}, nil
}

// lookup returns the configuration of the files in path's folder, or nil
// after recording why there is none.
func (cs *configs) lookup(path string) *config.Config {
	c, err := cs.res.For(path)
	if err != nil {
		cs.fail(err)
		return nil
	}
	return c
}

func (cs *configs) fail(err error) {
	for _, e := range splitErrors(err) {
		if msg := e.Error(); !cs.seen[msg] {
			cs.seen[msg] = true
			cs.errs = append(cs.errs, e)
		}
	}
}

// excluded reports whether files.exclude skips path, a file or a folder
// met by a walk. A folder is judged by the configuration of the folder
// holding it, as Resolver.For looks at a path's parent folder.
func (cs *configs) excluded(path string) bool {
	c := cs.lookup(path)
	return c != nil && c.Excluded(path)
}

// resolve gives each input its configuration and returns the inputs left
// once files.exclude has removed its files, named on the command line or
// found by a walk: pre-commit hooks name files one by one, and an
// excluded file must stay silent there too. Inputs whose configuration
// cannot be read are left out; cs.errs says why.
func (cs *configs) resolve(ins []input, stdinName string) []input {
	var kept []input
	for _, in := range ins {
		p := in.path
		if in.stdin {
			p = stdinName
			if p == "" {
				p = "-"
			}
		}
		c := cs.lookup(p)
		if c == nil || c.Excluded(p) {
			continue
		}
		cs.of[in.path] = configured{cfg: c, path: p}
		kept = append(kept, in)
	}
	return kept
}

// settings is lint.Linter.Configure for the resolved inputs.
func (cs *configs) settings(path string, r *lint.Rule) lint.Settings {
	x, ok := cs.of[path]
	if !ok {
		// Every linted path was resolved first; a path that was not
		// is a bug, and defaults are what it would get with no file.
		return r.Defaults()
	}
	return x.cfg.Settings(x.path, r)
}

// splitErrors returns the errors err joins (a configuration file reports
// all its problems at once), or err alone. Only a join at the top is
// split: a wrapped one would lose its wrapper's words.
func splitErrors(err error) []error {
	j, ok := err.(interface{ Unwrap() []error }) //nolint:errorlint // see above
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, splitErrors(e)...)
	}
	return out
}

// inputs reads the configurations and finds the files args name, each
// resolved to its configuration. named is what the arguments named,
// before exclusions; code is not exitClean when the configuration cannot
// be used, and says so on stderr.
func (c *cli) inputs(f *lintFlags, args []string) (cs *configs, named, ins []input, errs []error, code int) {
	cs, err := f.configs()
	if err != nil {
		return nil, nil, nil, nil, c.configErrors([]error{err})
	}
	named, errs = discover(args, f.stdinFilename, cs.excluded, c.verboseNotes(f))
	ins = cs.resolve(named, f.stdinFilename)
	if len(cs.errs) > 0 {
		return nil, nil, nil, nil, c.configErrors(cs.errs)
	}
	return cs, named, ins, errs, exitClean
}
