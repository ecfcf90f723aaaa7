package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/pflag"

	"github.com/listlint/listlint/config"
	"github.com/listlint/listlint/fix"
	"github.com/listlint/listlint/links"
	"github.com/listlint/listlint/lint"
)

// linksFlags are the flags only links has.
type linksFlags struct {
	fix, diff bool
	opts      links.Options
	cache     string
	maxAge    time.Duration
	exclude   []string
	github    bool
}

func (c *cli) linksFlags(fs *pflag.FlagSet) func([]string) int {
	var (
		f  lintFlags
		lf linksFlags
	)
	f.register(fs)
	fs.BoolVar(&lf.fix, "fix", false, "rewrite permanent redirects to their target, in place")
	fs.BoolVar(&lf.diff, "diff", false, "with --fix, write nothing; print a unified diff of the changes")
	fs.IntVar(&lf.opts.MaxConcurrency, "max-concurrency", 32, "most requests in flight")
	fs.IntVar(&lf.opts.MaxPerHost, "max-per-host", 4, "most requests in flight to one host")
	fs.IntVar(&lf.opts.Retries, "retries", 2, "retries after a timeout, a cut connection, a 5xx or a rate limit")
	fs.DurationVar(&lf.opts.Timeout, "timeout", 20*time.Second, "time limit of each request")
	fs.DurationVar(&lf.opts.MaxRetryWait, "max-retry-wait", time.Minute, "longest Retry-After wait honoured; a longer one leaves the link unchecked")
	fs.StringVar(&lf.cache, "cache", "", "keep results in `FILE` across runs (good ones for --max-age; failures are checked again)")
	fs.DurationVar(&lf.maxAge, "max-age", 24*time.Hour, "how long a good result in the --cache stays good")
	fs.BoolVar(&lf.opts.IncludeFragments, "include-fragments", false, "check that a link's #fragment names an anchor of the HTML page")
	fs.BoolVar(&lf.github, "github", false, "ask GitHub's REST API about repository links: report archived repositories (info) and renamed ones (moved); GITHUB_TOKEN raises the rate limit")
	fs.StringArrayVar(&lf.exclude, "exclude", nil, "do not check URLs matching `REGEX` (repeatable)")
	return func(args []string) int { return c.links(&f, &lf, args) }
}

// links checks the links of the files args name and reports dead and
// moved ones as check reports findings; with --fix it rewrites moved ones.
func (c *cli) links(f *lintFlags, lf *linksFlags, args []string) int {
	if lf.diff && !lf.fix {
		return c.usageError("links", "--diff needs --fix")
	}
	switch {
	case lf.opts.MaxConcurrency < 1, lf.opts.MaxPerHost < 1:
		return c.usageError("links", "--max-concurrency and --max-per-host must be at least 1")
	case lf.opts.Timeout <= 0, lf.maxAge < 0, lf.opts.MaxRetryWait < 0:
		return c.usageError("links", "--timeout must be positive, --max-age and --max-retry-wait not negative")
	}
	if lf.opts.Retries == 0 {
		lf.opts.Retries = -1 // Options reads 0 as the default
	}
	var exclude []*regexp.Regexp
	for _, e := range lf.exclude {
		re, err := regexp.Compile(e)
		if err != nil {
			return c.usageError("links", "--exclude %q: %v", e, err)
		}
		exclude = append(exclude, re)
	}
	args, err := stdinArgs(args, f.stdinFilename)
	if err != nil {
		return c.usageError("links", "%v", err)
	}
	for _, a := range args {
		if a == "-" && lf.fix {
			return c.usageError("links", "--fix rewrites files: - (stdin) cannot be fixed")
		}
	}
	cs, _, ins, errs, code := c.inputs(f, args)
	if code != exitClean {
		return code
	}
	// The links are read from the model: ask its parse for them.
	f.limits.Links = true
	docs, loadErrs := c.load(f.linter(cs), ins)
	errs = append(errs, loadErrs...)

	run := &links.Run{Exclude: exclude, Configure: cs.settings, ExcludeFile: cs.linksExclude()}
	if lf.github {
		run.GitHubAPI = links.GitHubAPI
	}
	if lf.cache != "" {
		cache, warning := links.LoadCache(lf.cache, lf.maxAge, time.Now)
		if warning != nil {
			c.stderrLine("listlint: warning: %v", warning)
		}
		run.Cache = cache
	}
	info, _ := debug.ReadBuildInfo()
	lf.opts.UserAgent = userAgent(version(info))
	lf.opts.GitHubToken = os.Getenv("GITHUB_TOKEN")
	stop := c.progress(f, &lf.opts)
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()
	run.Checker = links.NewChecker(lf.opts)
	verdicts := run.Check(ctx, docs)
	stop()
	if run.Cache != nil {
		if err := run.Cache.Save(); err != nil {
			errs = append(errs, fmt.Errorf("cache: %w", err))
		}
	}
	l := verdicts.Linter(run, f.limits)
	c.printErrors(errs)
	if !lf.fix {
		return c.report(f, l.Run(docs), errs)
	}
	return c.linksFix(f, lf, l, docs, errs)
}

// linksFix rewrites the moved links of docs through the fixer, as fix does.
func (c *cli) linksFix(f *lintFlags, lf *linksFlags, l *lint.Linter, docs []*lint.Document, errs []error) int {
	results := make([]fixed, len(docs))
	fixErrs := make([]error, len(docs))
	lint.Parallel(len(docs), func(i int) {
		x := &results[i]
		x.input, x.src = input{path: docs[i].Path}, docs[i].Src
		x.Result, fixErrs[i] = fix.File(l, x.path, x.src)
	})
	results, fixErrs = keepOK(results, fixErrs)
	errs = append(errs, fixErrs...)
	if lf.diff {
		return c.fixPreview(&fixModes{diff: true}, results, errs)
	}
	return c.fixInPlace(f, l, results, errs)
}

// userAgent names listlint and its version for servers' logs.
func userAgent(v string) string {
	v = strings.Join(strings.Fields(strings.NewReplacer("(", "", ")", "").Replace(v)), "-")
	return "listlint/" + v + " (+https://github.com/listlint/listlint)"
}

// progress shows, on a terminal and for the text format only, a line on
// stderr with the links checked, the total, the dead and the rate. It
// returns the function that clears it.
func (c *cli) progress(f *lintFlags, opts *links.Options) (stop func()) {
	if f.format != "text" || os.Getenv("CI") != "" || !isTerminal(c.stderr) {
		return func() {}
	}
	var done, total, dead atomic.Int64
	opts.Progress = func(n, of int, r links.Result) {
		done.Store(int64(n))
		total.Store(int64(of))
		if r.Status == links.Dead {
			dead.Add(1)
		}
	}
	start := time.Now()
	tick := time.NewTicker(200 * time.Millisecond)
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			select {
			case <-quit:
				_, _ = io.WriteString(c.stderr, "\r\033[K")
				return
			case <-tick.C:
				n := done.Load()
				rate := float64(n) / time.Since(start).Seconds()
				_, _ = fmt.Fprintf(c.stderr, "\r\033[Kchecked %d/%d links, %d dead, %.1f/s", n, total.Load(), dead.Load(), rate)
			}
		}
	}()
	return func() {
		tick.Stop()
		close(quit)
		<-finished
	}
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	file, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := file.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// linksExclude returns the compiled links.exclude of each input's
// configuration, compiled once per configuration; the decoder checked
// every pattern.
func (cs *configs) linksExclude() func(path string) []*regexp.Regexp {
	compiled := map[*config.Config][]*regexp.Regexp{}
	for _, x := range cs.of {
		if _, ok := compiled[x.cfg]; ok {
			continue
		}
		var res []*regexp.Regexp
		for _, p := range x.cfg.LinksExclude() {
			res = append(res, regexp.MustCompile(p))
		}
		compiled[x.cfg] = res
	}
	return func(path string) []*regexp.Regexp { return compiled[cs.of[path].cfg] }
}
