package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

// testRules mirror the options and presets the real rules declare (issue
// 2 and 4), so these tests do not depend on the rules package.
func testRules() []*lint.Rule {
	style := func(allowed ...string) []lint.Option {
		return []lint.Option{{Name: "style", Default: "dominant", Allowed: append([]string{"dominant"}, allowed...), Doc: "the style"}}
	}
	// set is a preset's options for one rule.
	set := func(kv ...any) lint.Preset {
		var p lint.Preset
		for i := 0; i < len(kv); i += 2 {
			p.Options = append(p.Options, lint.OptionValue{Name: kv[i].(string), Value: kv[i+1]})
		}
		return p
	}
	styles := func(awesome, tagged string) map[string]lint.Preset {
		return map[string]lint.Preset{"awesome": set("style", awesome), "tagged": set("style", tagged)}
	}
	return []*lint.Rule{
		{ID: "description", Severity: lint.Warning, Options: []lint.Option{
			{Name: "required", Default: false, Doc: "every entry has a description"},
			{Name: "final-punctuation", Default: "required", Allowed: []string{"required", "optional", "forbidden"}},
		}},
		{ID: "duplicate-name", Severity: lint.Warning},
		{ID: "duplicate-url", Severity: lint.Error, Options: []lint.Option{
			{Name: "scope", Default: "file", Allowed: []string{"file", "run"}},
		}, Presets: map[string]lint.Preset{"tagged": set("scope", "run")}},
		{ID: "empty-section", Severity: lint.Warning},
		{ID: "list-marker", Severity: lint.Warning, Options: style("-", "*", "+"), Presets: styles("-", "-")},
		{ID: "list-spacing", Severity: lint.Warning, Options: style("loose", "tight"), Presets: styles("tight", "loose")},
		{ID: "project-tag", Severity: lint.Warning, Options: []lint.Option{
			{Name: "required", Default: false},
			{Name: "allowed", Default: []string{"Project", "Book"}},
		}, Presets: map[string]lint.Preset{
			"awesome": {Off: true},
			"tagged":  set("required", true, "allowed", []string{"Project", "Book", "Series", "Collection", "Course", "Blog", "Paper", "Tool"}),
		}},
		{ID: "separator", Severity: lint.Warning, Options: style(": ", "：", " - ", " – ", " — "), Presets: styles(" - ", ": ")},
		{ID: "sort-order", Severity: lint.Warning, Options: []lint.Option{
			{Name: "by", Default: "name", Allowed: []string{"name", "year", "none"}},
		}, Presets: map[string]lint.Preset{"awesome": set("by", "name"), "tagged": set("by", "name")}},
		{ID: "url-shortener", Severity: lint.Warning, Off: true, Options: []lint.Option{
			{Name: "hosts", Default: []string{"bit.ly"}},
		}, Presets: map[string]lint.Preset{"awesome": {On: true}}},
		{ID: "year-prefix", Severity: lint.Warning, Options: []lint.Option{
			{Name: "separator", Default: "dominant", Allowed: []string{"dominant", "-", "~"}},
			{Name: "min", Default: 1970},
		}, Presets: map[string]lint.Preset{"tagged": set("separator", "-")}},
	}
}

func ruleByID(rules []*lint.Rule, id string) *lint.Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	panic("no rule " + id)
}

// write creates files under a temporary folder; names use slashes.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"bad YAML", "rules:\n  separator: [\n", `.listlint.yml:2: invalid YAML: did not find expected node content`},
		{"bad YAML tab", "rules:\n\tseparator: off\n", `.listlint.yml:2: invalid YAML: found character that cannot start any token`},
		{"not a mapping", "- rules\n", `.listlint.yml:1:1: expected a mapping, got a list`},
		{"unknown key", "preset: default\nrule:\n  separator: off\n", `.listlint.yml:2:1: unknown key "rule", did you mean "rules"? (allowed: preset, files, rules, overrides, links)`},
		{"key twice", "rules:\n  separator: off\n  separator: error\n", `.listlint.yml:3:3: rules.separator: given twice (first on line 2)`},
		{"bad preset", "preset: fancy\n", `.listlint.yml:1:9: preset: "fancy" is not one of "default", "awesome", "tagged"`},
		{"unknown rule, close", "rules:\n  sepaator: off\n", `.listlint.yml:2:3: rules: unknown rule "sepaator", did you mean "separator"? (listlint rules lists them all)`},
		{
			"unknown rule, far", "rules:\n  colour: off\n",
			`.listlint.yml:2:3: rules: unknown rule "colour" (rules: description, duplicate-name, duplicate-url, empty-section, list-marker, list-spacing, project-tag, separator, sort-order, url-shortener, year-prefix)`,
		},
		{"unknown option", "rules:\n  separator: { styel: \" - \" }\n", `.listlint.yml:2:16: rules.separator: unknown option "styel", did you mean "style"? (separator takes: severity, style)`},
		{"rule without options", "rules:\n  duplicate-name: { scope: run }\n", `.listlint.yml:2:21: rules.duplicate-name: unknown option "scope" (duplicate-name takes: severity)`},
		{"value not allowed", "rules:\n  separator:\n    style: \"x\"\n", `.listlint.yml:3:12: rules.separator.style: "x" is not one of "dominant", ": ", "：", " - ", " – ", " — "`},
		{"bad severity", "rules:\n  separator: warn\n", `.listlint.yml:2:14: rules.separator: "warn" is not one of off, info, warning, error (or a mapping of severity and options)`},
		{"bad severity key", "rules:\n  separator: { severity: fatal }\n", `.listlint.yml:2:26: rules.separator.severity: "fatal" is not one of off, info, warning, error`},
		{"empty rule", "rules:\n  separator:\n", `.listlint.yml:2:13: rules.separator: expected off, a severity or a mapping of options, got nothing`},
		{"rule is a list", "rules:\n  separator: [off]\n", `.listlint.yml:2:14: rules.separator: expected off, a severity or a mapping of options, got a list`},
		{"string expected", "rules:\n  sort-order: { by: 3 }\n", `.listlint.yml:2:21: rules.sort-order.by: expected a string, got the integer 3 (quote it: "3")`},
		{"int expected", "rules:\n  year-prefix: { min: nineteen }\n", `.listlint.yml:2:23: rules.year-prefix.min: expected an integer, got the string "nineteen"`},
		{"bool expected", "rules:\n  description: { required: yes please }\n", `.listlint.yml:2:28: rules.description.required: expected true or false, got the string "yes please"`},
		{"list expected", "rules:\n  project-tag: { allowed: Book }\n", `.listlint.yml:2:27: rules.project-tag.allowed: expected a list of strings, got the string "Book"`},
		{"list item type", "rules:\n  project-tag: { allowed: [Book, 7] }\n", `.listlint.yml:2:34: rules.project-tag.allowed[1]: expected a string, got the integer 7 (quote it: "7")`},
		{"exclude not a list", "files:\n  exclude: CHANGELOG.md\n", `.listlint.yml:2:12: files.exclude: expected a list of globs, got the string "CHANGELOG.md"`},
		{"bad glob", "files:\n  exclude: [\"docs/[\"]\n", `.listlint.yml:2:13: files.exclude[0]: glob "docs/[" is not a valid pattern`},
		{"glob outside", "files:\n  exclude: [../x.md]\n", `.listlint.yml:2:13: files.exclude[0]: glob "../x.md" must be relative to the folder of .listlint.yml, inside it`},
		{"unknown files key", "files:\n  include: [a]\n", `.listlint.yml:2:3: files: unknown key "include" (allowed: exclude)`},
		{"overrides not a list", "overrides:\n  files: [a]\n", `.listlint.yml:2:3: overrides: expected a list of {files, rules}, got a mapping`},
		{"override without files", "overrides:\n  - rules: { separator: off }\n", `.listlint.yml:2:5: overrides[0]: missing files: an override applies to the files matching its globs`},
		{"override bad option", "overrides:\n  - files: [\"a/**\"]\n    rules: { sort-order: { by: date } }\n", `.listlint.yml:3:32: overrides[0].rules.sort-order.by: "date" is not one of "name", "year", "none"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := write(t, map[string]string{".listlint.yml": tt.src})
			t.Chdir(dir)
			_, err := Load(".listlint.yml", testRules())
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestLoadReportsEveryError(t *testing.T) {
	dir := write(t, map[string]string{".listlint.yml": "rules:\n  separator: warn\n  sort-order: { by: date }\nfoo: 1\n"})
	_, err := Load(filepath.Join(dir, ".listlint.yml"), testRules())
	if err == nil {
		t.Fatal("no error")
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 3 {
		t.Errorf("got %d errors, want 3:\n%s", n, err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), ".listlint.yml"), testRules())
	if err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("got %v, want a not-exist error", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

func TestEmptyFileIsDefaults(t *testing.T) {
	rules := testRules()
	for _, src := range []string{"", "# only a comment\n", "---\n"} {
		dir := write(t, map[string]string{".listlint.yml": src})
		c, err := Load(filepath.Join(dir, ".listlint.yml"), rules)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		for _, r := range rules {
			if got := c.Settings(filepath.Join(dir, "a.md"), r); !reflect.DeepEqual(got, r.Defaults()) {
				t.Errorf("%q: %s = %+v, want defaults", src, r.ID, got)
			}
		}
	}
}

func TestSettings(t *testing.T) {
	rules := testRules()
	dir := write(t, map[string]string{".listlint.yml": `# a comment
preset: awesome
rules:
  duplicate-name: off
  empty-section: { severity: info }
  separator: error
  project-tag: { allowed: [Book] }
  year-prefix: { min: 1990, separator: "~" }
  description: { severity: off, required: true }
overrides:
  - files: ["Books/**", "*.txt"]
    rules:
      duplicate-name: error
      project-tag: { allowed: [Book, Series] }
  - files: ["Books/old/**"]
    rules: { duplicate-name: off, separator: { style: ": " } }
`})
	c, err := Load(filepath.Join(dir, ".listlint.yml"), rules)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		off  bool
		sev  lint.Severity
		opts map[string]any
	}
	tests := []struct {
		file, rule string
		want       want
	}{
		{"README.md", "duplicate-name", want{off: true, sev: lint.Warning, opts: map[string]any{}}},
		{"README.md", "empty-section", want{sev: lint.Info, opts: map[string]any{}}},
		// The preset's style stays; the file sets the severity.
		{"README.md", "separator", want{sev: lint.Error, opts: map[string]any{"style": " - "}}},
		{"README.md", "list-spacing", want{sev: lint.Warning, opts: map[string]any{"style": "tight"}}},
		// The preset turns project-tag off; options turn it back on.
		{"README.md", "project-tag", want{sev: lint.Warning, opts: map[string]any{"required": false, "allowed": []string{"Book"}}}},
		{"README.md", "year-prefix", want{sev: lint.Warning, opts: map[string]any{"separator": "~", "min": 1990}}},
		{"README.md", "description", want{off: true, sev: lint.Warning, opts: map[string]any{"required": true, "final-punctuation": "required"}}},
		{"Books/a.md", "duplicate-name", want{sev: lint.Error, opts: map[string]any{}}},
		{"Books/a.md", "project-tag", want{sev: lint.Warning, opts: map[string]any{"required": false, "allowed": []string{"Book", "Series"}}}},
		{"notes.txt", "duplicate-name", want{sev: lint.Error, opts: map[string]any{}}},
		{"sub/notes.txt", "duplicate-name", want{off: true, sev: lint.Warning, opts: map[string]any{}}},
		// Overrides apply in order: the later one wins.
		{"Books/old/b.md", "duplicate-name", want{off: true, sev: lint.Error, opts: map[string]any{}}},
		{"Books/old/b.md", "separator", want{sev: lint.Error, opts: map[string]any{"style": ": "}}},
	}
	for _, tt := range tests {
		got := c.Settings(filepath.Join(dir, filepath.FromSlash(tt.file)), ruleByID(rules, tt.rule))
		w := lint.Settings{Off: tt.want.off, Severity: tt.want.sev, Options: ruleByID(rules, tt.rule).Defaults().Options}
		for k, v := range tt.want.opts {
			w.Options[k] = v
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s %s: got %+v, want %+v", tt.file, tt.rule, got, w)
		}
	}
	// Relative paths resolve against the working directory the
	// configuration was loaded in.
	t.Chdir(dir)
	if c, err = Load(".listlint.yml", rules); err != nil {
		t.Fatal(err)
	}
	if got := c.Settings("Books/a.md", ruleByID(rules, "duplicate-name")); got.Off || got.Severity != lint.Error {
		t.Errorf("relative path: got %+v", got)
	}
}

func TestSettingsDoNotShareMaps(t *testing.T) {
	rules := testRules()
	c, err := Preset("default", rules)
	if err != nil {
		t.Fatal(err)
	}
	r := ruleByID(rules, "separator")
	c.Settings("a.md", r).Options["style"] = "changed"
	if got := c.Settings("a.md", r).Options["style"]; got != "dominant" {
		t.Errorf("style = %v after a caller changed its copy", got)
	}
}

func TestExcluded(t *testing.T) {
	dir := write(t, map[string]string{".listlint.yml": "files:\n  exclude: [CHANGELOG.md, \"docs/archive\", \"**/drafts/**\", \"./vendor/*.md\"]\n"})
	c, err := Load(filepath.Join(dir, ".listlint.yml"), testRules())
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]bool{
		"CHANGELOG.md":            true,
		"sub/CHANGELOG.md":        false, // globs are anchored at the config's folder
		"docs/archive":            true,
		"docs/archive/2019/a.md":  true,
		"docs/archived.md":        false,
		"docs/a.md":               false,
		"x/drafts/y.md":           true,
		"drafts/y.md":             true,
		"vendor/a.md":             true,
		"vendor/sub/a.md":         false,
		"README.md":               false,
		"../outside/CHANGELOG.md": false,
	} {
		if got := c.Excluded(filepath.Join(dir, filepath.FromSlash(file))); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", file, got, want)
		}
	}
	if c.Excluded("-") {
		t.Error("stdin excluded")
	}
}

func TestPresets(t *testing.T) {
	rules := testRules()
	get := func(c *Config, id, opt string) any {
		s := c.Settings("a.md", ruleByID(rules, id))
		if s.Off {
			return "off"
		}
		return s.Options[opt]
	}
	tests := []struct {
		preset string
		want   map[string]any // rule/option: value
	}{
		{"default", map[string]any{"separator/style": "dominant", "list-spacing/style": "dominant", "project-tag/required": false, "sort-order/by": "name"}},
		{"awesome", map[string]any{
			"separator/style": " - ", "list-marker/style": "-", "list-spacing/style": "tight",
			"project-tag/required": "off", "sort-order/by": "name", "year-prefix/separator": "dominant",
		}},
		{"tagged", map[string]any{
			"separator/style": ": ", "list-marker/style": "-", "list-spacing/style": "loose",
			"project-tag/required": true, "year-prefix/separator": "-", "sort-order/by": "name",
		}},
	}
	for _, tt := range tests {
		c, err := Preset(tt.preset, rules)
		if err != nil {
			t.Fatal(err)
		}
		for key, want := range tt.want {
			id, opt, _ := strings.Cut(key, "/")
			if got := get(c, id, opt); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s = %v, want %v", tt.preset, key, got, want)
			}
		}
	}
	if _, err := Preset("fancy", rules); err == nil || err.Error() != `"fancy" is not one of "default", "awesome", "tagged"` {
		t.Errorf("bad preset: %v", err)
	}
	// A preset skips rules the caller does not have.
	if _, err := Preset("tagged", rules[:1]); err != nil {
		t.Errorf("subset of rules: %v", err)
	}
}

func TestPresetOutOfStepWithRules(t *testing.T) {
	rules := testRules()
	sep := ruleByID(rules, "separator")
	sep.Options = []lint.Option{{Name: "kind", Default: "dominant"}}
	_, err := Preset("awesome", rules)
	if err == nil || !strings.Contains(err.Error(), `preset awesome:5:16: rules.separator: unknown option "style"`) {
		t.Errorf("got %v, want an unknown option error naming the preset", err)
	}
}

func TestWithPresetAndSelect(t *testing.T) {
	rules := testRules()
	dir := write(t, map[string]string{".listlint.yml": "preset: tagged\nrules:\n  separator: { severity: error }\n  duplicate-name: off\n"})
	c, err := Load(filepath.Join(dir, ".listlint.yml"), rules)
	if err != nil {
		t.Fatal(err)
	}
	c, err = c.WithPreset("awesome")
	if err != nil {
		t.Fatal(err)
	}
	sep := c.Settings("a.md", ruleByID(rules, "separator"))
	if sep.Options["style"] != " - " || sep.Severity != lint.Error {
		t.Errorf("--preset awesome under the file: separator = %+v", sep)
	}
	c, err = c.Select([]string{"duplicate-name"}, []string{"separator"})
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Settings("a.md", ruleByID(rules, "duplicate-name")); s.Off {
		t.Error("--enable duplicate-name left it off")
	}
	if s := c.Settings("a.md", ruleByID(rules, "separator")); !s.Off {
		t.Error("--disable separator left it on")
	}
	for _, tt := range []struct {
		enable, disable []string
		want            string
	}{
		{[]string{"sepaator"}, nil, `--enable: unknown rule "sepaator", did you mean "separator"? (listlint rules lists them all)`},
		{nil, []string{"nope"}, `--disable: unknown rule "nope" (rules: `},
		{[]string{"separator"}, []string{"separator"}, `--disable: rule "separator" is both enabled and disabled`},
	} {
		if _, err := c.Select(tt.enable, tt.disable); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Select(%v, %v) = %v, want %s", tt.enable, tt.disable, err, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	dir := write(t, map[string]string{
		"repo/.git/HEAD":             "ref: refs/heads/main\n",
		"repo/.listlint.yml":         "preset: awesome\n",
		"repo/a/b/c/list.md":         "- [x](u)\n",
		"repo/sub/.listlint.yaml":    "preset: tagged\n",
		"repo/sub/d/list.md":         "- [x](u)\n",
		"repo/both/.listlint.yml":    "",
		"repo/both/.listlint.yaml":   "",
		"other/.listlint.yml":        "",
		"other/repo2/.git":           "gitdir: elsewhere\n",
		"other/repo2/nested/list.md": "",
	})
	tests := []struct{ from, want string }{
		{"repo/a/b/c", "repo/.listlint.yml"},
		{"repo", "repo/.listlint.yml"},
		{"repo/sub/d", "repo/sub/.listlint.yaml"},
		// The repository root (a .git file, as in worktrees) stops the walk.
		{"other/repo2/nested", ""},
	}
	for _, tt := range tests {
		got, err := Find(filepath.Join(dir, filepath.FromSlash(tt.from)))
		if err != nil {
			t.Fatal(err)
		}
		want := ""
		if tt.want != "" {
			want = filepath.Join(dir, filepath.FromSlash(tt.want))
		}
		if got != want {
			t.Errorf("Find(%s) = %q, want %q", tt.from, got, want)
		}
	}
	if _, err := Find(filepath.Join(dir, "repo/both")); err == nil || !strings.Contains(err.Error(), "both") {
		t.Errorf("both names: got %v", err)
	}
	// A relative folder gives a relative path.
	t.Chdir(filepath.Join(dir, "repo/a"))
	if got, err := Find("b/c"); err != nil || got != filepath.Join("..", ".listlint.yml") {
		t.Errorf("Find(b/c) from repo/a = %q, %v", got, err)
	}
}

func TestResolver(t *testing.T) {
	rules := testRules()
	dir := write(t, map[string]string{
		"repo/.git/HEAD":          "",
		"repo/.listlint.yml":      "preset: awesome\nfiles:\n  exclude: [CHANGELOG.md]\n",
		"repo/sub/.listlint.yml":  "preset: tagged\n",
		"repo/bad/.listlint.yml":  "rules:\n  nope: off\n",
		"repo/custom.yml":         "rules:\n  separator: { style: \": \" }\n",
		"repo/README.md":          "",
		"repo/docs/list.md":       "",
		"repo/sub/deeper/list.md": "",
	})
	t.Chdir(filepath.Join(dir, "repo"))
	style := func(c *Config, path string) any {
		return c.Settings(path, ruleByID(rules, "separator")).Options["style"]
	}
	r, err := NewResolver(rules, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{"README.md": " - ", "docs/list.md": " - ", "sub/deeper/list.md": ": ", "-": " - "} {
		c, err := r.For(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := style(c, path); got != want {
			t.Errorf("%s: style %q, want %q", path, got, want)
		}
	}
	c1, _ := r.For("docs/list.md")
	c2, _ := r.For("README.md")
	if c1 != c2 {
		t.Error("one configuration file loaded twice")
	}
	if c2.Path != ".listlint.yml" || !c2.Excluded("CHANGELOG.md") {
		t.Errorf("path %q, CHANGELOG.md excluded %v", c2.Path, c2.Excluded("CHANGELOG.md"))
	}
	if _, err := r.For("bad/x.md"); err == nil || !strings.HasPrefix(err.Error(), filepath.Join("bad", ".listlint.yml")+":2:3: rules: unknown rule") {
		t.Errorf("bad config: got %v", err)
	}

	r, err = NewResolver(rules, Options{NoConfig: true, Preset: "tagged", Disable: []string{"separator"}})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := r.For("README.md")
	if s := c.Settings("README.md", ruleByID(rules, "list-spacing")); s.Options["style"] != "loose" {
		t.Errorf("--no-config --preset tagged: list-spacing %v", s.Options["style"])
	}
	if !c.Settings("README.md", ruleByID(rules, "separator")).Off {
		t.Error("--disable separator ignored")
	}
	if c.Excluded("CHANGELOG.md") {
		t.Error("--no-config still excludes")
	}

	r, err = NewResolver(rules, Options{File: "custom.yml", Preset: "awesome"})
	if err != nil {
		t.Fatal(err)
	}
	c, _ = r.For("sub/deeper/list.md")
	if got := style(c, "sub/deeper/list.md"); got != ": " {
		t.Errorf("--config custom.yml: style %q", got)
	}
	if s := c.Settings("x.md", ruleByID(rules, "list-spacing")); s.Options["style"] != "tight" {
		t.Errorf("--preset awesome under --config: list-spacing %v", s.Options["style"])
	}

	for _, o := range []Options{
		{File: "custom.yml", NoConfig: true},
		{File: "missing.yml"},
		{File: "bad/.listlint.yml"},
		{Preset: "fancy"},
		{Enable: []string{"nope"}},
	} {
		if _, err := NewResolver(rules, o); err == nil {
			t.Errorf("NewResolver(%+v): no error", o)
		}
	}
}

func TestEffective(t *testing.T) {
	rules := testRules()
	dir := write(t, map[string]string{".listlint.yml": `preset: awesome
files:
  exclude: [CHANGELOG.md]
rules:
  duplicate-name: off
  project-tag: { allowed: [Book] }
overrides:
  - files: ["Books/**"]
    rules: { duplicate-name: error, sort-order: { by: year } }
`})
	t.Chdir(dir)
	c, err := Load(".listlint.yml", rules)
	if err != nil {
		t.Fatal(err)
	}
	c, err = c.Select(nil, []string{"empty-section"})
	if err != nil {
		t.Fatal(err)
	}
	got := c.Effective("Books/a.md")
	want := `# Effective configuration for Books/a.md
# Configuration file: .listlint.yml
preset: awesome # .listlint.yml:1:9
files:
  exclude:
    - CHANGELOG.md # .listlint.yml:3:13
rules:
  description:
    severity: warning # default
    required: false # default
    final-punctuation: required # default
  duplicate-name:
    # on: .listlint.yml:9:30 (overrides[0])
    severity: error # .listlint.yml:9:30 (overrides[0])
  duplicate-url:
    severity: error # default
    scope: file # default
  empty-section: "off" # --disable
  list-marker:
    severity: warning # default
    style: '-' # preset awesome
  list-spacing:
    severity: warning # default
    style: tight # preset awesome
  project-tag:
    # on: .listlint.yml:6:16
    severity: warning # default
    required: false # default
    allowed: [Book] # .listlint.yml:6:27
  separator:
    severity: warning # default
    style: ' - ' # preset awesome
  sort-order:
    severity: warning # default
    by: year # .listlint.yml:9:55 (overrides[0])
  url-shortener:
    # on: preset awesome
    severity: warning # preset awesome
    hosts: [bit.ly] # default
  year-prefix:
    severity: warning # default
    separator: dominant # default
    min: 1970 # default
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := c.Effective("CHANGELOG.md"); !strings.Contains(got, "excluded by files.exclude") {
		t.Errorf("excluded file not said so:\n%s", got)
	}
}

// TestEffectiveLoadsBack checks that --show-config prints a valid
// configuration file that means the same for the file it was printed for.
func TestEffectiveLoadsBack(t *testing.T) {
	rules := testRules()
	dir := write(t, map[string]string{".listlint.yml": "preset: tagged\nrules:\n  duplicate-name: off\n  project-tag: { allowed: [Book, Series] }\noverrides:\n  - files: [\"a/**\"]\n    rules: { separator: error, sort-order: { by: year } }\n"})
	c, err := Load(filepath.Join(dir, ".listlint.yml"), rules)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"README.md", "a/list.md"} {
		path := filepath.Join(dir, filepath.FromSlash(file))
		out := filepath.Join(t.TempDir(), ".listlint.yml")
		if err := os.WriteFile(out, []byte(c.Effective(path)), 0o644); err != nil {
			t.Fatal(err)
		}
		back, err := Load(out, rules)
		if err != nil {
			t.Fatalf("%s: effective configuration does not load: %v", file, err)
		}
		for _, r := range rules {
			if got, want := back.Settings(path, r), c.Settings(path, r); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: reloaded %+v, want %+v", file, r.ID, got, want)
			}
		}
	}
}

func TestLinksExclude(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".listlint.yml")
	if err := os.WriteFile(path, []byte("links:\n  exclude: ['^https://localhost', 'example\\.org/private']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path, testRules())
	if err != nil {
		t.Fatal(err)
	}
	if got := c.LinksExclude(); len(got) != 2 || got[1] != `example\.org/private` {
		t.Errorf("LinksExclude() = %q", got)
	}
	if err := os.WriteFile(path, []byte("links:\n  exclude: ['(']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path, testRules()); err == nil || !strings.Contains(err.Error(), `links.exclude[0]: "(" is not a valid regular expression`) {
		t.Errorf("bad pattern: %v", err)
	}
}
