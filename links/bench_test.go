package links

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"
)

// BenchmarkCheck checks 5,000 distinct URLs over 50 hosts on a local
// server that answers each request after 50 ms, with 4 requests per host
// and enough overall concurrency for every host at once: the floor set by
// the limits is 100 URLs per host / 4 × 50 ms = 1.25 s. It reports the
// wall time per run, the most requests a host saw at once, and the peak
// heap.
func BenchmarkCheck(b *testing.B) {
	const (
		hosts, perHost = 50, 100
		latency        = 50 * time.Millisecond
		maxPerHost     = 4
	)
	var (
		mu   sync.Mutex
		open = map[string]int{}
		most int
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		open[r.Host]++
		most = max(most, open[r.Host])
		mu.Unlock()
		time.Sleep(latency)
		mu.Lock()
		open[r.Host]--
		mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	b.Cleanup(srv.Close)
	n := &fakeNet{addr: srv.Listener.Addr().String()}
	urls := make([]string, 0, hosts*perHost)
	for h := range hosts {
		for p := range perHost {
			urls = append(urls, fmt.Sprintf("http://host%d.test/page/%d", h, p))
		}
	}
	var peak uint64
	b.ResetTimer()
	for b.Loop() {
		c := NewChecker(Options{MaxConcurrency: hosts * maxPerHost, MaxPerHost: maxPerHost, DialContext: n.dial, Timeout: 10 * time.Second})
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() { // sample the heap while checking
			defer close(done)
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
				}
			}
		}()
		res := c.Check(context.Background(), urls)
		close(stop)
		<-done
		for u, r := range res {
			if r.Status != OK {
				b.Fatalf("%s: %v %s", u, r.Status, r.Reason)
			}
		}
	}
	b.ReportMetric(float64(most), "max-per-host")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
