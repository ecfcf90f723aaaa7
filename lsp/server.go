// Package lsp is listlint's language server: findings as diagnostics while
// a list is edited, fixes as code actions, and formatting that gives what
// `listlint fix -` prints. It speaks the Language Server Protocol over one
// stream (stdio for `listlint lsp`).
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/listlint/listlint/lint"
)

// Options are the command-line settings of a server, as `listlint check`
// takes them; the client's initializationOptions and
// workspace/didChangeConfiguration (as {"listlint": {...}}) replace the
// fields they name.
type Options struct {
	// Config is --config: this file applies to every file.
	Config string `json:"config,omitempty"`
	// NoConfig is --no-config.
	NoConfig bool `json:"noConfig,omitempty"`
	// Preset is --preset.
	Preset string `json:"preset,omitempty"`
	// Enable and Disable are --enable and --disable.
	Enable  []string `json:"enable,omitempty"`
	Disable []string `json:"disable,omitempty"`
	// MaxBytes and MaxDepth are --max-bytes and --max-depth.
	MaxBytes int `json:"maxBytes,omitempty"`
	MaxDepth int `json:"maxDepth,omitempty"`
}

// ErrNoShutdown is Serve's error when the client ended the session
// without asking for shutdown first: the protocol wants exit status 1.
var ErrNoShutdown = errors.New("the client ended the session without shutdown")

// debounce is how long diagnostics wait after a change for the next one.
const debounce = 50 * time.Millisecond

// Server is a language server for one client.
type Server struct {
	rules []*lint.Rule
	base  Options
	// debounce is the delay between a change and its diagnostics.
	debounce time.Duration
	// beforeRequest, when set (by tests), runs before a request is
	// handled.
	beforeRequest func(ctx context.Context, method string)

	conn jsonrpc2.Conn
	// stopped is cancelled when the session ends: calls to the client
	// and waiting handlers give up.
	stopped context.Context
	stop    context.CancelFunc
	exit    chan struct{}

	// lintMu serialises linting, and guards the parse cache: linting
	// uses every core already.
	lintMu sync.Mutex
	parsed map[string]*parsedFile

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	exited      bool
	closing     bool
	watch       bool
	roots       []string
	clientOpts  json.RawMessage
	settings    json.RawMessage
	setup       *setup
	docs        map[protocol.DocumentURI]*document
	files       []string
	shown       map[string]bool
	// pending counts the lint timers and goroutines, and the requests
	// in flight, that the session must wait for when it ends.
	pending sync.WaitGroup
}

// New returns a server that lints with rules, configured as o says until
// the client says otherwise.
func New(rules []*lint.Rule, o Options) *Server {
	return &Server{
		rules: rules, base: o, debounce: debounce,
		exit:   make(chan struct{}),
		parsed: make(map[string]*parsedFile),
		docs:   make(map[protocol.DocumentURI]*document),
		shown:  make(map[string]bool),
	}
}

// Serve runs the session on conn until the client sends exit, conn ends
// or ctx is cancelled. It returns nil when exit followed shutdown, and an
// error otherwise: the exit status is then 1.
func (s *Server) Serve(ctx context.Context, conn io.ReadWriteCloser) error {
	s.stopped, s.stop = context.WithCancel(ctx)
	defer s.stop()
	limits := lint.Limits{MaxBytes: s.base.MaxBytes}
	if limits.MaxBytes <= 0 {
		limits.MaxBytes = lint.DefaultMaxBytes
	}
	// A document within the limits fits in a message even with every
	// byte escaped as \uXXXX.
	st := newStream(conn, 6*limits.MaxBytes+1<<20)
	st.bad = func(code jsonrpc2.Code, err error) {
		s.log(protocol.MessageTypeError, "listlint: skipped a malformed message: "+err.Error())
		// A response without an ID is answered by nothing: answering it
		// could start two peers answering each other forever.
		if code != jsonrpc2.InvalidRequest || !errors.Is(err, jsonrpc2.ErrInvalidRequest) {
			st.writeError(code, err.Error())
		}
	}
	s.conn = jsonrpc2.NewConn(st)
	s.setup = s.newSetup()
	handler, cancel := jsonrpc2.CancelHandler(jsonrpc2.AsyncHandler(jsonrpc2.ReplyHandler(s.recovering(s.handle))))
	s.conn.Go(s.stopped, s.counting(s.cancelling(handler, cancel)))
	select {
	case <-s.exit:
	case <-s.conn.Done():
	case <-ctx.Done():
	}
	s.mu.Lock()
	s.closing = true
	for _, d := range s.docs {
		if d.timer != nil && d.timer.Stop() {
			s.pending.Done()
		}
	}
	s.mu.Unlock()
	closeErr := s.conn.Close()
	s.stop()
	s.pending.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.exited && s.shutdown:
		return nil
	case s.exited:
		return ErrNoShutdown
	case ctx.Err() != nil:
		return ctx.Err()
	case s.conn.Err() != nil:
		return fmt.Errorf("%w: %w", ErrNoShutdown, s.conn.Err())
	}
	if closeErr != nil {
		return closeErr
	}
	return ErrNoShutdown
}

// counting makes the session wait, when it ends, for the requests in
// flight: each is counted from its arrival to its reply. What arrives
// once the session is ending is refused.
func (s *Server) counting(h jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		s.mu.Lock()
		if s.closing {
			s.mu.Unlock()
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the session has ended"))
		}
		s.pending.Add(1)
		s.mu.Unlock()
		return h(ctx, func(ctx context.Context, result any, err error) error {
			defer s.pending.Done()
			return reply(ctx, result, err)
		}, req)
	}
}

// cancelling handles $/cancelRequest as it arrives, ahead of the requests
// queued before it: the cancelled request's context ends, and the request
// answers with RequestCancelled if it has not answered yet.
func (s *Server) cancelling(h jsonrpc2.Handler, cancel func(jsonrpc2.ID)) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() != protocol.MethodCancelRequest {
			return h(ctx, reply, req)
		}
		var p struct {
			ID jsonrpc2.ID `json:"id"`
		}
		if err := json.Unmarshal(req.Params(), &p); err != nil {
			s.log(protocol.MessageTypeWarning, fmt.Sprintf("%s: %v", req.Method(), err))
		} else {
			cancel(p.ID)
		}
		return reply(ctx, nil, nil)
	}
}

// recovering turns a panic while handling a message into an internal
// error for a request and a log message: the session goes on.
func (s *Server) recovering(h jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
		replied := false
		defer func() {
			if v := recover(); v != nil {
				s.log(protocol.MessageTypeError, fmt.Sprintf("listlint: panic handling %s: %v\n%s", req.Method(), v, debug.Stack()))
				if !replied {
					err = reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "panic handling %s: %v", req.Method(), v))
				}
			}
		}()
		return h(ctx, func(ctx context.Context, result any, err error) error {
			replied = true
			if ctx.Err() != nil && err == nil {
				err = protocol.ErrRequestCancelled
			}
			// Answer even when the request's context ended.
			return reply(context.WithoutCancel(ctx), result, err)
		}, req)
	}
}

// handle answers one message: every request gets exactly one reply (a
// notification's is a no-op).
func (s *Server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	_, isCall := req.(*jsonrpc2.Call)
	method := req.Method()
	if isCall && s.beforeRequest != nil {
		s.beforeRequest(ctx, method)
	}
	if isCall && ctx.Err() != nil {
		return reply(ctx, nil, protocol.ErrRequestCancelled)
	}
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case method == protocol.MethodExit:
		s.mu.Lock()
		if !s.exited {
			s.exited = true
			close(s.exit)
		}
		s.mu.Unlock()
		return reply(ctx, nil, nil)
	case !isCall && (!initialized || shutdown):
		// The protocol drops notifications before initialize and after
		// shutdown.
		return reply(ctx, nil, nil)
	case method == protocol.MethodInitialize && initialized:
		return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already sent"))
	case method != protocol.MethodInitialize && !initialized:
		return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "initialize must come first"))
	case shutdown:
		return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shutting down: only exit is accepted"))
	}
	result, err := s.dispatch(ctx, method, req.Params())
	if !isCall && err != nil {
		// Notifications the server does not take ($/setTrace and the
		// like) are dropped, as the protocol allows.
		if !errors.Is(err, errUnsupported) {
			s.log(protocol.MessageTypeError, fmt.Sprintf("listlint: %s: %v", method, err))
		}
		err = nil
	}
	return reply(ctx, result, err)
}

// dispatch runs the method's handler on its decoded params.
func (s *Server) dispatch(ctx context.Context, method string, raw json.RawMessage) (any, error) {
	switch method {
	case protocol.MethodInitialize:
		return call(raw, s.initialize)
	case protocol.MethodInitialized:
		return call(raw, s.initializedNote)
	case protocol.MethodShutdown:
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case protocol.MethodTextDocumentDidOpen:
		return call(raw, s.didOpen)
	case protocol.MethodTextDocumentDidChange:
		return call(raw, s.didChange)
	case protocol.MethodTextDocumentDidSave:
		return call(raw, s.didSave)
	case protocol.MethodTextDocumentDidClose:
		return call(raw, s.didClose)
	case protocol.MethodWorkspaceDidChangeConfiguration:
		return call(raw, s.didChangeConfiguration)
	case protocol.MethodWorkspaceDidChangeWatchedFiles:
		return call(raw, s.didChangeWatchedFiles)
	case protocol.MethodTextDocumentCodeAction:
		return call(raw, func(p *protocol.CodeActionParams) (any, error) { return s.codeAction(ctx, p) })
	case protocol.MethodTextDocumentFormatting:
		return call(raw, func(p *protocol.DocumentFormattingParams) (any, error) { return s.formatting(ctx, p) })
	}
	return nil, errUnsupported
}

// errUnsupported answers a method the server does not implement.
var errUnsupported = jsonrpc2.NewError(jsonrpc2.MethodNotFound, "method not supported")

// call decodes raw into P and runs f on it; params that do not decode
// are an InvalidParams error.
func call[P any](raw json.RawMessage, f func(*P) (any, error)) (any, error) {
	var p P
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%v", err)
		}
	}
	return f(&p)
}

// notify sends a notification; an error means the client is gone, which
// the read loop finds out on its own.
func (s *Server) notify(method string, params any) {
	_ = s.conn.Notify(context.WithoutCancel(s.stopped), method, params)
}

// log sends a window/logMessage.
func (s *Server) log(typ protocol.MessageType, message string) {
	s.notify(protocol.MethodWindowLogMessage, &protocol.LogMessageParams{Type: typ, Message: message})
}

// showOnce sends a window/showMessage, once for each key until the
// configuration is reloaded or the key is forgotten: an error met on
// every keystroke is said once.
func (s *Server) showOnce(key string, typ protocol.MessageType, message string) {
	s.mu.Lock()
	seen := s.shown[key]
	s.shown[key] = true
	s.mu.Unlock()
	if !seen {
		s.notify(protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: typ, Message: message})
	}
}
