package rules

import (
	"encoding/json"
	"fmt"

	"github.com/listlint/listlint/lint"
)

// count is a value and how often it occurs (n) out of how many (of).
type count struct {
	value string
	n, of int
}

// dominantCount counts the most frequent of vals, ties going to the value
// seen first; of is 0 when vals is empty.
func dominantCount(vals []string) count {
	v, ok := lint.Dominant(vals)
	if !ok {
		return count{}
	}
	c := count{value: v, of: len(vals)}
	for _, x := range vals {
		if x == v {
			c.n++
		}
	}
	return c
}

// quoted is the value as a YAML double-quoted scalar (JSON strings are),
// as init writes it.
func (c count) quoted() string {
	q, err := json.Marshal(c.value)
	if err != nil {
		// Marshalling a string cannot fail.
		panic(err)
	}
	return string(q)
}

// pinned infers one option's value, with why it was chosen.
func pinned(value lint.OptionValue, why string, args ...any) lint.Inference {
	return lint.Inference{
		Options: []lint.OptionValue{value},
		Why:     fmt.Sprintf(why, args...),
	}
}
