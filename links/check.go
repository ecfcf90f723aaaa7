package links

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/net/publicsuffix"
)

// Options tune a Checker. Zero values take the defaults of `listlint links`.
type Options struct {
	// MaxConcurrency bounds the requests in flight over all hosts (32).
	MaxConcurrency int
	// MaxPerHost bounds the requests in flight to one host (4).
	MaxPerHost int
	// Retries is how often a timeout, a closed connection, a 5xx or a
	// rate limit is retried (2); negative means never.
	Retries int
	// Timeout bounds each request (20s).
	Timeout time.Duration
	// MaxRetryWait caps the wait a Retry-After header asks for (60s); a
	// longer wait makes the link unchecked.
	MaxRetryWait time.Duration
	// Backoff is the first retry's mean wait, doubled on each retry (1s).
	Backoff time.Duration
	// HostFailures is how many links of a host in a row may fail (no
	// answer, 5xx or rate limit after retries) before the host gets no
	// more requests (3).
	HostFailures int
	// UserAgent is sent with every request.
	UserAgent string
	// IncludeFragments checks that the #fragment of a link names an
	// anchor (an id, or a name of <a>) of the HTML page it links to; such
	// pages are fetched with GET and read up to fragmentLimit.
	IncludeFragments bool
	// GitHubToken, when set, authenticates requests to github.com and
	// api.github.com over https, which raises GitHub's rate limit.
	GitHubToken string
	// DialContext, when set, opens connections instead of net.Dialer:
	// tests map host names to local servers with it.
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error)
	// RootCAs, when set, replaces the system's certificate roots.
	RootCAs *x509.CertPool
	// Progress, when set, is called after each page is checked, with the
	// URLs done and their total, from the checking goroutines.
	Progress func(done, total int, r Result)
}

func (o *Options) defaults() {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.MaxConcurrency, 32)
	def(&o.MaxPerHost, 4)
	def(&o.Retries, 2)
	def(&o.HostFailures, 3)
	o.Retries = max(o.Retries, 0)
	defDur := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	defDur(&o.Timeout, 20*time.Second)
	defDur(&o.MaxRetryWait, 60*time.Second)
	defDur(&o.Backoff, time.Second)
	if o.UserAgent == "" {
		o.UserAgent = "listlint"
	}
}

// maxRedirects is how many redirects a check follows.
const maxRedirects = 10

// bodyLimit is how much of a GET response's body is read: enough for the
// server to send its headers and start, not the whole page.
const bodyLimit = 4 << 10

// fragmentLimit is how much of a page is read for its anchors.
const fragmentLimit = 4 << 20

// Checker checks web links over HTTP.
type Checker struct {
	opts   Options
	client *http.Client
	sem    chan struct{}
}

// NewChecker returns a Checker with opts.
func NewChecker(opts Options) *Checker {
	opts.defaults()
	dial := opts.DialContext
	if dial == nil {
		dial = (&net.Dialer{Timeout: opts.Timeout}).DialContext
	}
	tr := &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         dial,
		TLSClientConfig:     &tls.Config{RootCAs: opts.RootCAs, MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout: opts.Timeout,
		ForceAttemptHTTP2:   true,
		MaxIdleConnsPerHost: opts.MaxPerHost,
		IdleConnTimeout:     30 * time.Second,
	}
	// Some sites redirect to the page itself to set a cookie: keep
	// cookies, as a browser does, so that the second visit answers.
	jar, err := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List})
	if err != nil {
		panic(err) // cookiejar.New never fails
	}
	return &Checker{
		opts: opts,
		client: &http.Client{
			Transport: tr,
			Jar:       jar,
			// Redirects are followed by hand, to record the chain.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		sem: make(chan struct{}, opts.MaxConcurrency),
	}
}

// host is the state shared by the checks of one host.
type host struct {
	name  string
	queue []string
	next  atomic.Int64

	mu sync.Mutex
	// pauseUntil holds requests back after a Retry-After.
	pauseUntil time.Time
	// answered: the host sent an HTTP answer to some request.
	answered bool
	// failures counts the links in a row that failed; at HostFailures
	// the host is given up (down).
	failures int
	down     string
	// broken is a failure of the host itself (no such host, refused, TLS)
	// that every later link of it shares.
	broken *Result
}

// Check checks every URL of urls once (fragments aside: a page is fetched
// once whatever the anchor) and returns the result of each URL given.
func (c *Checker) Check(ctx context.Context, urls []string) map[string]Result {
	byPage := make(map[string][]string) // page URL -> the URLs naming it
	hosts := make(map[string]*host)
	var order []*host
	out := make(map[string]Result, len(urls))
	for _, raw := range urls {
		if _, ok := out[raw]; ok {
			continue
		}
		out[raw] = Result{}
		page, u, err := pageURL(raw)
		if err != nil {
			out[raw] = Result{Status: Dead, Reason: "malformed URL: " + err.Error()}
			continue
		}
		if len(byPage[page]) == 0 {
			key := strings.ToLower(u.Host)
			h := hosts[key]
			if h == nil {
				h = &host{name: u.Host}
				hosts[key] = h
				order = append(order, h)
			}
			h.queue = append(h.queue, page)
		}
		byPage[page] = append(byPage[page], raw)
	}
	// A lane is one of a host's MaxPerHost request streams, taking the
	// host's pages in turn. Lane 0 of every host comes first, so that
	// work spreads over hosts.
	lanes := make(chan *host, len(order)*c.opts.MaxPerHost)
	for k := range c.opts.MaxPerHost {
		for _, h := range order {
			if k < len(h.queue) {
				lanes <- h
			}
		}
	}
	close(lanes)
	var (
		mu   sync.Mutex
		done int
		wg   sync.WaitGroup
	)
	pages := make(map[string]result, len(byPage))
	for range min(c.opts.MaxConcurrency, len(lanes)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for h := range lanes {
				for {
					i := h.next.Add(1) - 1
					if i >= int64(len(h.queue)) {
						break
					}
					page := h.queue[i]
					r := c.checkPage(ctx, h, page, c.opts.IncludeFragments && anyFragment(byPage[page]))
					mu.Lock()
					pages[page] = r
					done += len(byPage[page])
					n := done
					mu.Unlock()
					if c.opts.Progress != nil {
						c.opts.Progress(n, len(urls), r.Result)
					}
				}
			}
		}()
	}
	wg.Wait()
	for page, r := range pages {
		if r.noAnswer {
			h := hosts[strings.ToLower(r.host)]
			if h != nil && h.answered {
				// The host answers other requests: this one was slow or
				// cut short, which does not make the page gone.
				r.Status = Unchecked
			}
		}
		for _, raw := range byPage[page] {
			out[raw] = withFragment(r.Result, raw)
			if f := fragment(raw); f != "" && r.anchors != nil && !r.anchors[f] && !r.anchors["user-content-"+f] {
				// GitHub prefixes the ids of a README's headings.
				out[raw] = Result{Status: Dead, Code: r.Code, Chain: r.Chain, Reason: "the page has no anchor #" + f}
			}
		}
	}
	return out
}

// pageURL returns raw without its fragment, the page a check fetches.
func pageURL(raw string) (string, *url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", nil, err
	}
	if u.Scheme == "" {
		u.Scheme = "https" // protocol-relative
	}
	if u.Host == "" {
		return "", nil, errors.New("no host")
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String(), u, nil
}

// anyFragment reports whether one of urls has a #fragment.
func anyFragment(urls []string) bool {
	for _, u := range urls {
		if fragment(u) != "" {
			return true
		}
	}
	return false
}

// fragment returns raw's #fragment, unescaped, without the "#".
func fragment(raw string) string {
	i := strings.IndexByte(raw, '#')
	if i < 0 {
		return ""
	}
	f, err := url.PathUnescape(raw[i+1:])
	if err != nil {
		return raw[i+1:]
	}
	return f
}

// withFragment puts raw's fragment on a Moved result's target.
func withFragment(r Result, raw string) Result {
	if r.Status != Moved {
		return r
	}
	if i := strings.IndexByte(raw, '#'); i >= 0 && !strings.Contains(r.Target, "#") {
		r.Target += raw[i:]
	}
	return r
}

// result is a Result with what is decided only once all of a host's
// checks are in.
type result struct {
	Result
	host string
	// noAnswer: the request timed out or the connection was cut.
	noAnswer bool
	// hostFailure: the host did not resolve, refused the connection or
	// failed the TLS handshake.
	hostFailure bool
	// loc is a redirect's Location.
	loc string
	// anchors are the ids and anchor names of an HTML page fetched for
	// them; nil when not fetched.
	anchors map[string]bool
}

// checkPage checks one page URL, following redirects.
func (c *Checker) checkPage(ctx context.Context, h *host, page string, anchors bool) result {
	h.mu.Lock()
	down, broken := h.down, h.broken
	h.mu.Unlock()
	switch {
	case broken != nil:
		return result{Result: *broken, host: h.name}
	case down != "":
		return result{Result: Result{Status: Unchecked, Reason: down}, host: h.name}
	}
	var (
		chain     []string
		permanent = -1 // index in chain of the end of the leading permanent redirects
		cur       = page
		r         result
	)
	for hop := 0; ; hop++ {
		r = c.request(ctx, h, cur, anchors)
		r.host = h.name
		if hop == 0 && r.hostFailure {
			// The host itself fails: its other links share the verdict.
			broken := r.Result // a copy: r changes on
			h.mu.Lock()
			h.broken = &broken
			h.mu.Unlock()
		}
		if r.Status != OK || r.Code < 300 || r.Code > 399 || r.loc == "" {
			break
		}
		next, err := location(cur, r.loc)
		switch {
		case err != nil:
			r.Status, r.Reason = Dead, fmt.Sprintf("%d redirect to a malformed location: %v", r.Code, err)
		case visits(page, chain, next) >= 2:
			// A second visit may answer (a cookie was set), a third not.
			r.Status, r.Reason = Dead, "redirect loop"
		case hop == maxRedirects:
			r.Status, r.Reason = Dead, fmt.Sprintf("more than %d redirects", maxRedirects)
		}
		if r.Status == Dead {
			r.Chain = chain
			c.tally(h, &r)
			return r // the chain is what failed
		}
		chain = append(chain, next)
		if gated(page, next) {
			// A login or consent wall: the page is there behind it.
			r.Code = http.StatusOK
			break
		}
		if (r.Code == http.StatusMovedPermanently || r.Code == http.StatusPermanentRedirect) && permanent == len(chain)-2 {
			permanent = len(chain) - 1
		}
		cur = next
	}
	r.Chain = chain
	c.tally(h, &r)
	if r.Status != OK || permanent < 0 {
		if len(chain) > 0 && r.Status == Dead {
			r.Reason = "redirects to " + chain[len(chain)-1] + ", which is dead: " + r.Reason
		}
		return r
	}
	if gated(page, chain[len(chain)-1]) {
		return r
	}
	r.Status, r.Target = Moved, chain[permanent]
	if strings.HasPrefix(page, "https:") && slices.ContainsFunc(chain[:permanent+1], func(s string) bool { return strings.HasPrefix(s, "http:") }) {
		r.NoFix = "it goes from https to http"
	}
	return r
}

// tally records a link's outcome in its host's failure count.
func (c *Checker) tally(h *host, r *result) {
	h.mu.Lock()
	defer h.mu.Unlock()
	failed := r.noAnswer || r.Code == http.StatusTooManyRequests || r.Code >= 500
	if !failed {
		h.failures = 0
		return
	}
	h.failures++
	if h.failures >= c.opts.HostFailures && h.down == "" {
		h.down = fmt.Sprintf("not checked: %s failed %d links in a row (last: %s)", h.name, h.failures, r.Reason)
	}
}

// visits counts how often a redirect chain from page has been at u.
func visits(page string, chain []string, u string) int {
	n := 0
	if page == u {
		n++
	}
	for _, c := range chain {
		if c == u {
			n++
		}
	}
	return n
}

// location resolves a Location header against the URL that sent it.
func location(from, loc string) (string, error) {
	if loc == "" {
		return "", errors.New("no Location header")
	}
	base, err := url.Parse(from)
	if err != nil {
		return "", err
	}
	ref, err := url.Parse(loc)
	if err != nil {
		return "", err
	}
	return base.ResolveReference(ref).String(), nil
}

// gated reports whether a redirect from page leads to target, a login or
// consent page of another host: the page is behind a wall, not gone or
// moved, and the wall is not followed further.
func gated(page, target string) bool {
	from, err := url.Parse(page)
	if err != nil {
		return false
	}
	u, err := url.Parse(target)
	if err != nil || strings.EqualFold(u.Hostname(), from.Hostname()) {
		return false
	}
	host := strings.ToLower(u.Hostname())
	for _, h := range []string{"login.", "signin.", "accounts.", "auth.", "sso.", "consent."} {
		if strings.HasPrefix(host, h) {
			return true
		}
	}
	for seg := range strings.SplitSeq(strings.ToLower(u.Path), "/") {
		switch seg {
		case "signin", "sign-in", "sign_in", "sso", "consent", "oauth", "oauth2", "auth", "authorize":
			return true
		}
		if strings.HasPrefix(seg, "login") {
			return true
		}
	}
	return false
}

// answer is one HTTP exchange's outcome.
type answer struct {
	code       int
	status     string
	loc        string
	retryAfter string
	anchors    map[string]bool
	err        error
}

// request fetches url: HEAD first, GET when HEAD is refused, with retries
// for what may pass (timeouts, cut connections, 5xx, rate limits). Its
// result is OK for any answer below 400, with the code and Location.
func (c *Checker) request(ctx context.Context, h *host, target string, anchors bool) result {
	method := http.MethodHead
	if anchors {
		method = http.MethodGet
	}
	var a answer
	for attempt := 0; ; attempt++ {
		if err := c.waitHost(ctx, h); err != nil {
			return result{Result: Result{Status: Unchecked, Reason: "not checked: " + err.Error()}}
		}
		a = c.do(ctx, method, target, anchors)
		if method == http.MethodHead && headRefused(a) {
			// Many servers mishandle HEAD: ask again with GET, at no
			// cost to the retries.
			method = http.MethodGet
			attempt--
			continue
		}
		if a.err == nil {
			h.mu.Lock()
			h.answered = true
			h.mu.Unlock()
		}
		if !transient(a) || attempt >= c.opts.Retries {
			break
		}
		wait := c.backoff(attempt)
		if a.retryAfter != "" && (a.code == http.StatusTooManyRequests || a.code == http.StatusServiceUnavailable) {
			d, ok := retryAfter(a.retryAfter, time.Now())
			if !ok || d > c.opts.MaxRetryWait {
				reason := fmt.Sprintf("rate limited (%s, Retry-After %s beyond --max-retry-wait %s)", a.status, a.retryAfter, c.opts.MaxRetryWait)
				return result{Result: Result{Status: Unchecked, Code: a.code, Reason: reason}}
			}
			wait = d
		}
		// The wait holds back every request to the host, not this one
		// alone: a host that struggles gets one pause, not a retry storm
		// from each lane. waitHost, at the top of the loop, waits it out.
		h.mu.Lock()
		if until := time.Now().Add(wait); until.After(h.pauseUntil) {
			h.pauseUntil = until
		}
		h.mu.Unlock()
	}
	return c.verdict(a)
}

// verdict turns the last answer to a request into a result.
func (c *Checker) verdict(a answer) result {
	attempts := ""
	if c.opts.Retries > 0 {
		attempts = fmt.Sprintf(" after %d attempts", c.opts.Retries+1)
	}
	switch {
	case a.err != nil:
		return failure(a.err, attempts)
	case a.code < 400:
		return result{Result: Result{Status: OK, Code: a.code}, loc: a.loc, anchors: a.anchors}
	case a.code == http.StatusTooManyRequests, a.code == http.StatusServiceUnavailable && a.retryAfter != "":
		return result{Result: Result{Status: Unchecked, Code: a.code, Reason: "rate limited (" + a.status + attempts + ")"}}
	case a.code == http.StatusUnauthorized, a.code == http.StatusForbidden, a.code > 599:
		// 401, 403 and the likes of LinkedIn's 999 are what bot walls and
		// login walls answer to a client that is not a browser.
		return result{Result: Result{Status: Unchecked, Code: a.code, Reason: a.status + ", which servers answer to clients that are not browsers"}}
	}
	reason := a.status
	if a.code >= 500 {
		reason += attempts
	}
	return result{Result: Result{Status: Dead, Code: a.code, Reason: reason}}
}

// failure classifies a request that got no HTTP answer.
func failure(err error, attempts string) result {
	var (
		dnsErr  *net.DNSError
		certErr *tls.CertificateVerificationError
		recErr  tls.RecordHeaderError
		alert   tls.AlertError
		unknown x509.UnknownAuthorityError
		hostErr x509.HostnameError
		invalid x509.CertificateInvalidError
	)
	var reason string
	switch {
	case errors.As(err, &dnsErr):
		reason = "DNS lookup failed: " + dnsErr.Err
	case errors.Is(err, syscall.ECONNREFUSED):
		reason = "connection refused"
	case errors.As(err, &certErr), errors.As(err, &recErr), errors.As(err, &alert),
		errors.As(err, &unknown), errors.As(err, &hostErr), errors.As(err, &invalid):
		reason = "TLS error: " + tlsReason(err)
	}
	if reason != "" {
		return result{Result: Result{Status: Dead, Reason: reason}, hostFailure: true}
	}
	if isTimeout(err) {
		reason = "timeout" + attempts
	} else {
		reason = "connection closed" + attempts
	}
	return result{Result: Result{Status: Dead, Reason: reason}, noAnswer: true}
}

// tlsReason is the last, most specific part of a TLS error.
func tlsReason(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, "tls: "); i >= 0 {
		return s[i+len("tls: "):]
	}
	if i := strings.LastIndex(s, "x509: "); i >= 0 {
		return s[i+len("x509: "):]
	}
	return s
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}

// headRefused reports whether a HEAD answer calls for a GET: 403, 405 and
// 501 mean HEAD is not served; other 4xx and 5xx (a rate limit aside)
// come from servers that answer HEAD wrong; a cut connection from servers
// that drop it.
func headRefused(a answer) bool {
	if a.err != nil {
		return !isTimeout(a.err) && closedConn(a.err)
	}
	return a.code >= 400 && a.code != http.StatusTooManyRequests && (a.code != http.StatusServiceUnavailable || a.retryAfter == "")
}

// closedConn reports whether err is a connection the server closed or reset.
func closedConn(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		strings.Contains(err.Error(), "server closed")
}

// transient reports whether an answer may change on a retry.
func transient(a answer) bool {
	if a.err != nil {
		return isTimeout(a.err) || closedConn(a.err)
	}
	return a.code == http.StatusTooManyRequests || a.code >= 500 && a.code <= 599
}

// backoff is the wait before retry attempt+1: exponential, with full
// jitter so that retries of many links spread out.
func (c *Checker) backoff(attempt int) time.Duration {
	d := c.opts.Backoff << attempt
	return d/2 + rand.N(d/2+1) //nolint:gosec // jitter, not a secret
}

// waitHost waits until the host's pause ends.
func (c *Checker) waitHost(ctx context.Context, h *host) error {
	for {
		h.mu.Lock()
		d := time.Until(h.pauseUntil)
		h.mu.Unlock()
		if d <= 0 {
			return ctx.Err()
		}
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// do sends one request, within the global limit and the timeout, and
// reads at most bodyLimit bytes of the body.
func (c *Checker) do(ctx context.Context, method, target string, anchors bool) answer {
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return answer{err: ctx.Err()}
	}
	defer func() { <-c.sem }()
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, target, http.NoBody)
	if err != nil {
		return answer{err: err}
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	if c.opts.GitHubToken != "" && req.URL.Scheme == "https" {
		switch strings.ToLower(req.URL.Hostname()) {
		case "github.com", "api.github.com":
			req.Header.Set("Authorization", "Bearer "+c.opts.GitHubToken)
		}
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return answer{err: err}
	}
	defer func() { _ = resp.Body.Close() }() // what was read is all that counts
	a := answer{
		code: resp.StatusCode, status: resp.Status, loc: resp.Header.Get("Location"),
		retryAfter: resp.Header.Get("Retry-After"),
	}
	switch {
	case anchors && resp.StatusCode == http.StatusOK && strings.Contains(resp.Header.Get("Content-Type"), "html"):
		a.anchors, err = pageAnchors(io.LimitReader(resp.Body, fragmentLimit))
	case method == http.MethodGet:
		_, err = io.CopyN(io.Discard, resp.Body, bodyLimit)
	}
	if err != nil && !errors.Is(err, io.EOF) && isTimeout(err) {
		return answer{err: err}
	}
	return a
}

// retryAfter reads a Retry-After value: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}
