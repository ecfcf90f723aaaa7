package lint

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestURLKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"https://example.com/", "example.com"},
		{"http://www.Example.COM/Path/", "example.com/Path"},
		{"HTTPS://example.com/a", "example.com/a"},
		{"//example.com/a", "example.com/a"},
		{"www.example.com/a", "example.com/a"},
		{"https://example.com/a#section", "example.com/a"},
		{"https://example.com/a/#section", "example.com/a"},
		{"https://example.com/a?utm_source=x&b=1&UTM_medium=y", "example.com/a?b=1"},
		{"https://example.com/a?utm_source=x", "example.com/a"},
		{"https://example.com/a/?b=1&c=2", "example.com/a?b=1&c=2"},
		{"https://example.com/a?", "example.com/a"},
		{"https://example.com:443/a", "example.com/a"},
		{"http://example.com:80/a", "example.com/a"},
		{"http://example.com:8080/a", "example.com:8080/a"},
		{"https://example.com./a", "example.com/a"},
		{"https://github.com/Owner/Repo.git", "github.com/owner/repo"},
		{"https://github.com/Owner/Repo/", "github.com/owner/repo"},
		{"https://www.github.com/Owner/Repo#readme", "github.com/owner/repo"},
		{"https://github.com/Owner/Repo/blob/main/README.md", "github.com/owner/repo/blob/main/README.md"},
		{"https://github.com/Owner", "github.com/owner"},
		{"https://gitlab.com/Group/Project", "gitlab.com/group/project"},
		{"https://example.com/Owner/Repo", "example.com/Owner/Repo"},
		{"https://example.com/x.git/", "example.com/x"},
		{"#anchor", ""},
		{"docs/Guide.md", "docs/Guide.md"},
		{"docs/Guide.md#part", "docs/Guide.md"},
		{"./Docs/", "./Docs"},
		{"mailto:Ann@Example.com", "mailto:Ann@Example.com"},
	} {
		if got := URLKey(tc.in); got != tc.want {
			t.Errorf("URLKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestURLKeyEqual lists spellings of one target that must compare equal,
// and near misses that must not.
func TestURLKeyEqual(t *testing.T) {
	same := [][]string{
		{"https://github.com/acme/mortar", "http://www.github.com/Acme/Mortar.git", "https://github.com/acme/mortar/#readme"},
		{"https://kuma.io/docs/?utm_source=list", "https://kuma.io/docs", "http://KUMA.io/docs/#what"},
	}
	for _, group := range same {
		for _, u := range group[1:] {
			if URLKey(u) != URLKey(group[0]) {
				t.Errorf("URLKey(%q) = %q, differs from URLKey(%q) = %q", u, URLKey(u), group[0], URLKey(group[0]))
			}
		}
	}
	differ := [][2]string{
		{"https://example.com/Docs", "https://example.com/docs"},
		{"https://github.com/acme/mortar", "https://github.com/acme/mortar/tree/dev"},
		{"https://example.com/a?page=1", "https://example.com/a?page=2"},
		{"https://a.example.com", "https://b.example.com"},
	}
	for _, p := range differ {
		if URLKey(p[0]) == URLKey(p[1]) {
			t.Errorf("URLKey(%q) == URLKey(%q) = %q", p[0], p[1], URLKey(p[0]))
		}
	}
}

// urlKeyRef is URLKey as it was before its fast path, kept as the
// reference the fast path must agree with.
func urlKeyRef(dest string) string {
	u := strings.TrimSpace(dest)
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	web := len(u) >= 4 && strings.EqualFold(u[:4], "www.")
	for _, scheme := range []string{"https://", "http://", "//"} {
		if len(u) >= len(scheme) && strings.EqualFold(u[:len(scheme)], scheme) {
			u = u[len(scheme):]
			web = true
			break
		}
	}
	if !web {
		return strings.TrimRight(u, "/")
	}
	query := ""
	if i := strings.IndexByte(u, '?'); i >= 0 {
		u, query = u[:i], u[i+1:]
	}
	hostEnd := strings.IndexByte(u, '/')
	if hostEnd < 0 {
		hostEnd = len(u)
	}
	if len(u) >= 4 && strings.EqualFold(u[:4], "www.") && hostEnd > 4 {
		u = u[4:]
		hostEnd -= 4
	}
	if h := u[:hostEnd]; strings.HasSuffix(h, ".") || strings.HasSuffix(h, ":80") || strings.HasSuffix(h, ":443") {
		h = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(h, ":443"), ":80"), ".")
		u = h + u[hostEnd:]
		hostEnd = len(h)
	}
	u = strings.TrimRight(u, "/")
	u = strings.TrimSuffix(u, ".git")
	u = strings.TrimRight(u, "/")
	host := u[:min(hostEnd, len(u))]
	lowerEnd := len(host)
	if strings.EqualFold(host, "github.com") || strings.EqualFold(host, "gitlab.com") {
		lowerEnd = refOwnerRepoEnd(u)
	}
	query = stripTracking(query)
	upper := false
	for i := range lowerEnd {
		if c := u[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			upper = true
		}
	}
	if query == "" && !upper {
		return u
	}
	var b strings.Builder
	b.WriteString(strings.ToLower(u[:lowerEnd]))
	b.WriteString(u[lowerEnd:])
	if query != "" {
		b.WriteByte('?')
		b.WriteString(query)
	}
	return b.String()
}

func refOwnerRepoEnd(u string) int {
	n := 0
	for i := 0; i < len(u); i++ {
		if u[i] == '/' {
			n++
			if n == 3 {
				return i
			}
		}
	}
	return len(u)
}

// urlVariants returns u and spellings of it that URLKey normalises, or
// must not: scheme, "www.", host case, ports, trailing "/", ".git",
// tracking and other queries, fragments, spaces.
func urlVariants(r *rand.Rand, u string) []string {
	out := []string{u}
	rest := u
	for _, s := range []string{"https://", "http://", "//"} {
		if len(rest) >= len(s) && strings.EqualFold(rest[:len(s)], s) {
			rest = rest[len(s):]
			break
		}
	}
	host, path, _ := strings.Cut(rest, "/")
	if path != "" || strings.Contains(rest, "/") {
		path = "/" + path
	}
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	for range 12 {
		h := host
		switch r.IntN(5) {
		case 0:
			h = strings.ToUpper(h)
		case 1:
			if h != "" {
				h = strings.ToUpper(h[:1]) + h[1:]
			}
		}
		p := path
		if r.IntN(4) == 0 {
			p = strings.ToUpper(p)
		}
		out = append(out, pick("https://", "http://", "HTTPS://", "Http://", "//", "", "hTTps://")+
			pick("", "", "www.", "WWW.", "Www.")+h+
			pick("", "", ":80", ":443", ":8080", ".")+p+
			pick("", "", "/", "//", ".git", ".git/", "/.git")+
			pick("", "", "?utm_source=x", "?a=1&utm_medium=y", "?a=1", "?", "?&a=1&", "?UTM_campaign=z&&b")+
			pick("", "", "#readme", "#", "/#x")+
			pick("", "", " ", "\t", "\u00a0"))
	}
	return out
}

// TestURLKeyRef compares URLKey with urlKeyRef on every destination of
// the real lists, on variants of each and on generated text.
func TestURLKeyRef(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 7))
	n := 0
	check := func(u string) {
		n++
		if got, want := URLKey(u), urlKeyRef(u); got != want {
			t.Errorf("URLKey(%q) = %q, want %q", u, got, want)
		}
	}
	for _, d := range corpusDocs(t) {
		for _, e := range d.Items {
			if e.IsEntry {
				for _, u := range urlVariants(r, e.Dest) {
					check(u)
				}
			}
		}
	}
	for _, u := range []string{
		"", " ", "https://", "http://", "//", "www.", "https:///x", "https://www./x", "wWw.x/A",
		"http\u017f://x", "https://\u212a.com/A", "https://g\u0131thub.com/A/B", "https://G\u0130THUB.com/A",
		" https://x ", "\u00a0https://x\u00a0", "https://x\u3000", "https://x/\xc5",
		"HTTPS://WWW.GITHUB.COM:443/A/B.git/?utm_source=x&C=1#f", "https://github.com", "https://github.com/",
	} {
		check(u)
	}
	for range 20000 {
		check(randomText(r, 1+r.IntN(8)))
		check("https://" + randomText(r, 1+r.IntN(8)))
	}
	t.Logf("%d destinations", n)
}

// TestURLKeyAllocs checks that the common keys are substrings of the
// destination.
func TestURLKeyAllocs(t *testing.T) {
	for _, u := range []string{
		"https://github.com/acme/mortar", "https://www.example.com/a/b/", "http://example.com/x.git",
		"https://example.com/Docs/Guide#part", "docs/Guide.md", "#anchor",
	} {
		if n := testing.AllocsPerRun(10, func() { URLKey(u) }); n != 0 {
			t.Errorf("URLKey(%q) allocates %v times", u, n)
		}
	}
}

// TestHasUpper compares the word-at-a-time test with a byte loop for
// every byte value at every position of strings of 1 to 24 bytes.
func TestHasUpper(t *testing.T) {
	for n := 1; n <= 24; n++ {
		s := []byte(strings.Repeat("a", n))
		for p := range n {
			for c := range 256 {
				s[p] = byte(c)
				want := false
				for _, c := range s {
					want = want || c >= 'A' && c <= 'Z' || c >= 0x80
				}
				if got := hasUpper(string(s)); got != want {
					t.Fatalf("hasUpper(%q) = %v, want %v", s, got, want)
				}
			}
			s[p] = '~'
		}
	}
}
