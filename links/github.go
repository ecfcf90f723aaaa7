package links

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// GitHubAPI is the REST API's address; tests point Run.GitHubAPI at a
// fake server.
const GitHubAPI = "https://api.github.com"

// repoRef is a link to a GitHub repository: github.com/OWNER/REPO and
// what follows.
type repoRef struct {
	name string // OWNER/REPO as written
	rest string // the path after it, with query and fragment
}

// parseRepo reads a github.com/OWNER/REPO link; ok is false for other
// links and for GitHub's own pages (github.com/features, /orgs/...).
func parseRepo(raw string) (repoRef, bool) {
	u, err := url.Parse(raw)
	if err != nil || !strings.EqualFold(u.Hostname(), "github.com") && !strings.EqualFold(u.Hostname(), "www.github.com") {
		return repoRef{}, false
	}
	parts := strings.SplitN(strings.TrimPrefix(u.Path, "/"), "/", 3)
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return repoRef{}, false
	}
	switch strings.ToLower(parts[0]) {
	case "orgs", "features", "topics", "sponsors", "marketplace", "settings", "apps", "collections", "about", "site", "users":
		return repoRef{}, false
	}
	name := parts[0] + "/" + strings.TrimSuffix(parts[1], ".git")
	i := strings.Index(raw, parts[1]) + len(parts[1])
	return repoRef{name: name, rest: raw[i:]}, true
}

// repoInfo is what the API says of a repository.
type repoInfo struct {
	FullName string `json:"full_name"`
	Archived bool   `json:"archived"`
}

// checkRepos asks the API about the repositories web links name, each
// once, MaxPerHost at a time, and updates their results: archived ones
// are marked, renamed ones moved to the new name. A repository the API
// cannot tell about keeps the result of its HTTP check.
func (c *Checker) checkRepos(ctx context.Context, api string, results map[string]Result) {
	refs := map[string][]string{} // lower-case OWNER/REPO -> URLs
	var names []string
	for raw, r := range results {
		ref, ok := parseRepo(raw)
		if !ok || r.Status == Dead {
			continue
		}
		key := strings.ToLower(ref.name)
		if refs[key] == nil {
			names = append(names, ref.name)
		}
		refs[key] = append(refs[key], raw)
	}
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		next = make(chan string)
	)
	for range min(c.opts.MaxPerHost, len(names)) {
		wg.Go(func() {
			for name := range next {
				info, err := c.repo(ctx, api, name)
				if err != nil {
					continue
				}
				mu.Lock()
				for _, raw := range refs[strings.ToLower(name)] {
					r := results[raw]
					r.Archived = info.Archived
					if ref, _ := parseRepo(raw); info.FullName != "" && !strings.EqualFold(info.FullName, ref.name) && r.Status == OK {
						r.Status, r.Target = Moved, "https://github.com/"+info.FullName+ref.rest
					}
					results[raw] = r
				}
				mu.Unlock()
			}
		})
	}
	for _, n := range names {
		next <- n
	}
	close(next)
	wg.Wait()
}

// repo fetches GET /repos/OWNER/REPO, following the API's redirect for
// a renamed repository.
func (c *Checker) repo(ctx context.Context, api, name string) (repoInfo, error) {
	target := strings.TrimSuffix(api, "/") + "/repos/" + name
	for range maxRedirects {
		a, body := c.get(ctx, target)
		switch {
		case a.err != nil:
			return repoInfo{}, a.err
		case a.code == http.StatusMovedPermanently || a.code == http.StatusTemporaryRedirect || a.code == http.StatusFound:
			next, err := location(target, a.loc)
			if err != nil {
				return repoInfo{}, err
			}
			target = next
			continue
		case a.code != http.StatusOK:
			return repoInfo{}, fmt.Errorf("%s: %s", target, a.status)
		}
		var info repoInfo
		err := json.Unmarshal(body, &info)
		return info, err
	}
	return repoInfo{}, fmt.Errorf("%s: more than %d redirects", target, maxRedirects)
}

// get sends an API request within the global limit, with the token.
func (c *Checker) get(ctx context.Context, target string) (answer, []byte) {
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return answer{err: ctx.Err()}, nil
	}
	defer func() { <-c.sem }()
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, http.NoBody)
	if err != nil {
		return answer{err: err}, nil
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "application/vnd.github+json")
	if c.opts.GitHubToken != "" {
		req.Header.Set("Authorization", "Bearer "+c.opts.GitHubToken)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return answer{err: err}, nil
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return answer{code: resp.StatusCode, status: resp.Status, loc: resp.Header.Get("Location"), err: err}, body
}
