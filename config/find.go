package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/listlint/listlint/internal/bounded"
	"github.com/listlint/listlint/lint"
)

// Find returns the configuration file that applies to the files in dir:
// the first .listlint.yml (or .listlint.yaml) in dir or a folder above it,
// stopping at the repository root (the folder holding .git) or the
// filesystem root. It returns "" when there is none. The path is relative
// when dir is. Both names in one folder is an error: which one wins would
// be a guess.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	for d := abs; ; d = filepath.Dir(d) {
		var found []string
		for _, name := range FileNames {
			p := filepath.Join(d, name)
			switch st, err := os.Stat(p); {
			case err == nil:
				// Refused before anything opens it: a FIFO would hang
				// the run, a link to /dev/zero exhaust its memory.
				if err := bounded.CheckMode(st.Mode(), false); err != nil {
					return "", fmt.Errorf("%s: %w", relTo(dir, p), err)
				}
				found = append(found, p)
			case !errors.Is(err, fs.ErrNotExist):
				return "", fmt.Errorf("config: %w", err)
			}
		}
		if len(found) > 1 {
			return "", fmt.Errorf("both %s and %s exist: remove one", relTo(dir, found[0]), relTo(dir, found[1]))
		}
		if len(found) == 1 {
			return relTo(dir, found[0]), nil
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil || filepath.Dir(d) == d {
			return "", nil
		}
	}
}

// relTo returns p relative to the working directory when dir was given
// relative, so messages name paths as the user wrote them.
func relTo(dir, p string) string {
	if filepath.IsAbs(dir) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil {
		return r
	}
	return p
}

// Options are the command-line settings that choose configurations.
type Options struct {
	// File is --config: this file applies to every linted file.
	File string
	// NoConfig is --no-config: no file applies, only the preset.
	NoConfig bool
	// Preset is --preset: it replaces the preset of every configuration.
	Preset string
	// Enable and Disable are --enable and --disable.
	Enable, Disable []string
	// MaxBytes is --max-bytes, which bounds configuration files too
	// (0: lint.DefaultMaxBytes).
	MaxBytes int
}

// Resolver finds and loads the configuration of each linted file, loading
// each configuration file once. It is safe for concurrent use.
type Resolver struct {
	rules []*lint.Rule
	opts  Options
	fixed *Config // set with --config or --no-config

	wd    string // the working directory, read once
	mu    sync.Mutex
	byDir map[string]*Config // by absolute folder of a linted file
	files map[string]*Config // by configuration file path
}

// NewResolver checks the command-line options; with --config it loads that
// file now, so that a bad file fails before any linting.
func NewResolver(rules []*lint.Rule, o Options) (*Resolver, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	r := &Resolver{rules: rules, opts: o, wd: wd, byDir: map[string]*Config{}, files: map[string]*Config{}}
	switch {
	case o.File != "" && o.NoConfig:
		return nil, errors.New("--config and --no-config exclude each other")
	case o.File != "":
		c, err := r.load(o.File)
		if err != nil {
			return nil, err
		}
		r.fixed = c
	case o.NoConfig:
		c, err := r.finish(nil)
		if err != nil {
			return nil, err
		}
		r.fixed = c
	default:
		// Check the preset and rule names once, before any file.
		if _, err := r.finish(nil); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// For returns the configuration for the file at path ("-" is stdin, whose
// configuration is found from the working directory).
func (r *Resolver) For(path string) (*Config, error) {
	if r.fixed != nil {
		return r.fixed, nil
	}
	dir := "."
	if path != "-" && path != "" {
		dir = filepath.Dir(path)
	}
	abs := absIn(r.wd, dir)
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.byDir[abs]; ok {
		return c, nil
	}
	p, err := Find(dir)
	if err != nil {
		return nil, err
	}
	var c *Config
	if p == "" {
		c, err = r.finish(nil)
	} else {
		c, err = r.load(p)
	}
	if err != nil {
		return nil, err
	}
	r.byDir[abs] = c
	return c, nil
}

// load reads a configuration file once.
func (r *Resolver) load(path string) (*Config, error) {
	if c, ok := r.files[path]; ok {
		return c, nil
	}
	limit := int64(r.opts.MaxBytes)
	if limit <= 0 {
		limit = lint.DefaultMaxBytes
	}
	// --config may name a FIFO (--config <(...)); a found file may not.
	c, err := load(path, r.rules, limit, path == r.opts.File)
	if err != nil {
		return nil, err
	}
	if c, err = r.finish(c); err != nil {
		return nil, err
	}
	r.files[path] = c
	return c, nil
}

// finish applies --preset, --enable and --disable to c (a preset alone
// when nil).
func (r *Resolver) finish(c *Config) (*Config, error) {
	var err error
	switch {
	case c == nil:
		name := r.opts.Preset
		if name == "" {
			name = "default"
		}
		c, err = Preset(name, r.rules)
	case r.opts.Preset != "":
		c, err = c.WithPreset(r.opts.Preset)
	}
	if err != nil {
		return nil, fmt.Errorf("--preset: %w", err)
	}
	return c.Select(r.opts.Enable, r.opts.Disable)
}
