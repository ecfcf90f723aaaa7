package main

import (
	"runtime/debug"
	"testing"
)

// gcPercent returns the collector's percentage without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

func TestShortRun(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent, limit := gcPercent(), debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	s := new(shortRun)
	s.start()
	if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != -1 || l != shortRunLimit {
		t.Fatalf("after start: GC percent %d, limit %d; want -1, %d", p, l, shortRunLimit)
	}
	s.add(collectAfter - 1)
	if p := gcPercent(); p != -1 {
		t.Fatalf("one byte short of collectAfter: GC percent %d, want -1 (off)", p)
	}
	s.add(1)
	if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != percent || l != limit {
		t.Fatalf("after collectAfter bytes: GC percent %d, limit %d; want %d, %d as before", p, l, percent, limit)
	}
	s.add(collectAfter)
	if p := gcPercent(); p != percent {
		t.Fatalf("after more input: GC percent %d, want %d", p, percent)
	}
}

// TestShortRunUserTuned: GOGC or GOMEMLIMIT in the environment leave the
// collector to the user.
func TestShortRunUserTuned(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			t.Setenv(env, "1000")
			percent := gcPercent()
			s := new(shortRun)
			s.start()
			s.add(1)
			if p := gcPercent(); p != percent {
				t.Errorf("GC percent %d, want %d untouched", p, percent)
			}
		})
	}
}

// TestShortRunNil: tests that run commands in their own process have no
// shortRun, and their collector is left alone.
func TestShortRunNil(t *testing.T) {
	var s *shortRun
	percent := gcPercent()
	s.start()
	s.add(collectAfter)
	if p := gcPercent(); p != percent {
		t.Errorf("GC percent %d, want %d untouched", p, percent)
	}
}
