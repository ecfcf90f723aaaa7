package lsp

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// TestCorpusFormatting holds formatting to `fix -` on every real list of
// the shared corpus: the minimal edits, applied as a client applies
// them, give the fixed text byte for byte.
func TestCorpusFormatting(t *testing.T) {
	if testing.Short() {
		t.Skip("formats every corpus file")
	}
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no corpus at %s: %v", root, err)
	}
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	c := start(t, Options{NoConfig: true}, nil)
	c.initialize(t.TempDir(), nil)
	for i, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		uri := protocol.DocumentURI("untitled:" + path)
		c.open(uri, 1, string(src))
		var edits []protocol.TextEdit
		c.mustCall(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &edits)
		if got, want := applyEdits(t, string(src), edits), fixed(t, string(src)); got != want {
			t.Errorf("%s: formatting differs from fix - (%d edits)", path, len(edits))
		}
		c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}})
		if i%20 == 0 {
			t.Logf("%d/%d files", i, len(files))
		}
	}
}
