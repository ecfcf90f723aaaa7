package lsp

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime/debug"

	"go.lsp.dev/protocol"
)

// fixAllKind is the code action kind of "fix everything listlint can":
// editors run it on save when told to (VS Code: editor.codeActionsOnSave).
const fixAllKind protocol.CodeActionKind = "source.fixAll.listlint"

// initializeParams are the parts of initialize the protocol types decode
// loosely (initializationOptions is an any).
type initializeParams struct {
	protocol.InitializeParams
	InitializationOptions json.RawMessage `json:"initializationOptions,omitempty"`
}

func (s *Server) initialize(p *initializeParams) (any, error) {
	var roots []string
	for _, f := range p.WorkspaceFolders {
		if path, ok := filePath(f.URI); ok {
			roots = append(roots, path)
		}
	}
	// Clients without workspace folders send only the deprecated root.
	if len(roots) == 0 {
		if path, ok := filePath(string(p.RootURI)); ok { //nolint:staticcheck // see above
			roots = append(roots, path)
		} else if p.RootPath != "" { //nolint:staticcheck // see above
			roots = append(roots, filepath.Clean(p.RootPath)) //nolint:staticcheck // see above
		}
	}
	watch := false
	if w := p.Capabilities.Workspace; w != nil && w.DidChangeWatchedFiles != nil {
		watch = w.DidChangeWatchedFiles.DynamicRegistration
	}
	s.mu.Lock()
	s.initialized = true
	s.roots, s.watch = roots, watch
	s.clientOpts = p.InitializationOptions
	s.mu.Unlock()
	s.reload()

	version := "devel"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		version = info.Main.Version
	}
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: true,
				Change:    protocol.TextDocumentSyncKindIncremental,
				Save:      &protocol.SaveOptions{},
			},
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix, fixAllKind},
			},
			DocumentFormattingProvider: true,
		},
		ServerInfo: &protocol.ServerInfo{Name: "listlint", Version: version},
	}, nil
}

// initializedNote asks the client to watch the configuration files and
// the Markdown files of the workspace, when it can be asked.
func (s *Server) initializedNote(*protocol.InitializedParams) (any, error) {
	s.mu.Lock()
	watch, closing := s.watch, s.closing
	if watch && !closing {
		s.pending.Add(1)
	}
	s.mu.Unlock()
	if !watch || closing {
		return nil, nil
	}
	// The client answers on the connection this handler is part of: ask
	// from another goroutine, so the handler does not wait for itself.
	go func() {
		defer s.pending.Done()
		var watchers []protocol.FileSystemWatcher
		for _, glob := range []string{"**/.listlint.yml", "**/.listlint.yaml", "**/*.md", "**/*.markdown"} {
			watchers = append(watchers, protocol.FileSystemWatcher{GlobPattern: glob})
		}
		err := protocol.Call(s.stopped, s.conn, protocol.MethodClientRegisterCapability, &protocol.RegistrationParams{
			Registrations: []protocol.Registration{{
				ID: "listlint-watch", Method: protocol.MethodWorkspaceDidChangeWatchedFiles,
				RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: watchers},
			}},
		}, nil)
		if err != nil && s.stopped.Err() == nil {
			s.log(protocol.MessageTypeWarning, fmt.Sprintf("listlint: watching files: %v (a change to .listlint.yml applies once a file is saved)", err))
		}
	}()
	return nil, nil
}

// didChangeConfiguration takes the client's settings: {"listlint":
// {...}} or the options alone, replacing initializationOptions' fields.
func (s *Server) didChangeConfiguration(p *struct {
	Settings json.RawMessage `json:"settings"`
},
) (any, error) {
	settings := p.Settings
	var wrapped struct {
		Listlint json.RawMessage `json:"listlint"`
	}
	if json.Unmarshal(settings, &wrapped) == nil && len(wrapped.Listlint) > 0 {
		settings = wrapped.Listlint
	}
	s.mu.Lock()
	s.settings = settings
	s.mu.Unlock()
	s.reload()
	s.relintAll()
	return nil, nil
}

// didChangeWatchedFiles reloads the configuration when a configuration
// file changed, and re-lints the open files: their findings depend on
// the configuration and, through cross-file rules, on the other files.
func (s *Server) didChangeWatchedFiles(p *protocol.DidChangeWatchedFilesParams) (any, error) {
	config := false
	for _, c := range p.Changes {
		path, ok := filePath(string(c.URI))
		if !ok {
			continue
		}
		switch filepath.Base(path) {
		case ".listlint.yml", ".listlint.yaml":
			config = true
		}
		s.forget(path)
	}
	s.mu.Lock()
	s.files = nil
	s.mu.Unlock()
	if config {
		s.reload()
	}
	s.relintAll()
	return nil, nil
}

// filePath returns the file path of a file: URI.
func filePath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return "", false
	}
	return filepath.Clean(filepath.FromSlash(u.Path)), true
}

// fileURI returns the file: URI of a path.
func fileURI(path string) protocol.DocumentURI {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return protocol.DocumentURI((&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String())
}
