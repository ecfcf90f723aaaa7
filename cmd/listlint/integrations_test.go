package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// commandFlags returns the flags the listlint command name accepts.
func commandFlags(t *testing.T, name string) *pflag.FlagSet {
	t.Helper()
	cmd := findCommand(name)
	if cmd == nil {
		t.Fatalf("listlint has no command %q", name)
	}
	fs := newFlagSet(name)
	cmd.flags(&cli{}, fs)
	return fs
}

// checkFlag fails the test unless fs has the flag written as arg
// ("--name", "--name=value", "-x"), or it is pending.
func checkFlag(t *testing.T, fs *pflag.FlagSet, where, arg string) {
	t.Helper()
	name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
	var found *pflag.Flag
	if strings.HasPrefix(arg, "--") {
		found = fs.Lookup(name)
	} else {
		found = fs.ShorthandLookup(name)
	}
	if found == nil {
		t.Errorf("%s: %s is not a flag of listlint %s", where, arg, fs.Name())
	}
}

// decodeStrict decodes the YAML file at path into v, refusing keys v
// does not declare: a misspelt key would be ignored by its reader.
func decodeStrict(t *testing.T, path string, v any) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return data
}

// actionStep is a step of a composite action (the keys GitHub reads).
type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	With  map[string]string `yaml:"with"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Env   map[string]string `yaml:"env"`

	WorkingDirectory string `yaml:"working-directory"`
}

// action is the metadata of a GitHub Action (action.yml).
type action struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Author      string `yaml:"author"`
	Branding    struct {
		Icon  string `yaml:"icon"`
		Color string `yaml:"color"`
	} `yaml:"branding"`
	Inputs map[string]struct {
		Description string `yaml:"description"`
		Required    bool   `yaml:"required"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T) (*action, []byte) {
	t.Helper()
	var a action
	data := decodeStrict(t, filepath.Join("..", "..", "action.yml"), &a)
	return &a, data
}

// step returns the step of a named name.
func (a *action) step(t *testing.T, name string) *actionStep {
	t.Helper()
	for i := range a.Runs.Steps {
		if a.Runs.Steps[i].Name == name {
			return &a.Runs.Steps[i]
		}
	}
	t.Fatalf("action.yml has no step %q", name)
	return nil
}

// listlintArgs returns the words the run script of step adds to the
// listlint command line: the lines that build the cmd array.
func listlintArgs(script string) []string {
	var words []string
	for line := range strings.SplitSeq(script, "\n") {
		line = strings.TrimSpace(line)
		for _, prefix := range []string{"cmd=(", "cmd+=("} {
			if rest, ok := strings.CutPrefix(line, prefix); ok {
				words = append(words, strings.Fields(strings.TrimSuffix(rest, ")"))...)
			}
		}
	}
	return words
}

// TestAction checks action.yml: only keys GitHub knows, the inputs
// documented and all used, the outputs findings and errors, the binary
// cached by action ref and built with a Go that never reaches the job's
// PATH, the module installed by its real path, SARIF uploaded in sarif
// mode, and a listlint command line made of flags the binary has, with
// the github format and only-changed mapped to --new-from-rev.
func TestAction(t *testing.T) {
	a, data := readAction(t)
	if a.Name == "" || a.Description == "" {
		t.Error("action.yml needs a name and a description")
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using is %q, want composite", a.Runs.Using)
	}

	want := []string{"args", "config", "mode", "only-changed", "paths"}
	var got []string
	for name, in := range a.Inputs {
		got = append(got, name)
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("inputs %v, want %v", got, want)
	}
	used := make(map[string]bool)
	for _, m := range regexp.MustCompile(`\binputs\.([A-Za-z0-9_-]+)`).FindAllSubmatch(data, -1) {
		name := string(m[1])
		used[name] = true
		if _, ok := a.Inputs[name]; !ok {
			t.Errorf("action.yml uses undeclared input %s", name)
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %s is declared but never used", name)
		}
	}
	for _, name := range []string{"findings", "errors"} {
		out, ok := a.Outputs[name]
		if !ok || out.Description == "" || out.Value != "${{ steps.run.outputs."+name+" }}" {
			t.Errorf("output %s: %+v, want a description and the run step's output", name, out)
		}
	}

	for i, s := range a.Runs.Steps {
		if (s.Run == "") == (s.Uses == "") {
			t.Errorf("step %d (%s): needs exactly one of run and uses", i, s.Name)
		}
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %d (%s): a composite run step needs a shell", i, s.Name)
		}
		// actions/setup-go puts its Go on the PATH of every later step
		// of the caller's job.
		if strings.HasPrefix(s.Uses, "actions/setup-go@") {
			t.Errorf("step %d (%s): setup-go leaves its Go on the caller's PATH", i, s.Name)
		}
		if strings.Contains(s.Run, "GITHUB_ENV") {
			t.Errorf("step %d (%s): writes the caller's environment", i, s.Name)
		}
		if strings.Contains(s.Run, "GITHUB_PATH") && strings.TrimSpace(s.Run) != `echo "$RUNNER_TEMP/listlint-bin" >> "$GITHUB_PATH"` {
			t.Errorf("step %d (%s): puts something other than listlint's folder on PATH", i, s.Name)
		}
	}
	cache := a.step(t, "Cache listlint")
	if !strings.HasPrefix(cache.Uses, "actions/cache@") || cache.With["path"] != "${{ runner.temp }}/listlint-bin" || cache.With["key"] != "${{ steps.key.outputs.key }}" {
		t.Errorf("Cache listlint: %s with %v, want actions/cache of listlint-bin under the key step's key", cache.Uses, cache.With)
	}
	if key := a.step(t, "Cache key"); key.ID != "key" || key.Env["ACTION_REF"] != "${{ github.action_ref }}" || !strings.Contains(key.Run, "${ACTION_REF") {
		t.Errorf("Cache key: the key must name the action's ref, got %+v", key)
	}
	upload := a.step(t, "Upload SARIF")
	if !strings.HasPrefix(upload.Uses, "github/codeql-action/upload-sarif@") || upload.If != "inputs.mode == 'sarif'" || upload.With["sarif_file"] != "${{ runner.temp }}/listlint.sarif" {
		t.Errorf("Upload SARIF: %+v, want upload-sarif of the run's SARIF in sarif mode", upload)
	}

	gomod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	module := regexp.MustCompile(`(?m)^module (\S+)$`).FindSubmatch(gomod)
	if module == nil {
		t.Fatal("go.mod has no module line")
	}
	install := a.step(t, "Install listlint")
	if pkg := string(module[1]) + "/cmd/listlint@$ACTION_REF"; !strings.Contains(install.Run, pkg) {
		t.Errorf("Install listlint does not go install %s", pkg)
	}
	if install.Env["ACTION_REF"] != "${{ github.action_ref }}" || install.Env["ACTION_PATH"] != "${{ github.action_path }}" {
		t.Errorf("Install listlint must read the action's ref and path through env, got %v", install.Env)
	}
	if install.If != "steps.cache.outputs.cache-hit != 'true'" {
		t.Errorf("Install listlint runs %q, want only on a cache miss", install.If)
	}
	if !strings.Contains(install.Run, `"$ACTION_PATH/go.mod"`) {
		t.Error("Install listlint must take the Go version from the action's go.mod")
	}
	if _, err := os.Stat(filepath.Join("..", "..", "cmd", "listlint")); err != nil {
		t.Errorf("the fallback builds ./cmd/listlint: %v", err)
	}

	words := listlintArgs(a.step(t, "Run listlint").Run)
	if len(words) < 3 || words[0] != "listlint" || words[1] != "check" {
		t.Fatalf("Run listlint builds %v, want listlint check ...", words)
	}
	fs := commandFlags(t, "check")
	for _, w := range words[2:] {
		if strings.HasPrefix(w, "-") && w != "--" {
			checkFlag(t, fs, "action.yml", w)
		}
	}
	for _, w := range []string{"--format", "--config", "--new-from-rev"} {
		if !slices.Contains(words, w) {
			t.Errorf("Run listlint never passes %s", w)
		}
	}
	if i := slices.Index(words, "--format"); i >= 0 && (i+1 == len(words) || words[i+1] != "github") {
		t.Errorf("Run listlint passes --format without github")
	}
}

// hook is one entry of .pre-commit-hooks.yaml (the keys pre-commit
// reads).
type hook struct {
	ID                      string   `yaml:"id"`
	Name                    string   `yaml:"name"`
	Description             string   `yaml:"description"`
	Entry                   string   `yaml:"entry"`
	Language                string   `yaml:"language"`
	Files                   string   `yaml:"files"`
	Exclude                 string   `yaml:"exclude"`
	Types                   []string `yaml:"types"`
	TypesOr                 []string `yaml:"types_or"`
	ExcludeTypes            []string `yaml:"exclude_types"`
	Args                    []string `yaml:"args"`
	PassFilenames           *bool    `yaml:"pass_filenames"`
	RequireSerial           bool     `yaml:"require_serial"`
	Stages                  []string `yaml:"stages"`
	AlwaysRun               bool     `yaml:"always_run"`
	Verbose                 bool     `yaml:"verbose"`
	MinimumPreCommitVersion string   `yaml:"minimum_pre_commit_version"`
	AdditionalDependencies  []string `yaml:"additional_dependencies"`
	LanguageVersion         string   `yaml:"language_version"`
	LogFile                 string   `yaml:"log_file"`
	FailFast                bool     `yaml:"fail_fast"`
}

// TestPreCommitHooks checks .pre-commit-hooks.yaml: the two hooks, built
// as Go, run on Markdown files in one process, each entry a listlint
// command with flags the binary has.
func TestPreCommitHooks(t *testing.T) {
	var hooks []hook
	decodeStrict(t, filepath.Join("..", "..", ".pre-commit-hooks.yaml"), &hooks)
	var ids []string
	for _, h := range hooks {
		ids = append(ids, h.ID)
		if h.Name == "" || h.Description == "" {
			t.Errorf("%s: needs a name and a description", h.ID)
		}
		if h.Language != "golang" {
			t.Errorf("%s: language %q, want golang", h.ID, h.Language)
		}
		if !slices.Equal(h.Types, []string{"markdown"}) {
			t.Errorf("%s: types %v, want [markdown]", h.ID, h.Types)
		}
		if !h.RequireSerial {
			t.Errorf("%s: without require_serial pre-commit splits the files over processes, and duplicates across them go unseen", h.ID)
		}
		if h.PassFilenames != nil && !*h.PassFilenames {
			t.Errorf("%s: pass_filenames false would lint the whole tree on every commit", h.ID)
		}
		words := append(strings.Fields(h.Entry), h.Args...)
		if len(words) < 2 || words[0] != "listlint" || "listlint-"+words[1] != h.ID {
			t.Errorf("%s: entry %q, want listlint and the command the id names", h.ID, h.Entry)
			continue
		}
		fs := commandFlags(t, words[1])
		for _, w := range words[2:] {
			if strings.HasPrefix(w, "-") {
				checkFlag(t, fs, h.ID, w)
			}
		}
	}
	if want := []string{"listlint-check", "listlint-fix"}; !slices.Equal(ids, want) {
		t.Errorf("hooks %v, want %v", ids, want)
	}
}

// TestActionInstall runs the action's install step as the runner would
// for a fork (or a local action): it builds the action's own source with
// the Go it finds, into listlint-bin, and touches neither the job's PATH
// nor its environment (the next step puts listlint-bin alone on PATH).
// (The upstream path, go install at the action's ref, needs the module
// proxy.)
func TestActionInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds listlint with go install")
	}
	for _, bin := range []string{"bash", "go"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("%s is not installed", bin)
		}
	}
	a, _ := readAction(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	githubPath, githubEnv := filepath.Join(tmp, "github_path"), filepath.Join(tmp, "github_env")
	cmd := exec.Command("bash", "-c", a.step(t, "Install listlint").Run)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(),
		"ACTION_REF=v9.9.9", "ACTION_REPOSITORY=someone/listlint-fork", "ACTION_PATH="+root,
		"RUNNER_TEMP="+tmp, "RUNNER_OS=Linux", "RUNNER_ARCH=X64", "RUNNER_TOOL_CACHE="+t.TempDir(),
		"GITHUB_PATH="+githubPath, "GITHUB_ENV="+githubEnv)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("install step: %v\n%s", err, out)
	}
	for _, f := range []string{githubPath, githubEnv} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("the install step wrote %s", filepath.Base(f))
		}
	}
	bin := filepath.Join(tmp, "listlint-bin", "listlint")
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "listlint ") {
		t.Fatalf("%s version: %v\n%s", bin, err, out)
	}
	entries, err := os.ReadDir(filepath.Join(tmp, "listlint-bin"))
	if err != nil || len(entries) != 1 {
		t.Errorf("listlint-bin, the folder that goes on PATH, holds %v (%v), want listlint alone", entries, err)
	}

	key := exec.Command("bash", "-c", a.step(t, "Cache key").Run)
	key.Env = append(os.Environ(), "ACTION_REF=v9.9.9", "ACTION_PATH="+root,
		"RUNNER_OS=Linux", "RUNNER_ARCH=X64", "GITHUB_OUTPUT="+filepath.Join(tmp, "key"))
	if out, err := key.CombinedOutput(); err != nil {
		t.Fatalf("cache key step: %v\n%s", err, out)
	}
	line, err := os.ReadFile(filepath.Join(tmp, "key"))
	if err != nil || !regexp.MustCompile(`^key=listlint-Linux-X64-v9\.9\.9-[0-9a-f]{16}\n$`).Match(line) {
		t.Errorf("cache key %q (%v)", line, err)
	}
}
