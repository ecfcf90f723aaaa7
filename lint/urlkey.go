package lint

import (
	"strings"
)

// URLKey normalises a link destination so that two spellings of the same
// target compare equal: the scheme, "www.", the host's case, a trailing
// "/", a "#fragment", utm_* query parameters and a ".git" suffix do not
// count, nor does the case of a GitHub owner and repository.
func URLKey(dest string) string {
	u := strings.TrimSpace(dest)
	if u == "" {
		return ""
	}
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	lower := strings.ToLower(u)
	for _, scheme := range []string{"https://", "http://", "//"} {
		if strings.HasPrefix(lower, scheme) {
			u = u[len(scheme):]
			break
		}
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
