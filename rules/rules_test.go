package rules

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/listlint/listlint/lint/linttest"
)

var update = flag.Bool("update", false, "rewrite the golden files of rule fixtures")

// TestFixtures runs each rule alone on its fixtures, testdata/rules/<id>
// (see package linttest for how they are written).
func TestFixtures(t *testing.T) {
	for _, r := range All() {
		if r.Command != "" {
			continue // tested with its command's package (links)
		}
		linttest.Run(t, r, filepath.Join("..", "testdata", "rules", r.ID), *update)
	}
}
