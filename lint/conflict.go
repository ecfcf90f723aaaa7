package lint

import "bytes"

// conflictMarkers returns the spans of the lines a merge left behind
// outside code blocks: "<<<<<<< ours", "||||||| base", ">>>>>>> theirs",
// and the "=======" between them. A lone "=======" is a setext heading's
// underline (or a rule someone typed), so it counts only after an opening
// marker not yet closed or before a closing marker not yet opened; the
// other three are markers wherever git puts them, HTML comments included.
func conflictMarkers(d *Document) []Span {
	src := d.Src
	if !mayHoldMarker(src) {
		return nil // nearly every file
	}
	var (
		spans  []Span
		equals []int // indexes in spans of "=======" lines not yet confirmed
		open   bool  // an opening marker came and no closing one since
		code   = d.Code
	)
	for n := 1; n <= d.LineCount(); n++ {
		line := d.LineSpan(n)
		if line.Len() < 7 {
			continue
		}
		for len(code) > 0 && code[0].End < line.Start {
			code = code[1:]
		}
		if len(code) > 0 && code[0].Start <= line.Start {
			continue
		}
		switch markerKind(src[line.Start:line.End]) {
		case '<':
			// Unconfirmed "=======" lines before a new opening marker
			// belong to no conflict.
			spans = dropUnconfirmed(spans, equals)
			equals = equals[:0]
			spans = append(spans, line)
			open = true
		case '|':
			if open {
				spans = append(spans, line) // the base of a diff3 conflict
			}
		case '=':
			if !open {
				equals = append(equals, len(spans))
			}
			spans = append(spans, line)
		case '>':
			// A closing marker confirms the "=======" of its conflict.
			equals = equals[:0]
			spans = append(spans, line)
			open = false
		}
	}
	return dropUnconfirmed(spans, equals)
}

// dropUnconfirmed removes the spans at the indexes drop (ascending).
func dropUnconfirmed(spans []Span, drop []int) []Span {
	if len(drop) == 0 {
		return spans
	}
	out := spans[:drop[0]]
	for i, k := range drop {
		next := len(spans)
		if i+1 < len(drop) {
			next = drop[i+1]
		}
		out = append(out, spans[k+1:next]...)
	}
	return out
}

// mayHoldMarker reports whether src holds seven "<", "=" or ">" at the
// start of a line: a quick test before the line scan.
func mayHoldMarker(src []byte) bool {
	for _, m := range []string{"<<<<<<<", "=======", ">>>>>>>", "|||||||"} {
		for i := 0; ; {
			j := bytes.Index(src[i:], []byte(m))
			if j < 0 {
				break
			}
			if at := i + j; at == 0 || src[at-1] == '\n' || src[at-1] == '\r' || at == 3 && bytes.HasPrefix(src, bom) {
				return true
			}
			i += j + len(m)
		}
	}
	return false
}

// markerKind returns '<', '|', '=' or '>' for a line git writes around a
// conflict ("<<<<<<< HEAD", "|||||||", "=======", ">>>>>>> branch"),
// 0 for any other line.
func markerKind(line []byte) byte {
	c := line[0]
	switch c {
	case '<', '>', '|', '=':
	default:
		return 0
	}
	for i := 1; i < 7; i++ {
		if line[i] != c {
			return 0
		}
	}
	rest := line[7:]
	if c == '=' {
		if len(bytes.TrimRight(rest, " \t")) > 0 {
			return 0
		}
		return c
	}
	// Seven exactly, then the end or a blank and a label.
	if len(rest) > 0 && rest[0] != ' ' && rest[0] != '\t' {
		return 0
	}
	return c
}
