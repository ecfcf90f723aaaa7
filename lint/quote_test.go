package lint

import (
	"fmt"
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	for _, s := range []string{"", "Kuma", " a  b ", "a\tb\nc", "工具 名字", strings.Repeat("x", 39), strings.Repeat("x", 40), strings.Repeat("x", 41), strings.Repeat("工", 45), "a\u00a0b", "say \"hi\""} {
		want := strings.Join(strings.Fields(s), " ")
		if r := []rune(want); len(r) > 40 {
			want = string(r[:39]) + "…"
		}
		if got, w := Quote(s), fmt.Sprintf("%q", want); got != w {
			t.Errorf("Quote(%q) = %s, want %s", s, got, w)
		}
	}
}
