package fix

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// contextLines is the number of unchanged lines shown around each change, as
// diff -u and git diff do by default.
const contextLines = 3

// diffTimeout bounds the time spent looking for a minimal diff. Real
// lists diff in milliseconds; past the deadline go-diff falls back to a
// coarser diff, still correct, rather than run for minutes on a
// pathological input. Only then may the diff depend on the machine's speed.
const diffTimeout = 5 * time.Second

// line is one line of a unified diff body: its kind (' ', '-' or '+') and
// its text with the line ending it has in the file ("" for the last line
// of a file without a final newline).
type line struct {
	kind byte
	text string
}

// Diff returns a unified diff from old to new with "--- a/NAME" and
// "+++ b/NAME" headers and hunks of three context lines, or nil when old
// and new are equal. Lines are split at "\n" only, so a CR of a CRLF line
// stays part of the line and CRLF content diffs and patches as it is.
// name should be a slash-separated relative path; it is quoted like git
// does when it holds characters a patch header cannot carry as they are.
func Diff(name string, old, new []byte) []byte {
	if bytes.Equal(old, new) {
		return nil
	}
	lines := diffLines(string(old), string(new))
	var out bytes.Buffer
	out.WriteString("--- " + headerName("a/"+name) + "\n")
	out.WriteString("+++ " + headerName("b/"+name) + "\n")
	// oldLine and newLine count the lines of each file before lines[i].
	oldLine, newLine := 0, 0
	for i := 0; i < len(lines); {
		if lines[i].kind == ' ' {
			oldLine++
			newLine++
			i++
			continue
		}
		// A change at i: the hunk starts up to three lines earlier and
		// runs until more than 2*contextLines unchanged lines separate two
		// changes, so that hunks never share or overlap context.
		start := max(0, i-contextLines)
		for j := start; j < i; j++ {
			oldLine--
			newLine--
		}
		end := hunkEnd(lines, i)
		writeHunk(&out, lines[start:end], oldLine, newLine)
		for _, l := range lines[start:end] {
			if l.kind != '+' {
				oldLine++
			}
			if l.kind != '-' {
				newLine++
			}
		}
		i = end
	}
	return out.Bytes()
}

// diffLines computes the line diff of old and new with go-diff's line
// mode: each distinct line becomes one rune, the runes are diffed, and
// the runes are mapped back to lines. Within a run of changes the
// deleted lines come before the inserted ones.
func diffLines(old, new string) []line {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = diffTimeout
	a, b, table := dmp.DiffLinesToRunes(old, new)
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), table)
	var lines, ins []line
	for _, d := range diffs {
		kind := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			kind = '-'
		case diffmatchpatch.DiffInsert:
			kind = '+'
		case diffmatchpatch.DiffEqual:
			lines = append(lines, ins...)
			ins = ins[:0]
		}
		for _, t := range splitLines(d.Text) {
			if kind == '+' {
				ins = append(ins, line{kind, t})
			} else {
				lines = append(lines, line{kind, t})
			}
		}
	}
	return append(lines, ins...)
}

// splitLines cuts s after each "\n"; the last line may lack one.
func splitLines(s string) []string {
	out := strings.SplitAfter(s, "\n")
	if out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// hunkEnd returns the index just past the hunk whose first change is at i:
// it takes in every later change separated from the previous one by at
// most 2*contextLines unchanged lines, then up to contextLines trailing lines.
func hunkEnd(lines []line, i int) int {
	for {
		for i < len(lines) && lines[i].kind != ' ' {
			i++
		}
		same := 0
		for i+same < len(lines) && lines[i+same].kind == ' ' {
			same++
		}
		if i+same == len(lines) || same > 2*contextLines {
			return i + min(same, contextLines)
		}
		i += same
	}
}

// writeHunk writes one hunk whose first line is line oldLine+1 of the old
// file and newLine+1 of the new one.
func writeHunk(out *bytes.Buffer, lines []line, oldLine, newLine int) {
	var oldCount, newCount int
	for _, l := range lines {
		if l.kind != '+' {
			oldCount++
		}
		if l.kind != '-' {
			newCount++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(oldLine, oldCount), hunkRange(newLine, newCount))
	for _, l := range lines {
		out.WriteByte(l.kind)
		out.WriteString(l.text)
		if !strings.HasSuffix(l.text, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a hunk's line range as diff -u does: "start,count",
// just "start" for one line, and for an empty range the line before it.
func hunkRange(before, count int) string {
	switch count {
	case 0:
		return strconv.Itoa(before) + ",0"
	case 1:
		return strconv.Itoa(before + 1)
	}
	return strconv.Itoa(before+1) + "," + strconv.Itoa(count)
}

// headerName formats a file name for a "---" or "+++" line the way git
// does: C-quoted when it holds a control character, a quote or a
// backslash, and followed by a tab when it holds a space, so that patch
// does not take the rest of the name for a timestamp.
func headerName(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < ' ' || c == 0x7f || c == '"' || c == '\\' {
			return quote(name)
		}
	}
	if strings.Contains(name, " ") {
		return name + "\t"
	}
	return name
}

// quote C-quotes name as git does, leaving bytes from 0x80 up as they are
// so that UTF-8 names stay readable.
func quote(name string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(name); i++ {
		switch c := name[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\v':
			b.WriteString(`\v`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if c < ' ' || c == 0x7f {
				fmt.Fprintf(&b, `\%03o`, c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
