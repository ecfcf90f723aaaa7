package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/listlint/listlint/config"
	"github.com/listlint/listlint/internal/suggest"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/report"
	"github.com/listlint/listlint/rules"
)

// lintFlags are the flags check and fix share.
type lintFlags struct {
	format        formatFlag
	quiet         bool
	verbose       bool
	failOn        failLevel
	stdinFilename string
	limits        lint.Limits
	// Configuration: see configs.
	configFile      string
	noConfig        bool
	preset          string
	enable, disable []string
	color           colorMode
	statistics      bool
	// pathPrefix is --path-prefix; pathPrefixSet tells an explicit empty
	// prefix (paths relative to the current folder) from none.
	pathPrefix    string
	pathPrefixSet bool
}

func (f *lintFlags) register(fs *pflag.FlagSet) {
	f.format = formatFlag(report.Formats[0])
	f.failOn = failLevel{level: lint.Warning}
	fs.VarP(&f.format, "format", "f", "output format: "+strings.Join(report.Formats, ", "))
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print findings only, no summary")
	fs.Var(pathPrefixFlag{f}, "path-prefix", "name files in the github, sarif, rdjson and markdown formats as `PREFIX` joined with their path from the current folder, instead of from the top of the git work tree")
	fs.BoolVar(&f.statistics, "statistics", false, "print the number of findings per rule instead of the findings (text and json formats)")
	fs.BoolVarP(&f.verbose, "verbose", "v", false, "say which files a walk passes over and why")
	f.color = colorAuto
	fs.Var(&f.color, "color", "colour the text format: auto (on a terminal unless NO_COLOR is set or TERM=dumb; FORCE_COLOR or CLICOLOR_FORCE force it), always or never")
	fs.Var(&f.failOn, "fail-on", "lowest severity that fails the run: error, warning, info or never")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "path to show for the input read from - (stdin)")
	registerLimits(fs, &f.limits)
	f.limits.Year = time.Now().Year() // read once: every file of a run sees the same year
	fs.StringVar(&f.configFile, "config", "", "use the configuration `FILE` for every file instead of finding .listlint.yml")
	fs.BoolVar(&f.noConfig, "no-config", false, "ignore configuration files: every rule with its defaults, or --preset's")
	fs.StringVar(&f.preset, "preset", "", "preset `NAME` replacing the configuration's own: "+strings.Join(config.Presets(), ", "))
	fs.StringSliceVar(&f.enable, "enable", nil, "turn the rules `RULE,...` on, whatever the configuration says")
	fs.StringSliceVar(&f.disable, "disable", nil, "turn the rules `RULE,...` off, whatever the configuration says")
}

// reportOptions returns how findings written to w are printed.
func (f *lintFlags) reportOptions(w io.Writer) report.Options {
	info, _ := debug.ReadBuildInfo()
	return report.Options{
		Format: string(f.format), Quiet: f.quiet, Color: f.color.enabled(w), Statistics: f.statistics,
		Rules: rules.All(), Version: version(info),
	}
}

// validate reports flags that exclude each other.
func (f *lintFlags) validate() error {
	if f.statistics && f.format != "text" && f.format != "json" {
		return fmt.Errorf("--statistics prints the text or json format, not %s", f.format)
	}
	return nil
}

// linter returns the linter a run uses: every rule, configured for each
// file as cs resolved it, within the input limits of the flags.
func (f *lintFlags) linter(cs *configs) *lint.Linter {
	return &lint.Linter{Rules: rules.All(), Configure: cs.settings, Limits: f.limits}
}

// pathPrefixFlag is --path-prefix: a string that remembers it was set.
type pathPrefixFlag struct{ f *lintFlags }

func (v pathPrefixFlag) String() string {
	if v.f == nil {
		return ""
	}
	return v.f.pathPrefix
}

func (v pathPrefixFlag) Set(s string) error {
	v.f.pathPrefix, v.f.pathPrefixSet = s, true
	return nil
}

func (v pathPrefixFlag) Type() string { return "string" }

// writeFindings prints findings to w, sorted, in the format of the flags,
// with the paths the format wants.
func (f *lintFlags) writeFindings(w io.Writer, findings []report.Finding) error {
	relocate(findings, f.outputPaths())
	report.Sort(findings)
	return report.Write(w, findings, f.reportOptions(w))
}

// verboseNotes returns where --verbose notes go: stderr, one line each,
// or nowhere without the flag.
func (c *cli) verboseNotes(f *lintFlags) func(string) {
	if !f.verbose {
		return nil
	}
	return func(msg string) { c.stderrLine("listlint: %s", msg) }
}

// registerLimits declares --max-bytes and --max-depth.
func registerLimits(fs *pflag.FlagSet, l *lint.Limits) {
	l.MaxBytes, l.MaxDepth = lint.DefaultMaxBytes, lint.DefaultMaxDepth
	fs.Var((*byteLimit)(&l.MaxBytes), "max-bytes", "largest file accepted, in bytes")
	fs.Var((*positiveInt)(&l.MaxDepth), "max-depth", "deepest nesting of lists and quotes accepted")
}

// positiveInt is an int flag above zero: a limit of 0 or less is a
// mistake, not a way to ask for the default.
type positiveInt int

func (v *positiveInt) String() string { return strconv.Itoa(int(*v)) }

func (v *positiveInt) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return errors.New("expected a whole number")
	}
	if n <= 0 {
		return errors.New("expected a number above zero")
	}
	*v = positiveInt(n)
	return nil
}

func (v *positiveInt) Type() string { return "int" }

// byteLimit is --max-bytes: above zero, and no larger than the model's
// 32-bit offsets can index.
type byteLimit int

func (v *byteLimit) String() string { return strconv.Itoa(int(*v)) }

func (v *byteLimit) Set(s string) error {
	if err := (*positiveInt)(v).Set(s); err != nil {
		return err
	}
	if *v > lint.MaxSourceBytes {
		return fmt.Errorf("expected at most %d", lint.MaxSourceBytes)
	}
	return nil
}

func (v *byteLimit) Type() string { return "int" }

// nonEmpty is a string flag that refuses "": an empty revision would
// quietly mean no revision.
type nonEmpty string

func (v *nonEmpty) String() string { return string(*v) }

func (v *nonEmpty) Set(s string) error {
	if s == "" {
		return errors.New("expected a value, got an empty string")
	}
	*v = nonEmpty(s)
	return nil
}

func (v *nonEmpty) Type() string { return "string" }

// formatFlag is --format, checked against report.Formats when parsed.
type formatFlag string

func (v *formatFlag) String() string { return string(*v) }

func (v *formatFlag) Set(s string) error {
	for _, f := range report.Formats {
		if s == f {
			*v = formatFlag(s)
			return nil
		}
	}
	return fmt.Errorf("unknown format %q%s (want %s)", s, suggest.DidYouMean(s, report.Formats), strings.Join(report.Formats, ", "))
}

func (v *formatFlag) Type() string { return "format" }

// colorMode is --color.
type colorMode string

// The values of --color.
const (
	colorAuto   colorMode = "auto"
	colorAlways colorMode = "always"
	colorNever  colorMode = "never"
)

func (m *colorMode) String() string { return string(*m) }

func (m *colorMode) Set(s string) error {
	switch v := colorMode(s); v {
	case colorAuto, colorAlways, colorNever:
		*m = v
		return nil
	}
	return fmt.Errorf("unknown colour mode %q%s (want auto, always or never)", s, suggest.DidYouMean(s, []string{"auto", "always", "never"}))
}

func (m *colorMode) Type() string { return "when" }

// enabled reports whether output to w is coloured. An explicit always
// wins over NO_COLOR, as no-color.org asks of command-line flags.
func (m *colorMode) enabled(w io.Writer) bool {
	switch *m {
	case colorAlways:
		return true
	case colorNever:
		return false
	}
	return colorOutput(w, os.Getenv, term.IsTerminal)
}

// failLevel is --fail-on: a severity, or never.
type failLevel struct {
	level lint.Severity
	never bool
}

func (v *failLevel) String() string {
	if v.never {
		return "never"
	}
	return v.level.String()
}

func (v *failLevel) Set(s string) error {
	if s == "never" {
		*v = failLevel{never: true}
		return nil
	}
	sev, err := lint.ParseSeverity(s)
	if err != nil {
		return fmt.Errorf("unknown level %q%s (want error, warning, info or never)", s, suggest.DidYouMean(s, []string{"error", "warning", "info", "never"}))
	}
	*v = failLevel{level: sev}
	return nil
}

func (v *failLevel) Type() string { return "level" }

// fails reports whether findings fail the run at this level.
func (v *failLevel) fails(findings []report.Finding) bool {
	return !v.never && report.Failing(findings, v.level)
}
