package lint

import (
	"strings"
	"unicode/utf8"
)

// URLKey normalises a link destination so that two spellings of the same
// target compare equal: the scheme, "www.", the host's case, a default
// port, a trailing "/", a "#fragment", utm_* query parameters and a ".git"
// suffix do not count, nor does the case of a GitHub or GitLab owner and
// repository. A relative destination keeps its case: only its fragment and
// trailing "/" are dropped. The common case returns a substring of dest
// without allocating.
func URLKey(dest string) string {
	u := dest
	if n := len(u); n > 0 && (notGraphic(u[0]) || notGraphic(u[n-1])) {
		u = strings.TrimSpace(u)
	}
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	web := true
	switch {
	case strings.HasPrefix(u, "https://") || hasFoldPrefix(u, "https://"):
		// The exact test first: it is one comparison.
		u = u[len("https://"):]
	case hasFoldPrefix(u, "http://"):
		u = u[len("http://"):]
	case strings.HasPrefix(u, "//"):
		u = u[len("//"):]
	default:
		web = hasFoldPrefix(u, "www.")
	}
	if !web {
		// A relative path ("docs/Guide.md") or another scheme
		// ("mailto:"): no host to normalise, and paths keep their case.
		return trimSlashes(u)
	}
	query := ""
	if i := strings.IndexByte(u, '?'); i >= 0 {
		u, query = u[:i], u[i+1:]
	}
	hostEnd := strings.IndexByte(u, '/')
	if hostEnd < 0 {
		hostEnd = len(u)
	}
	if hostEnd > 4 && hasFoldPrefix(u, "www.") {
		u = u[4:]
		hostEnd -= 4
	}
	if h := u[:hostEnd]; strings.HasSuffix(h, ".") || strings.HasSuffix(h, ":80") || strings.HasSuffix(h, ":443") {
		// "example.com.", "example.com:443": the same host.
		h = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(h, ":443"), ":80"), ".")
		u = h + u[hostEnd:]
		hostEnd = len(h)
	}
	u = trimSlashes(strings.TrimSuffix(trimSlashes(u), ".git"))
	host := u[:min(hostEnd, len(u))]
	lowerEnd := len(host)
	if len(host) == len("github.com") && (host == "github.com" || hasFoldPrefix(host, "github.com") || hasFoldPrefix(host, "gitlab.com")) {
		// Owner and repository are case-insensitive there; file paths
		// after them are not.
		lowerEnd = ownerRepoEnd(u)
	}
	query = stripTracking(query)
	if query == "" && !hasUpper(u[:lowerEnd]) {
		return u
	}
	var b strings.Builder
	b.Grow(len(u) + len(query) + 1)
	b.WriteString(strings.ToLower(u[:lowerEnd]))
	b.WriteString(u[lowerEnd:])
	if query != "" {
		b.WriteByte('?')
		b.WriteString(query)
	}
	return b.String()
}

// notGraphic reports whether c may belong to white space that
// strings.TrimSpace would trim: ASCII space and control bytes, and any
// byte of a non-ASCII rune.
func notGraphic(c byte) bool {
	return c <= ' ' || c >= utf8.RuneSelf
}

// hasFoldPrefix reports whether s starts with prefix, a lowercase ASCII
// string, ignoring the case of ASCII letters. This is strings.EqualFold
// on s[:len(prefix)]: a non-ASCII rune there leaves fewer runes than
// prefix has, so it never matches either way.
func hasFoldPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// trimSlashes drops the trailing "/"s of u.
func trimSlashes(u string) string {
	for len(u) > 0 && u[len(u)-1] == '/' {
		u = u[:len(u)-1]
	}
	return u
}

// ownerRepoEnd returns the end of "host/owner/repo" in u: its third "/",
// or the end of u.
func ownerRepoEnd(u string) int {
	i := 0
	for range 3 {
		j := strings.IndexByte(u[i:], '/')
		if j < 0 {
			return len(u)
		}
		i += j + 1
	}
	return i - 1
}

// stripTracking drops utm_* parameters (and empty ones) from a query.
func stripTracking(query string) string {
	if query == "" {
		return ""
	}
	if !strings.Contains(strings.ToLower(query), "utm_") && !strings.Contains(query, "&&") &&
		!strings.HasPrefix(query, "&") && !strings.HasSuffix(query, "&") {
		return query
	}
	var b strings.Builder
	for p := range strings.SplitSeq(query, "&") {
		if p == "" || (len(p) >= 4 && strings.EqualFold(p[:4], "utm_")) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p)
	}
	return b.String()
}

// hasUpper reports whether s holds an ASCII uppercase letter or a
// non-ASCII byte, eight bytes at a time, the last word overlapping.
func hasUpper(s string) bool {
	if len(s) < 8 {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
				return true
			}
		}
		return false
	}
	for i := 0; i+8 <= len(s); i += 8 {
		if upperWord(s[i:]) {
			return true
		}
	}
	return upperWord(s[len(s)-8:])
}

// upperWord is hasUpper for the first eight bytes of s.
func upperWord(s string) bool {
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	// Per byte of the low seven bits, no carry between bytes: the top bit
	// of x7+0x80-'A' is set from 'A' up, of x7+0x80-'Z'-1 above 'Z'.
	x7 := x &^ highs
	return ((x7+ones*(0x80-'A'))&^(x7+ones*(0x80-'Z'-1))|x)&highs != 0
}
