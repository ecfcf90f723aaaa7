package links

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeNet routes every host name to one local server; names under
// .invalid do not resolve and refused.test refuses connections.
type fakeNet struct {
	addr    string
	refused string // address of a closed port
}

func (n *fakeNet) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	switch {
	case net.ParseIP(host) != nil: // a test server's own address
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	case strings.HasSuffix(host, ".invalid"):
		return nil, &net.OpError{Op: "dial", Net: network, Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
	case host == "refused.test":
		return (&net.Dialer{}).DialContext(ctx, network, n.refused)
	}
	return (&net.Dialer{}).DialContext(ctx, network, n.addr)
}

// closedPort returns the address of a port nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

// testChecker returns a checker whose connections all go to srv, with
// short timeouts and backoffs.
func testChecker(t *testing.T, srv *httptest.Server, opts Options) *Checker {
	t.Helper()
	n := &fakeNet{addr: srv.Listener.Addr().String(), refused: closedPort(t)}
	opts.DialContext = n.dial
	if srv.TLS != nil {
		pool := x509.NewCertPool()
		pool.AddCert(srv.Certificate())
		opts.RootCAs = pool
	}
	if opts.Timeout == 0 {
		opts.Timeout = 5 * time.Second // generous: a loaded machine under -race is slow
	}
	if opts.Backoff == 0 {
		opts.Backoff = 5 * time.Millisecond
	}
	return NewChecker(opts)
}

// hijackClose closes the connection without an answer.
func hijackClose(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		_ = conn.Close()
	}
}

// statusServer answers by path: /status/N answers N, /redirect/N/PATH
// redirects with N to /PATH, and a few paths misbehave.
func statusServer(t *testing.T, tlsServer bool) (*httptest.Server, *sync.Map) {
	t.Helper()
	var hits sync.Map // path -> *atomic.Int64
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := hits.LoadOrStore(r.Host+r.URL.Path+" "+r.Method, new(atomic.Int64))
		n.(*atomic.Int64).Add(1)
		parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
		switch parts[0] {
		case "status":
			code, _ := strconv.Atoi(parts[1])
			w.WriteHeader(code)
		case "redirect":
			code, _ := strconv.Atoi(parts[1])
			http.Redirect(w, r, "/"+strings.Join(parts[2:], "/"), code)
		case "cookie":
			if _, err := r.Cookie("seen"); err != nil {
				http.SetCookie(w, &http.Cookie{Name: "seen", Value: "1", Path: "/"})
				http.Redirect(w, r, "/cookie", http.StatusFound)
			}
		case "loop":
			http.Redirect(w, r, "/loop", http.StatusMovedPermanently)
		case "downgrade":
			http.Redirect(w, r, "http://"+r.Host+"/status/200", http.StatusMovedPermanently)
		case "login":
			http.Redirect(w, r, "https://accounts.example.com/login?next=x", http.StatusMovedPermanently)
		case "no-head":
			if r.Method == http.MethodHead {
				w.WriteHeader(http.StatusMethodNotAllowed)
				return
			}
			_, _ = w.Write([]byte(strings.Repeat("x", 1<<20)))
		case "head-closes":
			if r.Method == http.MethodHead {
				hijackClose(w)
				return
			}
			w.WriteHeader(http.StatusOK)
		case "closes":
			hijackClose(w)
		case "slow":
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
		default:
			w.WriteHeader(http.StatusOK)
		}
	})
	srv := httptest.NewUnstartedServer(h)
	// Handshakes the tests make fail on purpose are no news.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	if tlsServer {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestCheckStatuses(t *testing.T) {
	t.Parallel()
	srv, hits := statusServer(t, false)
	// Links of one host in a row fail here on purpose: no giving up.
	c := testChecker(t, srv, Options{Retries: 1, HostFailures: 100})
	cases := []struct {
		url    string
		status Status
		reason string
		target string
	}{
		{"http://a.test/status/200", OK, "", ""},
		{"http://a.test/status/204", OK, "", ""},
		{"http://a.test/status/404", Dead, "^404 Not Found$", ""},
		{"http://a.test/status/410", Dead, "^410 Gone$", ""},
		{"http://a.test/status/500", Dead, "^500 Internal Server Error after 2 attempts$", ""},
		{"http://a.test/status/502", Dead, "^502 Bad Gateway after 2 attempts$", ""},
		{"http://a.test/status/403", Unchecked, "^403 Forbidden, which servers", ""},
		{"http://a.test/status/401", Unchecked, "^401 Unauthorized", ""},
		{"http://a.test/status/429", Unchecked, "^rate limited \\(429 Too Many Requests after 2 attempts\\)$", ""},
		{"http://a.test/no-head", OK, "", ""},
		{"http://a.test/head-closes", OK, "", ""},
		{"http://a.test/redirect/301/status/200", Moved, "", "http://a.test/status/200"},
		{"http://a.test/redirect/308/status/200#usage", Moved, "", "http://a.test/status/200#usage"},
		{"http://a.test/redirect/302/status/200", OK, "", ""},
		{"http://a.test/redirect/303/status/200", OK, "", ""},
		{"http://a.test/redirect/307/status/200", OK, "", ""},
		// The chain: permanent, permanent, then temporary: the fix goes
		// to the end of the permanent part.
		{"http://a.test/redirect/301/redirect/308/redirect/302/status/200", Moved, "", "http://a.test/redirect/302/status/200"},
		{"http://a.test/redirect/301/status/404", Dead, "^redirects to http://a.test/status/404, which is dead: 404 Not Found$", ""},
		{"http://a.test/loop", Dead, "^redirect loop$", ""},
		{"http://a.test/cookie", OK, "", ""},
		{"http://a.test/redirect/301/redirect/301/redirect/301/redirect/301/redirect/301/redirect/301/redirect/301/redirect/301/redirect/301/redirect/301/redirect/301/status/200", Dead, "more than 10 redirects", ""},
		{"http://a.test/login", OK, "", ""},
		{"http://gone.invalid/x", Dead, "^DNS lookup failed: no such host$", ""},
		{"http://refused.test/x", Dead, "^connection refused$", ""},
	}
	var urls []string
	for _, tc := range cases {
		urls = append(urls, tc.url)
	}
	got := c.Check(context.Background(), urls)
	for _, tc := range cases {
		r := got[tc.url]
		if r.Status != tc.status || !matches(t, tc.reason, r.Reason) || r.Target != tc.target {
			t.Errorf("%s: got %v %q target %q, want %v %q target %q", tc.url, r.Status, r.Reason, r.Target, tc.status, tc.reason, tc.target)
		}
	}
	if n := count(hits, "a.test/status/410 GET"); n != 1 {
		t.Errorf("410: %d GET requests, want 1 (HEAD answered 410, one GET to be sure)", n)
	}
}

func matches(t *testing.T, pattern, s string) bool {
	t.Helper()
	if pattern == "" {
		return s == ""
	}
	return regexpMatch(t, pattern, s)
}

func count(hits *sync.Map, key string) int64 {
	n, ok := hits.Load(key)
	if !ok {
		return 0
	}
	return n.(*atomic.Int64).Load()
}

func TestCheckTLS(t *testing.T) {
	t.Parallel()
	srv, _ := statusServer(t, true)
	// Handshakes are slow under the race detector on a busy machine.
	c := testChecker(t, srv, Options{Retries: -1, Timeout: 10 * time.Second})
	urls := []string{
		"https://example.com/status/200",
		"https://other.test/status/200", // the certificate does not name it
	}
	got := c.Check(context.Background(), urls)
	if r := got[urls[0]]; r.Status != OK {
		t.Errorf("tls: %+v, want ok", r)
	}
	if r := got[urls[1]]; r.Status != Dead || !strings.HasPrefix(r.Reason, "TLS error: ") {
		t.Errorf("bad certificate: %+v, want dead with a TLS error", r)
	}
}

func TestCheckDowngrade(t *testing.T) {
	t.Parallel()
	// An http server seen as https: the transport is told the scheme by
	// the URL, so serve TLS and plain text from two servers on one name.
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }))
	t.Cleanup(plain.Close)
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://example.com/new", http.StatusMovedPermanently)
	}))
	t.Cleanup(secure.Close)
	pool := x509.NewCertPool()
	pool.AddCert(secure.Certificate())
	c := NewChecker(Options{
		Timeout: 10 * time.Second, RootCAs: pool,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			to := plain.Listener.Addr().String()
			if strings.HasSuffix(addr, ":443") {
				to = secure.Listener.Addr().String()
			}
			return (&net.Dialer{}).DialContext(ctx, network, to)
		},
	})
	u := "https://example.com/old"
	r := c.Check(context.Background(), []string{u})[u]
	if r.Status != Moved || r.Target != "http://example.com/new" || r.NoFix != "it goes from https to http" {
		t.Errorf("got %+v, want moved without a fix", r)
	}
}

func TestCheckTimeout(t *testing.T) {
	t.Parallel()
	srv, _ := statusServer(t, false)
	c := testChecker(t, srv, Options{Timeout: 50 * time.Millisecond, Retries: 1})
	urls := []string{"http://answers.test/status/200", "http://answers.test/slow", "http://silent.test/slow", "http://cuts.test/closes"}
	start := time.Now()
	got := c.Check(context.Background(), urls)
	if r := got[urls[1]]; r.Status != Unchecked || r.Reason != "timeout after 2 attempts" {
		t.Errorf("slow page of a host that answers: %+v, want unchecked", r)
	}
	if r := got[urls[2]]; r.Status != Dead || r.Reason != "timeout after 2 attempts" {
		t.Errorf("host that never answers: %+v, want dead by timeout", r)
	}
	if r := got[urls[3]]; r.Status != Dead || r.Reason != "connection closed after 2 attempts" {
		t.Errorf("host that cuts connections: %+v, want dead", r)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v: timeouts not applied", d)
	}
}

func TestCheckRetryAfter(t *testing.T) {
	t.Parallel()
	var calls sync.Map
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := calls.LoadOrStore(r.URL.Path, new(atomic.Int64))
		if n.(*atomic.Int64).Add(1) > 1 {
			w.WriteHeader(http.StatusOK)
			return
		}
		switch r.URL.Path {
		case "/seconds":
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/date":
			w.Header().Set("Retry-After", time.Now().Add(time.Second).UTC().Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/far":
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	t.Cleanup(srv.Close)
	c := testChecker(t, srv, Options{MaxRetryWait: 2 * time.Second})
	urls := []string{"http://s.test/seconds", "http://d.test/date", "http://f.test/far"}
	start := time.Now()
	got := c.Check(context.Background(), urls)
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("took %v: Retry-After not waited", d)
	}
	for _, u := range urls[:2] {
		if r := got[u]; r.Status != OK {
			t.Errorf("%s: %+v, want ok after waiting", u, r)
		}
	}
	if r := got[urls[2]]; r.Status != Unchecked || !strings.Contains(r.Reason, "beyond --max-retry-wait 2s") {
		t.Errorf("far Retry-After: %+v, want unchecked", r)
	}
}

// TestCheckConcurrency has the server count open requests per host.
func TestCheckConcurrency(t *testing.T) {
	t.Parallel()
	var (
		mu             sync.Mutex
		open, most     = map[string]int{}, map[string]int{}
		total, mostAll int
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		open[r.Host]++
		total++
		most[r.Host] = max(most[r.Host], open[r.Host])
		mostAll = max(mostAll, total)
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		open[r.Host]--
		total--
		mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	c := testChecker(t, srv, Options{MaxPerHost: 3, MaxConcurrency: 8})
	var urls []string
	for i := range 120 {
		urls = append(urls, fmt.Sprintf("http://h%d.test/page/%d", i%4, i))
		urls = append(urls, fmt.Sprintf("http://h%d.test/page/%d#again", i%4, i)) // the same page
	}
	got := c.Check(context.Background(), urls)
	for _, u := range urls {
		if got[u].Status != OK {
			t.Fatalf("%s: %+v", u, got[u])
		}
	}
	for h, n := range most {
		if n > 3 {
			t.Errorf("%s: %d requests at once, want at most 3", h, n)
		}
	}
	if mostAll > 8 || mostAll <= 3 {
		t.Errorf("%d requests at once over all hosts, want more than one host's 3 and at most 8", mostAll)
	}
}

// TestCheckHostGivenUp: a host that keeps failing gets no more requests,
// and its remaining links are unchecked, not dead.
func TestCheckHostGivenUp(t *testing.T) {
	t.Parallel()
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		n.Add(1)
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	t.Cleanup(srv.Close)
	c := testChecker(t, srv, Options{MaxPerHost: 1, Retries: 1, HostFailures: 2})
	var urls []string
	for i := range 10 {
		urls = append(urls, fmt.Sprintf("http://busy.test/%d", i))
	}
	got := c.Check(context.Background(), urls)
	given := 0
	for _, u := range urls {
		if r := got[u]; r.Status != Unchecked {
			t.Errorf("%s: %+v, want unchecked", u, r)
		} else if strings.HasPrefix(r.Reason, "not checked: busy.test failed 2 links in a row") {
			given++
		}
	}
	if given != 8 || n.Load() != 4 {
		t.Errorf("%d links given up after %d requests, want 8 after 4", given, n.Load())
	}
}

func TestCheckHeaders(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	seen := map[string]http.Header{}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.Host] = r.Header.Clone()
		mu.Unlock()
	}))
	cert, pool := testCert(t, "github.com", "www.example.com")
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	c := testChecker(t, srv, Options{UserAgent: "listlint/v9.9.9", GitHubToken: "s3cret"})
	c = NewChecker(Options{UserAgent: "listlint/v9.9.9", GitHubToken: "s3cret", RootCAs: pool, DialContext: c.opts.DialContext, Timeout: 10 * time.Second})
	c.Check(context.Background(), []string{"https://github.com/x/y", "https://www.example.com/"})
	if ua := seen["github.com"].Get("User-Agent"); ua != "listlint/v9.9.9" {
		t.Errorf("User-Agent %q", ua)
	}
	if a := seen["github.com"].Get("Authorization"); a != "Bearer s3cret" {
		t.Errorf("github.com Authorization %q, want the token", a)
	}
	if a := seen["www.example.com"].Get("Authorization"); a != "" {
		t.Errorf("other host got Authorization %q", a)
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"0": 0, "30": 30 * time.Second, "Thu, 03 Dec 2026 10:00:45 GMT": 45 * time.Second,
		"Thu, 03 Dec 2026 09:00:00 GMT": 0,
	} {
		if d, ok := retryAfter(v, now); !ok || d != want {
			t.Errorf("retryAfter(%q) = %v %v, want %v", v, d, ok, want)
		}
	}
	if _, ok := retryAfter("soon", now); ok {
		t.Error("retryAfter(soon) ok")
	}
}

func TestCheckFragments(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/doc":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.WriteString(w, `<html><body><h2 id="usage">Usage</h2><a name="old-anchor"></a><h2 id="user-content-install">Install</h2><p id="a b">x</p></body></html>`)
		case "/data":
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{}`)
		case "/moved":
			http.Redirect(w, r, "/doc", http.StatusMovedPermanently)
		}
	}))
	t.Cleanup(srv.Close)
	urls := []string{
		"http://f.test/doc#usage", "http://f.test/doc#old-anchor", "http://f.test/doc#install",
		"http://f.test/doc#a%20b", "http://f.test/doc#missing", "http://f.test/data#x", "http://f.test/moved#nowhere",
	}
	got := testChecker(t, srv, Options{IncludeFragments: true}).Check(context.Background(), urls)
	for _, u := range urls[:4] {
		if got[u].Status != OK {
			t.Errorf("%s: %+v, want ok", u, got[u])
		}
	}
	if r := got[urls[4]]; r.Status != Dead || r.Reason != "the page has no anchor #missing" {
		t.Errorf("missing anchor: %+v", r)
	}
	if r := got[urls[5]]; r.Status != OK {
		t.Errorf("not HTML: %+v, want ok", r)
	}
	if r := got[urls[6]]; r.Status != Dead || r.Reason != "the page has no anchor #nowhere" {
		t.Errorf("moved page without the anchor: %+v, want dead (no fix to a broken anchor)", r)
	}
	// Off by default: anchors are not looked at.
	off := testChecker(t, srv, Options{}).Check(context.Background(), urls[4:5])
	if r := off[urls[4]]; r.Status != OK {
		t.Errorf("fragments off: %+v, want ok", r)
	}
}

// TestGitHub asks a fake REST API about repository links.
func TestGitHub(t *testing.T) {
	t.Parallel()
	var auth atomic.Value
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth.Store(r.Header.Get("Authorization"))
		switch r.URL.Path {
		case "/repos/alpha/widget":
			_, _ = io.WriteString(w, `{"full_name": "alpha/widget", "archived": true}`)
		case "/repos/Beta/Gadget":
			_, _ = io.WriteString(w, `{"full_name": "beta/gadget", "archived": false}`)
		case "/repos/old/name":
			http.Redirect(w, r, "/repositories/42", http.StatusMovedPermanently)
		case "/repositories/42":
			_, _ = io.WriteString(w, `{"full_name": "new/name", "archived": false}`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(api.Close)
	srv, _ := statusServer(t, false)
	c := testChecker(t, srv, Options{GitHubToken: "s3cret"})
	results := map[string]Result{
		"https://github.com/alpha/widget":                 {},
		"https://github.com/Beta/Gadget/tree/main#docs":   {},
		"https://github.com/old/name/blob/main/README.md": {},
		"https://github.com/gone/away":                    {},
		"https://github.com/topics/widgets":               {},
		"file:README.md":                                  {},
	}
	c.checkRepos(context.Background(), api.URL, results)
	if r := results["https://github.com/alpha/widget"]; !r.Archived || r.Status != OK {
		t.Errorf("archived: %+v", r)
	}
	if r := results["https://github.com/Beta/Gadget/tree/main#docs"]; r.Status != OK {
		t.Errorf("a name in another case is no move: %+v", r)
	}
	if r := results["https://github.com/old/name/blob/main/README.md"]; r.Status != Moved || r.Target != "https://github.com/new/name/blob/main/README.md" {
		t.Errorf("renamed: %+v", r)
	}
	if r := results["https://github.com/gone/away"]; r.Status != OK || r.Archived {
		t.Errorf("unknown to the API: %+v, want the HTTP check's result kept", r)
	}
	if a, _ := auth.Load().(string); a != "Bearer s3cret" {
		t.Errorf("API request Authorization %q", a)
	}
}

func TestGated(t *testing.T) {
	for target, want := range map[string]bool{
		"https://accounts.example.com/x":         true,
		"https://example.org/login?next=/a":      true,
		"https://example.org/u/login.php":        true,
		"https://example.org/oauth/authorize":    true,
		"https://example.org/espresso-machines":  false,
		"https://example.org/blog/2026/sign-off": false,
		"https://example.com/login":              false, // the same host
	} {
		if got := gated("https://example.com/page", target); got != want {
			t.Errorf("gated(%s) = %v, want %v", target, got, want)
		}
	}
}
