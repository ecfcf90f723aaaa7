package config

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/listlint/listlint/rules"
)

var update = flag.Bool("update", false, "rewrite schema/listlint.schema.json from the rules")

var schemaFile = filepath.Join("..", "schema", "listlint.schema.json")

// TestSchemaUpToDate regenerates the JSON Schema from rules.All() and
// compares it with the committed file, so that the schema editors use and
// the rules' options never drift apart. Run with -update after changing a
// rule's options, and review the diff.
func TestSchemaUpToDate(t *testing.T) {
	got, err := Schema(rules.All())
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(schemaFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatalf("%v: run go test ./config -run TestSchemaUpToDate -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date with the rules: run go test ./config -run TestSchemaUpToDate -update and review the diff", schemaFile)
	}
}

// TestSchemaShape checks the generated schema against the decoder on the
// test rules: the same top-level keys, one entry per rule, each option
// typed by its default and limited to its allowed values.
func TestSchemaShape(t *testing.T) {
	rs := testRules()
	raw, err := Schema(rs)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties  map[string]json.RawMessage
		Definitions struct {
			Rules struct {
				Properties map[string]struct {
					OneOf []struct {
						Properties map[string]struct {
							Type    string
							Enum    []string
							Default any
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Properties) != len(topKeys) {
		t.Errorf("schema has %d top-level keys, the decoder %d", len(s.Properties), len(topKeys))
	}
	for _, k := range topKeys {
		if _, ok := s.Properties[k]; !ok {
			t.Errorf("schema lacks key %q", k)
		}
	}
	if len(s.Definitions.Rules.Properties) != len(rs) {
		t.Errorf("schema has %d rules, want %d", len(s.Definitions.Rules.Properties), len(rs))
	}
	sep := s.Definitions.Rules.Properties["separator"].OneOf[1].Properties["style"]
	if sep.Type != "string" || len(sep.Enum) != 6 || sep.Default != "dominant" {
		t.Errorf("separator.style schema = %+v", sep)
	}
	if min := s.Definitions.Rules.Properties["year-prefix"].OneOf[1].Properties["min"]; min.Type != "integer" {
		t.Errorf("year-prefix.min schema = %+v", min)
	}
	if tags := s.Definitions.Rules.Properties["project-tag"].OneOf[1].Properties["allowed"]; tags.Type != "array" {
		t.Errorf("project-tag.allowed schema = %+v", tags)
	}
}
