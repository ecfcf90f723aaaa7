package rules

import (
	"github.com/listlint/listlint/lint"
)

// Options of year-prefix.
var (
	yearSeparator = lint.EnumOption("separator", "dominant", `what stands between year and name: "dominant", "-" or "~"`, "dominant", "-", "~", "_")
	yearMin       = lint.IntOption("min", 1970, "the earliest year a prefix may carry")
)

// YearPrefix checks the "2019-Name" year prefix of entries.
var YearPrefix = &lint.Rule{
	ID:    "year-prefix",
	Title: "a year prefix is written YYYY-Name",
	Doc: `Many lists date their entries with a year in front of the name:
"2019-Kuma". Written one way throughout, the prefix is easy to scan and to
sort on; written as "2019 Kuma", "2019- Kuma", "2019 - Kuma", "2019:Kuma" or
"2019_Kuma" it reads as part of the name.

The separator is the file's own: "-" or "~", whichever its entries use
most ("-" when none does), or "_" where it outnumbers both. Variants are rewritten to it. A prefix whose
year lies outside [min, current year] is reported without a fix, but only
when it is written "YYYY-" or "YYYY~" and could be a year (1900 to ten
years ahead); otherwise four leading digits are part of the name. Names
that merely start with digits ("1Backend", "2048", "3D Slicer") are never
touched, nor is "2015 年…" ("the year 2015" in Chinese titles).

Options:
  separator  "dominant" (default), "-", "~" or "_"
  min        the earliest plausible year (default 1970)`,
	Bad: `- [2019 Kuma](https://kuma.io/): A control plane.
- [2018- Envoy](https://www.envoyproxy.io/): An edge proxy.
`,
	Good: `- [2019-Kuma](https://kuma.io/): A control plane.
- [2018-Envoy](https://www.envoyproxy.io/): An edge proxy.
`,
	Severity: lint.Warning,
	Fixable:  true,
	Options:  []lint.Option{yearSeparator.Decl(), yearMin.Decl()},
	Presets: map[string]lint.Preset{
		"tagged": {Options: []lint.OptionValue{yearSeparator.Is("-")}},
	},
	Check: checkYearPrefix,
	Infer: inferYearPrefix,
}

func checkYearPrefix(p *lint.Pass) {
	doc := p.Doc
	lo, hi := yearMin.Get(p), p.Year
	inRange := func(y int) bool { return y >= lo && y <= hi }
	// The separator's bytes, compared without making a string per entry.
	sepOf := func(e *lint.Entry) []byte { return doc.Src[e.YearSep().Start:e.YearSep().End] }
	want := yearSeparator.Get(p)
	if want == "dominant" {
		// "-" and "~" compete, a tie going to the one seen first; "_"
		// wins only where it outnumbers both, as the file's own habit.
		dash, tilde, under, first := 0, 0, 0, ""
		for _, e := range doc.Items {
			if !e.Year().Valid() || !inRange(e.YearValue()) {
				continue
			}
			switch string(sepOf(e)) {
			case "-":
				dash++
				if first == "" {
					first = "-"
				}
			case "~":
				tilde++
				if first == "" {
					first = "~"
				}
			case "_":
				under++
			}
		}
		want = "-"
		switch {
		case under > dash && under > tilde:
			want = "_"
		case tilde > dash || tilde == dash && first == "~":
			want = "~"
		}
	}
	for _, e := range doc.Items {
		if !e.Year().Valid() {
			continue
		}
		sep := sepOf(e)
		canonical := string(sep) == "-" || string(sep) == "~"
		y := e.YearValue()
		if !inRange(y) {
			// "2048-cli" is a name; "2037-Foo" or "1960-Foo" a slip.
			if canonical && y >= 1900 && y <= hi+10 {
				p.Report(e.Year().Start, e.YearSep().End, nil,
					"year %d is outside %d..%d", y, lo, hi)
			}
			continue
		}
		if string(sep) == want {
			continue
		}
		p.Report(e.Year().Start, e.Name().End, &lint.Fix{
			Message: "write the year prefix as YYYY" + want,
			Edits:   []lint.TextEdit{{Pos: e.YearSep().Start, End: e.YearSep().End, NewText: want}},
		}, "year prefix separator is %q, expected %q", sep, want)
	}
}

// inferYearPrefix reads what most year prefixes put between year and
// name.
func inferYearPrefix(docs []*lint.Document) lint.Inference {
	var seps []string
	for _, doc := range docs {
		for _, e := range doc.Items {
			if e.IsEntry() && e.YearSep().Valid() {
				seps = append(seps, doc.Text(e.YearSep()))
			}
		}
	}
	c := dominantCount(seps)
	if c.of == 0 {
		return lint.Inference{Why: "No entry has a year prefix (2019-Name): year-prefix keeps its defaults."}
	}
	return pinned(yearSeparator.Is(c.value), "%d of %d year prefixes are written 2019%sName.", c.n, c.of, c.value)
}
