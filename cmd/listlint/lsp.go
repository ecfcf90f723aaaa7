package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/lsp"
	"github.com/listlint/listlint/rules"
)

func (c *cli) lspFlags(fs *pflag.FlagSet) func([]string) int {
	var o lsp.Options
	fs.StringVar(&o.Config, "config", "", "use the configuration `FILE` for every file instead of finding .listlint.yml")
	fs.BoolVar(&o.NoConfig, "no-config", false, "ignore configuration files: every rule with its defaults, or --preset's")
	fs.StringVar(&o.Preset, "preset", "", "preset `NAME` replacing the configuration's own")
	fs.StringSliceVar(&o.Enable, "enable", nil, "turn the rules `RULE,...` on, whatever the configuration says")
	fs.StringSliceVar(&o.Disable, "disable", nil, "turn the rules `RULE,...` off, whatever the configuration says")
	fs.IntVar(&o.MaxBytes, "max-bytes", lint.DefaultMaxBytes, "largest file accepted, in bytes")
	fs.IntVar(&o.MaxDepth, "max-depth", lint.DefaultMaxDepth, "deepest nesting of lists and quotes accepted")
	// Clients such as vscode-languageclient add --stdio for their stdio
	// transport, the only one there is.
	fs.Bool("stdio", true, "talk over stdin and stdout (the only transport; accepted for clients that pass it)")
	return func(args []string) int {
		if len(args) > 0 {
			return c.usageError("lsp", "takes no paths: the editor sends the files")
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		// The protocol's exit status: 0 after shutdown and exit, 1 when
		// the session ended any other way.
		if err := lsp.New(rules.All(), o).Serve(ctx, stdio{c.stdin, c.stdout}); err != nil {
			c.stderrLine("listlint lsp: %v", err)
			return 1
		}
		return exitClean
	}
}

// stdio is the language server's stream: requests on stdin, answers on
// stdout. Closing it closes neither: the process is about to exit.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
