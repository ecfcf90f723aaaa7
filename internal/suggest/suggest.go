// Package suggest finds the likely intended word for a misspelt one, for
// "did you mean" hints in errors and findings.
package suggest

import "fmt"

// Closest returns the candidate closest to s when it is a likely typo: at
// most one edit per four letters. It returns "" when none is that close.
func Closest(s string, candidates []string) string {
	best, bestD := "", 0
	for _, c := range candidates {
		if n := len(s) - len(c); n > max(len(c)/4, 1) || -n > max(len(c)/4, 1) {
			// Too far apart to be a typo, whatever the letters; and the
			// distance to a huge value would cost its length squared.
			continue
		}
		if d := distance(s, c); d <= max(len(c)/4, 1) && (best == "" || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

// distance counts the insertions, deletions, substitutions and swaps of
// adjacent bytes that turn a into b (optimal string alignment distance).
func distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// DidYouMean is `, did you mean "X"?` when a candidate is close to s, for
// the end of an error message, else "".
func DidYouMean(s string, candidates []string) string {
	if c := Closest(s, candidates); c != "" {
		return fmt.Sprintf(", did you mean %q?", c)
	}
	return ""
}
