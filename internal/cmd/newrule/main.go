// Command newrule scaffolds a rule, in the manner of staticcheck's
// add-check: `go run ./internal/cmd/newrule ID` writes rules/ID.go (a
// rule with TODOs), testdata/rules/ID/bad.md (a fixture expecting one
// finding) and adds the rule to rules.All() in ID order. Run it from the
// module root; CONTRIBUTING.md says what to do next.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/listlint/listlint/rules"
)

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/cmd/newrule ID (kebab-case, such as heading-case)")
		os.Exit(2)
	}
	if err := scaffold(".", os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "newrule:", err)
		os.Exit(1)
	}
}

// scaffold writes the rule id's files under the module root dir.
func scaffold(dir, id string) error {
	if !kebab.MatchString(id) {
		return fmt.Errorf("%q is not a kebab-case rule ID", id)
	}
	if rules.ByID(id) != nil {
		return fmt.Errorf("rule %s exists", id)
	}
	name := goName(id)
	ruleFile := filepath.Join(dir, "rules", strings.ReplaceAll(id, "-", "_")+".go")
	fixtureDir := filepath.Join(dir, "testdata", "rules", id)
	registry := filepath.Join(dir, "rules", "rules.go")
	for _, p := range []string{ruleFile, fixtureDir} {
		if _, err := os.Stat(p); err == nil {
			return fmt.Errorf("%s exists", p)
		}
	}
	src, err := format.Source(fmt.Appendf(nil, ruleTemplate, name, id, name, name))
	if err != nil {
		return err
	}
	reg, err := os.ReadFile(registry)
	if err != nil {
		return err
	}
	if reg, err = register(reg, id, name); err != nil {
		return err
	}
	if err := os.MkdirAll(fixtureDir, 0o755); err != nil {
		return err
	}
	for path, data := range map[string][]byte{
		ruleFile:                            src,
		filepath.Join(fixtureDir, "bad.md"): []byte(fixtureTemplate),
		registry:                            reg,
	} {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
		fmt.Println("wrote", path)
	}
	return nil
}

// goName turns a rule ID into the name of its exported value:
// "heading-case" is HeadingCase.
func goName(id string) string {
	var b strings.Builder
	for _, w := range strings.Split(id, "-") {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// register adds name to the list All returns in rules.go, before the
// first rule whose ID sorts after id: the list's lines follow All()'s
// order, one rule a line.
func register(src []byte, id, name string) ([]byte, error) {
	open := []byte("return []*lint.Rule{\n")
	start := bytes.Index(src, open)
	if start < 0 {
		return nil, errors.New("rules.go: no list in All()")
	}
	at := start + len(open)
	for _, r := range rules.All() {
		if r.ID > id {
			break
		}
		next := bytes.IndexByte(src[at:], '\n')
		if next < 0 {
			return nil, errors.New("rules.go: All() lists fewer lines than rules")
		}
		at += next + 1
	}
	out := append([]byte(nil), src[:at]...)
	out = append(out, "\t\t"+name+",\n"...)
	return append(out, src[at:]...), nil
}

const ruleTemplate = `package rules

import "github.com/listlint/listlint/lint"

// %s reports TODO.
var %[1]s = &lint.Rule{
	ID:    %q,
	Title: "TODO: what holds when there is no finding",
	Doc: ` + "`" + `TODO: what the rule checks, why, and what it leaves alone.

The fix TODO (or: there is no fix, because TODO).` + "`" + `,
	Bad:      ` + "`" + `- [Alpha](https://alpha.example): First project.` + "`" + `,
	Good:     ` + "`" + `- [Alpha](https://alpha.example): First project.` + "`" + `,
	Severity: lint.Warning,
	Check:    check%s,
}

func check%s(p *lint.Pass) {
	_ = p.Doc // TODO: read the model, report with p.Report
}
`

const fixtureTemplate = `# Tools

TODO: lines the rule must report end with an expectation, as this one.

- [Alpha](https://alpha.example): First project. <!-- want "TODO: a regexp of the message" -->
`
