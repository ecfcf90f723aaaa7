package rules

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/listlint/listlint/lint"
)

// The pass over every pair of copies that nameCopies replaced: the
// reference its index must agree with.

// sameProject reports whether two links under one name point at one
// project: the same forge repository, the same host (not a publisher of
// many authors), a short link, or a forge repository named like the entry
// whose owner names the other link's host (github.com/popmotion/popmotion
// and popmotion.io). Anything else is taken for two projects that share a
// name: awesome-go lists a dozen packages called "log", and "goblin" the
// test framework is not goblin.run. A moved repository or a project's site
// on a host of another name is missed rather than risk those.
func sameProject(a, b site, nameKey string) bool {
	fa, fb := forges[a.host], forges[b.host]
	switch {
	case fa && fb:
		return a.host == b.host && a.repo == b.repo
	case shorteners[a.host] || shorteners[b.host]:
		return true
	case a.host == b.host:
		return !publishers[a.host]
	case fa:
		return ownSite(a, b.host, nameKey)
	case fb:
		return ownSite(b, a.host, nameKey)
	}
	return false
}

// ownSite reports whether host is the site of the forge repository
// "owner/repo" named nameKey: the repository is named after the entry and
// a label of host, the top-level domain aside, is its owner.
func ownSite(repo site, host, nameKey string) bool {
	owner, name, ok := strings.Cut(repo.repo, "/")
	if !ok || lint.NameKey([]byte(name)) != nameKey {
		return false
	}
	labels := strings.Split(host, ".")
	for _, l := range labels[:len(labels)-1] {
		if l == owner {
			return true
		}
	}
	return false
}

// sameTags reports whether two entries may name the same thing by their
// tags: an entry without tags matches any, two tagged entries must carry
// the same tags (in any case and order).
func sameTags(da *lint.Document, a *lint.Entry, db *lint.Document, b *lint.Entry) bool {
	if len(a.Tags()) == 0 || len(b.Tags()) == 0 {
		return true
	}
	if len(a.Tags()) != len(b.Tags()) {
		return false
	}
	for _, ta := range a.Tags() {
		found := false
		for _, tb := range b.Tags() {
			if strings.EqualFold(da.Text(ta), db.Text(tb)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// refFirstCopy returns the first of the earlier copies that names the
// same thing as c.
func refFirstCopy(earlier []copyOf, c copyOf) (copyOf, bool) {
	s := siteOf(c.e.URLKey())
	for _, f := range earlier {
		if f.e.YearValue() != 0 && c.e.YearValue() != 0 && f.e.YearValue() != c.e.YearValue() {
			continue
		}
		if !sameTags(f.doc, f.e, c.doc, c.e) || !sameProject(siteOf(f.e.URLKey()), s, c.e.NameKey()) {
			continue
		}
		return f, true
	}
	return copyOf{}, false
}

// TestNameIndexAgrees lists names under random links, years and tags,
// and checks that the index finds the first copy the pass over every
// earlier copy finds, and skips the same copies of one target.
func TestNameIndexAgrees(t *testing.T) {
	links := []string{
		"https://github.com/kuma/kuma", "https://github.com/kuma/kuma/tree/dev", "https://github.com/other/kuma",
		"https://github.com/kuma/docs", "https://gitlab.com/kuma/kuma", "https://kuma.io/", "https://kuma.io/docs",
		"https://docs.kuma.io/", "https://bit.ly/k1", "https://bit.ly/k2", "https://medium.com/@a/kuma",
		"https://medium.com/@b/kuma", "https://example.com/kuma", "https://example.com/other", "https://www.example.org/",
	}
	years := []string{"", "", "2019-", "2020-"}
	tags := []string{"", "", " #Book#", " #Project#", " #book#"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		var b strings.Builder
		b.WriteString("# Tools\n\n")
		for range 2 + rng.IntN(30) {
			name := []string{"Kuma", "Other"}[rng.IntN(2)]
			fmt.Fprintf(&b, "- [%s%s%s](%s): A tool.\n", years[rng.IntN(len(years))], name,
				tags[rng.IntN(len(tags))], links[rng.IntN(len(links))])
		}
		src := b.String()
		doc, err := lint.ParseLimits("list.md", []byte(src), lint.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		idx := newNameIndex(len(doc.Items))
		earlier := map[string][]copyOf{}
		for _, e := range doc.Items {
			if !e.IsEntry() || e.NameKey() == "" {
				continue
			}
			c := copyOf{doc, e}
			key := qualifiedName(e)
			got, gotOK := idx.note(key, c)
			var want copyOf
			wantOK, listed := false, false
			for _, o := range earlier[key] {
				listed = listed || o.e.URLKey() == e.URLKey()
			}
			if !listed {
				want, wantOK = refFirstCopy(earlier[key], c)
				earlier[key] = append(earlier[key], c)
			}
			if gotOK != wantOK || got.e != want.e {
				t.Fatalf("round %d, line %d: index found %v (%v), the pass %v (%v), in\n%s",
					round, doc.Line(e.Name().Start), gotOK, lineOf(doc, got), wantOK, lineOf(doc, want), src)
			}
		}
	}
}

func lineOf(doc *lint.Document, c copyOf) int {
	if c.e == nil {
		return 0
	}
	return doc.Line(c.e.Name().Start)
}
