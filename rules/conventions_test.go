package rules

import (
	"slices"
	"testing"
)

// TestConventions keeps Conventions in step with the rules: every rule
// with an Infer is in it, once, and no other.
func TestConventions(t *testing.T) {
	conv := Conventions()
	for _, r := range All() {
		if n := slices.Index(conv, r); (r.Infer != nil) != (n >= 0) {
			t.Errorf("%s: has Infer %v, in Conventions %v", r.ID, r.Infer != nil, n >= 0)
		}
	}
	for i, r := range conv {
		if slices.Index(conv, r) != i {
			t.Errorf("%s is in Conventions twice", r.ID)
		}
	}
}
