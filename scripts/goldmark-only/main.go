// Command goldmark-only is the yardstick for scripts/bench.sh: it reads
// each file, parses it with goldmark and walks the tree, nothing more.
package main

import (
	"fmt"
	"os"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func main() {
	nodes := 0
	for _, path := range os.Args[1:] {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		root := goldmark.New().Parser().Parse(text.NewReader(src))
		_ = ast.Walk(root, func(ast.Node, bool) (ast.WalkStatus, error) {
			nodes++
			return ast.WalkContinue, nil
		})
	}
	fmt.Println(nodes, "nodes")
}
