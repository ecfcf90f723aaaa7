package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinks runs the links command on a list whose links point at a local
// server: output, exit codes, --fix --diff and --fix.
func TestLinks(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		case "/gone":
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	list := filepath.Join(dir, "list.md")
	src := "# Widgets\n\n- [Alpha](" + srv.URL + "/old) - Moved.\n- [Beta](" + srv.URL + "/gone) - Gone.\n- [Gamma](" + srv.URL + "/new) - Fine.\n"
	if err := os.WriteFile(list, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}

	var out, errOut bytes.Buffer
	code := run([]string{"links", "--no-config", "--retries", "0", list}, &out, &errOut)
	if code != exitFindings {
		t.Fatalf("links exit %d, want %d:\n%s%s", code, exitFindings, out.String(), errOut.String())
	}
	// Only the parts of the lines that the text format's layout leaves alone.
	for _, want := range []string{
		"list.md:3:3: ", "link-redirect [*] link to " + srv.URL + "/old redirects permanently to " + srv.URL + "/new, expected the new URL\n",
		"list.md:4:3: ", "link-dead link to " + srv.URL + "/gone is dead (404 Not Found), expected a page that answers\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	out.Reset()
	if code := run([]string{"links", "--no-config", "--disable", "link-dead", "-f", "json", list}, &out, &errOut); code != exitFindings {
		t.Errorf("links -f json exit %d", code)
	}
	if !strings.Contains(out.String(), `"rule": "link-redirect"`) || strings.Contains(out.String(), "link-dead") {
		t.Errorf("json output:\n%s", out.String())
	}

	out.Reset()
	if code := run([]string{"links", "--fix", "--diff", "--no-config", list}, &out, &errOut); code != exitFindings {
		t.Errorf("links --fix --diff exit %d:\n%s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "-- [Alpha]("+srv.URL+"/old) - Moved.\n+- [Alpha]("+srv.URL+"/new) - Moved.\n") {
		t.Errorf("diff:\n%s", out.String())
	}

	out.Reset()
	cache := filepath.Join(dir, "cache", "links.json")
	code = run([]string{"links", "--fix", "--no-config", "--cache", cache, list}, &out, &errOut)
	if code != exitFindings { // the dead link remains
		t.Errorf("links --fix exit %d:\n%s%s", code, out.String(), errOut.String())
	}
	got, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(src, "/old)", "/new)", 1); string(got) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	if _, err := os.Stat(cache); err != nil {
		t.Errorf("no cache written: %v", err)
	}

	// links.exclude leaves the dead link out: nothing remains.
	if err := os.WriteFile(filepath.Join(dir, ".listlint.yml"), []byte("links:\n  exclude: ['/gone$']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run([]string{"links", list}, &out, &errOut); code != exitClean {
		t.Errorf("links with links.exclude exit %d:\n%s%s", code, out.String(), errOut.String())
	}

	for _, args := range [][]string{{"links", "--diff"}, {"links", "--max-per-host", "0"}, {"links", "--exclude", "("}, {"links", "--fix", "-"}} {
		if code := run(args, &out, &errOut); code != exitError {
			t.Errorf("%v: exit %d, want %d", args, code, exitError)
		}
	}
}
