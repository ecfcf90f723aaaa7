package lint

import "testing"

func TestURLKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"https://example.com/", "example.com"},
		{"http://www.Example.COM/Path/", "example.com/Path"},
		{"HTTPS://example.com/a", "example.com/a"},
		{"//example.com/a", "example.com/a"},
		{"www.example.com/a", "example.com/a"},
		{"https://example.com/a#section", "example.com/a"},
		{"https://example.com/a/#section", "example.com/a"},
		{"https://example.com/a?utm_source=x&b=1&UTM_medium=y", "example.com/a?b=1"},
		{"https://example.com/a?utm_source=x", "example.com/a"},
		{"https://example.com/a/?b=1&c=2", "example.com/a?b=1&c=2"},
		{"https://example.com/a?", "example.com/a"},
		{"https://example.com:443/a", "example.com/a"},
		{"http://example.com:80/a", "example.com/a"},
		{"http://example.com:8080/a", "example.com:8080/a"},
		{"https://example.com./a", "example.com/a"},
		{"https://github.com/Owner/Repo.git", "github.com/owner/repo"},
		{"https://github.com/Owner/Repo/", "github.com/owner/repo"},
		{"https://www.github.com/Owner/Repo#readme", "github.com/owner/repo"},
		{"https://github.com/Owner/Repo/blob/main/README.md", "github.com/owner/repo/blob/main/README.md"},
		{"https://github.com/Owner", "github.com/owner"},
		{"https://gitlab.com/Group/Project", "gitlab.com/group/project"},
		{"https://example.com/Owner/Repo", "example.com/Owner/Repo"},
		{"https://example.com/x.git/", "example.com/x"},
		{"#anchor", ""},
		{"docs/Guide.md", "docs/Guide.md"},
		{"docs/Guide.md#part", "docs/Guide.md"},
		{"./Docs/", "./Docs"},
		{"mailto:Ann@Example.com", "mailto:Ann@Example.com"},
	} {
		if got := URLKey(tc.in); got != tc.want {
			t.Errorf("URLKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestURLKeyEqual lists spellings of one target that must compare equal,
// and near misses that must not.
func TestURLKeyEqual(t *testing.T) {
	same := [][]string{
		{"https://github.com/acme/mortar", "http://www.github.com/Acme/Mortar.git", "https://github.com/acme/mortar/#readme"},
		{"https://kuma.io/docs/?utm_source=list", "https://kuma.io/docs", "http://KUMA.io/docs/#what"},
	}
	for _, group := range same {
		for _, u := range group[1:] {
			if URLKey(u) != URLKey(group[0]) {
				t.Errorf("URLKey(%q) = %q, differs from URLKey(%q) = %q", u, URLKey(u), group[0], URLKey(group[0]))
			}
		}
	}
	differ := [][2]string{
		{"https://example.com/Docs", "https://example.com/docs"},
		{"https://github.com/acme/mortar", "https://github.com/acme/mortar/tree/dev"},
		{"https://example.com/a?page=1", "https://example.com/a?page=2"},
		{"https://a.example.com", "https://b.example.com"},
	}
	for _, p := range differ {
		if URLKey(p[0]) == URLKey(p[1]) {
			t.Errorf("URLKey(%q) == URLKey(%q) = %q", p[0], p[1], URLKey(p[0]))
		}
	}
}
