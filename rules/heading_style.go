package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/listlint/listlint/internal/text"
	"github.com/listlint/listlint/lint"
)

// headingForm is the form heading-style holds bilingual headings to.
var headingForm = lint.EnumOption("form", "dominant",
	`form of bilingual headings: "dominant", "A | B", "A: B", "A（B）" or "A (B)"`,
	append([]string{"dominant"}, lint.Forms...)...)

// HeadingStyle checks that headings are written alike: bilingual ones in
// the file's form, none with trailing punctuation, and no strong text
// standing in for one.
var HeadingStyle = &lint.Rule{
	ID:    "heading-style",
	Title: "headings follow the file's form",
	Doc: `Headings are the outline of a list, and its table of contents is made
from them; written alike, they read as one. Three things are checked:

- A bilingual heading, two names in two scripts, one of them with CJK
  characters, joins its names as the file's other bilingual headings do:
  "Storage | 存储" (A | B), "Storage: 存储" (A: B, also with "："),
  "Storage（存储）" (A（B）) or "Storage (存储)" (A (B)). A form holds
  when two headings or more use it, and more use it than any other. The
  document's title (its first heading, at level 1) is left out.
- A heading does not end with ":", ".", "," or ";" (nor their
  full-width forms): it is a title, not a sentence. The text read is the
  rendered one ("C&#35;" ends with "#"), an emoji :shortcode: at the end
  aside, and punctuation that ends a code span or link text is theirs.
  "?", "!", ")" and "…" are left alone, and so are abbreviations
  ("etc.", "Misc.") and notes set in large type (a sentence of four
  words or more).
- A line of strong text alone ("**Tools**") does not stand as the
  heading of an entry list in a file that has headings: it is missing
  from the outline and the table of contents.

Options:
  form  "dominant" (default): the form the file's bilingual headings
        use most, twice or more; or "A | B", "A: B", "A（B）" or
        "A (B)" to pin it.

The fix rewrites a bilingual heading to the form (unless the file links
to anchors: its new anchor would break them) and drops trailing
punctuation, where the heading is plain text; strong text is left for a
human to turn into a heading of the right level.`,
	Bad: `## Storage | 存储

## Network: 网络

## Tools:

**Editors**

- [Helix](https://helix-editor.com/): A modal editor.`,
	Good: `## Storage | 存储

## Network | 网络

## Tools

### Editors

- [Helix](https://helix-editor.com/): A modal editor.`,
	Severity: lint.Warning,
	Fixable:  true,
	Options:  []lint.Option{headingForm.Decl()},
	Check:    checkHeadingStyle,
	Infer:    inferHeadingStyle,
}

func checkHeadingStyle(p *lint.Pass) {
	doc := p.Doc
	want := headingForm.Get(p)
	if want == "dominant" {
		want = dominantForm([]*lint.Document{doc}).value
	}
	// Renaming a bilingual heading changes its anchor: where the file
	// links to anchors, a table of contents would lose it.
	anchors := bytes.Contains(doc.Src, []byte("](#")) || bytes.Contains(doc.Src, []byte(`href="#`))
	headings := 0
	for _, s := range doc.Sections {
		if !s.Heading.Valid() {
			continue
		}
		headings++
		plain := s.Content.Valid() && doc.Text(s.Content) == s.Title
		if s.Form != "" && want != "" && s.Form != want && !isTitle(doc, s) {
			var fix *lint.Fix
			if plain && !anchors {
				fix = &lint.Fix{Message: "write the heading as " + want, Edits: []lint.TextEdit{{
					Pos: s.Content.Start, End: s.Content.End, NewText: lint.Bilingual(want, s.Names),
				}}}
			}
			p.Report(s.Heading.Start, s.Heading.End, fix, "heading %s is written %q, expected %q",
				lint.Quote(s.Title), s.Form, want)
		}
		if punct, fixable := headingPunct(doc, s); punct != "" {
			var fix *lint.Fix
			if plain && fixable {
				end := s.Content.End - len(punct)
				for end > s.Content.Start && (doc.Src[end-1] == ' ' || doc.Src[end-1] == '\t') {
					end--
				}
				// Anchors drop the punctuation but keep a blank before it
				// as "-": only that changes where links may point.
				if end == s.Content.End-len(punct) || !anchors {
					fix = &lint.Fix{Message: "drop the trailing " + punct, Edits: []lint.TextEdit{{Pos: end, End: s.Content.End}}}
				}
			}
			p.Report(s.Heading.Start, s.Heading.End, fix, "heading %s ends with %q, expected no trailing punctuation", lint.Quote(s.Title), punct)
		}
	}
	if headings < 2 {
		return
	}
	for _, l := range doc.Lists {
		if !l.Caption.Valid() || !l.EntryList {
			continue
		}
		text := strings.Trim(doc.Text(l.Caption), "*_ ")
		if isSentence(text) {
			continue
		}
		p.Report(l.Caption.Start, l.Caption.End, nil, "strong text %s stands as the heading of a list, expected a heading", lint.Quote(text))
	}
}

// headingPunct returns the trailing punctuation of s's title as GitHub
// renders it ("C&#35;" ends with "#", "Tools\:" with ":"), a trailing
// emoji :shortcode: aside, and whether it is the last character of the
// source, where dropping it is safe. Punctuation that ends a code span or
// a link's text is theirs, not the title's; emphasis around it is not.
func headingPunct(doc *lint.Document, s *lint.Section) (punct string, atEnd bool) {
	title := strings.TrimSpace(s.Rendered)
	if strings.HasSuffix(title, ":") {
		title = trailingShortcodes.ReplaceAllString(title, "")
	}
	if punct = trailingPunct(title); punct == "" || !s.Content.Valid() {
		return punct, false
	}
	src := doc.Text(s.Content)
	end := len(src)
	src = strings.TrimRight(trailingShortcodes.ReplaceAllString(trailingComments.ReplaceAllString(src, ""), ""), "*_ \t")
	if !strings.HasSuffix(src, punct) {
		return "", false
	}
	escaped := strings.HasSuffix(src[:len(src)-len(punct)], `\`)
	return punct, !escaped && len(src) == end
}

var (
	// trailingShortcodes matches the emoji shortcodes that end a title.
	trailingShortcodes = regexp.MustCompile(`(?:\s*:[a-z0-9_+-]+:)+\s*$`)
	// trailingComments matches the HTML comments that end a heading line.
	trailingComments = regexp.MustCompile(`(?:\s*<!--.*?-->)+\s*$`)
)

// trailingPunct returns the punctuation a heading title ends with that a
// title should not: ":", ".", "," or ";" or their full-width forms, but
// not an ellipsis, an abbreviation or the end of a note.
func trailingPunct(title string) string {
	r, size := utf8.DecodeLastRuneInString(title)
	switch r {
	case ':', ',', ';', '：', '，', '；', '。':
	case '.':
		if strings.HasSuffix(title, "..") || isAbbrev(title) {
			return ""
		}
	default:
		return ""
	}
	if text.IsNote(title) {
		return ""
	}
	return title[len(title)-size:]
}

// isAbbrev reports whether title ends with an abbreviation and its dot.
func isAbbrev(title string) bool {
	i := strings.LastIndexAny(title, " \t") + 1
	switch strings.ToLower(title[i:]) {
	case "etc.", "misc.", "inc.", "ltd.", "co.", "vs.", "corp.", "jr.", "no.":
		return true
	}
	return false
}

// isSentence reports whether strong text reads as a sentence rather than
// a name: it ends with terminal punctuation or runs past eight words.
func isSentence(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(".!?。！？", r) || len(strings.Fields(text)) > 8
}

// isTitle reports whether s is the document's title, its first heading
// at level 1: a title names the whole list in its own way ("Vue List |
// Vue 资料索引") and does not set the form of the sections under it.
func isTitle(doc *lint.Document, s *lint.Section) bool {
	return s.Level == 1 && len(doc.Sections) > 1 && doc.Sections[1] == s
}

// dominantForm counts the forms of docs' bilingual headings: the one
// used most, by two headings at least and by more than any other form;
// an empty value when no form is.
func dominantForm(docs []*lint.Document) count {
	var forms []string
	for _, doc := range docs {
		for _, s := range doc.Sections {
			if s.Form != "" && !isTitle(doc, s) {
				forms = append(forms, s.Form)
			}
		}
	}
	c := dominantCount(forms)
	uses := make(map[string]int, len(lint.Forms))
	for _, f := range forms {
		uses[f]++
	}
	for f, n := range uses {
		if f != c.value && n >= c.n || c.n < 2 {
			c.value = ""
		}
	}
	return c
}

// inferHeadingStyle reads the form most bilingual headings use.
func inferHeadingStyle(docs []*lint.Document) lint.Inference {
	c := dominantForm(docs)
	switch {
	case c.of == 0:
		return lint.Inference{}
	case c.value == "":
		return lint.Inference{Why: fmt.Sprintf("No form is used most by %d bilingual headings: heading-style follows each file.", c.of)}
	}
	return pinned(headingForm.Is(c.value), c.value, "%s is the form of %d of %d bilingual headings.", c.quoted(), c.n, c.of)
}
