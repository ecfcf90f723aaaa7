package lint

import (
	"bytes"
	"slices"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A large file is parsed and built in pieces, one per core. A piece
// starts at an ATX heading in column 0 after a blank line. In CommonMark
// such a line closes every block before it except two kinds at the top
// level, a fenced code block and an HTML block, which would take it in;
// so each piece parses exactly as it does in the whole file unless the
// piece before it ends in one of those. buildPieces checks that after
// the parse and parses the whole file when it fails. Link reference
// definitions are seen from the whole file, so a file that may hold one
// (mayDefine) is never cut.

// minPiece is the smallest piece worth a goroutine: below it the parse
// takes about as long as starting and joining one.
const minPiece = 16 << 10

// maxPiece bounds the size of a piece. A piece's goldmark tree takes
// about 14 bytes a byte of input and lives only until its part of the
// model is built, so with pieces of at most maxPiece on n workers, the
// trees of a large file take about n*14*maxPiece bytes at a time, not 14
// times the file.
const maxPiece = 1 << 20

// Pieces are cut smaller, down to cachePiece, as long as there are no
// more than cachePieces of them. A small piece's tree is still in the
// processor's caches when its model is built from it, and is less for
// the collector to mark while the other workers parse: on an 8 MB list,
// 256 KB pieces took an eighth less CPU than 1 MB ones, and the run a
// tenth less time. Many pieces cost memory, though: on a 57 MB list, 128
// KB pieces (445 of them) raised the peak by a tenth.
const (
	cachePiece  = 256 << 10
	cachePieces = 64
)

// pieceCount is how many pieces body is cut into at most, for n workers.
func pieceCount(size, n int) int {
	return max(n, size/maxPiece, min(size/cachePiece, cachePieces))
}

// buildPieces builds the model of body into d from pieces of about equal
// size, at least n of them and none much above maxPiece (pieceCount),
// parsed and built by n workers, and returns how many pieces it took.
// n < 0 parses whole with goldmark's default parser, for tests.
func buildPieces(d *Document, body []byte, base, n int, limits Limits) int {
	var cuts []int
	defs := n < 0 || mayDefine(body)
	if n > 1 && !defs {
		cuts = cutPoints(body, pieceCount(len(body), n))
	}
	if len(cuts) == 0 {
		build(d, body, base, limits, defs)
		return 1
	}
	bounds := append(append(make([]int, 0, len(cuts)+2), 0), cuts...)
	bounds = append(bounds, len(body))
	parts := make([]*Document, len(bounds)-1)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, len(parts)) {
		wg.Go(func() {
			blk := new(blocks)
			for i := range next {
				root := parseRange(body, bounds[i], bounds[i+1], false)
				if i < len(parts)-1 && !closedAtEnd(root) {
					continue
				}
				part := &Document{Path: d.Path, Src: d.Src, BOM: d.BOM, LineEnding: d.LineEnding, LineStarts: d.LineStarts, withLinks: d.withLinks}
				newBuilder(part, body, base, limits, blk).walk(root)
				parts[i] = part
			}
		})
	}
	for i := range parts {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, part := range parts {
		// A piece after the first starts with its heading: nothing may
		// fall in its synthetic first section.
		if part == nil || (i > 0 && !emptyTop(part)) {
			build(d, body, base, limits, false)
			return 1
		}
	}
	// Sized at once: appending part after part would leave as much again
	// of the largest slices behind.
	var sections, lists, items, prose, links int
	for _, part := range parts {
		sections += len(part.Sections)
		lists += len(part.Lists)
		items += len(part.Items)
		prose += len(part.prose)
		links += len(part.links)
	}
	d.Sections = slices.Grow(d.Sections, sections)
	d.Lists = slices.Grow(d.Lists, lists)
	d.Items = slices.Grow(d.Items, items)
	d.prose = slices.Grow(d.prose, prose)
	d.links = slices.Grow(d.links, links)
	for i, part := range parts {
		sections := part.Sections
		if i > 0 {
			sections = sections[1:]
		}
		d.Sections = append(d.Sections, sections...)
		d.Lists = append(d.Lists, part.Lists...)
		d.Items = append(d.Items, part.Items...)
		d.Comments = append(d.Comments, part.Comments...)
		d.Code = append(d.Code, part.Code...)
		d.Fragments = append(d.Fragments, part.Fragments...)
		d.prose = append(d.prose, part.prose...)
		d.Folds = append(d.Folds, part.Folds...)
		d.links = append(d.links, part.links...)
	}
	return len(parts)
}

// closedAtEnd reports whether the last block of a piece was surely closed
// before the next piece: a fenced code or HTML block may have been open
// and would have taken the next piece's heading in.
func closedAtEnd(root ast.Node) bool {
	switch root.LastChild().(type) {
	case *ast.FencedCodeBlock, *ast.HTMLBlock:
		return false
	}
	return true
}

// emptyTop reports whether the synthetic section before a piece's first
// heading holds nothing.
func emptyTop(part *Document) bool {
	top := part.Sections[0]
	return top.Blocks == 0 && (len(part.Items) == 0 || part.Items[0].Section() != top)
}

// parseRange parses body[start:end] as if it were all of body: the
// reader sees body up to end and starts at start, so that goldmark's
// positions index body, and the character before the piece is the line
// ending it would see in the whole file. Plain CommonMark: GFM linkify
// would split text nodes and shift positions. defs: body may hold link
// reference definitions (mayDefine).
func parseRange(body []byte, start, end int, defs bool) ast.Node {
	r := text.NewReader(body[:end])
	r.SetPosition(-1, text.NewSegment(start, start))
	r.AdvanceLine()
	pool := &plainParsers
	if defs {
		pool = &parsers
	}
	p := pool.Get().(parser.Parser)
	defer pool.Put(p)
	return p.Parse(r)
}

// parsers holds goldmark parsers for reuse: building one and sorting its
// block and inline parsers on its first Parse took a fifth of the CPU of
// fixing 10,000 small files. A parser keeps no state between parses (each
// has a context of its own), and each is used by one goroutine at a time.
var parsers = sync.Pool{New: func() any { return goldmark.DefaultParser() }}

// plainParsers hold parsers without goldmark's one paragraph transformer,
// which takes link reference definitions out of paragraphs: for a body
// without them it changes nothing, and trying every paragraph that opens
// with a link as one (every entry's) took a tenth of the parse.
var plainParsers = sync.Pool{New: func() any {
	return parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...), parser.WithInlineParsers(parser.DefaultInlineParsers()...))
}}

// mayDefine reports whether body may hold a link reference definition: a
// definition is a link label with a colon right after its closing
// bracket, so a body without "]:" has none.
func mayDefine(body []byte) bool {
	return bytes.Contains(body, []byte("]:"))
}

// cutPoints returns the offsets where body can be cut into up to n pieces
// of at least len(body)/n bytes.
func cutPoints(body []byte, n int) []int {
	step := max(1, len(body)/n)
	var cuts []int
	for at := step; at < len(body); {
		j := bytes.Index(body[at:], []byte("\n#"))
		if j < 0 {
			break
		}
		i := at + j + 1
		if cutBefore(body, i) {
			cuts = append(cuts, i)
			at = i + step
		} else {
			at = i
		}
	}
	return cuts
}

// cutBefore reports whether the line at i is an ATX heading after a blank
// line whose last non-blank line does not look like the inside of a fence
// or an HTML block (which would fail the check after the parse).
func cutBefore(body []byte, i int) bool {
	h := i
	for h < len(body) && h-i < 7 && body[h] == '#' {
		h++
	}
	if h-i > 6 || (h < len(body) && body[h] != ' ' && body[h] != '\t' && body[h] != '\n' && body[h] != '\r') {
		return false
	}
	// The line before, then the last non-blank one before it.
	end, blank := i-1, 0
	for end > 0 {
		start := bytes.LastIndexByte(body[:end], '\n') + 1
		line := bytes.TrimLeft(body[start:end], " \t\r")
		if len(line) > 0 {
			return blank > 0 && line[0] != '`' && line[0] != '~' && line[0] != '<' && !bytes.HasSuffix(bytes.TrimRight(line, " \t\r"), []byte(">"))
		}
		blank++
		end = start - 1
	}
	return false
}
