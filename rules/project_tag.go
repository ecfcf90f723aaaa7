package rules

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// Options of project-tag.
var (
	tagAllowed  = lint.StringsOption("allowed", nil, "the known tags, with their casing; empty: the file's own")
	tagRequired = lint.BoolOption("required", false, "every entry needs a tag")
)

// ProjectTag checks the #Word# tags in entries' link text.
var ProjectTag = &lint.Rule{
	ID:    "project-tag",
	Title: "#Tag# markers in link text are known and well placed",
	Doc: `Seed-style lists mark what an entry is with a tag at the end of its link
text: "[Nomad #Project#](…)". A tag is a word of letters between two "#".
Each tag must:

- be one of the allowed tags, written with the same casing ("#project#" is
  reported and fixed to "#Project#");
- stand at the end of the link text, after the name, with exactly one
  space before it and none before "]" (several tags form a group at the
  end, one space apart);
- appear once.

Only entry lists are checked (see entry-link).

Options:
  allowed   the known tags. By default (empty) they are the file's own:
            every tag its entries use, in the casing most of its uses
            have, and the usual Project, Book, Series, Collection,
            Course, Blog, Paper and Tool. A tag one letter away from a
            more frequent one, or its plural ("#Projets#", "#Projects#"
            beside "#Project#"), is reported as unknown.
  required  when true, every entry needs a tag (default false).

Fixes: casing and spacing; a tag at the very start of the link text moves
to the end; a second copy of a tag at the end is dropped. The name itself
is never edited.`,
	Bad: `- [#Project# Alpha](https://alpha.example): First project.
- [Beta #project#](https://beta.example): Second project.
- [Gamma  #Book# ](https://gamma.example): A book.`,
	Good: `- [Alpha #Project#](https://alpha.example): First project.
- [Beta #Project#](https://beta.example): Second project.
- [Gamma #Book#](https://gamma.example): A book.`,
	Severity: lint.Warning,
	Fixable:  true,
	Options:  []lint.Option{tagAllowed.Decl(), tagRequired.Decl()},
	Presets: map[string]lint.Preset{
		"awesome": {Off: true},
		"tagged": {Options: []lint.OptionValue{
			tagRequired.Is(true),
			tagAllowed.Is([]string{"Project", "Book", "Series", "Collection", "Course", "Blog", "Paper", "Tool"}),
		}},
	},
	Check: checkProjectTag,
	Infer: inferProjectTag,
}

func checkProjectTag(p *lint.Pass) {
	doc := p.Doc
	allowed := tagAllowed.Get(p)
	var near map[string]string
	if len(allowed) == 0 {
		allowed, near = fileTags(doc)
	}
	wants := make([]string, len(allowed))
	for i, a := range allowed {
		wants[i] = "#" + a + "#"
	}
	required := tagRequired.Get(p)
	for _, e := range doc.Items {
		if !e.IsEntry() || !e.List.EntryList {
			continue
		}
		tags := e.WordTags()
		if len(tags) == 0 {
			if required {
				p.Report(e.Text().Start, e.Text().End, nil, "link text has no tag, expected one of %s", tagList(allowed))
			}
			continue
		}
		checkTags(p, e, tags, allowed, wants, near)
	}
}

// commonTags are the tags seed-style lists share, known in every file.
var commonTags = []string{"Project", "Book", "Series", "Collection", "Course", "Blog", "Paper", "Tool"}

// fileTags returns the tags doc's entries use, each in its most used
// casing, and the common tags. A tag that is a slip of a more used one
// (one letter off, or its plural) is left out: near maps its folded form
// to the tag it slips from.
func fileTags(doc *lint.Document) (known []string, near map[string]string) {
	// Spellings first, in the order they occur; the map allocates once
	// per spelling, and a file has a handful.
	type spelling struct {
		word string
		n    int
	}
	var spellings []spelling
	index := map[string]int{}
	for _, e := range doc.Items {
		if !e.IsEntry() || !e.List.EntryList {
			continue
		}
		for _, t := range e.WordTags() {
			word := doc.Src[t.Start+1 : t.End-1]
			i, ok := index[string(word)]
			if !ok {
				i = len(spellings)
				index[string(word)] = i
				spellings = append(spellings, spelling{word: string(word)})
			}
			spellings[i].n++
		}
	}
	if len(spellings) == 0 {
		return commonTags, nil
	}
	// Then by folded form: how often the file uses it, and its casings.
	// The usual casing of a common tag counts as one use: a file's lone
	// "#project#" is a slip, five of them are its convention.
	type tally struct {
		key   string
		n     int // uses in the file
		casts []spelling
		best  string // the casing the file knows it by
	}
	var tallies []*tally
	byKey := map[string]*tally{}
	add := func(word string, n, votes int) {
		k := strings.ToLower(word)
		t := byKey[k]
		if t == nil {
			t = &tally{key: k}
			byKey[k] = t
			tallies = append(tallies, t)
		}
		t.n += n
		t.casts = append(t.casts, spelling{word, votes})
	}
	for _, sp := range spellings {
		add(sp.word, sp.n, sp.n)
	}
	for _, c := range commonTags {
		add(c, 0, 1)
	}
	// A tag may be a slip of a more used one, and a lone tag of a common
	// tag the file does not use. Most used first, so that each tag looks
	// only at those used more: with n tags used in all, that is O(n).
	byUse := slices.Clone(tallies)
	slices.SortStableFunc(byUse, func(a, b *tally) int { return b.n - a.n })
	slipOf := func(tl *tally) *tally {
		for _, o := range byUse {
			if o.n <= tl.n {
				break
			}
			if slip(tl.key, o.key) {
				return o
			}
		}
		if tl.n == 1 {
			for _, o := range byUse[len(byUse)-len(commonTags):] {
				if o.n == 0 && slip(tl.key, o.key) {
					return o
				}
			}
		}
		return nil
	}
	slips := map[*tally]*tally{}
	for _, tl := range tallies {
		if tl.n > 0 {
			if o := slipOf(tl); o != nil {
				slips[tl] = o
				continue
			}
		}
		best := tl.casts[0]
		for _, c := range tl.casts[1:] {
			// The most used casing; on a tie the common tag's, which
			// comes last.
			if c.n >= best.n {
				best = c
			}
		}
		tl.best = best.word
		known = append(known, best.word)
	}
	for tl, o := range slips {
		if near == nil {
			near = map[string]string{}
		}
		// What a slip slips from may itself be a slip: name the tag
		// that stands.
		for slips[o] != nil {
			o = slips[o]
		}
		near[tl.key] = o.best
	}
	return known, near
}

// slip reports whether tag a (folded) reads as a slip of tag b: b's
// plural or singular, or one letter changed, added or dropped in a word
// of five letters or more.
func slip(a, b string) bool {
	if a+"s" == b || b+"s" == a {
		return true
	}
	if len(a) < 5 || len(b) < 5 {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return string(ra[i+1:]) == string(rb[i+1:])
	}
	return string(ra[i:]) == string(rb[i+1:])
}

func tagList(allowed []string) string {
	parts := make([]string, len(allowed))
	for i, a := range allowed {
		parts[i] = "#" + a + "#"
	}
	return strings.Join(parts, ", ")
}

func checkTags(p *lint.Pass, e *lint.Entry, tags []lint.Span, allowed, wants []string, near map[string]string) {
	src := p.Doc.Src
	textEnd := e.Text().End
	for textEnd > e.Text().Start && text.IsSpace(src[textEnd-1]) {
		textEnd--
	}
	// Tags [group:] form the trailing group: only spaces and badge
	// images after each.
	group, pos := len(tags), textEnd
	for group > 0 && onlyBadges(src[tags[group-1].End:pos]) {
		group--
		pos = tags[group].Start
	}
	var seenBuf [4]string
	seen := seenBuf[:0] // canonical tags so far; an entry has one or two
	for i, t := range tags {
		word := src[t.Start+1 : t.End-1]
		canon, want := "", ""
		for k, a := range allowed {
			// Tags are nearly always written as allowed: try that first.
			if string(word) == a || len(a) == len(word) && bytes.EqualFold([]byte(a), word) {
				canon, want = a, wants[k]
				break
			}
		}
		if canon == "" {
			if to, ok := near[strings.ToLower(string(word))]; ok {
				p.Report(t.Start, t.End, nil, "unknown tag %s, expected #%s#", p.Doc.Text(t), to)
				continue
			}
			p.Report(t.Start, t.End, nil, "unknown tag %s, expected one of %s", p.Doc.Text(t), tagList(allowed))
			continue
		}
		if slices.Contains(seen, canon) {
			var fix *lint.Fix
			if i >= group {
				from := t.Start
				for from > e.Text().Start && text.IsSpace(src[from-1]) {
					from--
				}
				fix = &lint.Fix{Message: "drop the second " + want, Edits: []lint.TextEdit{{Pos: from, End: t.End}}}
			}
			p.Report(t.Start, t.End, fix, "tag %s appears twice in the link text", want)
			continue
		}
		seen = append(seen, canon)
		if string(src[t.Start:t.End]) != want {
			tag := p.Doc.Text(t)
			fix := &lint.Fix{Message: "write " + want, Edits: []lint.TextEdit{{Pos: t.Start, End: t.End, NewText: want}}}
			p.Report(t.Start, t.End, fix, "tag %s is written %s, expected %s", tag, tag, want)
		}
		if i < group {
			reportMisplacedTag(p, e, t, want, textEnd)
			continue
		}
		checkTagSpacing(p, e, t, want)
		if i == len(tags)-1 && t.End < e.Text().End && len(bytes.TrimSpace(src[t.End:e.Text().End])) == 0 {
			fix := &lint.Fix{Message: "remove the space before ]", Edits: []lint.TextEdit{{Pos: t.End, End: e.Text().End}}}
			p.Report(t.End, e.Text().End+1, fix, "space between tag %s and ], expected none", want)
		}
	}
}

// onlyBadges reports whether b holds nothing but spaces and images
// ("![star](…)"): badges in link text do not make a tag misplaced.
func onlyBadges(b []byte) bool {
	for i := 0; i < len(b); {
		switch {
		case text.IsSpace(b[i]):
			i++
		case b[i] == '!' && i+1 < len(b) && b[i+1] == '[':
			closeBr := text.MatchForward(b, i+1, '[', ']')
			if closeBr < 0 || closeBr+1 >= len(b) || b[closeBr+1] != '(' {
				return false
			}
			closePar := text.MatchForward(b, closeBr+1, '(', ')')
			if closePar < 0 {
				return false
			}
			i = closePar + 1
		default:
			return false
		}
	}
	return true
}

// reportMisplacedTag reports a tag before the name; one that starts the
// link text moves to its end, one inside the name is left to a human.
func reportMisplacedTag(p *lint.Pass, e *lint.Entry, t lint.Span, want string, textEnd int) {
	src := p.Doc.Src
	var fix *lint.Fix
	if t.Start == e.Text().Start {
		next := t.End
		for next < textEnd && text.IsSpace(src[next]) {
			next++
		}
		if next < textEnd {
			fix = &lint.Fix{Message: "move " + want + " to the end", Edits: []lint.TextEdit{
				{Pos: t.Start, End: next},
				{Pos: textEnd, End: textEnd, NewText: " " + want},
			}}
		}
	}
	p.Report(t.Start, t.End, fix, "tag %s is not at the end of the link text", want)
}

// checkTagSpacing checks that exactly one space stands before a tag of the
// trailing group.
func checkTagSpacing(p *lint.Pass, e *lint.Entry, t lint.Span, want string) {
	src := p.Doc.Src
	from := t.Start
	for from > e.Text().Start && text.IsSpace(src[from-1]) {
		from--
	}
	if string(src[from:t.Start]) == " " {
		return
	}
	if onlyYear(src[e.Text().Start:from]) {
		// The link text is only tags, or a year and tags: there is no
		// name to separate the tag from (entry-link owns leading spaces).
		return
	}
	gap := string(src[from:t.Start])
	fix := &lint.Fix{Message: "put one space before " + want, Edits: []lint.TextEdit{{Pos: from, End: t.Start, NewText: " "}}}
	if gap == "" {
		p.Report(from, t.End, fix, "no space before tag %s, expected one", want)
		return
	}
	p.Report(from, t.End, fix, "%q before tag %s, expected one space", gap, want)
}

// onlyYear reports whether b is empty or only a year prefix ("2019~").
func onlyYear(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return true
	}
	if len(b) < 4 {
		return false
	}
	for _, c := range b[:4] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(bytes.Trim(b[4:], "-~:_ ")) == 0
}

// inferProjectTag reads the #Tag# names in use, most used first (ties by
// name), and makes a tag required when 95% of the entries carry one.
func inferProjectTag(docs []*lint.Document) lint.Inference {
	uses := map[string]int{}
	entries, tagged := 0, 0
	for _, doc := range docs {
		for _, e := range doc.Items {
			if !e.IsEntry() {
				continue
			}
			entries++
			for _, t := range e.Tags() {
				uses[strings.Trim(doc.Text(t), "#")]++
			}
			if len(e.Tags()) > 0 {
				tagged++
			}
		}
	}
	if len(uses) == 0 {
		return lint.Inference{Why: "No entry carries a #Tag#: project-tag keeps its defaults."}
	}
	names := make([]string, 0, len(uses))
	for t := range uses {
		names = append(names, t)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(uses[b], uses[a]), strings.Compare(a, b)) })
	used := make([]string, len(names))
	for i, t := range names {
		used[i] = fmt.Sprintf("%s (%d)", t, uses[t])
	}
	return lint.Inference{
		Options: []lint.OptionValue{
			{Name: "required", Value: tagged*20 >= entries*19},
			{Name: "allowed", Value: names},
		},
		Why: fmt.Sprintf("%d of %d entries carry a tag: %s.", tagged, entries, strings.Join(used, ", ")),
	}
}
