// Package config reads listlint's configuration file and turns it into the
// settings of each rule for each file.
//
// The file is .listlint.yml (or .listlint.yaml), found by walking up from a
// linted file's folder to the repository root (the folder holding .git).
// Its schema, also shipped as schema/listlint.schema.json:
//
//	preset: default          # default | awesome | tagged (see Presets)
//	files:
//	  exclude: ["CHANGELOG.md", "docs/archive/**"]
//	links:
//	  exclude: ["^https://localhost", "example\\.com"]   # listlint links skips these URLs
//	rules:
//	  duplicate-name: off    # off | info | warning | error
//	  separator: { style: " - " }
//	  empty-section: { severity: info }
//	overrides:
//	  - files: ["Books/**"]
//	    rules: { project-tag: { allowed: [Book] } }
//
// preset chooses a set of rule settings; the file's rules apply on top of
// it. files.exclude lists doublestar globs (** matches any number of
// folders) relative to the configuration file's folder; a glob that matches
// a folder excludes everything under it. rules maps a rule ID to off, to a
// severity, or to a mapping of "severity" and the rule's own options (see
// `listlint rules ID`). A rule given a severity or options is on; off, or
// severity: off, turns it off. overrides apply, in order, to the files
// matching any of their globs, on top of everything above. The command
// line's --enable and --disable beat all of it.
//
// Every value is checked against the rules' metadata: unknown keys, rule IDs
// and options, values of the wrong type and values outside an option's
// allowed list are errors naming the file, line and column.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/listlint/listlint/internal/bounded"
	"github.com/listlint/listlint/lint"
)

// FileNames are the names of a configuration file, in order of preference.
var FileNames = []string{".listlint.yml", ".listlint.yaml"}

// Config is a loaded configuration: a preset, the file's settings and the
// command line's, resolved per linted file by Settings.
type Config struct {
	// Path is the file the configuration was read from; "" when it is a
	// preset alone.
	Path string
	// dir is the absolute folder the globs are relative to; wd the
	// working directory relative paths are taken from.
	dir, wd  string
	preset   string
	presetAt string
	exclude  []glob
	// linksExclude holds links.exclude: regular expressions of the URLs
	// listlint links does not check.
	linksExclude []string
	// layers apply in order: the preset, the file's rules, its overrides,
	// the command line.
	layers []*layer
	rules  []*lint.Rule
	byID   map[string]*lint.Rule
}

// glob is a doublestar pattern and where it was written.
type glob struct {
	pattern string
	at      string
}

// layer is one set of rule settings, for every file (files nil) or for
// the files matching one of its globs.
type layer struct {
	name  string
	files []glob
	rules map[string]*ruleConf
}

// ruleConf is what one layer says about one rule; unset fields leave the
// layers below in force.
type ruleConf struct {
	// state is stateUnset, stateOn or stateOff.
	state   int
	stateAt string
	sev     *lint.Severity
	sevAt   string
	opts    map[string]optVal
}

const (
	stateUnset = iota
	stateOn
	stateOff
)

type optVal struct {
	v  any
	at string
}

// origin says where each value of a rule's settings came from.
type origin struct {
	state, sev string
	opts       map[string]string
}

const fromDefault = "default"

func newConfig(path string, rules []*lint.Rule) (*Config, error) {
	dir := "."
	if path != "" {
		dir = filepath.Dir(path)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	c := &Config{
		Path: path, dir: absIn(wd, dir), wd: wd, preset: "default", presetAt: fromDefault,
		layers: []*layer{{name: "preset default"}},
		rules:  rules, byID: make(map[string]*lint.Rule, len(rules)),
	}
	for _, r := range rules {
		c.byID[r.ID] = r
	}
	return c, nil
}

// Load reads the configuration file at path, validating it against rules.
// Every problem is reported, each naming the file, line and column.
// It is read as a file of at most lint.DefaultMaxBytes; a FIFO is a
// stream, which is read too.
func Load(path string, rules []*lint.Rule) (*Config, error) {
	return load(path, rules, lint.DefaultMaxBytes, true)
}

// load is Load reading at most limit bytes, and a FIFO only when fifo is
// set.
func load(path string, rules []*lint.Rule, limit int64, fifo bool) (*Config, error) {
	src, err := bounded.ReadFile(path, limit, fifo)
	if err != nil {
		return nil, err
	}
	return parse(path, src, rules)
}

// Preset returns the configuration of a preset alone, for files with no
// configuration file (and --no-config).
func Preset(name string, rules []*lint.Rule) (*Config, error) {
	c, err := newConfig("", rules)
	if err != nil {
		return nil, err
	}
	if c, err = c.WithPreset(name); err != nil {
		return nil, err
	}
	if name == "default" {
		c.presetAt = fromDefault
	}
	return c, nil
}

// WithPreset returns a copy of c whose preset is name, as --preset asks;
// the file's own settings still apply on top of it.
func (c *Config) WithPreset(name string) (*Config, error) {
	l, err := presetLayer(name, c.rules)
	if err != nil {
		return nil, err
	}
	cp := *c
	cp.preset, cp.presetAt = name, "--preset"
	cp.layers = append([]*layer{l}, c.layers[1:]...)
	return &cp, nil
}

// Select returns a copy of c with the command line's --enable and
// --disable applied on top of everything: enabled rules are on (with their
// configured severity), disabled ones off. A rule in both lists, or one
// listlint does not know, is an error.
func (c *Config) Select(enable, disable []string) (*Config, error) {
	if len(enable) == 0 && len(disable) == 0 {
		return c, nil
	}
	l := &layer{name: "command line", rules: map[string]*ruleConf{}}
	for _, sel := range []struct {
		flag  string
		ids   []string
		state int
	}{{"--enable", enable, stateOn}, {"--disable", disable, stateOff}} {
		for _, id := range sel.ids {
			if c.byID[id] == nil {
				return nil, fmt.Errorf("%s: %s", sel.flag, unknownRule(id, c.rules))
			}
			if rc, ok := l.rules[id]; ok && rc.state != sel.state {
				return nil, fmt.Errorf("%s: rule %q is both enabled and disabled", sel.flag, id)
			}
			l.rules[id] = &ruleConf{state: sel.state, stateAt: sel.flag}
		}
	}
	cp := *c
	cp.layers = append(append([]*layer(nil), c.layers...), l)
	return &cp, nil
}

// Settings returns the settings of rule r for the file at path, a
// relative path being taken from the working directory c was loaded in.
// With c bound, it is usable as lint.Linter.Configure.
func (c *Config) Settings(path string, r *lint.Rule) lint.Settings {
	return c.resolve(path, r, nil)
}

// resolve returns the settings of rule r for the file at path and, when
// o is not nil, records in o where each came from. A run resolves every
// rule of every file (a tenth of fix's CPU over 10,000 small files), so
// without o nothing is recorded, and the path is made relative only when
// a layer that names r applies to some files alone.
func (c *Config) resolve(path string, r *lint.Rule, o *origin) lint.Settings {
	s := r.Defaults()
	if o != nil {
		*o = origin{state: fromDefault, sev: fromDefault, opts: make(map[string]string, len(r.Options))}
		for _, opt := range r.Options {
			o.opts[opt.Name] = fromDefault
		}
	}
	var (
		rel            string
		inside, placed bool
	)
	for _, l := range c.layers {
		rc := l.rules[r.ID]
		if rc == nil {
			continue
		}
		if l.files != nil {
			if !placed {
				rel, inside = c.rel(path)
				placed = true
			}
			if !inside || !matchAny(l.files, rel) {
				continue
			}
		}
		// Record where the rule was last turned off or back on; "on"
		// where it already was is no news.
		if rc.state != stateUnset && (rc.state == stateOff) != s.Off {
			s.Off = rc.state == stateOff
			if o != nil {
				o.state = rc.stateAt
			}
		}
		if rc.sev != nil {
			s.Severity = *rc.sev
			if o != nil {
				o.sev = rc.sevAt
			}
		}
		for name, v := range rc.opts {
			s.Options[name] = v.v
			if o != nil {
				o.opts[name] = v.at
			}
		}
	}
	return s
}

// LinksExclude returns links.exclude: the regular expressions (Go syntax,
// checked when the file was read) of the URLs listlint links does not check.
func (c *Config) LinksExclude() []string { return c.linksExclude }

// Excluded reports whether files.exclude matches path or one of its
// folders. A directory walk can ask about folders to skip them whole.
func (c *Config) Excluded(path string) bool {
	rel, inside := c.rel(path)
	if !inside {
		return false
	}
	for p := rel; p != "." && p != ""; p = pathDir(p) {
		if matchAny(c.exclude, p) {
			return true
		}
	}
	return false
}

func pathDir(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return ""
	}
	return p[:i]
}

// rel returns path relative to the configuration's folder, with slashes;
// inside is false for files outside that folder (and for stdin).
func (c *Config) rel(path string) (rel string, inside bool) {
	if path == "" || path == "-" {
		return "", false
	}
	r, err := filepath.Rel(c.dir, absIn(c.wd, path))
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// absIn returns path made absolute from the folder wd, as filepath.Abs
// does from the working directory, which costs two stat calls each time:
// settings are resolved for every rule and file, many times a run.
func absIn(wd, path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	return filepath.Join(wd, path)
}

func matchAny(globs []glob, rel string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g.pattern, rel); ok {
			return true
		}
	}
	return false
}
