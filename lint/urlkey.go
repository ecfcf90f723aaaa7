package lint

import (
	"strings"
)

// URLKey normalises a link destination so that two spellings of the same
// target compare equal: the scheme, "www.", the host's case, a default
// port, a trailing "/", a "#fragment", utm_* query parameters and a ".git"
// suffix do not count, nor does the case of a GitHub or GitLab owner and
// repository. A relative destination keeps its case: only its fragment and
// trailing "/" are dropped. The common case returns a substring of dest
// without allocating.
func URLKey(dest string) string {
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
		// A relative path ("docs/Guide.md") or another scheme
		// ("mailto:"): no host to normalise, and paths keep their case.
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
		// "example.com.", "example.com:443": the same host.
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

// ownerRepoEnd returns the end of "host/owner/repo" in u.
func ownerRepoEnd(u string) int {
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

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}
