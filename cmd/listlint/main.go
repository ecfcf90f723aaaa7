// Command listlint lints and fixes awesome-style Markdown lists.
//
//	listlint check [paths]    report findings
//	listlint fix [paths]      repair what can be repaired
//	listlint links [paths]    check links: dead ones, moved ones
//	listlint init [folder]    write a starter .listlint.yml
//	listlint rules [id]       list the rules or show one rule's doc
//	listlint lsp              run the language server for editors
//	listlint version          print the version
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/listlint/listlint/internal/suggest"
	"github.com/listlint/listlint/report"
)

// Exit codes, as linters and formatters use them.
const (
	// exitClean: no finding at or above the failing level, nothing to fix.
	exitClean = 0
	// exitFindings: findings remain, or fix --diff/--check would change a file.
	exitFindings = 1
	// exitError: usage, configuration or I/O error.
	exitError = 2
)

func main() {
	c := &cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, gc: new(shortRun)}
	os.Exit(c.run(os.Args[1:]))
}

// cli holds what one run of the program talks to; commands are its
// methods so tests can run them with any reader and writers.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// gc is the process's collector policy for short runs, nil in tests
	// that run commands in their own process.
	gc *shortRun
}

// command is one subcommand: its synopsis, a one-line summary for the
// usage text, its flags and what it does with the arguments left.
type command struct {
	name, args, summary string
	// flags declares the command's flags on fs and returns the function
	// that runs the command once fs has parsed the arguments.
	flags func(c *cli, fs *pflag.FlagSet) func(args []string) int
	// short: a run is usually over in milliseconds (see shortRun).
	short bool
}

func commands() []*command {
	return []*command{
		{name: "check", args: "[flags] [paths]", summary: "report findings in Markdown lists", flags: (*cli).checkFlags, short: true},
		{name: "fix", args: "[flags] [paths]", summary: "repair what can be repaired, in place", flags: (*cli).fixFlags, short: true},
		{name: "links", args: "[flags] [paths]", summary: "check the links of Markdown lists: report dead and moved ones", flags: (*cli).linksFlags},
		{name: "init", args: "[flags] [folder]", summary: "write a starter .listlint.yml from the lists in a folder", flags: (*cli).initFlags},
		{name: "rules", args: "[id]", summary: "list the rules, or show one rule's doc", flags: (*cli).rulesFlags},
		{name: "lsp", args: "[flags]", summary: "run the language server (LSP over stdio) for editors", flags: (*cli).lspFlags},
		{name: "version", args: "", summary: "print listlint's version", flags: (*cli).versionFlags},
	}
}

func findCommand(name string) *command {
	for _, cmd := range commands() {
		if cmd.name == name {
			return cmd
		}
	}
	return nil
}

// run runs listlint with args (without the program name) and returns the
// exit code.
func (c *cli) run(args []string) int {
	if len(args) == 0 {
		if err := c.usage(c.stderr); err != nil {
			return c.fail(err)
		}
		return exitError
	}
	switch name := args[0]; name {
	case "help", "-h", "--help":
		return c.help(args[1:])
	default:
		if cmd := findCommand(name); cmd != nil {
			return c.runCommand(cmd, args[1:])
		}
		if strings.HasPrefix(name, "-") {
			return c.usageError("", "unknown flag %s: flags follow the command, as in listlint check %s", name, name)
		}
		return c.usageError("", "unknown command %q%s", name, suggest.DidYouMean(name, commandNames()))
	}
}

// commandNames lists the commands, help included.
func commandNames() []string {
	names := []string{"help"}
	for _, cmd := range commands() {
		names = append(names, cmd.name)
	}
	return names
}

// runCommand parses the command's flags and runs it. -h and --help print
// the command's usage on stdout.
func (c *cli) runCommand(cmd *command, args []string) int {
	fs := newFlagSet(cmd.name)
	do := cmd.flags(c, fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			if err := c.commandUsage(c.stdout, cmd, fs); err != nil {
				return c.fail(err)
			}
			return exitClean
		}
		return c.usageError(cmd.name, "%v", err)
	}
	if cmd.short {
		c.gc.start()
	}
	return do(fs.Args())
}

func newFlagSet(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	// Errors are printed by runCommand as one line; pflag's own printing
	// would add the whole usage text after it.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	return fs
}

// help prints the general usage, or one command's usage.
func (c *cli) help(args []string) int {
	var err error
	switch len(args) {
	case 0:
		err = c.usage(c.stdout)
	case 1:
		if args[0] == "help" {
			_, err = io.WriteString(c.stdout, helpUsage)
			break
		}
		cmd := findCommand(args[0])
		if cmd == nil {
			return c.usageError("help", "unknown command %q%s", args[0], suggest.DidYouMean(args[0], commandNames()))
		}
		fs := newFlagSet(cmd.name)
		cmd.flags(c, fs)
		err = c.commandUsage(c.stdout, cmd, fs)
	default:
		return c.usageError("help", "takes at most one command, got %d arguments", len(args))
	}
	if err != nil {
		return c.fail(err)
	}
	return exitClean
}

// helpUsage is what listlint help help prints.
const helpUsage = "Usage: listlint help [command]\n\n" +
	"print the commands, or one command's usage and flags (as listlint COMMAND --help does)\n"

func (c *cli) usage(w io.Writer) error {
	rows := make([][]string, 0, len(commands())+1)
	for _, cmd := range commands() {
		rows = append(rows, []string{"  " + strings.TrimSpace("listlint "+cmd.name+" "+cmd.args), cmd.summary})
	}
	rows = append(rows, []string{"  listlint help [command]", "show a command's flags"})
	_, err := io.WriteString(w, "listlint lints and fixes awesome-style Markdown lists.\n\nUsage:\n\n"+align(rows)+
		"\nConfiguration: .listlint.yml (or .listlint.yaml), the first one found\n"+
		"walking up from each file's folder to the repository root. listlint init\n"+
		"writes one; listlint check --show-config FILE shows what applies to FILE.\n"+
		"\nExit status: 0 clean, 1 findings (or files fix would change), 2 usage,\n"+
		"configuration or I/O error; fix - exits 0 once it wrote the text.\n")
	return err
}

func (c *cli) commandUsage(w io.Writer, cmd *command, fs *pflag.FlagSet) error {
	s := fmt.Sprintf("Usage: %s\n\n%s\n", strings.TrimSpace("listlint "+cmd.name+" "+cmd.args), cmd.summary)
	if fs.HasFlags() {
		s += "\nFlags:\n" + fs.FlagUsages()
	}
	_, err := io.WriteString(w, s)
	return err
}

// align lays rows out in columns two spaces apart, one line per row.
func align(rows [][]string) string {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell)+2))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// usageError prints a usage problem with the command cmd ("" for none) as
// one line, with where to find help, and returns exitError.
func (c *cli) usageError(cmd, format string, args ...any) int {
	msg := fmt.Sprintf(format, args...)
	if cmd == "" {
		c.stderrLine("listlint: %s (see listlint help)", msg)
	} else {
		c.stderrLine("listlint %s: %s (see listlint help %s)", cmd, msg, cmd)
	}
	return exitError
}

// fail prints err as one line and returns exitError.
func (c *cli) fail(err error) int {
	c.stderrLine("listlint: %v", err)
	return exitError
}

// stderrLine prints one line on stderr, control characters escaped: a
// file name in it, chosen by whoever wrote the pull request, can neither
// break the line nor drive the terminal. Its write error is dropped on
// purpose: stderr is where errors go, so a failure there has nowhere left
// to be reported, and the exit code still tells.
func (c *cli) stderrLine(format string, args ...any) {
	_, _ = io.WriteString(c.stderr, report.EscapeUnprintable(fmt.Sprintf(format, args...))+"\n")
}

// colorOutput reports whether output to w gets colours when --color is
// auto. FORCE_COLOR or CLICOLOR_FORCE force them, as ruff (through the
// colored crate) and Node tools read them, even over NO_COLOR; else
// NO_COLOR (no-color.org) and TERM=dumb turn them off, and a terminal
// turns them on.
func colorOutput(w io.Writer, getenv func(string) string, isTerminal func(fd int) bool) bool {
	for _, v := range []string{"FORCE_COLOR", "CLICOLOR_FORCE"} {
		if s := getenv(v); s != "" && s != "0" {
			return true
		}
	}
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && isTerminal(int(f.Fd()))
}
