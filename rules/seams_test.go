package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestNoPrivateHelpersAcrossRules keeps each rule in its own files: no
// rule file calls an unexported function or method defined in another
// rule's files. A rule's files are ID.go and ID_*.go (with "-" as "_");
// shared helpers belong in the model (package lint), in internal/text,
// or in a file of this package that belongs to no rule.
func TestNoPrivateHelpersAcrossRules(t *testing.T) {
	owners := map[string]string{} // rule-file base name -> rule ID
	ids := make([]string, 0, len(All()))
	for _, r := range All() {
		ids = append(ids, strings.ReplaceAll(r.ID, "-", "_"))
	}
	// Longest first, so that duplicate_name_x.go is duplicate_name's.
	sort.Slice(ids, func(i, j int) bool { return len(ids[i]) > len(ids[j]) })
	owner := func(file string) string {
		base := strings.TrimSuffix(filepath.Base(file), ".go")
		if o, ok := owners[base]; ok {
			return o
		}
		for _, id := range ids {
			if base == id || strings.HasPrefix(base, id+"_") {
				owners[base] = id
				return id
			}
		}
		owners[base] = ""
		return ""
	}
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*ast.File{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		if files[name], err = parser.ParseFile(fset, name, nil, 0); err != nil {
			t.Fatal(err)
		}
	}
	// Where each unexported top-level function is defined; methods by
	// receiver type and name.
	defined := map[string]string{}
	for file, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || ast.IsExported(fd.Name.Name) || fd.Recv != nil {
				continue
			}
			defined[fd.Name.Name] = file
		}
	}
	for file, f := range files {
		from := owner(file)
		if from == "" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			id, ok := call.Fun.(*ast.Ident)
			if !ok || id.Obj != nil && id.Obj.Kind != ast.Fun {
				return true
			}
			def, ok := defined[id.Name]
			if ok && owner(def) != "" && owner(def) != from {
				t.Errorf("%s calls %s, a helper of %s: move it to lint, internal/text or a shared file",
					fset.Position(call.Pos()), id.Name, filepath.Base(def))
			}
			return true
		})
	}
}
