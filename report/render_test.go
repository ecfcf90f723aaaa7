package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// TestMarkdownRendersInert renders the summary as GitHub does (GFM:
// tables, autolinks, strikethrough) and checks that the hostile entry
// changed nothing: no HTML, link or emphasis came from it, the table kept
// its shape, and its text shows as written.
func TestMarkdownRendersInert(t *testing.T) {
	fs := testFindings(t)
	var md, html bytes.Buffer
	if err := Markdown(&md, fs); err != nil {
		t.Fatal(err)
	}
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(md.Bytes(), &html); err != nil {
		t.Fatal(err)
	}
	out := html.String()
	for _, bad := range []string{"<b>", "raw HTML omitted", "<a ", "<em>", "<strong>@", "<del>", "<img"} {
		if strings.Contains(out, bad) {
			t.Errorf("rendered summary holds %q:\n%s", bad, out)
		}
	}
	if n := strings.Count(out, "<tr>"); n != 7 {
		t.Errorf("%d table rows, want 7", n)
	}
	if n := strings.Count(out, "<td"); n != 6*3 {
		t.Errorf("%d table cells, want 18", n)
	}
	if n := strings.Count(out, `<code class="language-suggestion">`); n != 6 {
		t.Errorf("%d suggestion blocks, want 6", n)
	}
	want := "description &quot;a | b &lt;b&gt;@here&lt;/b&gt; ```&quot; has no terminal punctuation ::error::injected %0A, by: [x](javascript:alert(1)) #1 _*"
	if !strings.Contains(out, want) {
		t.Errorf("hostile message not shown as written:\n%s", out)
	}
}
