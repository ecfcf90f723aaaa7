package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func sarifOutput(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := SARIF(&buf, testFindings(t), testRules(), "1.2.3"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSARIFGolden(t *testing.T) {
	golden(t, "sarif.json", sarifOutput(t))
}

// sarifSchema compiles the official SARIF 2.1.0 schema (OASIS, errata 01)
// vendored in testdata, with format assertions on.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	}()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if id := doc.(map[string]any)["id"]; id != SARIFSchema {
		t.Fatalf("vendored schema id %v, want %s", id, SARIFSchema)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SARIFSchema, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SARIFSchema)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(sch *jsonschema.Schema, out []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

func TestSARIFSchema(t *testing.T) {
	sch := sarifSchema(t)
	out := sarifOutput(t)
	if err := validateSARIF(sch, out); err != nil {
		t.Fatalf("output is not valid SARIF 2.1.0: %v", err)
	}
	var empty bytes.Buffer
	if err := SARIF(&empty, nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	if err := validateSARIF(sch, empty.Bytes()); err != nil {
		t.Errorf("empty log is not valid SARIF 2.1.0: %v\n%s", err, empty.Bytes())
	}
	// The check must be able to fail: each of these breaks the schema.
	for _, bad := range []struct{ from, to string }{
		{`"version": "2.1.0"`, `"version": "2.0.0"`},
		{`"level": "note"`, `"level": "info"`},
		{`"startLine": 5`, `"startLine": 0`},
		{`"ruleIndex": 0`, `"ruleIndex": "0"`},
		{`"informationUri": "https://github.com/listlint/listlint"`, `"informationUri": "not a uri"`},
		{`"columnKind": "unicodeCodePoints"`, `"columnKind": "characters"`},
		{`"ruleId"`, `"rule"`},
	} {
		mutated := strings.Replace(string(out), bad.from, bad.to, 1)
		if mutated == string(out) {
			t.Errorf("%s not found in output", bad.from)
			continue
		}
		if validateSARIF(sch, []byte(mutated)) == nil {
			t.Errorf("schema accepted output with %s", bad.to)
		}
	}
}

// TestSARIFContent checks what the schema cannot: every rule is
// described, each result points at its rule, URIs are escaped, and each
// fix's replacements give the fixer's bytes.
func TestSARIFContent(t *testing.T) {
	fs := testFindings(t)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
						Help    struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion   struct{ ByteOffset, ByteLength int }
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(sarifOutput(t), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	rules := testRules()
	if len(run.Tool.Driver.Rules) != len(rules) {
		t.Fatalf("%d rules described, want %d", len(run.Tool.Driver.Rules), len(rules))
	}
	for i, r := range run.Tool.Driver.Rules {
		if r.ID != rules[i].ID || r.HelpURI != RuleURL(r.ID) || !strings.Contains(r.Help.Text, rules[i].Doc) || (rules[i].Good != "" && !strings.Contains(r.Help.Text, indent(strings.TrimSpace(rules[i].Good)))) {
			t.Errorf("rule %d: %+v", i, r)
		}
	}
	if got := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "docs/cloud%20list.md" {
		t.Errorf("uri %q", got)
	}
	if got := run.Results[len(fs)-1].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "./odd,%20name:%20%231.md" {
		t.Errorf("uri %q", got)
	}
	for i, res := range run.Results {
		f := &fs[i]
		if rules[res.RuleIndex].ID != f.Rule || res.RuleID != f.Rule {
			t.Errorf("result %d: rule %s index %d", i, res.RuleID, res.RuleIndex)
		}
		if reg := res.Locations[0].PhysicalLocation.Region; reg.StartLine != f.Line || reg.StartColumn != f.Column {
			t.Errorf("result %d: region %+v", i, reg)
		}
		if f.Fix == nil {
			continue
		}
		src := append([]byte(nil), f.Doc.Src...)
		reps := res.Fixes[0].ArtifactChanges[0].Replacements
		for j := len(reps) - 1; j >= 0; j-- {
			r := reps[j]
			tail := append([]byte(r.InsertedContent.Text), src[r.DeletedRegion.ByteOffset+r.DeletedRegion.ByteLength:]...)
			src = append(src[:r.DeletedRegion.ByteOffset], tail...)
		}
		if want := applyFix(t, f); !bytes.Equal(src, want) {
			t.Errorf("result %d: replacements give\n%q\nwant\n%q", i, src, want)
		}
	}
}

func TestArtifactURI(t *testing.T) {
	for in, want := range map[string]string{
		"a.md":             "a.md",
		"docs/a b&c.md":    "docs/a%20b&c.md",
		"x:y.md":           "./x:y.md",
		"100%.md":          "100%25.md",
		"/abs/dir/é?.md":   "file:///abs/dir/%C3%A9%3F.md",
		"q#frag/readme.md": "q%23frag/readme.md",
	} {
		if got := artifactURI(in); got != want {
			t.Errorf("artifactURI(%q) = %q, want %q", in, got, want)
		}
	}
}
