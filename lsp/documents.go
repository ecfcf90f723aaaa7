package lsp

import (
	"fmt"

	"go.lsp.dev/protocol"
)

func (s *Server) didOpen(p *protocol.DidOpenTextDocumentParams) (any, error) {
	uri := p.TextDocument.URI
	path, ok := filePath(string(uri))
	if !ok {
		path = string(uri)
	}
	s.mu.Lock()
	if old := s.docs[uri]; old != nil && old.timer != nil && old.timer.Stop() {
		s.pending.Done()
	}
	s.docs[uri] = &document{uri: uri, path: path, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	s.mu.Unlock()
	s.schedule(uri, 0)
	return nil, nil
}

// didChangeParams is protocol.DidChangeTextDocumentParams with the range
// of a change optional, as the protocol has it: the library's type
// cannot tell a whole-text change from an edit at the very start.
type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []struct {
		Range *protocol.Range `json:"range,omitempty"`
		Text  string          `json:"text"`
	} `json:"contentChanges"`
}

func (s *Server) didChange(p *didChangeParams) (any, error) {
	uri := p.TextDocument.URI
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return nil, fmt.Errorf("%s is not open", uri)
	}
	text := d.text
	for _, c := range p.ContentChanges {
		var err error
		if text, err = applyChange(text, c.Range, c.Text); err != nil {
			s.mu.Unlock()
			return nil, fmt.Errorf("%s version %d: %w", uri, p.TextDocument.Version, err)
		}
	}
	d.text, d.version = text, p.TextDocument.Version
	s.mu.Unlock()
	s.schedule(uri, s.debounce)
	return nil, nil
}

// didSave lints the saved file at once, and the other open files after
// the usual delay: cross-file findings read the file from disk once it
// is closed.
func (s *Server) didSave(p *protocol.DidSaveTextDocumentParams) (any, error) {
	s.mu.Lock()
	s.files = nil
	s.mu.Unlock()
	s.relintAll()
	s.schedule(p.TextDocument.URI, 0)
	return nil, nil
}

// didClose forgets the editor's text and clears the file's diagnostics.
func (s *Server) didClose(p *protocol.DidCloseTextDocumentParams) (any, error) {
	uri := p.TextDocument.URI
	s.mu.Lock()
	d := s.docs[uri]
	if d != nil {
		if d.timer != nil && d.timer.Stop() {
			s.pending.Done()
		}
		delete(s.docs, uri)
	}
	s.mu.Unlock()
	if d == nil {
		return nil, nil
	}
	s.forget(d.path)
	// Under lintMu, so that no lint in flight publishes after this.
	s.lintMu.Lock()
	s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{URI: uri, Diagnostics: []protocol.Diagnostic{}})
	s.lintMu.Unlock()
	return nil, nil
}
