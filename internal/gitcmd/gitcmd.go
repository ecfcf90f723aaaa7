// Package gitcmd runs the real git binary for the commands that read a
// work tree: the walk that honours .gitignore and pull-request mode.
package gitcmd

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// Output runs the git subcommand sub with args in dir and returns its
// standard output. Names are written unquoted (core.quotePath), so a
// non-ASCII name reads as itself. A failure names the subcommand and
// carries git's first line of complaint; the *exec.ExitError stays
// reachable with errors.As.
func Output(dir, sub string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-c", "core.quotePath=false", sub}, args...)...)
	cmd.Dir = dir
	// Reading must not take the index lock another git process may hold
	// (a pre-commit hook runs while git commit holds it).
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg != "" {
			return nil, fmt.Errorf("git %s: %w: %s", sub, err, msg)
		}
		return nil, fmt.Errorf("git %s: %w", sub, err)
	}
	return out, nil
}
