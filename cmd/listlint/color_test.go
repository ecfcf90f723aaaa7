package main

import (
	"os"
	"testing"
)

// TestColorOutput covers --color auto on a terminal, which a script test
// cannot have: the terminal check is the only fake.
func TestColorOutput(t *testing.T) {
	for _, tt := range []struct {
		env      map[string]string
		terminal bool
		want     bool
	}{
		{nil, true, true},
		{nil, false, false},
		{map[string]string{"NO_COLOR": "1"}, true, false},
		{map[string]string{"TERM": "dumb"}, true, false},
		{map[string]string{"TERM": "xterm-256color"}, true, true},
		{map[string]string{"FORCE_COLOR": "1"}, false, true},
		{map[string]string{"FORCE_COLOR": "0"}, false, false},
		{map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "1", "TERM": "dumb"}, false, true},
	} {
		getenv := func(k string) string { return tt.env[k] }
		isTerminal := func(int) bool { return tt.terminal }
		if got := colorOutput(os.Stdout, getenv, isTerminal); got != tt.want {
			t.Errorf("env %v, terminal %v: colour %v, want %v", tt.env, tt.terminal, got, tt.want)
		}
	}
}
