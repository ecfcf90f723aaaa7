package suggest

import "testing"

func TestClosest(t *testing.T) {
	candidates := []string{"sort-order", "separator", "check", "fix", "json"}
	for _, tt := range []struct{ in, want string }{
		{"sort-ordr", "sort-order"}, // a deletion
		{"sepaator", "separator"},   // a substitution
		{"chekc", "check"},          // a swap
		{"fxi", "fix"},              // a swap in a short word
		{"jsn", "json"},
		{"bogus", ""}, // nothing close
		{"x", ""},
	} {
		if got := Closest(tt.in, candidates); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
