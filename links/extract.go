// Package links checks the links of Markdown lists: over HTTP for web
// links, on the file system for relative ones. It backs `listlint links`
// and supplies the checks of the link-dead and link-redirect rules, which
// the rules registry holds for configuration and inline suppression.
package links

import (
	"net/url"
	"strings"

	"github.com/listlint/listlint/lint"
)

// Link is one link of a document (see lint.Link).
type Link = lint.Link

// Extract lists every link of doc in document order (see lint.Link), as
// the model's one parse collected them. doc must have been parsed with
// lint.Limits.Links, as every parse of `listlint links` and of
// Verdicts.Linter is: a document parsed without has no links to list,
// and listing none would pass every link unchecked.
func Extract(doc *lint.Document) []Link {
	ls, ok := doc.Links()
	if !ok {
		panic("links.Extract: " + doc.Path + " was parsed without lint.Limits.Links")
	}
	return ls
}

// Kind says how a link is checked.
type Kind int

// The kinds of links.
const (
	// Skip: an in-page anchor, mailto: or another scheme listlint does not check.
	Skip Kind = iota
	// Web: http or https, checked over the network.
	Web
	// File: a relative path, checked on the file system.
	File
)

// Classify tells how raw is checked.
func Classify(raw string) Kind {
	if raw == "" || raw[0] == '#' {
		return Skip
	}
	u, err := url.Parse(raw)
	if err != nil {
		// Unparsable as a URL: a web link is still reported, as dead.
		if hasScheme(raw, "http") || hasScheme(raw, "https") {
			return Web
		}
		return Skip
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return Web
	case "":
		if u.Host != "" { // protocol-relative: //host/path
			return Web
		}
		if u.Path == "" {
			return Skip // "?query" or "#anchor"
		}
		return File
	}
	return Skip
}

func hasScheme(raw, scheme string) bool {
	return len(raw) > len(scheme) && strings.EqualFold(raw[:len(scheme)], scheme) && raw[len(scheme)] == ':'
}
