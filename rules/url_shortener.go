package rules

import (
	"bytes"
	"slices"
	"strings"

	"github.com/listlint/listlint/lint"
)

// shortenerHosts are the hosts url-shortener reports.
var shortenerHosts = lint.StringsOption("hosts",
	[]string{"bit.ly", "goo.gl", "t.co", "tinyurl.com", "ow.ly", "is.gd", "buff.ly", "t.cn"},
	"host names of URL shorteners")

// URLShortener reports links through URL shorteners.
var URLShortener = &lint.Rule{
	ID:    "url-shortener",
	Title: "links go straight to their target, not through a URL shortener",
	Doc: `A shortened link ("https://bit.ly/…") hides where it leads: a reader
cannot see the site before following it, a reviewer cannot tell a good
link from a bad one, and the link dies with the shortening service or
its account, or is redirected elsewhere later.

Every http(s) URL of the file counts, in entries, prose and HTML alike,
except inside code blocks and HTML comments, when its host is one of the
option's hosts (or "www." and one of them).

Off by default; the awesome preset turns it on.

Options:
  hosts  the shortener hosts: bit.ly, goo.gl, t.co, tinyurl.com, ow.ly,
         is.gd, buff.ly, t.cn by default. Setting it replaces the list.

There is no fix: follow the link and list its target instead.`,
	Bad:      `- [Alpha](https://bit.ly/3xAmpLe): First project.`,
	Good:     `- [Alpha](https://alpha.example): First project.`,
	Severity: lint.Warning,
	Off:      true,
	Options:  []lint.Option{shortenerHosts.Decl()},
	Presets:  map[string]lint.Preset{"awesome": {On: true}},
	Check:    checkURLShortener,
}

func checkURLShortener(p *lint.Pass) {
	doc := p.Doc
	src := doc.Src
	var found []lint.Span
	for _, host := range shortenerHosts.Get(p) {
		host = strings.ToLower(strings.TrimSpace(host))
		if host == "" {
			continue
		}
		for i := 0; ; {
			j := bytes.Index(src[i:], []byte(host))
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(host)
			if u, ok := shortURL(src, at, i); ok && !inAny(doc.Code, u.Start) && !inAny(doc.Comments, u.Start) {
				found = append(found, u)
			}
		}
	}
	slices.SortFunc(found, func(a, b lint.Span) int { return a.Start - b.Start })
	for _, u := range found {
		p.Report(u.Start, u.End, nil, "URL %s goes through a URL shortener, expected the link's target", lint.Quote(doc.Text(u)))
	}
}

// shortURL returns the span of the http(s) URL whose host stands at
// src[at:end], or false when the host there is part of another name
// ("mit.co" in "submit.com") or not after "http(s)://" and maybe "www.".
func shortURL(src []byte, at, end int) (lint.Span, bool) {
	if end < len(src) && (isHostByte(src[end]) || src[end] == '.' && end+1 < len(src) && isHostByte(src[end+1])) {
		return lint.Span{}, false
	}
	start := at
	if bytes.HasSuffix(src[:start], []byte("www.")) {
		start -= len("www.")
	}
	switch {
	case bytes.HasSuffix(src[:start], []byte("https://")):
		start -= len("https://")
	case bytes.HasSuffix(src[:start], []byte("http://")):
		start -= len("http://")
	default:
		return lint.Span{}, false
	}
	for end < len(src) && strings.IndexByte(" \t\r\n)]>\"'`<", src[end]) < 0 {
		end++
	}
	return lint.Span{Start: start, End: end}, true
}

func isHostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

// inAny reports whether off lies in one of spans, sorted by start.
func inAny(spans []lint.Span, off int) bool {
	i, _ := slices.BinarySearchFunc(spans, off, func(s lint.Span, off int) int { return s.Start - off })
	if i < len(spans) && spans[i].Start == off {
		return true
	}
	return i > 0 && off < spans[i-1].End
}
