package rules

import "github.com/listlint/listlint/lint"

// ConflictMarker reports the lines a merge conflict left in a file.
var ConflictMarker = &lint.Rule{
	ID:    "conflict-marker",
	Title: "no merge conflict markers",
	Doc: `A merge that stopped on a conflict writes both sides into the file
between marker lines: "<<<<<<< ours", "=======", ">>>>>>> theirs" (and
"||||||| base" in diff3 style). Committed, they render as text and
headings, and the list holds both versions of the conflicting entries.

A line counts when it starts with seven "<", ">" or "|" followed by a
blank or the end of the line, anywhere outside fenced and indented code
blocks (HTML comments included: git puts them wherever the conflict is).
A line of exactly seven "=" counts only inside such a conflict, after an
opening marker or before a closing one: on its own, under a paragraph, it
is a setext heading's underline.

There is no fix: only a human can tell which side to keep. listlint fix
leaves a file that holds a marker untouched, says so on stderr and exits
1; fix --diff and fix - do the same (fix - writes the input back
unchanged).`,
	// Quoted line by line, so that no line of this file is a marker.
	Bad: "- [Alpha](https://alpha.example): First project.\n" +
		"<<<<<<< HEAD\n" +
		"- [Beta](https://beta.example): Second project.\n" +
		"=======\n" +
		"- [Beta](https://beta.example): The second project.\n" +
		">>>>>>> feature",
	Good: `- [Alpha](https://alpha.example): First project.
- [Beta](https://beta.example): The second project.`,
	Severity: lint.Error,
	StopsFix: true,
	Check:    checkConflictMarker,
}

func checkConflictMarker(p *lint.Pass) {
	for _, m := range p.Doc.ConflictMarkers {
		p.Report(m.Start, m.End, nil, "merge conflict marker %s, expected the conflict resolved", lint.Quote(p.Doc.Text(m)))
	}
}
