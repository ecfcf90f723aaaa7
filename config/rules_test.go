package config

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/lint"
	"github.com/listlint/listlint/rules"
)

// issueRules are the rules issue 2 and 4 name; the presets and the example
// configuration of issue 4 refer to them. Until every one is in
// rules.All(), the tests against the real rules skip.
var issueRules = []string{
	"description", "duplicate-name", "duplicate-url", "empty-section", "entry-link",
	"list-marker", "list-spacing", "project-tag", "separator", "sort-order",
	"unused-suppression", "whitespace", "year-prefix",
}

func realRules(t *testing.T) []*lint.Rule {
	t.Helper()
	var missing []string
	for _, id := range issueRules {
		if rules.ByID(id) == nil {
			missing = append(missing, id)
		}
	}
	if missing != nil {
		t.Skipf("rules not in rules.All() yet: %s", strings.Join(missing, ", "))
	}
	return rules.All()
}

// conventions returns the rules that infer conventions, in init's order,
// skipping like realRules until every rule exists.
func conventions(t *testing.T) []*lint.Rule {
	t.Helper()
	realRules(t)
	return rules.Conventions()
}

// TestPresetsAgainstRules decodes every preset strictly against the real
// rules: each rule, option and value it names must exist.
func TestPresetsAgainstRules(t *testing.T) {
	all := realRules(t)
	for _, name := range Presets() {
		src, _ := presetSource(name, all)
		if _, err := parse(".listlint.yml", []byte(src), all); err != nil {
			t.Errorf("preset %s: %v", name, err)
		}
	}
}

// TestIssueExample loads the configuration issue 4 shows.
func TestIssueExample(t *testing.T) {
	all := realRules(t)
	src := `preset: default
files:
  exclude: ["CHANGELOG.md", "docs/archive/**"]
rules:
  separator: { style: " - " }
  list-marker: { style: "-" }
  list-spacing: { style: tight }
  description: { required: true, final-punctuation: required }
  project-tag: { required: true, allowed: [Project, Book, Series] }
  year-prefix: { separator: "~", min: 1990 }
  sort-order: { by: year }
  duplicate-url: { scope: run }
  duplicate-name: off
  empty-section: { severity: info }
overrides:
  - files: ["Books/**"]
    rules: { project-tag: { allowed: [Book] } }
`
	if _, err := parse(".listlint.yml", []byte(src), all); err != nil {
		t.Error(err)
	}
}

// TestStarterOnRealLists runs init's detection on the seed fixture and
// awesome-go and loads the result against the real rules.
func TestStarterOnRealLists(t *testing.T) {
	all := realRules(t)
	for _, tt := range []struct{ path, preset string }{
		{"../../shared/fixtures/cloud-opensource-list.md", "tagged"},
		{"../../shared/corpus/mainstream/avelino__awesome-go@c4bc4eb4/README.md", "awesome"},
	} {
		src, err := os.ReadFile(tt.path)
		if os.IsNotExist(err) {
			t.Skipf("%s absent", tt.path)
		}
		if err != nil {
			t.Fatal(err)
		}
		doc, err := lint.Parse(tt.path, src)
		if err != nil {
			t.Fatal(err)
		}
		text := Detect([]*lint.Document{doc}, rules.Conventions()).Starter(all)
		if _, err := parse(".listlint.yml", text, all); err != nil {
			t.Errorf("%s: starter does not load: %v\n%s", tt.path, err, text)
		}
		if !bytes.Contains(text, []byte("preset: "+tt.preset+"\n")) || bytes.Contains(text, []byte("not pinned")) {
			t.Errorf("%s: starter:\n%s", tt.path, text)
		}
	}
}

func compileSchema(t *testing.T, raw []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validate checks YAML text against the schema, as an editor would.
func validate(t *testing.T, sch *jsonschema.Schema, src string) error {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	if v == nil {
		v = map[string]any{}
	}
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(inst)
}

// TestSchemaAgreesWithDecoder feeds the same files to the decoder and to
// a JSON Schema validator: both accept or both reject.
func TestSchemaAgreesWithDecoder(t *testing.T) {
	// The presets name spelling, which the test rules lack.
	rs := append(testRules(), &lint.Rule{ID: "spelling", Severity: lint.Warning, Off: true})
	raw, err := Schema(rs)
	if err != nil {
		t.Fatal(err)
	}
	sch := compileSchema(t, raw)
	srcs := []string{
		"",
		"preset: awesome\n",
		"preset: fancy\n",
		"prest: awesome\n",
		"files:\n  exclude: [a.md, \"b/**\"]\n",
		"files:\n  exclude: a.md\n",
		"files:\n  include: [a]\n",
		"rules:\n  separator: off\n  duplicate-name: error\n",
		"rules:\n  separator: warn\n",
		"rules:\n  sepaator: off\n",
		"rules:\n  separator: { style: \" - \", severity: info }\n",
		"rules:\n  separator: { style: \"x\" }\n",
		"rules:\n  separator: { styel: \" - \" }\n",
		"rules:\n  year-prefix: { min: 1990 }\n",
		"rules:\n  year-prefix: { min: \"1990\" }\n",
		"rules:\n  description: { required: true }\n",
		"rules:\n  description: { required: \"yes\" }\n",
		"rules:\n  project-tag: { allowed: [Book] }\n",
		"rules:\n  project-tag: { allowed: Book }\n",
		"rules:\n  project-tag: { allowed: [Book, 7] }\n",
		"rules:\n  duplicate-name: { scope: run }\n",
		"overrides:\n  - files: [\"a/**\"]\n    rules: { separator: off }\n",
		"overrides:\n  - rules: { separator: off }\n",
		"overrides:\n  - files: [\"a/**\"]\n    rule: { separator: off }\n",
		"overrides:\n  files: [a]\n",
	}
	for _, name := range Presets() {
		src, _ := presetSource(name, rs)
		srcs = append(srcs, src)
	}
	dir := write(t, map[string]string{".listlint.yml": "preset: tagged\nrules:\n  duplicate-name: off\n"})
	c, err := Load(filepath.Join(dir, ".listlint.yml"), rs)
	if err != nil {
		t.Fatal(err)
	}
	srcs = append(srcs, c.Effective(filepath.Join(dir, "a.md")))
	docs := parseDocs(t, "- [2019-A #Project#](u): A.\n\n- [B #Book#](u): B.\n\n- [C #Project#](u): C.\n")
	srcs = append(srcs, string(Detect(docs, rules.Conventions()).Starter(rs)))
	rejected := 0
	for _, src := range srcs {
		_, loadErr := parse(".listlint.yml", []byte(src), rs)
		schemaErr := validate(t, sch, src)
		if (loadErr == nil) != (schemaErr == nil) {
			t.Errorf("decoder and schema disagree on\n%s\ndecoder: %v\nschema: %v", src, loadErr, schemaErr)
		}
		if schemaErr != nil {
			rejected++
		}
	}
	if rejected != 16 {
		t.Errorf("schema rejected %d files, want the 16 invalid ones", rejected)
	}
}
