package config

import (
	"fmt"

	"github.com/listlint/listlint/lint"
)

// RuleOptions decodes the options of rule r written as a one-line YAML
// (or JSON) mapping, as a configuration file's rules.<id> entry holds
// them, and returns them over the rule's defaults. Test fixtures set
// options this way, checked as a file's are; name says where they stand
// in messages.
func RuleOptions(name string, r *lint.Rule, mapping []byte) (map[string]any, error) {
	src := fmt.Appendf(nil, "rules:\n  %s: %s\n", r.ID, mapping)
	c, err := parse(name, src, []*lint.Rule{r})
	if err != nil {
		return nil, err
	}
	return c.Settings(name, r).Options, nil
}
