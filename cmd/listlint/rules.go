package main

//go:generate go test -run TestRuleDocsUpToDate -update .

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/listlint/listlint/internal/suggest"
	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/report"
	"github.com/listlint/listlint/rules"
)

func (c *cli) rulesFlags(*pflag.FlagSet) func([]string) int {
	return func(args []string) int {
		switch len(args) {
		case 0:
			if err := ruleTable(c.stdout, rules.All()); err != nil {
				return c.fail(err)
			}
			return exitClean
		case 1:
			r := rules.ByID(args[0])
			if r == nil {
				return c.fail(fmt.Errorf("unknown rule %q%s (listlint rules lists them)", args[0], suggest.DidYouMean(args[0], ruleIDs())))
			}
			if _, err := io.WriteString(c.stdout, report.RuleMarkdown(r, 1)); err != nil {
				return c.fail(err)
			}
			return exitClean
		}
		return c.usageError("rules", "takes at most one rule ID, got %d arguments", len(args))
	}
}

func ruleIDs() []string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	return ids
}

// ruleTable prints one aligned row per rule: ID, default severity (off
// for a rule off by default), whether fix repairs it, title.
func ruleTable(w io.Writer, rs []*lint.Rule) error {
	rows := [][]string{{"ID", "SEVERITY", "FIX", "TITLE"}}
	for _, r := range rs {
		fix := "no"
		if r.Fixable {
			fix = "yes"
		}
		rows = append(rows, []string{r.ID, report.DefaultSeverity(r), fix, r.Title})
	}
	_, err := io.WriteString(w, align(rows))
	return err
}
