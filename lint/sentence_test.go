package lint_test

import (
	"testing"

	"github.com/listlint/listlint/lint"
)

// TestSentence checks how the model splits a description into leading
// punctuation, sentence and trailing metadata.
func TestSentence(t *testing.T) {
	for _, c := range []struct {
		desc, lead, sentence, trailer string
		trailing, last                lint.Markup
	}{
		{desc: "A tool.", sentence: "A tool."},
		{desc: ": . With a dot.", lead: ": . ", sentence: "With a dot."},
		{desc: ".NET tool.", sentence: ".NET tool."},
		{desc: "-", lead: "-"},
		{desc: "A Lisp. **[Deprecated]**", sentence: "A Lisp.", trailer: "**[Deprecated]**", trailing: lint.MarkupEmphasis | lint.MarkupTag},
		{desc: "A Lisp **[Deprecated]**", sentence: "A Lisp", trailer: "**[Deprecated]**", trailing: lint.MarkupEmphasis | lint.MarkupTag},
		{desc: "A framework. *(See also [x](https://x.example))*", sentence: "A framework.", trailer: "*(See also [x](https://x.example))*", trailing: lint.MarkupEmphasis | lint.MarkupParen},
		{desc: "A library. [BETA]", sentence: "A library.", trailer: "[BETA]", trailing: lint.MarkupTag},
		{desc: "A library [BETA]", sentence: "A library [BETA]", last: lint.MarkupTag},
		{desc: "A tool. (deprecated)", sentence: "A tool.", trailer: "(deprecated)", trailing: lint.MarkupParen},
		{desc: "A toolkit in Go (Golang)", sentence: "A toolkit in Go (Golang)", last: lint.MarkupParen},
		{desc: "Client for [imgur](https://imgur.example)", sentence: "Client for [imgur](https://imgur.example)", last: lint.MarkupLink},
		{desc: "Admin UI. [Live demo](https://demo.example)", sentence: "Admin UI.", trailer: "[Live demo](https://demo.example)", trailing: lint.MarkupLink},
		{desc: "Libraries. [Boost] [website](https://boost.example)", sentence: "Libraries.", trailer: "[Boost] [website](https://boost.example)", trailing: lint.MarkupLink | lint.MarkupTag},
		{desc: "Client for [imgur](https://imgur.example) `MIT`", sentence: "Client for [imgur](https://imgur.example)", trailer: "`MIT`", trailing: lint.MarkupCode, last: lint.MarkupLink},
		{desc: "Tool `MIT` [Demo](https://d.example)", sentence: "Tool", trailer: "`MIT` [Demo](https://d.example)", trailing: lint.MarkupCode | lint.MarkupLink},
		{desc: "Tool ![stars](https://img.example/s.svg)", sentence: "Tool", trailer: "![stars](https://img.example/s.svg)", trailing: lint.MarkupImage},
		{desc: "Tool ([Demo](https://d.example), [Src](https://s.example))", sentence: "Tool", trailer: "([Demo](https://d.example), [Src](https://s.example))", trailing: lint.MarkupLink},
		{desc: "A library that is *blazingly fast*", sentence: "A library that is *blazingly fast*", last: lint.MarkupEmphasis},
		{desc: "Works. *Unmaintained*", sentence: "Works.", trailer: "*Unmaintained*", trailing: lint.MarkupEmphasis},
		{desc: "Fast🚀", sentence: "Fast🚀", last: lint.MarkupEmoji},
		{desc: "Fast 🚀 [MIT]", sentence: "Fast 🚀", trailer: "[MIT]", trailing: lint.MarkupTag, last: lint.MarkupEmoji},
		{desc: "Fast :zap:", sentence: "Fast :zap:", last: lint.MarkupEmoji},
		{desc: "More procedures. [...]", sentence: "More procedures. [...]"},
		{desc: "snake_case_name_", sentence: "snake_case_name_"},
		{desc: "Works.(Only Go 1.18+)", sentence: "Works.", trailer: "(Only Go 1.18+)", trailing: lint.MarkupParen},
		{desc: "**[Deprecated]**", sentence: "**[Deprecated]**", last: lint.MarkupWhole | lint.MarkupEmphasis | lint.MarkupTag},
		{desc: "[Part II: Conclusion](https://blog.example/2)", sentence: "[Part II: Conclusion](https://blog.example/2)", last: lint.MarkupWhole | lint.MarkupLink},
		{desc: "中文译本，[译本](https://book.example)", sentence: "中文译本，[译本](https://book.example)", last: lint.MarkupLink},
		{desc: "Uses`code`", sentence: "Uses`code`", last: lint.MarkupCode},
		{desc: "*An unmaintained fork*", sentence: "*An unmaintained fork*"},
		{desc: "(An unmaintained fork)", sentence: "(An unmaintained fork)"},
		{desc: "Parser generator. [GPLv3][MIT]", sentence: "Parser generator.", trailer: "[GPLv3][MIT]", trailing: lint.MarkupTag},
		{desc: "Benchmark tools. [MIT]/[Apache2]", sentence: "Benchmark tools.", trailer: "[MIT]/[Apache2]", trailing: lint.MarkupTag},
		{desc: "Reads C/[C++]", sentence: "Reads C/[C++]", last: lint.MarkupTag},
		{desc: "Code analysis. - [source](https://s.example)", sentence: "Code analysis.", trailer: "- [source](https://s.example)", trailing: lint.MarkupLink},
		{desc: "Code analysis - [source](https://s.example)", sentence: "Code analysis - [source](https://s.example)", last: lint.MarkupLink},
		{desc: "Tool - `MIT`", sentence: "Tool", trailer: "- `MIT`", trailing: lint.MarkupCode},
	} {
		src := "- [Name](https://name.example) - " + c.desc + "\n"
		doc, err := lint.Parse("t.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		e := doc.Items[0]
		if got := doc.Text(e.LeadPunct()); got != c.lead {
			t.Errorf("%q: lead %q, want %q", c.desc, got, c.lead)
		}
		if got := doc.Text(e.Sentence()); got != c.sentence {
			t.Errorf("%q: sentence %q, want %q", c.desc, got, c.sentence)
		}
		if got := doc.Text(e.Trailer()); got != c.trailer {
			t.Errorf("%q: trailer %q, want %q", c.desc, got, c.trailer)
		}
		if e.Trailing() != c.trailing || e.SentenceMarkup() != c.last {
			t.Errorf("%q: trailing %b, sentence markup %b; want %b, %b", c.desc, e.Trailing(), e.SentenceMarkup(), c.trailing, c.last)
		}
	}
}

// TestShortcodeMark: an emoji shortcode between the link and the
// separator marks the link; it is not a colon separator.
func TestShortcodeMark(t *testing.T) {
	for src, want := range map[string][2]string{
		"- [Fast](https://fast.example) :zap: - A fast tool.\n":        {" - ", "A fast tool."},
		"- [Fast](https://fast.example) :zap: :star: - A fast tool.\n": {" - ", "A fast tool."},
		"- [Fast](https://fast.example): :zap: A fast tool.\n":         {": ", ":zap: A fast tool."},
		"- [Fast](https://fast.example) :zap: a fast tool.\n":          {"", ":zap: a fast tool."},
		"- [Fast](https://fast.example): a fast tool.\n":               {": ", "a fast tool."},
	} {
		doc, err := lint.Parse("t.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		e := doc.Items[0]
		if got := [2]string{doc.Text(e.Separator()), doc.Text(e.Desc())}; got != want {
			t.Errorf("%q: separator and description %q, want %q", src, got, want)
		}
	}
}
