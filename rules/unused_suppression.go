package rules

import "github.com/listlint/listlint/lint"

// UnusedSuppression reports inline suppression comments that silence
// nothing. It has no check function of its own: the engine produces its
// findings after applying the suppressions of a file (lint/suppress.go).
var UnusedSuppression = &lint.Rule{
	ID:    lint.UnusedSuppression,
	Title: "inline suppression comments silence a finding and name known rules",
	Doc: `Findings can be silenced in the Markdown itself with HTML comments, which
do not show when the list is rendered:

    <!-- listlint-disable-next-line duplicate-name -->
    <!-- listlint-disable-line sort-order -->        (at the end of an entry's line)
    <!-- listlint-disable description, separator --> ... <!-- listlint-enable -->
    <!-- listlint-disable-file -->

Rules are separated by commas or spaces; no rule means every rule.
listlint-enable with rules ends the blocks of those rules only.

disable-next-line silences the next non-blank line and, when that line
starts an entry, the entry's whole first paragraph. Put it directly under
the previous entry, indented to that entry's text (two spaces after "- "),
or at the end of the previous entry's line: a comment at column 0 ends the
Markdown list, so the entries after it form a new list (rendered apart,
sorted apart). disable-line at the end of an entry silences the entry's
first paragraph. Entries that are suppressed for sort-order, or that carry
a disable-next-line, disable or enable comment, stay where they are when
listlint fix sorts a list.

This rule reports a suppression that silences no finding, so stale
comments do not pile up once the finding is fixed; each named rule is
checked on its own. A rule that is off for the file does not count as
unused. A comment naming a rule listlint does not know, or a
"listlint-..." comment that is no known form, is reported at error
severity whatever this rule's severity: it is most likely a typo that
leaves the finding it meant to silence in place.`,
	Bad: `- [Alpha](https://example.com/alpha) - First entry. <!-- listlint-disable-line description -->
- [Beta](https://example.com/beta) - Second entry. <!-- listlint-disable-line desc -->
`,
	Good: `- [Alpha](https://example.com/alpha) - First entry.
- [Beta](https://example.com/beta) - Second entry.
- [Gamma](https://example.com/gamma) - third entry. <!-- listlint-disable-line description -->
`,
	Severity: lint.Warning,
}
