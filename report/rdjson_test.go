package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestRDJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := RDJSON(&buf, testFindings(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "rdjson.json", buf.Bytes())
}

// TestRDJSONContent checks byte columns and that each suggestion, applied
// line-wise as reviewdog does, gives the fixer's bytes.
func TestRDJSONContent(t *testing.T) {
	fs := testFindings(t)
	var buf bytes.Buffer
	if err := RDJSON(&buf, fs); err != nil {
		t.Fatal(err)
	}
	type pos struct{ Line, Column int }
	var res struct {
		Severity    string
		Diagnostics []struct {
			Location struct {
				Path  string
				Range struct{ Start, End pos }
			}
			Suggestions []struct {
				Range struct{ Start, End pos }
				Text  string
			}
		}
	}
	dec := json.NewDecoder(&buf)
	if err := dec.Decode(&res); err != nil {
		t.Fatal(err)
	}
	if res.Severity != "ERROR" || len(res.Diagnostics) != len(fs) {
		t.Fatalf("severity %s, %d diagnostics", res.Severity, len(res.Diagnostics))
	}
	// Line 6 of the cloud list: "- [存储 Store](...) - Keeps | things";
	// "Keeps" is character 39 but byte 43.
	if got := res.Diagnostics[1].Location.Range.Start; got != (pos{6, 43}) || fs[1].Column != 39 {
		t.Errorf("start %+v (character column %d)", got, fs[1].Column)
	}
	// The BOM is bytes of line 1: "# B" after it starts at byte 4.
	if got := res.Diagnostics[4].Location.Range.End; got != (pos{1, 4}) {
		t.Errorf("end %+v", got)
	}
	for i, d := range res.Diagnostics {
		f := &fs[i]
		if f.Fix == nil {
			if len(d.Suggestions) != 0 {
				t.Errorf("diagnostic %d: suggestion without a fix", i)
			}
			continue
		}
		if len(d.Suggestions) != 1 || d.Suggestions[0].Range.Start.Column != 0 || d.Suggestions[0].Range.End.Column != 0 {
			t.Fatalf("diagnostic %d: want one line-wise suggestion, got %+v", i, d.Suggestions)
		}
		s := d.Suggestions[0]
		// An empty text deletes the lines, as reviewdog writes it.
		var lines []string
		if s.Text != "" {
			lines = strings.Split(s.Text, f.Doc.LineEnding)
		}
		got := replaceLines(f.Doc, s.Range.Start.Line, s.Range.End.Line, lines)
		if want := applyFix(t, f); !bytes.Equal(got, want) {
			t.Errorf("diagnostic %d: suggestion gives\n%q\nwant\n%q", i, got, want)
		}
	}
}
