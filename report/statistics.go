package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/listlint/listlint/lint"
)

// Stat counts the findings of one rule, as --statistics prints them.
type Stat struct {
	Rule  string `json:"rule"`
	Title string `json:"title"`
	Count int    `json:"count"`
	// Fixable tells that listlint fix repairs some of the findings.
	Fixable bool `json:"fixable"`
}

// Statistics counts findings per rule, most frequent first, then by rule
// ID; rules give the titles.
func Statistics(findings []Finding, rules []*lint.Rule) []Stat {
	byRule := make(map[string]*Stat)
	var stats []*Stat
	for i := range findings {
		f := &findings[i]
		st := byRule[f.Rule]
		if st == nil {
			st = &Stat{Rule: f.Rule}
			byRule[f.Rule] = st
			stats = append(stats, st)
		}
		st.Count++
		st.Fixable = st.Fixable || f.Fixable()
	}
	for _, r := range rules {
		if st := byRule[r.ID]; st != nil {
			st.Title = r.Title
		}
	}
	out := make([]Stat, len(stats))
	for i, st := range stats {
		out[i] = *st
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// WriteStatistics prints one line per rule, as ruff --statistics does,
//
//	count  rule-id  [*] title
//
// with [*] for rules whose findings listlint fix repairs, followed, unless
// o.Quiet, by the summary line when there is any finding.
func WriteStatistics(w io.Writer, findings []Finding, o Options) error {
	stats := Statistics(findings, o.Rules)
	countWidth, ruleWidth := 0, 0
	for _, st := range stats {
		countWidth = max(countWidth, len(strconv.Itoa(st.Count)))
		ruleWidth = max(ruleWidth, utf8.RuneCountInString(st.Rule))
	}
	b := bufio.NewWriter(w)
	for _, st := range stats {
		mark := "   "
		if st.Fixable {
			mark = "[*]"
		}
		line := fmt.Sprintf("%*d  %-*s  %s %s", countWidth, st.Count, ruleWidth, st.Rule, mark, st.Title)
		_, _ = fmt.Fprintln(b, strings.TrimRight(line, " "))
	}
	if !o.Quiet && len(findings) > 0 {
		_, _ = fmt.Fprintln(b, Summary(findings))
	}
	return b.Flush()
}

// WriteStatisticsJSON prints the statistics as one JSON array.
func WriteStatisticsJSON(w io.Writer, findings []Finding, rules []*lint.Rule) error {
	stats := Statistics(findings, rules)
	if stats == nil {
		stats = []Stat{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(stats)
}
