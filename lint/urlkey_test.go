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
		{"http://example.com:443/a", "example.com:443/a"},
		{"https://example.com:80/a", "example.com:80/a"},
		{"//example.com:443/a", "example.com:443/a"},
		{"https://example.com:/a", "example.com/a"},
		{"https://example.com./a", "example.com/a"},
		{"https://example.com/%7Eann/%7enotes", "example.com/~ann/~notes"},
		{"https://example.com/%41%2d%5F%2E", "example.com/A-_."},
		{"https://example.com/a%2fb%3F", "example.com/a%2Fb%3F"},
		{"https://example.com/caf%c3%a9", "example.com/café"},
		{"https://example.com/café", "example.com/café"},
		{"https://example.com/a%zz", "example.com/a%zz"},
		{"https://example.com/a%7Bb%7c%20c", "example.com/a{b| c"},
		{"https://example.com/a%2Fb|c", "example.com/a%2Fb|c"},
		{"https://example.com/a b", "example.com/a b"},
		{"https://bücher.example/Katalog", "xn--bcher-kva.example/Katalog"},
		{"https://WWW.BÜCHER.example./", "xn--bcher-kva.example"},
		{"https://XN--BCHER-KVA.example", "xn--bcher-kva.example"},
		{"https://example.com/a?ref=list&page=2&fbclid=x&GCLID=y&mc_cid=1&mc_eid=2", "example.com/a?page=2"},
		{"https://example.com/a?ref_src=twsrc&igshid=1&source=rss&from=feed", "example.com/a?source=rss&from=feed"},
		{"https://example.com/a?b=2&a=1", "example.com/a?b=2&a=1"},
		{"https://example.com/a?q=caf%c3%a9&x=%7E", "example.com/a?q=café&x=~"},
		{"https://gitlab.com/Group/Project/-/raw/main/f?ref=dev", "gitlab.com/group/project/-/raw/main/f?ref=dev"},
		{"https://git.example.org/a/b?ref=dev", "git.example.org/a/b?ref=dev"},
		{"https://example.com/#/article/7", "example.com#/article/7"},
		{"https://example.com/#!/item/", "example.com#!/item"},
		{"https://example.com/app#/", "example.com/app"},
		{"https://ann@example.com/x", "ann@example.com/x"},
		{"https://medium.com/@ann/post-1#.x1y2", "medium.com/@ann/post-1"},
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
		{"https://example.org/~ann/notes", "https://example.org/%7Eann/notes", "https://example.org/%7eann/notes/"},
		{"https://bücher.example/katalog", "https://xn--bcher-kva.example/katalog", "http://www.Bücher.example:80/katalog"},
		{
			"https://example.com/a?page=2", "https://example.com/a?page=2&ref=list",
			"https://example.com:443/a?fbclid=x&page=2&gclid=y", "https://example.com/a?utm_source=x&page=2",
		},
		{"https://example.com/a%2Fb", "https://example.com/a%2fb"},
		{"https://example.com/#/article/1", "https://example.com/#/article/1/"},
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
		{"https://example.com/a%2Fb", "https://example.com/a/b"},
		{"http://example.com:443/a", "https://example.com/a"},
		{"https://example.com:8443/a", "https://example.com/a"},
		{"https://example.com/a?x=1&y=2", "https://example.com/a?y=2&x=1"},
		{"https://example.com/a?source=x", "https://example.com/a"},
		{"https://gitlab.com/g/p/-/raw/f?ref=main", "https://gitlab.com/g/p/-/raw/f?ref=dev"},
		{"https://github.com/acme/mortar/tree/master/x", "https://github.com/acme/mortar/tree/master/y"},
		{"https://github.com/acme/mortar/blob/main/Docs.md", "https://github.com/acme/mortar/blob/main/docs.md"},
		{"https://example.com/#/article/1", "https://example.com/#/article/2"},
		{"https://example.com/#/article/1", "https://example.com/"},
	}
	for _, p := range differ {
		if URLKey(p[0]) == URLKey(p[1]) {
			t.Errorf("URLKey(%q) == URLKey(%q) = %q", p[0], p[1], URLKey(p[0]))
		}
	}
}

// urlKeyNetURL is URLKey with every web URL taken through net/url, the
// reference its fast path must agree with. ok is false where net/url
// rejects the URL.
func urlKeyNetURL(dest string) (key string, ok bool) {
	u, frag, _ := strings.Cut(strings.TrimSpace(dest), "#")
	scheme := ""
	switch {
	case hasFoldPrefix(u, "https://"):
		u, scheme = u[len("https://"):], "https"
	case hasFoldPrefix(u, "http://"):
		u, scheme = u[len("http://"):], "http"
	case strings.HasPrefix(u, "//"):
		u = u[len("//"):]
	case !hasFoldPrefix(u, "www."):
		return trimSlashes(u), true
	}
	return parsedURLKey(scheme, u, frag)
}

// urlVariants returns u and spellings of it that URLKey normalises, or
// must not: scheme, "www.", host case, IDN hosts, ports, escapes,
// trailing "/", ".git", tracking and other queries, fragments, spaces.
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
		switch r.IntN(6) {
		case 2:
			h = strings.Replace(h, "e", "é", 1)
		case 0:
			h = strings.ToUpper(h)
		case 1:
			if h != "" {
				h = strings.ToUpper(h[:1]) + h[1:]
			}
		}
		p := path
		switch r.IntN(6) {
		case 0:
			p = strings.ToUpper(p)
		case 1:
			p = strings.ReplaceAll(p, "-", "%2d")
		case 2:
			p = strings.Replace(p, "e", "é", 1)
		}
		out = append(out, pick("https://", "http://", "HTTPS://", "Http://", "//", "", "hTTps://")+
			pick("", "", "www.", "WWW.", "Www.")+h+
			pick("", "", ":80", ":443", ":8080", ".")+p+
			pick("", "", "/", "//", ".git", ".git/", "/.git")+
			pick("", "", "?utm_source=x", "?a=1&utm_medium=y", "?a=1", "?", "?&a=1&", "?UTM_campaign=z&&b", "?ref=x&b=%7e")+
			pick("", "", "#readme", "#", "/#x", "#/route/", "#!x")+
			pick("", "", " ", "\t", "\u00a0"))
	}
	return out
}

// TestURLKeyRef compares URLKey with urlKeyNetURL on every destination of
// the real lists, on variants of each and on generated text.
func TestURLKeyRef(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 7))
	n := 0
	check := func(u string) {
		want, ok := urlKeyNetURL(u)
		if !ok {
			return
		}
		n++
		if got := URLKey(u); got != want {
			t.Errorf("URLKey(%q) = %q, want %q", u, got, want)
		}
	}
	for _, d := range corpusDocs(t) {
		for _, e := range d.Items {
			if e.IsEntry() {
				for _, u := range urlVariants(r, e.Dest()) {
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

// TestPlainURL compares the word-at-a-time test with a byte loop for
// every byte value at every position of strings of 1 to 20 bytes, with
// the host ending at the third byte.
func TestPlainURL(t *testing.T) {
	ref := func(u string) bool {
		host, path, _ := strings.Cut(u, "/")
		for i := 0; i < len(host); i++ {
			if c := host[i]; c >= 0x80 || strings.IndexByte(":@%?", c) >= 0 {
				return false
			}
		}
		return !strings.ContainsAny(path, "%?")
	}
	for n := 1; n <= 20; n++ {
		s := []byte("ab/cdefghijklmnopqrstu"[:n])
		for p := range n {
			orig := s[p]
			for c := range 256 {
				s[p] = byte(c)
				u := string(s)
				hostEnd := strings.IndexByte(u, '/')
				if hostEnd < 0 {
					hostEnd = len(u)
				}
				if got, want := plainURL(u, hostEnd), ref(u); got != want {
					t.Fatalf("plainURL(%q) = %v, want %v", s, got, want)
				}
			}
			s[p] = orig
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
