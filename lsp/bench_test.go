package lsp

import (
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// awesomeGo is the largest list of the shared corpus (about 400 KB).
const awesomeGo = "../../shared/corpus/mainstream/avelino__awesome-go@c4bc4eb4/README.md"

// BenchmarkDidChange measures, through the protocol, the time from a
// didChange on the awesome-go README to its fresh diagnostics, the
// debounce delay included: each change types one character into an
// entry's description.
func BenchmarkDidChange(b *testing.B) {
	src, err := os.ReadFile(awesomeGo)
	if err != nil {
		b.Skipf("corpus not present: %v", err)
	}
	dir := b.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		b.Fatal(err)
	}
	c := start(b, Options{}, func(s *Server) { s.debounce = debounce })
	c.initialize(dir, nil)
	uri := fileURI(filepath.Join(dir, "README.md"))
	c.open(uri, 1, string(src))
	c.diagnostics(uri, 1)
	// Line 400 (0-based) is an entry in the middle of the list.
	at := protocol.Position{Line: 400, Character: 10}
	var took []time.Duration
	cpuBefore := cpuTime(b)
	b.ResetTimer()
	for i := range b.N {
		version := int32(i + 2)
		edit := protocol.TextEdit{Range: protocol.Range{Start: at, End: at}, NewText: "x"}
		if i%2 == 1 {
			edit = protocol.TextEdit{Range: protocol.Range{Start: at, End: protocol.Position{Line: at.Line, Character: at.Character + 1}}}
		}
		begin := time.Now()
		c.change(uri, version, edit)
		c.diagnostics(uri, version)
		took = append(took, time.Since(begin))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-median")
	// CPU time of server and client together: the latency above also
	// holds the debounce and whatever else the machine runs.
	b.ReportMetric(float64((cpuTime(b)-cpuBefore).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	if err := c.stop(); err != nil {
		b.Error(err)
	}
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
