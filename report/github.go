package report

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/listlint/listlint/lint"
)

// GitHub writes fs as GitHub Actions workflow commands, one line each:
//
//	::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=listlint RULE::MESSAGE
//
// with error, warning or notice by severity. Values are escaped as the
// Actions toolkit does (escapeData, escapeProperty), so no text taken
// from a list can end the line and start a command of its own.
func GitHub(w io.Writer, fs []Finding) error {
	// Built in memory, written once: a Buffer cannot fail.
	var bw bytes.Buffer
	for i := range fs {
		f := &fs[i]
		cmd, err := githubCommand(f.Severity)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", f.Path, f.Line, err)
		}
		props := [...]struct{ key, val string }{
			{"file", filepath.ToSlash(f.Path)},
			{"line", strconv.Itoa(f.Line)},
			{"col", strconv.Itoa(f.Column)},
			{"endLine", strconv.Itoa(f.EndLine)},
			{"endColumn", strconv.Itoa(f.EndColumn)},
			{"title", "listlint " + f.Rule},
		}
		bw.WriteString("::" + cmd + " ")
		for j, p := range props {
			if j > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString(p.key + "=" + escapeProperty(p.val))
		}
		bw.WriteString("::" + escapeData(f.Message) + "\n")
	}
	if _, err := w.Write(bw.Bytes()); err != nil {
		return fmt.Errorf("writing github annotations: %w", err)
	}
	return nil
}

func githubCommand(s lint.Severity) (string, error) {
	return levelName(s, levelNames{"notice", "warning", "error"})
}

// escapeData escapes a command's message as the toolkit's escapeData does:
// the runner reads a command up to the end of the line, so CR and LF must
// not appear raw, and % is the escape character itself.
func escapeData(s string) string { return escapeCommand(s, false) }

// escapeProperty escapes a property value as the toolkit's escapeProperty
// does: also ":", which would end the property list, and ",", which would
// start the next property.
func escapeProperty(s string) string { return escapeCommand(s, true) }

func escapeCommand(s string, property bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '%':
			b.WriteString("%25")
		case c == '\r':
			b.WriteString("%0D")
		case c == '\n':
			b.WriteString("%0A")
		case property && c == ':':
			b.WriteString("%3A")
		case property && c == ',':
			b.WriteString("%2C")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
