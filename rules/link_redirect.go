package rules

import "github.com/listlint/listlint/lint"

// LinkRedirect reports links that moved for good. It runs only under
// `listlint links` (package links), which supplies its check.
var LinkRedirect = &lint.Rule{
	ID:    "link-redirect",
	Title: "links point where the page now lives",
	Doc: `Only ` + "`listlint links`" + ` runs this rule, never check or fix: it needs the
network. A link whose server answers with a permanent redirect (301 or
308) should point where the page moved. Temporary redirects (302, 303,
307) are fine: the old address is the one to keep.

` + "`listlint links --fix`" + ` rewrites the URL to the end of its chain of
permanent redirects, keeping its #fragment, and touches no other byte;
` + "`--diff`" + ` shows the change instead. It does not rewrite to a URL that is
itself dead, from https to http, or to a login or consent page on
another host; such redirects are reported without a fix, or not at all
for a login page.`,
	Bad: `- [Alpha](http://example.com/alpha) - Moved to https.
`,
	Good: `- [Alpha](https://example.com/alpha) - Where it lives.
`,
	Severity: lint.Warning,
	Fixable:  true,
	Command:  "links",
}
