package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/lint/linttest"
)

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// TestRegistry checks the registry as go/analysis's Validate checks
// analyzers: what every rule must declare, and that its documented
// examples are true to it.
func TestRegistry(t *testing.T) {
	all := All()
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
	}
	if !slices.IsSorted(ids) {
		t.Errorf("All() is not in ID order: %v", ids)
	}
	if len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Errorf("All() repeats an ID: %v", ids)
	}
	for _, r := range all {
		t.Run(r.ID, func(t *testing.T) {
			if !kebab.MatchString(r.ID) {
				t.Errorf("ID %q is not kebab-case", r.ID)
			}
			for what, s := range map[string]string{"Title": r.Title, "Doc": r.Doc, "Bad": r.Bad, "Good": r.Good} {
				if strings.TrimSpace(s) == "" {
					t.Errorf("no %s", what)
				}
			}
			switch {
			case r.Command != "":
				if r.Check != nil || r.CheckRun != nil {
					t.Errorf("runs under %q, yet sets Check or CheckRun: its command supplies them", r.Command)
				}
			case r.ID == lint.UnusedSuppression:
				// The engine reports it while applying suppressions.
			case (r.Check == nil) == (r.CheckRun == nil):
				t.Errorf("sets %s of Check and CheckRun, want exactly one", map[bool]string{true: "neither", false: "both"}[r.Check == nil])
			}
			checkOptions(t, r)
			if r.Command == "" {
				checkExamples(t, all, r)
			}
		})
	}
}

// checkOptions checks that r's options are named, documented and typed,
// and that each default is one of the allowed values.
func checkOptions(t *testing.T, r *lint.Rule) {
	seen := map[string]bool{}
	for _, o := range r.Options {
		if !kebab.MatchString(o.Name) || seen[o.Name] {
			t.Errorf("option %q: not kebab-case, or declared twice", o.Name)
		}
		seen[o.Name] = true
		if o.Doc == "" {
			t.Errorf("option %q has no Doc", o.Name)
		}
		switch d := o.Default.(type) {
		case string:
			if o.Allowed != nil && !slices.Contains(o.Allowed, d) {
				t.Errorf("option %q: default %q is not allowed (%q)", o.Name, d, o.Allowed)
			}
		case int, bool, []string:
		default:
			t.Errorf("option %q: default of type %T, want string, int, bool or []string", o.Name, d)
		}
	}
}

// exampleOptions are the options a rule's doc says its examples are
// checked with, where they differ from the defaults.
var exampleOptions = map[*lint.Rule][]lint.OptionValue{
	SortOrder: {sortBy.Is(byName)},
}

// checkExamples runs the rules of all through the engine as check does,
// with their defaults and r on: r's Bad example must yield at least one
// finding of r, with a well-formed message, and its Good example none.
func checkExamples(t *testing.T, all []*lint.Rule, r *lint.Rule) {
	var checked []*lint.Rule
	for _, c := range all {
		if c.Command == "" {
			checked = append(checked, c)
		}
	}
	l := &lint.Linter{
		Rules: checked,
		Configure: func(_ string, c *lint.Rule) lint.Settings {
			s := c.Defaults()
			if c == r {
				s.Off = false
				for _, o := range exampleOptions[r] {
					s.Options[o.Name] = o.Value
				}
			}
			return s
		},
		Limits: linttest.Limits,
	}
	run := func(example string) (found []lint.Diagnostic) {
		doc, err := l.Parse("example.md", []byte(example))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range l.Run([]*lint.Document{doc})[0].Diagnostics {
			if d.Rule == r.ID {
				found = append(found, d)
			}
		}
		return found
	}
	bad := run(r.Bad)
	if len(bad) == 0 {
		t.Errorf("the Bad example yields no finding:\n%s", r.Bad)
	}
	for _, d := range bad {
		if err := wellFormed(d.Message); err != nil {
			t.Errorf("message %q: %v", d.Message, err)
		}
	}
	for _, d := range run(r.Good) {
		t.Errorf("the Good example yields %q", d.Message)
	}
}

// wellFormed checks a message's house style: lowercase first letter
// (an acronym such as "URL" aside), no final period.
func wellFormed(msg string) error {
	first, _ := utf8.DecodeRuneInString(msg)
	word, _, _ := strings.Cut(msg, " ")
	switch {
	case msg == "":
		return fmt.Errorf("empty")
	case unicode.IsUpper(first) && strings.ToUpper(word) != word:
		return fmt.Errorf("starts with a capital")
	case strings.HasSuffix(msg, "."):
		return fmt.Errorf("ends with a period")
	}
	return nil
}
