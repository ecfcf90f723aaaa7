package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/listlint/listlint/lint"
)

func parseDoc(t *testing.T, path, src string) *lint.Document {
	t.Helper()
	d, err := lint.Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDuplicateRelated checks what the fixtures cannot: Related points at
// the first copy, in its own file.
func TestDuplicateRelated(t *testing.T) {
	for _, tc := range []struct {
		rule *lint.Rule
		url  string // of the later copy
		off  int    // of the first copy in a.md
	}{
		{DuplicateURL, "https://KILN.example.com/x/", 14},
		{DuplicateName, "https://kiln.example.com/y", 8},
	} {
		a := parseDoc(t, "a.md", "# A\n\n- [Kiln](https://kiln.example.com/x): One.\n")
		b := parseDoc(t, "b.md", "# B\n\n- [Brick](https://b.example.com/): Two.\n- [Kiln]("+tc.url+"): Three.\n")
		l := &lint.Linter{Rules: []*lint.Rule{tc.rule}, Configure: func(string, *lint.Rule) lint.Settings {
			s := tc.rule.Defaults()
			s.Options["scope"] = scopeRun
			return s
		}}
		res := l.Run([]*lint.Document{b, a})
		if len(res[1].Diagnostics) != 0 {
			t.Errorf("%s: reported the first copy: %v", tc.rule.ID, res[1].Diagnostics)
		}
		if len(res[0].Diagnostics) != 1 {
			t.Fatalf("%s: got %v, want one finding in b.md", tc.rule.ID, res[0].Diagnostics)
		}
		d := res[0].Diagnostics[0]
		want := lint.Related{Path: "a.md", Offset: tc.off, Line: 3, Column: tc.off - 5 + 1}
		if d.Related == nil || *d.Related != want {
			t.Errorf("%s: related = %+v, want %+v", tc.rule.ID, d.Related, want)
		}
		if line, _ := b.Position(d.Pos); line != 4 {
			t.Errorf("%s: reported on line %d, want 4", tc.rule.ID, line)
		}
	}
}

// TestDuplicatesSeed pins the seed list: Kuma and 2019-Kuma, reported on
// line 69 naming line 57, and no duplicate url.
func TestDuplicatesSeed(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "fixtures", "cloud-opensource-list.md")
	src, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skip("seed fixture absent")
	}
	if err != nil {
		t.Fatal(err)
	}
	doc, err := lint.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	l := &lint.Linter{Rules: []*lint.Rule{DuplicateName, DuplicateURL}}
	ds := l.Run([]*lint.Document{doc})[0].Diagnostics
	if len(ds) != 1 {
		t.Fatalf("got %d findings, want 1: %v", len(ds), ds)
	}
	d := ds[0]
	if line, _ := doc.Position(d.Pos); d.Rule != "duplicate-name" || line != 69 || d.Related == nil || d.Related.Line != 57 {
		t.Errorf("got %s at line %d related %+v, want duplicate-name at 69 naming 57", d.Rule, line, d.Related)
	}
	if want := `name "Kuma" already listed at line 57 in section "Service Mesh" with another url, expected one entry per project`; d.Message != want {
		t.Errorf("message %q, want %q", d.Message, want)
	}
}

func TestAbsoluteURL(t *testing.T) {
	for dest, want := range map[string]bool{
		"https://a.example/": true, "HTTP://a.example": true, "//a.example/x": true,
		"#usage": false, "docs/x.md": false, "./x.md": false, "mailto:a@b.example": false,
		"https:relative": false, "": false, "ftp://a.example": false,
	} {
		if got := absoluteURL(dest); got != want {
			t.Errorf("absoluteURL(%q) = %v, want %v", dest, got, want)
		}
	}
}

func TestSameProject(t *testing.T) {
	for _, tc := range []struct {
		a, b, name string
		want       bool
	}{
		{"https://kuma.io/docs/0.4.0/", "https://kuma.io/docs/0.1.0/#x", "kuma", true},
		{"https://github.com/a/log", "https://github.com/b/log", "log", false},
		{"https://github.com/a/log", "https://github.com/A/Log/tree/dev", "log", true},
		{"https://github.com/a/log", "https://gitlab.com/a/log", "log", false},
		{"https://parg.co/Ab1", "https://blog.example.com/post", "post", true},
		{"https://medium.com/@a/x", "https://medium.com/@b/y", "x", false},
		{"https://popmotion.io/", "https://github.com/Popmotion/popmotion", "popmotion", true},
		{"https://goblin.run/", "https://github.com/franela/goblin", "goblin", false},
		{"https://google.github.io/styleguide/", "https://github.com/google/google-api", "google", false},
		{"https://golangnews.com", "https://twitter.com/golang_news", "golangnews", false},
		{"https://a.example.com", "https://b.example.org", "x", false},
	} {
		if got := sameProject(siteOf(lint.URLKey(tc.a)), siteOf(lint.URLKey(tc.b)), tc.name); got != tc.want {
			t.Errorf("sameProject(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestGenericName(t *testing.T) {
	for key, want := range map[string]bool{
		"demo": true, "sourcecode": true, "github": true, "2019": true, "1": true,
		"kuma": false, "1backend": false, "官网": true, "窑炉": false,
	} {
		if got := genericName(key); got != want {
			t.Errorf("genericName(%q) = %v, want %v", key, got, want)
		}
	}
}
