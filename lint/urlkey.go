package lint

import (
	"strings"
)

// URLKey normalises a link destination so that two spellings of the same
// target compare equal: the scheme, "www.", the host's case, a default
// port, a trailing "/", a "#fragment", utm_* query parameters and a ".git"
// suffix do not count, nor does the case of a GitHub or GitLab owner and
// repository. A relative destination keeps its case: only its fragment and
// trailing "/" are dropped.
func URLKey(dest string) string {
	u := strings.TrimSpace(dest)
	if u == "" {
		return ""
	}
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	lower := strings.ToLower(u)
	web := strings.HasPrefix(lower, "www.")
	for _, scheme := range []string{"https://", "http://", "//"} {
		if strings.HasPrefix(lower, scheme) {
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
	host, path := u, ""
	if i := strings.IndexByte(u, '/'); i >= 0 {
		host, path = u[:i], u[i:]
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	host = strings.TrimSuffix(host, ".")
	if h, port, ok := strings.Cut(host, ":"); ok && (port == "80" || port == "443") {
		host = h
	}
	path = strings.TrimRight(path, "/")
	path = strings.TrimSuffix(path, ".git")
	if host == "github.com" || host == "gitlab.com" {
		path = lowerOwnerRepo(path)
	}
	var b strings.Builder
	b.Grow(len(host) + len(path) + len(query) + 1)
	b.WriteString(host)
	b.WriteString(path)
	sep := byte('?')
	for _, p := range strings.Split(query, "&") {
		if p == "" || strings.HasPrefix(strings.ToLower(p), "utm_") {
			continue
		}
		b.WriteByte(sep)
		b.WriteString(p)
		sep = '&'
	}
	return b.String()
}

// lowerOwnerRepo lowercases the "/owner/repo" head of a forge path; what
// follows (file paths) is case-sensitive.
func lowerOwnerRepo(path string) string {
	n, end := 0, len(path)
	for i := 0; i < len(path); i++ {
		if path[i] == '/' {
			n++
			if n == 3 {
				end = i
				break
			}
		}
	}
	return strings.ToLower(path[:end]) + path[end:]
}
