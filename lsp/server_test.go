package lsp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// list has findings of several kinds, fixable and not, after CJK text
// and emoji (astral-plane characters, two UTF-16 code units each).
const list = "# Awesome Things\n\n## Tools\n\n" +
	"- [Zeta](https://example.org/zeta) - Last tool.\n" +
	"- [Alpha](https://example.com/alpha) - first tool\n" +
	"- [Beta 日本語 😀](https://example.com/beta) -  A tool with 漢字 and 🎉 emoji.  \n" +
	"- [Gamma](https://example.com/alpha) - A copy.\n\n## Empty\n"

// workspace makes a folder with a .git marker (configuration discovery
// stops there) and the given files.
func workspace(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// applyEdits applies LSP edits to text, as a client would.
func applyEdits(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	x := newLineIndex([]byte(text))
	slices.SortStableFunc(edits, func(a, b protocol.TextEdit) int { return x.offset(b.Range.Start) - x.offset(a.Range.Start) })
	out := text
	for _, e := range edits {
		start, end := x.offset(e.Range.Start), x.offset(e.Range.End)
		out = out[:start] + e.NewText + out[end:]
	}
	return out
}

func ruleIDs(ds []protocol.Diagnostic) []string {
	var ids []string
	for _, d := range ds {
		ids = append(ids, fmt.Sprint(d.Code))
	}
	return ids
}

func TestLifecycle(t *testing.T) {
	c := start(t, Options{}, nil)
	err := c.call("textDocument/formatting", map[string]any{}, nil)
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.ServerNotInitialized {
		t.Errorf("request before initialize: got %v, want ServerNotInitialized", err)
	}
	res := c.initialize(t.TempDir(), nil)
	sync, _ := res.Capabilities.TextDocumentSync.(map[string]any)
	if sync["change"] != float64(protocol.TextDocumentSyncKindIncremental) {
		t.Errorf("text sync = %v, want incremental", res.Capabilities.TextDocumentSync)
	}
	if err := c.call(protocol.MethodInitialize, map[string]any{}, nil); !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: got %v, want InvalidRequest", err)
	}
	if err := c.call("textDocument/hover", map[string]any{}, nil); !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.MethodNotFound {
		t.Errorf("unknown method: got %v, want MethodNotFound", err)
	}
	c.notify("$/setTrace", map[string]any{"value": "off"})
	c.mustCall(protocol.MethodShutdown, nil, nil)
	if err := c.call(protocol.MethodTextDocumentFormatting, map[string]any{}, nil); !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.InvalidRequest {
		t.Errorf("request after shutdown: got %v, want InvalidRequest", err)
	}
	c.notify(protocol.MethodExit, nil)
	if err := c.wait(); err != nil {
		t.Errorf("exit after shutdown: Serve returned %v, want nil (status 0)", err)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initialize(t.TempDir(), nil)
	c.notify(protocol.MethodExit, nil)
	if err := c.wait(); !errors.Is(err, ErrNoShutdown) {
		t.Errorf("exit without shutdown: Serve returned %v, want ErrNoShutdown (status 1)", err)
	}
}

func TestStreamEndWithoutExit(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initialize(t.TempDir(), nil)
	_ = c.conn.Close()
	if err := c.wait(); err == nil {
		t.Error("stream closed without exit: Serve returned nil, want an error (status 1)")
	}
}

func TestDiagnostics(t *testing.T) {
	// other.md holds another copy of an entry of the open file.
	dir := workspace(t, map[string]string{
		".listlint.yml": "rules:\n  duplicate-url: {scope: run}\n",
		"A-other.md":    "# Other\n\n- [Delta](https://example.com/beta) - Another copy.\n",
	})
	c := start(t, Options{}, nil)
	c.initialize(dir, nil)
	uri := fileURI(filepath.Join(dir, "README.md"))
	c.open(uri, 3, list)
	ds := c.diagnostics(uri, 3)
	want := []string{"description", "description", "duplicate-url", "separator", "whitespace", "duplicate-url", "empty-section"}
	if got := ruleIDs(ds); !slices.Equal(got, want) {
		t.Fatalf("rules = %q, want %q", got, want)
	}
	sep := ds[3]
	// Line 7: "- [Beta 日本語 😀](...) -  A": the separator starts after
	// 43 UTF-16 code units (the emoji counts two), 44 bytes of CJK aside.
	line := "- [Beta 日本語 😀](https://example.com/beta)"
	wantChar := uint32(len([]rune(line)) + 1)
	if sep.Range.Start != (protocol.Position{Line: 6, Character: wantChar}) {
		t.Errorf("separator starts at %+v, want line 6 character %d", sep.Range.Start, wantChar)
	}
	if sep.Source != "listlint" || sep.Severity != protocol.DiagnosticSeverityWarning ||
		sep.CodeDescription == nil || !strings.HasSuffix(string(sep.CodeDescription.Href), "#separator") {
		t.Errorf("separator diagnostic = %+v", sep)
	}
	trailing := ds[4].Range.Start
	// "... and 🎉 emoji." then two spaces: 🎉 is two code units.
	if wantTrailing := uint32(utf16Len([]byte(strings.Split(list, "\n")[6][:len(strings.Split(list, "\n")[6])-2]))); trailing.Character != wantTrailing {
		t.Errorf("trailing white space at character %d, want %d", trailing.Character, wantTrailing)
	}
	var inFile, across *protocol.Diagnostic
	for i := range ds {
		if ds[i].Code == "duplicate-url" && ds[i].Range.Start.Line == 7 {
			inFile = &ds[i]
		}
		if ds[i].Code == "duplicate-url" && ds[i].Range.Start.Line == 6 {
			across = &ds[i]
		}
	}
	if inFile == nil || len(inFile.RelatedInformation) != 1 || inFile.RelatedInformation[0].Location.URI != uri ||
		inFile.RelatedInformation[0].Location.Range.Start.Line != 5 {
		t.Errorf("duplicate in the file: %+v, want related information pointing at line 6", inFile)
	}
	if across == nil || len(across.RelatedInformation) != 1 || across.RelatedInformation[0].Location.URI != fileURI(filepath.Join(dir, "A-other.md")) {
		t.Errorf("duplicate across files: %+v, want related information pointing at other.md", across)
	}
	if err := c.stop(); err != nil {
		t.Error(err)
	}
}

func TestIncrementalEditsUTF16(t *testing.T) {
	dir := workspace(t, nil)
	c := start(t, Options{}, nil)
	c.initialize(dir, nil)
	uri := fileURI(filepath.Join(dir, "README.md"))
	c.open(uri, 1, list)
	c.diagnostics(uri, 1)
	// Line 6 (0-based) is "- [Beta 日本語 😀](https://example.com/beta) -  A tool with 漢字 and 🎉 emoji.  ".
	// Replace "😀" (characters 12-14) by "🚀🚀", then "漢字" by "かな", then
	// drop the second space of the separator: each range counts in
	// UTF-16 code units of the text as the previous edit left it.
	at := func(line, from, to uint32) protocol.Range {
		return protocol.Range{Start: protocol.Position{Line: line, Character: from}, End: protocol.Position{Line: line, Character: to}}
	}
	c.change(uri, 2,
		protocol.TextEdit{Range: at(6, 12, 14), NewText: "🚀🚀"},
		protocol.TextEdit{Range: at(6, 59, 61), NewText: "かな"},
		protocol.TextEdit{Range: at(6, 46, 47), NewText: ""},
	)
	ds := c.diagnostics(uri, 2)
	want := strings.Replace(list, "- [Beta 日本語 😀](https://example.com/beta) -  A tool with 漢字", "- [Beta 日本語 🚀🚀](https://example.com/beta) - A tool with かな", 1)
	c.mustCall(protocol.MethodShutdown, nil, nil)
	// The server's own text, checked by what it fixes: formatting gives
	// what fix gives for the expected text.
	if slices.Contains(ruleIDs(ds), "separator") {
		t.Errorf("separator still reported after the edit removed the extra space: %q", ruleIDs(ds))
	}
	s := c.server(t)
	s.mu.Lock()
	got := string(s.docs[uri].text)
	s.mu.Unlock()
	if got != want {
		t.Errorf("text after edits:\n%q\nwant\n%q", got, want)
	}
}

func TestWholeTextChange(t *testing.T) {
	dir := workspace(t, nil)
	c := start(t, Options{}, nil)
	c.initialize(dir, nil)
	uri := fileURI(filepath.Join(dir, "README.md"))
	c.open(uri, 1, list)
	c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []map[string]any{{"text": "# Clean\n\n- [A](https://example.com/a) - A thing.\n"}},
	})
	if ds := c.diagnostics(uri, 2); len(ds) != 0 {
		t.Errorf("clean text: %q, want no findings", ruleIDs(ds))
	}
}

func TestQuickFixAndDisableLine(t *testing.T) {
	dir := workspace(t, nil)
	c := start(t, Options{}, nil)
	c.initialize(dir, nil)
	uri := fileURI(filepath.Join(dir, "README.md"))
	c.open(uri, 1, list)
	ds := c.diagnostics(uri, 1)
	var actions []protocol.CodeAction
	// The separator line: its separator and whitespace findings.
	c.mustCall(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri},
		Range:        protocol.Range{Start: protocol.Position{Line: 6}, End: protocol.Position{Line: 7}},
		Context:      protocol.CodeActionContext{Only: []protocol.CodeActionKind{protocol.QuickFix}},
	}, &actions)
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
	}
	if len(actions) != 4 {
		t.Fatalf("actions = %q, want a fix and a disable action for each of 2 findings", titles)
	}
	var quick, disable *protocol.CodeAction
	for i, a := range actions {
		switch {
		case a.Title == "Disable separator for this line":
			disable = &actions[i]
		case a.Diagnostics[0].Code == "separator":
			quick = &actions[i]
		}
	}
	if quick == nil || disable == nil {
		t.Fatalf("actions = %q, want a separator fix and its disable action", titles)
	}
	text := applyEdits(t, list, quick.Edit.Changes[uri])
	c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []map[string]any{{"text": text}},
	})
	after := c.diagnostics(uri, 2)
	if len(after) != len(ds)-1 || slices.Contains(ruleIDs(after), "separator") {
		t.Errorf("after the quick fix: %q, want %q less separator", ruleIDs(after), ruleIDs(ds))
	}
	disabled := applyEdits(t, list, disable.Edit.Changes[uri])
	if !strings.Contains(disabled, "emoji.  <!-- listlint-disable-line separator -->\n") {
		t.Errorf("disable action gave:\n%s", disabled)
	}
	c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": 3}, "contentChanges": []map[string]any{{"text": disabled}},
	})
	got := ruleIDs(c.diagnostics(uri, 3))
	if slices.Contains(got, "separator") || slices.Contains(got, lint.UnusedSuppression) {
		t.Errorf("after disabling separator on its line: %q", got)
	}
}

// fixed is what `listlint fix -` prints for text with no configuration.
func fixed(t *testing.T, text string) string {
	t.Helper()
	res, err := fix.File(&lint.Linter{Rules: rules.All()}, "-", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return string(res.Src)
}

func TestFixAllAndFormattingEqualFix(t *testing.T) {
	dir := workspace(t, nil)
	c := start(t, Options{}, nil)
	c.initialize(dir, nil)
	crlf := strings.ReplaceAll(list, "\n", "\r\n")
	for i, text := range []string{list, crlf, "- [B](https://example.com/b)\n- [A](https://example.com/a)   \n"} {
		uri := fileURI(filepath.Join(dir, fmt.Sprintf("f%d.md", i)))
		c.open(uri, 1, text)
		want := fixed(t, text)
		var edits []protocol.TextEdit
		c.mustCall(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &edits)
		if got := applyEdits(t, text, edits); got != want {
			t.Errorf("formatting %d:\n%q\nwant\n%q", i, got, want)
		}
		for _, e := range edits {
			if e.Range.Start.Line == 0 && e.Range.End.Line >= uint32(strings.Count(text, "\n")) {
				t.Errorf("formatting %d replaces the whole text: %+v", i, e)
			}
		}
		var actions []protocol.CodeAction
		c.mustCall(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: uri},
			Context:      protocol.CodeActionContext{Only: []protocol.CodeActionKind{"source.fixAll"}},
		}, &actions)
		if len(actions) != 1 || actions[0].Kind != fixAllKind {
			t.Fatalf("fix-all %d: %+v, want one %s action", i, actions, fixAllKind)
		}
		if got := applyEdits(t, text, actions[0].Edit.Changes[uri]); got != want {
			t.Errorf("fix-all %d:\n%q\nwant\n%q", i, got, want)
		}
	}
}

func TestConfigurationReload(t *testing.T) {
	dir := workspace(t, nil)
	c := start(t, Options{}, nil)
	// initializationOptions: as --disable whitespace.
	c.initialize(dir, map[string]any{"disable": []string{"whitespace"}})
	uri := fileURI(filepath.Join(dir, "README.md"))
	c.open(uri, 1, list)
	if got := ruleIDs(c.diagnostics(uri, 1)); slices.Contains(got, "whitespace") {
		t.Errorf("whitespace reported though initializationOptions disable it: %q", got)
	}
	// A configuration file appears: it turns empty-section off.
	if err := os.WriteFile(filepath.Join(dir, ".listlint.yml"), []byte("rules:\n  empty-section: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.mu.Lock()
	c.diags = nil
	c.mu.Unlock()
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{{
		URI: fileURI(filepath.Join(dir, ".listlint.yml")), Type: protocol.FileChangeTypeCreated,
	}}})
	if got := ruleIDs(c.diagnostics(uri, 1)); slices.Contains(got, "empty-section") || len(got) == 0 {
		t.Errorf("after .listlint.yml turned empty-section off: %q", got)
	}
	// The client's settings change: whitespace is back, description off.
	c.mu.Lock()
	c.diags = nil
	c.mu.Unlock()
	c.notify(protocol.MethodWorkspaceDidChangeConfiguration, map[string]any{"settings": map[string]any{"listlint": map[string]any{"disable": []string{"description"}}}})
	got := ruleIDs(c.diagnostics(uri, 1))
	if slices.Contains(got, "description") || !slices.Contains(got, "whitespace") {
		t.Errorf("after settings disabling description only: %q", got)
	}
	// A broken configuration is said once, in a window message.
	if err := os.WriteFile(filepath.Join(dir, ".listlint.yml"), []byte("rules:\n  no-such-rule: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{{
		URI: fileURI(filepath.Join(dir, ".listlint.yml")), Type: protocol.FileChangeTypeChanged,
	}}})
	c.waitFor("a window message about the configuration", func() bool {
		return len(c.shown) == 1 && strings.Contains(c.shown[0].Message, "no-such-rule")
	})
}

func TestMalformedInput(t *testing.T) {
	c := start(t, Options{MaxBytes: 1000}, nil)
	c.initialize(t.TempDir(), nil)
	for _, body := range []string{`{"jsonrpc":"2.0","id":1,"method":`, `[1,2]`, `{"jsonrpc":"2.0"}`} {
		if _, err := fmt.Fprintf(c.raw, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
			t.Fatal(err)
		}
	}
	// Two error responses without an ID; the third message, a response
	// without an ID, is answered by nothing.
	c.waitFor("answers to the malformed messages", func() bool { return len(c.errors) == 2 })
	// A header that is no header, then a blank line: skipped as well.
	if _, err := io.WriteString(c.raw, "garbage\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	c.waitFor("the answer to a malformed header", func() bool { return len(c.errors) == 3 })
	// Params of the wrong type.
	var rpcErr *jsonrpc2.Error
	if err := c.call(protocol.MethodTextDocumentCodeAction, []int{1}, nil); !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.InvalidParams {
		t.Errorf("code action with bad params: %v, want InvalidParams", err)
	}
	// A document beyond --max-bytes: one window message, no findings.
	uri := protocol.DocumentURI("untitled:big")
	big := strings.Repeat("- [A](https://example.com/a) - a\n", 100)
	c.open(uri, 1, big)
	if ds := c.diagnostics(uri, 1); len(ds) != 0 {
		t.Errorf("document beyond the limits: %d findings", len(ds))
	}
	c.change(uri, 2, protocol.TextEdit{NewText: "x"})
	c.diagnostics(uri, 2)
	c.mu.Lock()
	if len(c.shown) != 1 || !strings.Contains(c.shown[0].Message, "limit") {
		t.Errorf("window messages = %+v, want one about the limit", c.shown)
	}
	c.mu.Unlock()
	if err := c.stop(); err != nil {
		t.Errorf("after malformed input: %v", err)
	}
	if len(c.errors) != 3 {
		t.Errorf("%d error responses without an ID, want 3", len(c.errors))
	}
}

func TestCancel(t *testing.T) {
	started := make(chan struct{})
	c := start(t, Options{}, func(s *Server) {
		s.beforeRequest = func(ctx context.Context, method string) {
			if method == protocol.MethodTextDocumentFormatting {
				close(started)
				select {
				case <-ctx.Done():
				case <-time.After(10 * time.Second):
				}
			}
		}
	})
	c.initialize(t.TempDir(), nil)
	uri := protocol.DocumentURI("untitled:a")
	c.open(uri, 1, list)
	errc := make(chan error, 1)
	go func() {
		errc <- c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, nil)
	}()
	<-started
	// The client's first call was initialize (ID 1), formatting is ID 2.
	c.notify(protocol.MethodCancelRequest, map[string]any{"id": 2})
	var rpcErr *jsonrpc2.Error
	if err := <-errc; !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.Code(protocol.CodeRequestCancelled) {
		t.Errorf("cancelled formatting: %v, want RequestCancelled", err)
	}
	// The server goes on.
	var edits []protocol.TextEdit
	c.mustCall(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &edits)
}

func TestRulePanic(t *testing.T) {
	boom := &lint.Rule{ID: "boom", Title: "panics", Severity: lint.Error, Check: func(p *lint.Pass) { panic("boom") }}
	toServer := func(s *Server) { s.rules = rulesWith(boom) }
	c := start(t, Options{}, toServer)
	c.initialize(t.TempDir(), nil)
	uri := protocol.DocumentURI("untitled:a")
	c.open(uri, 1, list)
	if got := ruleIDs(c.diagnostics(uri, 1)); len(got) < 5 {
		t.Errorf("with a panicking rule: %q, want the other rules' findings", got)
	}
	c.waitFor("the panic in the log", func() bool {
		return slices.ContainsFunc(c.logs, func(l protocol.LogMessageParams) bool { return strings.Contains(l.Message, "rule boom panicked") })
	})
}

// server returns the server of the test, once the session has shut down,
// to look at its state.
func (c *client) server(t *testing.T) *Server {
	t.Helper()
	if c.srv == nil {
		t.Fatal("no server recorded")
	}
	return c.srv
}

func TestWatchRegistration(t *testing.T) {
	c := start(t, Options{}, nil)
	c.initializeWith(t.TempDir(), nil, map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	c.waitFor("client/registerCapability", func() bool { return slices.Contains(c.requests, protocol.MethodClientRegisterCapability) })
	if err := c.stop(); err != nil {
		t.Error(err)
	}
}

func TestSaveCloseAndDebounce(t *testing.T) {
	dir := workspace(t, nil)
	c := start(t, Options{}, func(s *Server) { s.debounce = 300 * time.Millisecond })
	c.initialize(dir, nil)
	uri := fileURI(filepath.Join(dir, "README.md"))
	c.open(uri, 1, list)
	c.diagnostics(uri, 1)
	// A burst of changes: only the last is linted.
	for v := int32(2); v <= 6; v++ {
		c.change(uri, v, protocol.TextEdit{NewText: "x"})
	}
	c.diagnostics(uri, 6)
	c.mu.Lock()
	published := len(c.diags)
	c.mu.Unlock()
	if published != 2 {
		t.Errorf("%d publications for an open and a burst of 5 changes, want 2", published)
	}
	c.notify(protocol.MethodTextDocumentDidSave, &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}})
	c.waitFor("diagnostics on save", func() bool { return len(c.diags) == 3 })
	c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}})
	c.waitFor("diagnostics cleared on close", func() bool {
		last := c.diags[len(c.diags)-1]
		return len(c.diags) == 4 && last.URI == uri && len(last.Diagnostics) == 0
	})
}

func TestCrossFileFromBuffer(t *testing.T) {
	dir := workspace(t, map[string]string{".listlint.yml": "rules:\n  duplicate-url: {scope: run}\n"})
	c := start(t, Options{}, nil)
	c.initialize(dir, nil)
	// A-draft.md exists only in the editor; it sorts before README.md,
	// so README.md holds the later copy.
	draft := fileURI(filepath.Join(dir, "A-draft.md"))
	c.open(draft, 1, "# Draft\n\n- [Delta](https://example.com/beta) - A draft copy.\n")
	c.diagnostics(draft, 1)
	uri := fileURI(filepath.Join(dir, "README.md"))
	c.open(uri, 1, list)
	var across *protocol.Diagnostic
	for _, d := range c.diagnostics(uri, 1) {
		if d.Code == "duplicate-url" && d.Range.Start.Line == 6 {
			across = &d
		}
	}
	if across == nil || len(across.RelatedInformation) != 1 || across.RelatedInformation[0].Location.URI != draft ||
		across.RelatedInformation[0].Location.Range.Start != (protocol.Position{Line: 2, Character: 10}) {
		t.Errorf("duplicate of an unsaved buffer: %+v, want related information at A-draft.md 3:11", across)
	}
}

func TestWorkspaceWalkHonoursGitignore(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	for name, text := range map[string]string{
		".listlint.yml":   "rules:\n  duplicate-url: {scope: run}\n",
		".gitignore":      "Build/\n",
		"A-kept.md":       "# Kept\n\n- [Delta](https://example.com/beta) - A copy.\n",
		"Build/A-copy.md": "# Built\n\n- [Zeta](https://example.org/zeta) - A built copy.\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := start(t, Options{}, nil)
	c.initialize(dir, nil)
	uri := fileURI(filepath.Join(dir, "README.md"))
	c.open(uri, 1, list)
	var lines []uint32
	for _, d := range c.diagnostics(uri, 1) {
		if d.Code == "duplicate-url" {
			lines = append(lines, d.Range.Start.Line)
		}
	}
	// Line 7 copies A-kept.md, line 8 copies line 6; the copy of line 5
	// in the ignored Build/ folder does not count.
	if !slices.Equal(lines, []uint32{6, 7}) {
		t.Errorf("duplicate-url on lines %v, want [6 7]", lines)
	}
}

// A code action asked for before the debounce delay ends lints the new
// text at once; the diagnostics of that text are still published.
func TestCodeActionBeforeDebounce(t *testing.T) {
	c := start(t, Options{}, func(s *Server) { s.debounce = 300 * time.Millisecond })
	c.initialize(t.TempDir(), nil)
	uri := protocol.DocumentURI("untitled:a")
	c.open(uri, 1, list)
	c.diagnostics(uri, 1)
	c.change(uri, 2, protocol.TextEdit{NewText: "x"})
	var actions []protocol.CodeAction
	c.mustCall(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &actions)
	c.diagnostics(uri, 2)
}
