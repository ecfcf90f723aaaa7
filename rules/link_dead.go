package rules

import "github.com/listlint/listlint/lint"

// LinkDead reports links whose target is gone. It runs only under
// `listlint links` (package links), which supplies its check.
var LinkDead = &lint.Rule{
	ID:    "link-dead",
	Title: "links lead to a page that answers",
	Doc: `Only ` + "`listlint links`" + ` runs this rule, never check or fix: it needs the
network. Every link of a file is checked: entry links, links in
descriptions and prose, images, autolinks, reference definitions, and
the href and src attributes of HTML.
In-page anchors ("#usage") and mailto: links are left alone; relative
links are checked against the file system.

A link is dead when, after retries, its server answers 4xx or 5xx, or
its host does not resolve, refuses the connection, fails the TLS
handshake, or does not answer within --timeout. The message says which,
with the status.

What may be a false alarm is reported at info severity as unchecked,
not dead: a rate limit (429, or 503 with Retry-After) that outlasts
--max-retry-wait, 401 and 403 (servers that refuse non-browser clients),
a timeout on a host that answers other requests, and the links of a host
that kept failing, to which listlint stopped sending requests. With
--github, a link to an archived GitHub repository is reported at info
severity too.`,
	Bad: `- [Gone](https://example.com/removed-page) - Answers 404.
`,
	Good: `- [Alpha](https://example.com/alpha) - Answers 200.
`,
	Severity: lint.Error,
	Command:  "links",
}
