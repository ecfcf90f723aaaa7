package lsp

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"go.lsp.dev/protocol"

	"github.com/listlint/listlint/config"
	"github.com/listlint/listlint/internal/bounded"
	"github.com/listlint/listlint/internal/gitcmd"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/report"
)

// setup is the configuration in force: the options, and the resolver
// that finds each file's configuration as the CLI does. It is replaced
// whole when the configuration changes.
type setup struct {
	opts   Options
	err    error
	res    *config.Resolver
	limits lint.Limits
	rules  []*lint.Rule
}

// document is an open file: the editor's text, not the disk's.
type document struct {
	uri     protocol.DocumentURI
	path    string
	version int32
	text    []byte
	timer   *time.Timer
	// result is the last lint of the document, and published the last
	// result sent to the client: a lint for a code action publishes
	// nothing, and the scheduled lint that finds its result must.
	result, published *result
}

// result is what linting one text found.
type result struct {
	text    []byte
	version int32
	setup   *setup
	index   *lineIndex
	diags   []lint.Diagnostic
}

// parsedFile is a parsed workspace file, kept while its text is the same
// slice (an open buffer) or its size and time are the same (a file on
// disk).
type parsedFile struct {
	src   []byte
	size  int64
	mod   time.Time
	doc   *lint.Document
	index *lineIndex
}

// unusable prefixes the key of the message saying a file cannot be
// linted (beyond the limits): said once until the file can be linted.
const unusable = "unusable:"

// maxWorkspaceFiles bounds the Markdown files read from disk for
// cross-file rules: a folder opened by mistake (a home folder) must not
// be read whole.
const maxWorkspaceFiles = 5000

// newSetup builds the configuration from the command-line options, the
// initializationOptions and the last didChangeConfiguration settings.
func (s *Server) newSetup() *setup {
	s.mu.Lock()
	opts, roots := s.base, s.roots
	layers := []json.RawMessage{s.clientOpts, s.settings}
	s.mu.Unlock()
	st := &setup{rules: s.safeRules()}
	for _, raw := range layers {
		if len(raw) == 0 || string(raw) == "null" {
			continue
		}
		if err := json.Unmarshal(raw, &opts); err != nil {
			st.err = fmt.Errorf("listlint settings: %w", err)
			return st
		}
	}
	if opts.Config != "" && !filepath.IsAbs(opts.Config) && len(roots) > 0 {
		opts.Config = filepath.Join(roots[0], opts.Config)
	}
	st.opts = opts
	st.limits = lint.Limits{MaxBytes: opts.MaxBytes, MaxDepth: opts.MaxDepth}
	st.res, st.err = config.NewResolver(s.rules, config.Options{
		File: opts.Config, NoConfig: opts.NoConfig, Preset: opts.Preset,
		Enable: opts.Enable, Disable: opts.Disable,
	})
	return st
}

// reload rebuilds the configuration: files are read again, and messages
// already shown may be shown again.
func (s *Server) reload() {
	st := s.newSetup()
	s.lintMu.Lock()
	clear(s.parsed)
	s.lintMu.Unlock()
	s.mu.Lock()
	s.setup = st
	s.files = nil
	clear(s.shown)
	s.mu.Unlock()
}

// linter lints target, and the workspace's other files only with the
// cross-file rules: their own findings are not asked for.
func (st *setup) linter(target string) *lint.Linter {
	return &lint.Linter{Rules: st.rules, Limits: st.limits, Configure: func(path string, r *lint.Rule) lint.Settings {
		if path != target && r.Check != nil {
			return lint.Settings{Off: true}
		}
		cfg, err := st.res.For(path)
		if err != nil {
			return lint.Settings{Off: true}
		}
		return cfg.Settings(path, r)
	}}
}

// safeRules wraps the rules so that a panic in one is logged and the
// others' findings still published.
func (s *Server) safeRules() []*lint.Rule {
	out := make([]*lint.Rule, len(s.rules))
	for i, r := range s.rules {
		w := *r
		id := r.ID
		if check := r.Check; check != nil {
			w.Check = func(p *lint.Pass) {
				defer s.recoverRule(id, p.Doc.Path)
				check(p)
			}
		}
		if run := r.CheckRun; run != nil {
			w.CheckRun = func(p *lint.RunPass) {
				defer s.recoverRule(id, "the workspace")
				run(p)
			}
		}
		if infer := r.Infer; infer != nil {
			w.Infer = func(docs []*lint.Document) lint.Inference {
				defer s.recoverRule(id, "inferring its convention")
				return infer(docs)
			}
		}
		out[i] = &w
	}
	return out
}

func (s *Server) recoverRule(id, where string) {
	if v := recover(); v != nil {
		s.log(protocol.MessageTypeError, fmt.Sprintf("listlint: rule %s panicked on %s: %v\n%s", id, where, v, debug.Stack()))
	}
}

// schedule lints the document after delay, replacing a lint scheduled
// before.
func (s *Server) schedule(uri protocol.DocumentURI, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil || s.closing {
		return
	}
	if d.timer != nil && d.timer.Stop() {
		s.pending.Done()
	}
	s.pending.Add(1)
	d.timer = time.AfterFunc(delay, func() {
		defer s.pending.Done()
		defer func() {
			if v := recover(); v != nil {
				s.log(protocol.MessageTypeError, fmt.Sprintf("listlint: panic linting %s: %v\n%s", uri, v, debug.Stack()))
			}
		}()
		s.lintDoc(uri, true)
	})
}

// relintAll lints every open document again, after the usual delay:
// the workspace's other files or the configuration changed.
func (s *Server) relintAll() {
	s.mu.Lock()
	uris := make([]protocol.DocumentURI, 0, len(s.docs))
	for uri, d := range s.docs {
		d.result = nil
		uris = append(uris, uri)
	}
	s.mu.Unlock()
	for _, uri := range uris {
		s.schedule(uri, s.debounce)
	}
}

// lintDoc returns the findings of the open document's current text,
// linting it unless the last result is for that text, and publishes
// them when publish is set and they are new. It returns nil for a
// document that is not open.
func (s *Server) lintDoc(uri protocol.DocumentURI, publish bool) *result {
	s.lintMu.Lock()
	defer s.lintMu.Unlock()
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return nil
	}
	st := s.setup
	r := d.result
	if r == nil || !sameBytes(r.text, d.text) || r.setup != st {
		r = &result{text: d.text, version: d.version, setup: st}
		open := make(map[string][]byte, len(s.docs))
		for _, o := range s.docs {
			if o != d {
				open[o.path] = o.text
			}
		}
		s.mu.Unlock()
		r.index = newLineIndex(r.text)
		r.diags = s.diagnose(st, d.path, r.text, open)
		s.mu.Lock()
	}
	current := s.docs[uri] == d && sameBytes(d.text, r.text)
	if current {
		d.result = r
	}
	send := current && publish && d.published != r
	if send {
		d.published = r
	}
	s.mu.Unlock()
	// Publishing under lintMu keeps an older result from landing after a
	// newer one.
	if send {
		s.publish(uri, r)
	}
	return r
}

// usable returns the configuration of path, or nil when path gets no
// findings: the configuration is broken (said once in a window message)
// or excludes it.
func (s *Server) usable(st *setup, path string) *config.Config {
	if st.err != nil {
		s.showOnce(st.err.Error(), protocol.MessageTypeError, "listlint: "+st.err.Error())
		return nil
	}
	cfg, err := st.res.For(path)
	if err != nil {
		s.showOnce(err.Error(), protocol.MessageTypeError, "listlint: "+err.Error())
		return nil
	}
	if cfg.Excluded(path) {
		return nil
	}
	return cfg
}

// diagnose lints text, the content of path, with the workspace's other
// Markdown files for the cross-file rules: open ones as the editor has
// them (open maps their paths to their text), the others from disk.
func (s *Server) diagnose(st *setup, path string, text []byte, open map[string][]byte) []lint.Diagnostic {
	if s.usable(st, path) == nil {
		return nil
	}
	doc, err := s.parse(st, path, text)
	if err != nil {
		s.showOnce(unusable+path, protocol.MessageTypeWarning, fmt.Sprintf("listlint: %s: %v", path, err))
		return nil
	}
	s.mu.Lock()
	delete(s.shown, unusable+path)
	s.mu.Unlock()
	docs := []*lint.Document{doc}
	for _, p := range s.workspaceFiles(st, open) {
		if p == path {
			continue
		}
		cfg, err := st.res.For(p)
		if err != nil || cfg.Excluded(p) {
			continue
		}
		var other *lint.Document
		if src, ok := open[p]; ok {
			other, err = s.parse(st, p, src)
		} else {
			other, err = s.parseDisk(st, p)
		}
		if err == nil {
			docs = append(docs, other)
		}
	}
	return st.linter(path).Run(docs)[0].Diagnostics
}

// parse returns the document of src, parsed again only when src is not
// the slice parsed last for path. Called with lintMu held.
func (s *Server) parse(st *setup, path string, src []byte) (*lint.Document, error) {
	if c := s.parsed[path]; c != nil && c.doc != nil && sameBytes(c.src, src) {
		return c.doc, nil
	}
	doc, err := lint.ParseLimits(path, src, st.limits)
	if err != nil {
		delete(s.parsed, path)
		return nil, err
	}
	s.parsed[path] = &parsedFile{src: src, doc: doc}
	return doc, nil
}

// parseDisk returns the document of the file at path as it is on disk.
// Called with lintMu held.
func (s *Server) parseDisk(st *setup, path string) (*lint.Document, error) {
	fi, err := os.Stat(path)
	if err != nil {
		delete(s.parsed, path)
		return nil, err
	}
	if c := s.parsed[path]; c != nil && c.mod.Equal(fi.ModTime()) && c.size == fi.Size() && c.doc != nil {
		return c.doc, nil
	}
	limit := int64(max(st.limits.MaxBytes, lint.DefaultMaxBytes))
	if !fi.Mode().IsRegular() || fi.Size() > limit {
		return nil, fmt.Errorf("%s: not a regular file within the limits", path)
	}
	// Bounded again as it is read: the file may grow after the Stat.
	src, err := bounded.ReadFile(path, limit, false)
	if err != nil {
		return nil, err
	}
	doc, err := lint.ParseLimits(path, src, st.limits)
	if err != nil {
		return nil, err
	}
	s.parsed[path] = &parsedFile{src: src, size: fi.Size(), mod: fi.ModTime(), doc: doc}
	return doc, nil
}

// forget drops what is cached about the file at path.
func (s *Server) forget(path string) {
	s.lintMu.Lock()
	delete(s.parsed, path)
	s.lintMu.Unlock()
}

// workspaceFiles returns the Markdown files of the workspace folders and
// the open files, as `listlint check FOLDER` finds them. The walk is kept until a file is created, deleted or
// saved.
func (s *Server) workspaceFiles(st *setup, open map[string][]byte) []string {
	s.mu.Lock()
	files, roots := s.files, s.roots
	s.mu.Unlock()
	if files == nil {
		files = []string{}
		for _, root := range roots {
			files = s.walk(st, root, files)
		}
		s.mu.Lock()
		s.files = files
		s.mu.Unlock()
	}
	seen := make(map[string]bool, len(files))
	out := make([]string, 0, len(files)+len(open))
	for _, p := range files {
		seen[p] = true
		out = append(out, p)
	}
	for p := range open {
		if !seen[p] && filepath.IsAbs(p) {
			out = append(out, p)
		}
	}
	return out
}

// walk adds the Markdown files under root to files, skipping what
// `listlint check ROOT` skips (version control data, third-party code,
// what git ignores, what files.exclude excludes), up to
// maxWorkspaceFiles.
func (s *Server) walk(st *setup, root string, files []string) []string {
	if st.err != nil {
		return files
	}
	tracked, err := gitcmd.Files(root)
	if err != nil {
		s.log(protocol.MessageTypeWarning, fmt.Sprintf("listlint: asking git about %s: %v", root, err))
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if len(files) >= maxWorkspaceFiles {
			s.log(protocol.MessageTypeWarning, fmt.Sprintf("listlint: %s holds more than %d Markdown files: cross-file rules see the first %d", root, maxWorkspaceFiles, maxWorkspaceFiles))
			return fs.SkipAll
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "." {
				return nil
			}
			switch d.Name() {
			case ".git", "node_modules", "vendor":
				return fs.SkipDir
			}
			if !tracked.Dir(rel) {
				return fs.SkipDir
			}
			if cfg, err := st.res.For(path); err == nil && cfg.Excluded(path) {
				return fs.SkipDir
			}
			return nil
		}
		if ext := strings.ToLower(filepath.Ext(path)); (ext == ".md" || ext == ".markdown") && d.Type().IsRegular() && tracked.File(rel) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		s.log(protocol.MessageTypeWarning, fmt.Sprintf("listlint: reading %s: %v", root, err))
	}
	return files
}

// publish sends the findings of r.
func (s *Server) publish(uri protocol.DocumentURI, r *result) {
	diags := make([]protocol.Diagnostic, 0, len(r.diags))
	for i := range r.diags {
		diags = append(diags, s.toProtocol(r.index, &r.diags[i]))
	}
	s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{
		URI: uri, Version: uint32(r.version), Diagnostics: diags,
	})
}

// severities maps listlint's severities to the protocol's.
var severities = map[lint.Severity]protocol.DiagnosticSeverity{
	lint.Error:   protocol.DiagnosticSeverityError,
	lint.Warning: protocol.DiagnosticSeverityWarning,
	lint.Info:    protocol.DiagnosticSeverityInformation,
}

// toProtocol converts a finding on the text x indexes. Called with
// lintMu held (the other copy of a duplicate is found in the cache).
func (s *Server) toProtocol(x *lineIndex, d *lint.Diagnostic) protocol.Diagnostic {
	pd := protocol.Diagnostic{
		Range:           x.rangeOf(d.Pos, d.End),
		Severity:        severities[d.Severity],
		Code:            d.Rule,
		CodeDescription: &protocol.CodeDescription{Href: protocol.URI(report.RuleURL(d.Rule))},
		Source:          "listlint",
		Message:         d.Message,
	}
	if rel := d.Related; rel != nil {
		pos := protocol.Position{Line: uint32(max(rel.Line-1, 0)), Character: uint32(max(rel.Column-1, 0))}
		if c := s.parsed[rel.Path]; c != nil {
			if c.index == nil {
				c.index = newLineIndex(c.src)
			}
			pos = c.index.position(rel.Offset)
		}
		uri := protocol.DocumentURI(rel.Path)
		if filepath.IsAbs(rel.Path) {
			uri = fileURI(rel.Path)
		}
		pd.RelatedInformation = []protocol.DiagnosticRelatedInformation{{
			Location: protocol.Location{URI: uri, Range: protocol.Range{Start: pos, End: pos}},
			Message:  "the other copy",
		}}
	}
	return pd
}

// sameBytes reports whether a and b are the same slice: an open
// document's text is replaced, never changed in place.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
