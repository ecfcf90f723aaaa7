package links

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The benchmark's load: 5,000 distinct URLs over 50 hosts, each answered
// after 50 ms, 4 requests at most per host.
const (
	benchHosts, benchPerHost = 50, 100
	benchLatency             = 50 * time.Millisecond
	benchMaxPerHost          = 4
)

// slowHandler answers 200 after latency and records the most requests
// in flight to one host.
type slowHandler struct {
	latency time.Duration
	mu      sync.Mutex
	open    map[string]int
	most    int
}

func (h *slowHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.open[r.Host]++
	h.most = max(h.most, h.open[r.Host])
	h.mu.Unlock()
	time.Sleep(h.latency)
	h.mu.Lock()
	h.open[r.Host]--
	h.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// BenchmarkCheck checks the load with two overall limits: enough for every
// host at once (200), where the floor the limits set is 100 URLs per host
// / 4 × 50 ms = 1.25 s, and the default 32, where it is 5,000 / 32 × 50 ms
// = 7.8 s. It reports the wall time against that floor, the most requests
// a host saw at once, and the peak heap.
func BenchmarkCheck(b *testing.B) {
	for _, maxConc := range []int{benchHosts * benchMaxPerHost, 32} {
		b.Run("max-concurrency="+strconv.Itoa(maxConc), func(b *testing.B) {
			h := &slowHandler{latency: benchLatency, open: map[string]int{}}
			srv := httptest.NewServer(h)
			b.Cleanup(srv.Close)
			n := &fakeNet{addr: srv.Listener.Addr().String()}
			var urls []string
			for host := range benchHosts {
				for p := range benchPerHost {
					urls = append(urls, fmt.Sprintf("http://host%d.test/page/%d", host, p))
				}
			}
			perHostRounds := (benchPerHost + benchMaxPerHost - 1) / benchMaxPerHost
			floor := time.Duration(max(perHostRounds, (len(urls)+maxConc-1)/maxConc)) * benchLatency
			var peak uint64
			var total time.Duration
			for b.Loop() {
				c := NewChecker(Options{MaxConcurrency: maxConc, MaxPerHost: benchMaxPerHost, DialContext: n.dial, Timeout: 10 * time.Second})
				stop, sampled := sampleHeap(&peak)
				start := time.Now()
				res := c.Check(context.Background(), urls)
				total += time.Since(start)
				close(stop)
				<-sampled
				for u, r := range res {
					if r.Status != OK {
						b.Fatalf("%s: %v %s", u, r.Status, r.Reason)
					}
				}
			}
			b.ReportMetric(float64(total)/float64(b.N)/float64(floor), "x-floor")
			b.ReportMetric(float64(h.most), "max-per-host")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// BenchmarkBareClient is the floor on the machine at hand: a bare
// net/http client with one goroutine per host and lane (4 per host, 200
// in all) sending the benchmark's requests, with no retries, limits or
// bookkeeping. On an idle machine it takes the 1.25 s the limits allow;
// on a loaded one, what BenchmarkCheck takes should be compared with it.
func BenchmarkBareClient(b *testing.B) {
	srv := httptest.NewServer(&slowHandler{latency: benchLatency, open: map[string]int{}})
	b.Cleanup(srv.Close)
	n := &fakeNet{addr: srv.Listener.Addr().String()}
	for b.Loop() {
		client := &http.Client{Transport: &http.Transport{DialContext: n.dial, MaxIdleConnsPerHost: benchMaxPerHost}}
		var wg sync.WaitGroup
		for host := range benchHosts {
			for lane := range benchMaxPerHost {
				wg.Go(func() {
					for p := lane; p < benchPerHost; p += benchMaxPerHost {
						u := fmt.Sprintf("http://host%d.test/page/%d", host, p)
						req, err := http.NewRequestWithContext(context.Background(), http.MethodHead, u, http.NoBody)
						if err != nil {
							b.Error(err)
							return
						}
						resp, err := client.Do(req)
						if err != nil {
							b.Error(err)
							return
						}
						_ = resp.Body.Close()
					}
				})
			}
		}
		wg.Wait()
	}
}

// sampleHeap records the peak heap in *peak until stop is closed.
func sampleHeap(peak *uint64) (stop chan struct{}, done chan struct{}) {
	stop, done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			*peak = max(*peak, ms.HeapAlloc)
			select {
			case <-stop:
				return
			case <-time.After(250 * time.Millisecond):
			}
		}
	}()
	return stop, done
}

// TestServeBenchmark serves the benchmark's load for a side-by-side run
// of listlint links and other link checkers, which cannot be pointed at a
// fake resolver: set LISTLINT_BENCH_SERVE to a file name, and the test
// starts one server per host on 127.0.0.2 to 127.0.0.51 (all loopback on
// Linux), writes a Markdown list of the 5,000 URLs to that file, and
// serves for LISTLINT_BENCH_SECONDS (default 120). See docs/performance.md.
func TestServeBenchmark(t *testing.T) {
	out := os.Getenv("LISTLINT_BENCH_SERVE")
	if out == "" {
		t.Skip("LISTLINT_BENCH_SERVE not set")
	}
	secs, _ := strconv.Atoi(os.Getenv("LISTLINT_BENCH_SECONDS"))
	if secs == 0 {
		secs = 120
	}
	h := &slowHandler{latency: benchLatency, open: map[string]int{}}
	var list strings.Builder
	list.WriteString("# Benchmark\n\n")
	for host := range benchHosts {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", host+2))
		if err != nil {
			t.Fatal(err)
		}
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = srv.Serve(l) }()
		t.Cleanup(func() { _ = srv.Close() })
		for p := range benchPerHost {
			fmt.Fprintf(&list, "- [Page %d-%d](http://%s/page/%d) - A page.\n", host, p, l.Addr(), p)
		}
	}
	if err := os.WriteFile(out, []byte(list.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Duration(secs) * time.Second)
	h.mu.Lock()
	t.Logf("most requests at once to one host: %d", h.most)
	h.mu.Unlock()
}
