package lsp

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// TestBinary runs the built `listlint lsp` over stdio: formatting gives
// what `listlint fix -` prints, and the exit status is 0 after shutdown
// and exit, 1 after exit alone.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "listlint")
	build := exec.Command("go", "build", "-o", bin, "../cmd/listlint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := workspace(t, map[string]string{"README.md": list})

	fixCmd := exec.Command(bin, "fix", "--stdin-filename", filepath.Join(dir, "README.md"), "-")
	fixCmd.Stdin = strings.NewReader(list)
	want, err := fixCmd.Output()
	if err != nil {
		t.Fatalf("listlint fix -: %v", err)
	}

	for _, shutdown := range []bool{true, false} {
		cmd := exec.Command(bin, "lsp")
		cmd.Dir = dir
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		served := make(chan error, 1)
		go func() { served <- cmd.Wait() }()
		c := connect(t, pipeRWC{stdout, stdin}, served)
		c.initialize(dir, nil)
		uri := fileURI(filepath.Join(dir, "README.md"))
		c.open(uri, 1, list)
		if ds := c.diagnostics(uri, 1); len(ds) != 6 {
			t.Errorf("diagnostics: %q, want the 6 findings check reports", ruleIDs(ds))
		}
		var edits []protocol.TextEdit
		c.mustCall(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &edits)
		if got := applyEdits(t, list, edits); got != string(want) {
			t.Errorf("formatting:\n%q\nlistlint fix - prints\n%q", got, want)
		}
		if shutdown {
			c.mustCall(protocol.MethodShutdown, nil, nil)
		}
		c.notify(protocol.MethodExit, nil)
		err = c.wait()
		var exit *exec.ExitError
		switch {
		case shutdown && err != nil:
			t.Errorf("exit after shutdown: %v, want status 0", err)
		case !shutdown && (!errors.As(err, &exit) || exit.ExitCode() != 1):
			t.Errorf("exit without shutdown: %v, want status 1", err)
		}
	}
}
