// Command gentree writes a tree of small generated lists (internal/listgen,
// awesome style) for timing check and fix over many files:
//
//	go run ./scripts/gentree DIR [FILES] [ENTRIES] [clean|dirty]
//
// defaults: 10000 files of 10 entries, dirty (every file needs a fix),
// 100 files a folder, each file with links of its own.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/listlint/listlint/internal/listgen"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gentree DIR [FILES] [ENTRIES] [clean|dirty]")
		os.Exit(2)
	}
	dir := os.Args[1]
	files, entries, clean := 10000, 10, false
	if len(os.Args) > 2 {
		files = atoi(os.Args[2])
	}
	if len(os.Args) > 3 {
		entries = atoi(os.Args[3])
	}
	if len(os.Args) > 4 {
		clean = os.Args[4] == "clean"
	}
	list := listgen.List(listgen.Awesome, entries, clean)
	for i := range files {
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", i/100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			fail(err)
		}
		// Links of its own per file: the same link in every file would
		// time cross-file duplicate detection instead.
		text := bytes.ReplaceAll(list, []byte("https://example.com/"), fmt.Appendf(nil, "https://example.com/f%05d/", i))
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%05d.md", i)), text, 0o644); err != nil {
			fail(err)
		}
	}
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		fail(fmt.Errorf("%q: want a positive number", s))
	}
	return n
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gentree:", err)
	os.Exit(2)
}
