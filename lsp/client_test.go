package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// client is a scripted LSP client talking JSON-RPC to a server over pipes.
type client struct {
	t    testing.TB
	conn jsonrpc2.Conn
	// raw writes bytes straight to the server, for malformed messages.
	raw io.Writer

	mu    sync.Mutex
	diags []protocol.PublishDiagnosticsParams
	logs  []protocol.LogMessageParams
	shown []protocol.ShowMessageParams
	// requests are the methods of every message the server sent.
	requests []string
	// errors are the codes of the error responses without an ID.
	errors   []jsonrpc2.Code
	received chan struct{}

	served chan error
	srv    *Server
}

type pipeRWC struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipeRWC) Close() error {
	return errors.Join(p.ReadCloser.Close(), p.WriteCloser.Close())
}

// start runs a server over pipes and returns a client connected to it.
// prepare, when set, adjusts the server before it serves.
func start(t testing.TB, o Options, prepare func(*Server)) *client {
	s := New(rules.All(), o)
	s.debounce = 5 * time.Millisecond
	if prepare != nil {
		prepare(s)
	}
	toServer, fromClient := io.Pipe()
	toClient, fromServer := io.Pipe()
	served := make(chan error, 1)
	go func() { served <- s.Serve(context.Background(), pipeRWC{toServer, fromServer}) }()
	c := connect(t, pipeRWC{toClient, fromClient}, served)
	c.srv = s
	return c
}

// connect returns a client talking to a server over rwc; served yields
// the server's end.
func connect(t testing.TB, rwc pipeRWC, served chan error) *client {
	t.Helper()
	c := &client{t: t, raw: rwc.WriteCloser, received: make(chan struct{}, 1), served: served}
	st := newStream(rwc, 1<<30)
	st.bad = func(code jsonrpc2.Code, err error) {
		c.mu.Lock()
		c.errors = append(c.errors, code)
		c.mu.Unlock()
	}
	c.conn = jsonrpc2.NewConn(st)
	c.conn.Go(context.Background(), c.handle)
	t.Cleanup(func() {
		_ = c.conn.Close()
		select {
		case err := <-c.served:
			c.served <- err
		case <-time.After(10 * time.Second):
			t.Error("server still running 10 s after the client closed")
		}
	})
	return c
}

func (c *client) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	c.mu.Lock()
	c.requests = append(c.requests, req.Method())
	switch req.Method() {
	case protocol.MethodTextDocumentPublishDiagnostics:
		var p protocol.PublishDiagnosticsParams
		c.decode(req.Params(), &p)
		c.diags = append(c.diags, p)
	case protocol.MethodWindowLogMessage:
		var p protocol.LogMessageParams
		c.decode(req.Params(), &p)
		c.logs = append(c.logs, p)
	case protocol.MethodWindowShowMessage:
		var p protocol.ShowMessageParams
		c.decode(req.Params(), &p)
		c.shown = append(c.shown, p)
	}
	c.mu.Unlock()
	select {
	case c.received <- struct{}{}:
	default:
	}
	return reply(ctx, nil, nil)
}

func (c *client) decode(raw json.RawMessage, v any) {
	if err := json.Unmarshal(raw, v); err != nil {
		c.t.Errorf("decoding %s: %v", raw, err)
	}
}

func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

func (c *client) mustCall(method string, params, result any) {
	c.t.Helper()
	if err := c.call(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// waitFor waits until cond holds over what the client received.
func (c *client) waitFor(what string, cond func() bool) {
	c.t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		c.mu.Lock()
		ok := cond()
		c.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-c.received:
		case <-time.After(10 * time.Millisecond):
		case <-deadline:
			c.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// diagnostics waits for the diagnostics of uri at version.
func (c *client) diagnostics(uri protocol.DocumentURI, version int32) []protocol.Diagnostic {
	c.t.Helper()
	var got []protocol.Diagnostic
	c.waitFor("diagnostics of "+string(uri), func() bool {
		for i := len(c.diags) - 1; i >= 0; i-- {
			if p := c.diags[i]; p.URI == uri && p.Version == uint32(version) {
				got = p.Diagnostics
				return true
			}
		}
		return false
	})
	return got
}

func (c *client) initialize(root string, options any) *protocol.InitializeResult {
	return c.initializeWith(root, options, map[string]any{})
}

func (c *client) initializeWith(root string, options any, capabilities map[string]any) *protocol.InitializeResult {
	c.t.Helper()
	params := map[string]any{
		"processId": 1, "rootUri": fileURI(root), "capabilities": capabilities,
		"initializationOptions": options,
	}
	var res protocol.InitializeResult
	c.mustCall(protocol.MethodInitialize, params, &res)
	c.notify(protocol.MethodInitialized, struct{}{})
	return &res
}

func (c *client) open(uri protocol.DocumentURI, version int32, text string) {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri, LanguageID: "markdown", Version: version, Text: text,
	}})
}

// change sends edits, each a range and its new text.
func (c *client) change(uri protocol.DocumentURI, version int32, edits ...protocol.TextEdit) {
	c.t.Helper()
	changes := make([]map[string]any, 0, len(edits))
	for _, e := range edits {
		changes = append(changes, map[string]any{"range": e.Range, "text": e.NewText})
	}
	c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": changes,
	})
}

// stop sends shutdown and exit and returns Serve's result.
func (c *client) stop() error {
	c.t.Helper()
	c.mustCall(protocol.MethodShutdown, nil, nil)
	c.notify(protocol.MethodExit, nil)
	return c.wait()
}

func (c *client) wait() error {
	c.t.Helper()
	select {
	case err := <-c.served:
		c.served <- err
		return err
	case <-time.After(20 * time.Second):
		c.t.Fatal("server did not end")
	}
	return nil
}

// rulesWith returns the rules plus extra.
func rulesWith(extra ...*lint.Rule) []*lint.Rule {
	return append(append([]*lint.Rule{}, rules.All()...), extra...)
}
