package lint

import "testing"

// BenchmarkURLKey measures the common spelling, which must stay a
// substring of its input, and a mix of the spellings URLKey rewrites.
func BenchmarkURLKey(b *testing.B) {
	for _, bc := range []struct {
		name string
		urls []string
	}{
		{"plain", []string{
			"https://github.com/acme/mortar",
			"https://example.com/docs/guide",
			"https://www.example.org/",
			"https://example.net/tools/anvil.html",
		}},
		{"mixed", []string{
			"https://github.com/Acme/Mortar.git",
			"http://www.Example.com:80/docs/?utm_source=list&page=2",
			"https://example.org/~ann/notes#intro",
			"https://example.org/%7Eann/caf%C3%A9",
			"https://bücher.example/katalog?ref=list",
			"https://example.net/search?q=a%2Fb&fbclid=x",
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, u := range bc.urls {
					URLKey(u)
				}
			}
		})
	}
}
