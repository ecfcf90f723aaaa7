package rules

import "testing"

// TestTrailerAfterEmphasisMark: a description that is all emphasis
// marks, right after a "*" or "_" that is not its own, once made trailer
// call itself for ever (it looked back past the description's start).
func TestTrailerAfterEmphasisMark(t *testing.T) {
	for _, s := range []string{"**", "_x_", "**[a](b)**"} {
		src := []byte("*" + s)
		if at, kind := trailer(src, 1, len(src)); kind != trailerNone || at != len(src) {
			t.Errorf("trailer(%q) = %d, %d, want no trailer", s, at, kind)
		}
	}
}
