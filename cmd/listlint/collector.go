package main

import (
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// A check or fix of a list or two is over in tens of milliseconds, most
// of them goldmark's parse, and the collector's default pacing (a cycle
// each time the heap doubles, from 4 MB) spends a good part of such a run
// collecting garbage that the process's exit frees anyway: three cycles
// on awesome-go's README, whose marking runs beside the parse and slows
// it. So check and fix start with the collector off, under a soft memory
// limit as a guard, and turn the default pacing back on once the input
// read passes collectAfter. Above that the parse trees' garbage is worth
// collecting (it is what keeps a large list's peak at half the parse's),
// and many files' models together could near the limit, where a
// collector held to it would run again and again.
//
// While the collector is off, at most collectAfter bytes are read and
// not yet parsed or kept in models, so what is alive stays well below
// shortRunLimit: the limit only ever catches garbage.

// shortRunLimit is the soft memory limit while the collector is off.
const shortRunLimit = 128 << 20

// shortRun turns the collector off for a short run and back on once the
// run has read collectAfter bytes. Only main makes one: a nil shortRun
// does nothing, so tests that run commands in their own process keep its
// collector as it is.
type shortRun struct {
	read    atomic.Int64
	off     atomic.Bool
	restore sync.Once
	percent int
	limit   int64
}

// start turns the collector off, unless the user tuned it through the
// environment (GOGC, GOMEMLIMIT), which then stays in charge.
func (s *shortRun) start() {
	if s == nil || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	s.limit = debug.SetMemoryLimit(shortRunLimit)
	s.percent = debug.SetGCPercent(-1)
	s.off.Store(true)
}

// add counts n bytes of input read, and turns the collector back on when
// the run has read collectAfter bytes in all.
func (s *shortRun) add(n int) {
	if s == nil || !s.off.Load() || s.read.Add(int64(n)) < collectAfter {
		return
	}
	s.restore.Do(func() {
		debug.SetGCPercent(s.percent)
		debug.SetMemoryLimit(s.limit)
		s.off.Store(false)
	})
}
