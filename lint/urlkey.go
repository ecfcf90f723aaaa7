package lint

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// URLKey normalises a link destination so that two spellings of the same
// target compare equal. These do not count: the scheme, "www.", the case of
// the host, an IDN host against its punycode, a trailing "." of the host,
// the default port of the scheme (:80 for http, :443 for https), a
// trailing "/", a ".git" suffix, percent-escapes that do not change the
// meaning ("%7E" and "~", see normalEscapes) and the hex case of those
// that do ("%2f" and "%2F", but not "/"), empty and tracking query
// parameters (see trackingParam), a "#fragment" other than a route, and
// the case of a GitHub or GitLab owner and repository. The query keeps its
// order, and a route fragment ("#/page", "#!page") stays: a single-page
// site shows a different page for each. A relative destination keeps its
// case: only its fragment and trailing "/" are dropped.
//
// A plain URL (no query, escape, port, user or IDN host: 98% of the
// corpus) takes a fast path that returns a substring of dest
// without allocating; the others are parsed with net/url and idna.
func URLKey(dest string) string {
	u := dest
	if n := len(u); n > 0 && (notGraphic(u[0]) || notGraphic(u[n-1])) {
		u = strings.TrimSpace(u)
	}
	frag := ""
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u, frag = u[:i], u[i+1:]
	}
	scheme := ""
	switch {
	case strings.HasPrefix(u, "https://") || hasFoldPrefix(u, "https://"):
		// The exact test first: it is one comparison.
		u, scheme = u[len("https://"):], "https"
	case hasFoldPrefix(u, "http://"):
		u, scheme = u[len("http://"):], "http"
	case strings.HasPrefix(u, "//"):
		u = u[len("//"):]
	case !hasFoldPrefix(u, "www."):
		// A relative path ("docs/Guide.md") or another scheme
		// ("mailto:"): no host to normalise, and paths keep their case.
		return trimSlashes(u)
	}
	hostEnd := strings.IndexByte(u, '/')
	if hostEnd < 0 {
		hostEnd = len(u)
	}
	if isRoute(frag) || !plainURL(u, hostEnd) {
		if key, ok := parsedURLKey(scheme, u, frag); ok {
			return key
		}
	}
	return plainURLKey(u, hostEnd)
}

// plainURLKey is URLKey of u, a URL without its scheme and fragment whose
// host ends at hostEnd, that plainURL accepts.
func plainURLKey(u string, hostEnd int) string {
	if hostEnd > 4 && hasFoldPrefix(u, "www.") {
		u = u[4:]
		hostEnd -= 4
	}
	if hostEnd > 0 && u[hostEnd-1] == '.' {
		// "example.com.": the same host.
		u = u[:hostEnd-1] + u[hostEnd:]
		hostEnd--
	}
	u = trimSlashes(strings.TrimSuffix(trimSlashes(u), ".git"))
	lowerEnd := min(hostEnd, len(u))
	if lowerEnd == len("github.com") && (hasFoldPrefix(u, "github.com") || hasFoldPrefix(u, "gitlab.com")) {
		// Owner and repository are case-insensitive there; file paths
		// after them are not.
		lowerEnd = ownerRepoEnd(u)
	}
	if !hasUpper(u[:lowerEnd]) {
		return u
	}
	return strings.ToLower(u[:lowerEnd]) + u[lowerEnd:]
}

// plainURL reports whether u, a URL without its scheme and fragment whose
// host ends at hostEnd, can take URLKey's fast path, whose key must equal
// parsedURLKey's: no query or escape, and a host without port, user or
// byte outside ASCII. It tests eight bytes at a time, the last word
// overlapping, and looks at the host alone only when a word holds ":",
// "@" or a byte outside ASCII.
func plainURL(u string, hostEnd int) bool {
	var odd, hostOdd uint64
	if len(u) < 8 {
		for i := 0; i < len(u); i++ {
			switch c := u[i]; {
			case c == '%' || c == '?':
				return false
			case c == ':' || c == '@' || c >= utf8.RuneSelf:
				hostOdd = highs
			}
		}
	} else {
		for i := 0; i < len(u); i += 8 {
			x := le64(u[min(i, len(u)-8):])
			// A byte of x equal to c is zero in x^(ones*c); in v-ones
			// the lowest zero byte of v borrows and sets its top bit.
			pct, query, colon, at := x^(ones*'%'), x^(ones*'?'), x^(ones*':'), x^(ones*'@')
			odd |= (pct-ones)&^pct | (query-ones)&^query
			hostOdd |= (colon-ones)&^colon | (at-ones)&^at | x
		}
	}
	if odd&highs != 0 {
		return false
	}
	if hostOdd&highs == 0 {
		return true
	}
	// "medium.com/@ann" and "example.cn/文档" are fine.
	for i := 0; i < hostEnd; i++ {
		if c := u[i]; c == ':' || c == '@' || c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// le64 reads the first eight bytes of s as a little-endian word.
func le64(s string) uint64 {
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// isRoute reports whether a fragment is the route of a single-page site
// ("#/article/7", "#!/item"): a page of its own, not a place in one.
func isRoute(frag string) bool {
	return frag != "" && (frag[0] == '/' || frag[0] == '!')
}

// parsedURLKey is URLKey's slow path, on a URL without its scheme
// (scheme is "http", "https" or "" when there was none) and fragment.
// ok is false when net/url rejects the URL.
func parsedURLKey(scheme, rest, frag string) (key string, ok bool) {
	// A scheme of its own, so that "///x" has an empty host.
	u, err := url.Parse("http://" + rest)
	if err != nil {
		return "", false
	}
	host := u.Host
	port := u.Port()
	if port != "" {
		host = host[:len(host)-len(port)-1]
		if scheme == "http" && port == "80" || scheme == "https" && port == "443" {
			port = ""
		} else {
			port = ":" + port
		}
	}
	// An empty port is the default one (RFC 3986 §3.2.3).
	host = strings.TrimSuffix(host, ":")
	if hasNonASCII(host) {
		if h, err := idna.Lookup.ToASCII(host); err == nil {
			host = h
		}
	}
	host = strings.ToLower(host)
	if len(host) > 4 && strings.HasPrefix(host, "www.") {
		host = host[4:]
	}
	host = strings.TrimSuffix(host, ".") + port
	if u.User != nil {
		host = u.User.String() + "@" + host
	}
	// The path as written: EscapedPath would re-escape a path with a raw
	// "|" from its decoded form, turning "%2F" into "/".
	path := u.RawPath
	if path == "" {
		path = u.EscapedPath()
	}
	s := trimSlashes(strings.TrimSuffix(trimSlashes(host+normalEscapes(path)), ".git"))
	if host == "github.com" || host == "gitlab.com" {
		end := ownerRepoEnd(s)
		s = strings.ToLower(s[:end]) + s[end:]
	}
	var b strings.Builder
	b.WriteString(s)
	sep := byte('?')
	for p := range strings.SplitSeq(u.RawQuery, "&") {
		p = normalEscapes(p)
		name, _, _ := strings.Cut(p, "=")
		if p == "" || trackingParam(name, host) {
			continue
		}
		b.WriteByte(sep)
		b.WriteString(p)
		sep = '&'
	}
	if isRoute(frag) {
		if r := trimSlashes(normalEscapes(frag)); r != "" && r != "!" {
			b.WriteByte('#')
			b.WriteString(r)
		}
	}
	return b.String(), true
}

// trackingParam reports whether a query parameter only tells the target
// where the reader came from, so that dropping it shows the same page:
// utm_*, the click ids of ad and social networks, Mailchimp's and
// HubSpot's ids, Twitter's ref_src and ref_url, and ref, except on code
// forges, where "?ref=main" picks a branch. Names that select content on
// some sites (source, from, share, si, spm) are kept.
func trackingParam(name, host string) bool {
	if len(name) >= 4 && strings.EqualFold(name[:4], "utm_") {
		return true
	}
	for _, t := range [...]string{
		"fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
		"mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url",
	} {
		if strings.EqualFold(name, t) {
			return true
		}
	}
	return strings.EqualFold(name, "ref") && !forgeHost(host)
}

// forgeHost reports whether host serves git repositories, where a "ref"
// parameter names a branch or tag: a known forge or a subdomain of one,
// or a host whose first label starts with "git" (git.example.org,
// gitlab.example.com, gitea.example.net).
func forgeHost(host string) bool {
	if strings.HasPrefix(host, "git") {
		return true
	}
	for _, f := range [...]string{"github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com", "sr.ht"} {
		if host == f || strings.HasSuffix(host, "."+f) {
			return true
		}
	}
	return false
}

// normalEscapes gives each byte of a URL part one spelling: escapes of
// characters other than the reserved ones are decoded, since both
// spellings fetch the same page (RFC 3986 §2.3 for unreserved characters:
// "%7E" is "~"; RFC 3987 §3.1 for UTF-8: "%C3%A9" is "é"), and the
// escapes of reserved characters, whose meaning the escape changes, get
// uppercase hex ("%2f" is "%2F", not "/"). Invalid escapes stay as they
// are.
func normalEscapes(s string) string {
	i := strings.IndexByte(s, '%')
	if i < 0 {
		return s
	}
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		c := s[i]
		if c != '%' || i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			b = append(b, c)
			continue
		}
		if d := unhex(s[i+1])<<4 | unhex(s[i+2]); strings.IndexByte(keptEscaped, d) < 0 {
			b = append(b, d)
		} else {
			b = append(b, '%', hex[d>>4], hex[d&15])
		}
		i += 2
	}
	return string(b)
}

// keptEscaped are the characters whose escapes mean something else than
// the character: the reserved ones (RFC 3986 §2.2) and "%".
const keptEscaped = ":/?#[]@!$&'()*+,;=%"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f'
}

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return (c | 0x20) - 'a' + 10
}

// hasNonASCII reports whether s holds a byte outside ASCII.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
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
	x := le64(s)
	// Per byte of the low seven bits, no carry between bytes: the top bit
	// of x7+0x80-'A' is set from 'A' up, of x7+0x80-'Z'-1 above 'Z'.
	x7 := x &^ highs
	return ((x7+ones*(0x80-'A'))&^(x7+ones*(0x80-'Z'-1))|x)&highs != 0
}
