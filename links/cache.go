package links

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// cacheVersion is the cache file's format; a file of another version is
// ignored (with a warning) and rewritten.
const cacheVersion = 1

// cacheFile is the cache's JSON form:
//
//	{"version": 1, "links": {"https://…": {"checked": "2026-12-03T10:00:00Z", "status": "ok"}}}
type cacheFile struct {
	Version int                   `json:"version"`
	Links   map[string]cacheEntry `json:"links"`
}

type cacheEntry struct {
	Checked time.Time `json:"checked"`
	Status  string    `json:"status"`
	Code    int       `json:"code,omitempty"`
	Chain   []string  `json:"chain,omitempty"`
	Target  string    `json:"target,omitempty"`
	NoFix   string    `json:"no_fix,omitempty"`
}

// Cache keeps good results (ok, moved) across runs for MaxAge; failures
// are not kept, so they are checked again on every run.
type Cache struct {
	path   string
	maxAge time.Duration
	now    func() time.Time
	mu     sync.Mutex
	links  map[string]cacheEntry
}

// LoadCache reads the cache at path. A missing file is an empty cache; a
// corrupt file or one of another version is an empty cache too, with a
// warning for the user.
func LoadCache(path string, maxAge time.Duration, now func() time.Time) (c *Cache, warning error) {
	c = &Cache{path: path, maxAge: maxAge, now: now, links: map[string]cacheEntry{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("%s: %w; starting with an empty cache", path, err)
	}
	var f cacheFile
	if err := json.Unmarshal(data, &f); err != nil {
		return c, fmt.Errorf("%s: corrupt cache (%w); starting with an empty cache", path, err)
	}
	if f.Version != cacheVersion {
		return c, fmt.Errorf("%s: cache version %d, expected %d; starting with an empty cache", path, f.Version, cacheVersion)
	}
	for u, e := range f.Links {
		if e.Status == OK.String() || e.Status == Moved.String() {
			c.links[u] = e
		}
	}
	return c, nil
}

// Get returns the result kept for url when it is younger than MaxAge.
func (c *Cache) Get(url string) (Result, bool) {
	c.mu.Lock()
	e, ok := c.links[url]
	c.mu.Unlock()
	if !ok || c.now().Sub(e.Checked) > c.maxAge {
		return Result{}, false
	}
	st := OK
	if e.Status == Moved.String() {
		st = Moved
	}
	return Result{Status: st, Code: e.Code, Chain: e.Chain, Target: e.Target, NoFix: e.NoFix}, true
}

// Put keeps a good result and forgets any other.
func (c *Cache) Put(url string, r Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r.Status != OK && r.Status != Moved {
		delete(c.links, url)
		return
	}
	c.links[url] = cacheEntry{Checked: c.now().UTC(), Status: r.Status.String(), Code: r.Code, Chain: r.Chain, Target: r.Target, NoFix: r.NoFix}
}

// Save writes the cache atomically: a temporary file in the same folder,
// renamed over the old one, so that an interrupted run leaves the old
// cache or the new one, never half of one. Entries older than MaxAge are
// dropped.
func (c *Cache) Save() (err error) {
	c.mu.Lock()
	f := cacheFile{Version: cacheVersion, Links: make(map[string]cacheEntry, len(c.links))}
	now := c.now()
	for u, e := range c.links {
		if now.Sub(e.Checked) <= c.maxAge {
			f.Links[u] = e
		}
	}
	c.mu.Unlock()
	data, err := json.MarshalIndent(f, "", "\t")
	if err != nil {
		return err
	}
	dir := filepath.Dir(c.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(c.path)+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name()) // the error that matters is err
		}
	}()
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), c.path)
}
