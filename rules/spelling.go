package rules

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/lint"
)

// Options of spelling.
var (
	spellingExtra  = lint.StringsOption("words", nil, "names to add or to spell another way")
	spellingIgnore = lint.StringsOption("ignore", nil, "names never reported, any case")
)

// Spelling checks that well-known names are written as their owners
// write them.
var Spelling = &lint.Rule{
	ID:    "spelling",
	Title: "well-known names are spelt as their owners spell them",
	Doc: `A short, curated dictionary of names that lists often write in the wrong
case: GitHub, JavaScript, macOS, PostgreSQL, Node.js, YouTube and about
seventy more. A name is reported when it stands as a whole word in
descriptions or prose and differs from the dictionary's form in case
only ("Github", "javascript", "MacOS").

Never checked: link texts (a link's text may be a name styled by its
owner), URLs, code spans and blocks, HTML, headings (their text makes
their anchors). A name glued to "-", "_", "/", "." or a letter or digit
is part of an identifier, a path or a package ("ios-deploy", "node.js.org",
"python3") and is left alone; CJK characters next to it are not letters
of it ("使用Github管理" is checked). Names that are also ordinary words
(Go, Rust, Swift, React, Express, Windows) and names their owners or the
lists spell several ways (webpack, npm, jQuery, nginx, ZooKeeper) are not
in the dictionary.

Options:
  words   names to add, or to write another way: ["Golang", "Github"]
          adds Golang and makes Github the expected form of GitHub; a
          name is ASCII letters and digits, or two such words joined by
          one "." or one space ("Vue.js", "Spring Boot")
  ignore  names to leave alone, any case: ["python"]

Off by default; the awesome preset turns it on. The fix rewrites the name
in the dictionary's form.`,
	Bad:      `- [Hub](https://hub.example): Browse Github from the terminal, on Linux and MacOS.`,
	Good:     `- [Hub](https://hub.example): Browse GitHub from the terminal, on Linux and macOS.`,
	Severity: lint.Warning,
	Fixable:  true,
	Off:      true,
	Options:  []lint.Option{spellingExtra.Decl(), spellingIgnore.Decl()},
	Presets:  map[string]lint.Preset{"awesome": {On: true}},
	Check:    checkSpelling,
}

// spellingWords is the dictionary. Each name is misspelt in the corpus of
// real lists the project is tested on; the comment gives the count of
// occurrences in prose there and how many of them differ in case
// (snapshots of one list counted each). Names are whole words of ASCII
// letters and digits, joined by one "." or one space.
var spellingWords = []string{
	"GitHub",         // 139, 42
	"GitLab",         // 14, 2
	"JavaScript",     // 501, 53
	"TypeScript",     // 123, 17
	"Node.js",        // 126, 24
	"macOS",          // 76, 11
	"iOS",            // 80, 2
	"Android",        // 105, 1
	"PostgreSQL",     // 85, 2
	"MySQL",          // 122, 10
	"MongoDB",        // 52, 2
	"Kubernetes",     // 225, 13
	"Docker",         // 430, 71
	"YouTube",        // 45, 8
	"Stack Overflow", // 10, 0: asked for; lowercase is the error, not the site
	"WordPress",      // 7, 2
	"Elasticsearch",  // 54, 11
	"Redis",          // 113, 17
	"SQLite",         // 64, 10
	"GraphQL",        // 127, 5
	"WebSocket",      // 49, 15
	"WebAssembly",    // 92, 1
	"WebGL",          // 35, 1
	"WebRTC",         // 32, 4
	"Facebook",       // 44, 1
	"Instagram",      // 10, 1
	"WhatsApp",       // 8, 2
	"WeChat",         // 1, 1
	"PayPal",         // 5, 1
	"TensorFlow",     // 89, 11
	"PyTorch",        // 36, 12
	"NumPy",          // 14, 9
	"Jupyter",        // 27, 1
	"OpenAI",         // 25, 1
	"LaTeX",          // 7, 1
	"RabbitMQ",       // 29, 3
	"ClickHouse",     // 15, 1
	"Firebase",       // 22, 2
	"Ansible",        // 8, 2
	"ESLint",         // 6, 1
	"Kotlin",         // 12, 1
	"Erlang",         // 101, 9
	"Laravel",        // 51, 1
	"Django",         // 91, 4
	"CMake",          // 20, 1
	"Vue.js",         // 159, 6
	"gRPC",           // 29, 5
	"Linux",          // 159, 7
	"Python",         // 890, 40
	"Java",           // 502, 14
	"PHP",            // 248, 4
	"Microsoft",      // 64, 1
	"Firefox",        // 11, 1
	"PowerShell",     // 2, 1
	"Puppeteer",      // 8, 2
	"Apache",         // 113, 1
	"Kafka",          // 55, 4
	"Cassandra",      // 12, 1
	"Prometheus",     // 39, 1
	"Unicode",        // 28, 4
	"TikTok",         // 5, 2
	"Reddit",         // 12, 1
	"OpenStack",      // 4, 1
	"OpenShift",      // 8, 3
	"Three.js",       // 55, 11
	"Elixir",         // 789, 28
	"Phoenix",        // 97, 3
	"Lua",            // 26, 2
	"Podman",         // 8, 1
	"WireGuard",      // 4, 1
	"ownCloud",       // 3, 1
	"SoundCloud",     // 5, 2
	"Weibo",          // 2, 1
	"Alibaba",        // 16, 3
	"Tencent",        // 3, 1
	"Gmail",          // 5, 1
	"Ruby",           // 37, 2
	"Spring Boot",    // 71, 5
	"Netty",          // 39, 3
	"Dubbo",          // 23, 6
	"Vite",           // 20, 2
	"Emacs",          // 10, 2
	"Postgres",       // 17, 2
	"Tomcat",         // 31, 2
}

// lowercaseOrdinary are the names whose all-lowercase form is also an
// ordinary phrase: "a stack overflow" is an error, not the site.
var lowercaseOrdinary = map[string]bool{"Stack Overflow": true}

// spellingDict maps the lowercase form of each name of spellingWords to
// the name; it is only read.
var spellingDict = dictionary(spellingWords, nil, nil)

// dictionary maps lowercase forms to names: base, then words added or
// overriding, ignore removed.
func dictionary(base, words, ignore []string) map[string]string {
	dict := make(map[string]string, len(base)+len(words))
	for _, list := range [][]string{base, words} {
		for _, w := range list {
			dict[strings.ToLower(w)] = w
		}
	}
	for _, w := range ignore {
		delete(dict, strings.ToLower(w))
	}
	return dict
}

func checkSpelling(p *lint.Pass) {
	dict := spellingDict
	if words, ignore := spellingExtra.Get(p), spellingIgnore.Get(p); len(words)+len(ignore) > 0 {
		dict = dictionary(spellingWords, words, ignore)
	}
	if len(dict) == 0 {
		return
	}
	src := p.Doc.Src
	var buf [64]byte
	for s := range p.Doc.Prose() {
		text := src[s.Start:s.End]
		for i := 0; i < len(text); {
			if !isASCIIAlnum(text[i]) || i > 0 && identBefore(text[:i]) {
				i++
				continue
			}
			j := i
			for j < len(text) && isASCIIAlnum(text[j]) {
				j++
			}
			// The longest name starting here: one word, or two joined by
			// "." or a space.
			end, want := -1, ""
			if j < len(text)-1 && (text[j] == '.' || text[j] == ' ') && isASCIIAlnum(text[j+1]) {
				k := j + 1
				for k < len(text) && isASCIIAlnum(text[k]) {
					k++
				}
				if w, ok := lookup(dict, &buf, text[i:k]); ok && !identAfter(text[k:]) {
					end, want = k, w
				}
			}
			if end < 0 {
				if w, ok := lookup(dict, &buf, text[i:j]); ok && !identAfter(text[j:]) {
					end, want = j, w
				}
			}
			if end < 0 {
				i = j
				continue
			}
			got := string(text[i:end])
			ordinary := lowercaseOrdinary[want] && got == strings.ToLower(got)
			if got != want && !ordinary && !namesIdentifier(text[:i], text[end:], got) {
				pos := s.Start + i
				p.Report(pos, s.Start+end, &lint.Fix{
					Message: "write " + want,
					Edits:   []lint.TextEdit{{Pos: pos, End: s.Start + end, NewText: want}},
				}, "%s is spelt %s", lint.Quote(got), lint.Quote(want))
			}
			i = end
		}
	}
}

// namesIdentifier reports whether the words around a name make it a
// package or a command rather than the product: "Package sqlite is ...",
// "convert docker run commands".
func namesIdentifier(before, after []byte, got string) bool {
	before = bytes.TrimRight(before, " ")
	if k := bytes.LastIndexByte(before, ' '); len(before) >= 7 && strings.EqualFold(string(before[k+1:]), "package") {
		return true
	}
	if got != strings.ToLower(got) || len(after) < 2 || after[0] != ' ' {
		return false
	}
	next := after[1:]
	for k, c := range next {
		if !isASCIIAlnum(c) {
			next = next[:k]
			break
		}
	}
	return commandWords[string(next)]
}

// commandWords are subcommands that make a lowercase name before them a
// command line ("docker run", "docker compose") rather than the product.
var commandWords = map[string]bool{
	"run": true, "compose": true, "build": true, "pull": true, "push": true,
	"exec": true, "commit": true, "cp": true, "ps": true, "rm": true,
}

// lookup finds word, lowercased in buf, in dict.
func lookup(dict map[string]string, buf *[64]byte, word []byte) (string, bool) {
	if len(word) > len(buf) {
		return "", false
	}
	for i, c := range word {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	w, ok := dict[string(buf[:len(word)])]
	return w, ok
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// identBefore reports whether the text before a word makes it part of an
// identifier, a path, an address or a longer word.
func identBefore(before []byte) bool {
	r, _ := utf8.DecodeLastRune(before)
	switch r {
	case '-', '_', '/', '.', '@', '#', '~', '\\', '$', '%', '=', '+':
		return true
	case ':':
		// "plugin:github": a qualified identifier, not a clause.
		prev, _ := utf8.DecodeLastRune(before[:len(before)-1])
		return prev < utf8.RuneSelf && isASCIIAlnum(byte(prev))
	}
	return isWordRune(r)
}

// identAfter reports whether the text after a word makes it part of an
// identifier, a path, a URL or a longer word. A "." or "-" that ends a
// sentence or a clause does not.
func identAfter(after []byte) bool {
	if len(after) == 0 {
		return false
	}
	r, n := utf8.DecodeRune(after)
	switch r {
	case '_', '/', '\\', '@', '+', '[':
		return true
	case '.', '-', ':':
		next, _ := utf8.DecodeRune(after[n:])
		return next == '/' || next == '_' || isWordRune(next)
	}
	return isWordRune(r)
}

// isWordRune reports whether r would continue a word: a letter or digit
// of an alphabet, not of a CJK script, whose characters stand beside
// Latin names without a space.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
