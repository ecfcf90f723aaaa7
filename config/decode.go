package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/internal/suggest"
	"github.com/listlint/listlint/lint"
)

// Error is one problem in a configuration file.
type Error struct {
	File string
	// Line and Column are 1-based; Column is 0 when the YAML parser does
	// not say (syntax errors), Line too when it does not say either.
	Line, Column int
	// Key is the dotted path of the offending key, as in
	// rules.separator.style.
	Key string
	Msg string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Keys of the file, shared by the decoder and the JSON Schema.
var (
	topKeys      = []string{"preset", "files", "rules", "overrides", "links"}
	filesKeys    = []string{"exclude"}
	linksKeys    = []string{"exclude"}
	overrideKeys = []string{"files", "rules"}
	severityKey  = "severity"
	// levels are the values of a rule entry or of its severity key.
	levels = []string{"off", "info", "warning", "error"}
)

// decoder validates a YAML tree against the schema and the rules'
// metadata, collecting every error.
type decoder struct {
	file string
	// from names the layer values come from; "" means file:line:col,
	// followed by within (the override being read) when set.
	from   string
	within string
	rules  []*lint.Rule
	byID   map[string]*lint.Rule
	// skipUnknown ignores unknown rule IDs: a preset names rules that a
	// caller's subset (tests) may lack.
	skipUnknown bool
	errs        []error
}

func (d *decoder) errorf(n *yaml.Node, key, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: n.Line, Column: n.Column, Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) at(n *yaml.Node) string {
	if d.from != "" {
		return d.from
	}
	at := fmt.Sprintf("%s:%d:%d", d.file, n.Line, n.Column)
	if d.within != "" {
		at += " (" + d.within + ")"
	}
	return at
}

// parse reads a configuration file's bytes; path names it in messages and
// fixes the folder its globs are relative to.
func parse(path string, src []byte, rules []*lint.Rule) (*Config, error) {
	c, err := newConfig(path, rules)
	if err != nil {
		return nil, err
	}
	root, err := parseYAML(path, src)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: path, rules: rules, byID: c.byID}
	base := &layer{name: path}
	c.layers = append(c.layers, base)
	var presetNode *yaml.Node
	for _, kv := range d.mapping(root, "") {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "preset":
			if name, ok := d.oneOf(v, "preset", Presets()); ok {
				c.preset, c.presetAt, presetNode = name, d.at(v), v
			}
		case "files":
			for _, fk := range d.mapping(v, "files") {
				if d.known(fk[0], "files", filesKeys) {
					c.exclude = d.globs(fk[1], "files.exclude")
				}
			}
		case "links":
			for _, lk := range d.mapping(v, "links") {
				if d.known(lk[0], "links", linksKeys) {
					c.linksExclude = d.regexps(lk[1], "links.exclude")
				}
			}
		case "rules":
			base.rules = d.ruleMap(v, "rules")
		case "overrides":
			c.layers = append(c.layers, d.overrides(v)...)
		default:
			d.known(k, "", topKeys)
		}
	}
	if presetNode != nil {
		l, err := presetLayer(c.preset, rules)
		if err != nil {
			d.errorf(presetNode, "preset", "%v", err)
		} else {
			c.layers[0] = l
		}
	}
	if len(d.errs) > 0 {
		return nil, errors.Join(d.errs...)
	}
	return c, nil
}

// parseYAML returns the file's top node, nil for an empty file. A file of
// several YAML documents is an error: only the first would be read.
func parseYAML(file string, src []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case errors.Is(err, io.EOF):
		return nil, nil
	case err != nil:
		return nil, syntaxError(file, err)
	}
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, syntaxError(file, err)
		}
		// A "---" that ends the file opens an empty document: harmless.
		if len(next.Content) == 0 {
			continue
		}
		if n := next.Content[0]; !isNull(n) || n.Value != "" {
			return nil, &Error{
				File: file, Line: n.Line, Column: n.Column,
				Msg: "a second YAML document starts here, but listlint reads only one: merge them",
			}
		}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// syntaxError turns the YAML parser's "yaml: line N: problem" into an
// Error; the parser gives no column.
func syntaxError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line, msg = n, rest[i+2:]
			}
		}
	}
	return &Error{File: file, Line: line, Msg: "invalid YAML: " + msg}
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// mapping returns the key/value pairs of n, reporting a non-mapping, a key
// that is not a string and a key given twice. An empty value (null) is an
// empty mapping.
func (d *decoder) mapping(n *yaml.Node, key string) [][2]*yaml.Node {
	n = deref(n)
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, key, "expected a mapping, got %s", describe(n))
		return nil
	}
	seen := make(map[string]int, len(n.Content)/2)
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			d.errorf(k, key, "expected a key name, got %s", describe(k))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			d.errorf(k, join(key, k.Value), "given twice (first on line %d)", line)
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

func join(key, name string) string {
	if key == "" {
		return cut(name)
	}
	return key + "." + cut(name)
}

// maxEcho is about how many bytes of a value a message repeats: a
// configuration can hold a 50 MB string, and an error must stay a line.
const maxEcho = 80

// quote quotes s for a message, Go-style, cut as cut does.
func quote(s string) string {
	head, rest := cutAt(s)
	return strconv.Quote(head) + rest
}

// cut returns s, or its first maxEcho bytes or so followed by "..." and
// its length.
func cut(s string) string {
	head, rest := cutAt(s)
	return head + rest
}

func cutAt(s string) (head, rest string) {
	if len(s) <= maxEcho {
		return s, ""
	}
	n := maxEcho
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n], fmt.Sprintf("... (%d bytes)", len(s))
}

// known reports whether the key k is one of allowed, reporting it if not.
func (d *decoder) known(k *yaml.Node, key string, allowed []string) bool {
	for _, a := range allowed {
		if k.Value == a {
			return true
		}
	}
	msg := "unknown key " + quote(k.Value)
	if s := suggest.Closest(k.Value, allowed); s != "" {
		msg += fmt.Sprintf(", did you mean %q?", s)
	}
	d.errorf(k, key, "%s (allowed: %s)", msg, strings.Join(allowed, ", "))
	return false
}

// str returns the string scalar n, reporting anything else.
func (d *decoder) str(n *yaml.Node, key string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		hint := ""
		if n.Kind == yaml.ScalarNode && !isNull(n) {
			hint = fmt.Sprintf(" (quote it: %s)", quote(n.Value))
		}
		d.errorf(n, key, "expected a string, got %s%s", describe(n), hint)
		return "", false
	}
	return n.Value, true
}

// oneOf returns the string scalar n when it is one of allowed.
func (d *decoder) oneOf(n *yaml.Node, key string, allowed []string) (string, bool) {
	s, ok := d.str(n, key)
	if !ok {
		return "", false
	}
	for _, a := range allowed {
		if s == a {
			return s, true
		}
	}
	d.errorf(n, key, "%s is not one of %s%s", quote(s), quoteAll(allowed), suggest.DidYouMean(s, allowed))
	return "", false
}

func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// globs reads a list of doublestar patterns relative to the file's folder.
func (d *decoder) globs(n *yaml.Node, key string) []glob {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, key, "expected a list of globs, got %s", describe(n))
		return nil
	}
	out := []glob{}
	for i, item := range n.Content {
		k := fmt.Sprintf("%s[%d]", key, i)
		s, ok := d.str(deref(item), k)
		if !ok {
			continue
		}
		p := strings.TrimPrefix(s, "./")
		switch {
		case p == "" || strings.HasPrefix(p, "/") || p == ".." || strings.HasPrefix(p, "../"):
			d.errorf(item, k, "glob %s must be relative to the folder of %s, inside it", quote(s), d.file)
		case !doublestar.ValidatePattern(p):
			d.errorf(item, k, "glob %s is not a valid pattern", quote(s))
		default:
			out = append(out, glob{pattern: p, at: d.at(item)})
		}
	}
	return out
}

// regexps reads a list of regular expressions (Go syntax).
func (d *decoder) regexps(n *yaml.Node, key string) []string {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, key, "expected a list of regular expressions, got %s", describe(n))
		return nil
	}
	out := []string{}
	for i, item := range n.Content {
		k := fmt.Sprintf("%s[%d]", key, i)
		s, ok := d.str(deref(item), k)
		if !ok {
			continue
		}
		if _, err := regexp.Compile(s); err != nil {
			d.errorf(item, k, "%q is not a valid regular expression: %v", s, err)
			continue
		}
		out = append(out, s)
	}
	return out
}

// overrides reads the overrides list, one layer per entry.
func (d *decoder) overrides(n *yaml.Node) []*layer {
	n = deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "overrides", "expected a list of {files, rules}, got %s", describe(n))
		return nil
	}
	var out []*layer
	for i, item := range n.Content {
		key := fmt.Sprintf("overrides[%d]", i)
		l := &layer{name: fmt.Sprintf("%s %s", key, d.at(deref(item)))}
		d.within = key
		for _, kv := range d.mapping(item, key) {
			switch {
			case !d.known(kv[0], key, overrideKeys):
			case kv[0].Value == "files":
				l.files = d.globs(kv[1], key+".files")
			default:
				l.rules = d.ruleMap(kv[1], key+".rules")
			}
		}
		d.within = ""
		if l.files == nil {
			d.errorf(deref(item), key, "missing files: an override applies to the files matching its globs")
		}
		out = append(out, l)
	}
	return out
}

// ruleMap reads a mapping of rule IDs to their settings.
func (d *decoder) ruleMap(n *yaml.Node, key string) map[string]*ruleConf {
	out := map[string]*ruleConf{}
	for _, kv := range d.mapping(n, key) {
		k, v := kv[0], kv[1]
		r := d.byID[k.Value]
		if r == nil {
			if !d.skipUnknown {
				d.errorf(k, key, "%s", unknownRule(k.Value, d.rules))
			}
			continue
		}
		if rc := d.rule(v, join(key, k.Value), r); rc != nil {
			out[r.ID] = rc
		}
	}
	return out
}

// rule reads one rule's settings: off, a severity, or a mapping of
// severity and options.
func (d *decoder) rule(n *yaml.Node, key string, r *lint.Rule) *ruleConf {
	rc := &ruleConf{state: stateOn, stateAt: d.at(n)}
	switch {
	case n.Kind == yaml.ScalarNode && !isNull(n):
		lvl, ok := d.oneOfLevel(n, key, true)
		if !ok {
			return nil
		}
		d.setLevel(rc, n, lvl)
		return rc
	case n.Kind == yaml.MappingNode:
	default:
		d.errorf(n, key, "expected off, a severity or a mapping of options, got %s", describe(n))
		return nil
	}
	for _, kv := range d.mapping(n, key) {
		k, v := kv[0], kv[1]
		if k.Value == severityKey {
			if lvl, ok := d.oneOfLevel(v, join(key, severityKey), false); ok {
				d.setLevel(rc, v, lvl)
			}
			continue
		}
		opt := findOption(r, k.Value)
		if opt == nil {
			names := []string{severityKey}
			for _, o := range r.Options {
				names = append(names, o.Name)
			}
			msg := "unknown option " + quote(k.Value)
			if s := suggest.Closest(k.Value, names); s != "" {
				msg += fmt.Sprintf(", did you mean %q?", s)
			}
			d.errorf(k, key, "%s (%s takes: %s)", msg, r.ID, strings.Join(names, ", "))
			continue
		}
		if val, ok := d.option(v, join(key, k.Value), r, opt); ok {
			if rc.opts == nil {
				rc.opts = map[string]optVal{}
			}
			rc.opts[opt.Name] = optVal{v: val, at: d.at(v)}
		}
	}
	return rc
}

// oneOfLevel reads off or a severity; bare says the value stands for the
// whole rule, where a mapping of options is also allowed.
func (d *decoder) oneOfLevel(n *yaml.Node, key string, bare bool) (string, bool) {
	s, ok := d.str(n, key)
	if !ok {
		return "", false
	}
	for _, l := range levels {
		if s == l {
			return s, true
		}
	}
	alt := ""
	if bare {
		alt = " (or a mapping of severity and options)"
	}
	d.errorf(n, key, "%s is not one of %s%s", quote(s), strings.Join(levels, ", "), alt)
	return "", false
}

func (d *decoder) setLevel(rc *ruleConf, n *yaml.Node, lvl string) {
	if lvl == "off" {
		rc.state = stateOff
		return
	}
	sev, err := lint.ParseSeverity(lvl)
	if err != nil {
		// levels and lint's severities disagree: a bug, not user error.
		panic(err)
	}
	rc.sev, rc.sevAt = &sev, d.at(n)
}

func findOption(r *lint.Rule, name string) *lint.Option {
	for i := range r.Options {
		if r.Options[i].Name == name {
			return &r.Options[i]
		}
	}
	return nil
}

// option reads an option's value with the type of its default.
func (d *decoder) option(n *yaml.Node, key string, r *lint.Rule, o *lint.Option) (any, bool) {
	switch o.Default.(type) {
	case string:
		if o.Allowed != nil {
			return d.oneOf(n, key, o.Allowed)
		}
		return d.str(n, key)
	case int:
		var v int
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
			d.errorf(n, key, "expected an integer, got %s", describe(n))
			return nil, false
		}
		return v, true
	case bool:
		var v bool
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&v) != nil {
			d.errorf(n, key, "expected true or false, got %s", describe(n))
			return nil, false
		}
		return v, true
	case []string:
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, key, "expected a list of strings, got %s", describe(n))
			return nil, false
		}
		out := []string{}
		ok := true
		for i, item := range n.Content {
			k := fmt.Sprintf("%s[%d]", key, i)
			var s string
			var good bool
			if o.Allowed != nil {
				s, good = d.oneOf(deref(item), k, o.Allowed)
			} else {
				s, good = d.str(deref(item), k)
			}
			ok = ok && good
			out = append(out, s)
		}
		return out, ok
	default:
		d.errorf(n, key, "rule %s declares option %q with a default of type %T, which listlint cannot configure", r.ID, o.Name, o.Default)
		return nil, false
	}
}

// describe names what a node holds, for "expected X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!str":
			return "the string " + quote(n.Value)
		case "!!int":
			return "the integer " + cut(n.Value)
		case "!!float":
			return "the number " + cut(n.Value)
		case "!!bool":
			return "the boolean " + n.Value
		case "!!null":
			return "nothing"
		}
		return quote(n.Value)
	}
	return "an unsupported YAML node"
}

func unknownRule(id string, rules []*lint.Rule) string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	sort.Strings(ids)
	if s := suggest.Closest(id, ids); s != "" {
		return fmt.Sprintf("unknown rule %s, did you mean %q? (listlint rules lists them all)", quote(id), s)
	}
	return fmt.Sprintf("unknown rule %s (rules: %s)", quote(id), strings.Join(ids, ", "))
}
