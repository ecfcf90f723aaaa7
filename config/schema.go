package config

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/listlint/listlint/lint"
)

// The schema file is generated from the rules' option declarations;
// TestSchemaUpToDate fails when it is stale.
//go:generate go test -run TestSchemaUpToDate -update .

// SchemaURL is where editors find the JSON Schema of the file, for a
// "# yaml-language-server: $schema=..." first line.
const SchemaURL = "https://raw.githubusercontent.com/listlint/listlint/main/schema/listlint.schema.json"

// Schema returns the JSON Schema (draft-07) of the configuration file for
// rules: the file's keys come from the decoder's own key lists and each
// rule's options from its metadata, so the schema and the decoder agree.
func Schema(rules []*lint.Rule) ([]byte, error) {
	ruleProps := map[string]any{}
	for _, r := range rules {
		opts := map[string]any{severityKey: ref("level")}
		for _, o := range r.Options {
			s, err := optionSchema(r, o)
			if err != nil {
				return nil, err
			}
			opts[o.Name] = s
		}
		ruleProps[r.ID] = map[string]any{
			"description": r.Title,
			"oneOf": []any{
				ref("level"),
				map[string]any{"type": "object", "additionalProperties": false, "properties": opts},
			},
		}
	}
	globs := map[string]any{
		"type":        "array",
		"items":       map[string]any{"type": "string"},
		"description": "doublestar globs (** spans folders) relative to the folder of the configuration file",
	}
	props := map[string]any{}
	for _, k := range topKeys {
		switch k {
		case "preset":
			props[k] = map[string]any{
				"enum": Presets(), "default": "default",
				"description": "a set of rule settings the file's rules apply on top of",
			}
		case "files":
			fp := map[string]any{}
			for _, fk := range filesKeys {
				fp[fk] = globs
			}
			props[k] = map[string]any{"type": "object", "additionalProperties": false, "properties": fp}
		case "links":
			lp := map[string]any{}
			for _, lk := range linksKeys {
				lp[lk] = map[string]any{
					"type": "array", "items": map[string]any{"type": "string", "format": "regex"},
					"description": "regular expressions (Go syntax) of the URLs listlint links does not check",
				}
			}
			props[k] = map[string]any{"type": "object", "additionalProperties": false, "properties": lp}
		case "rules":
			props[k] = ref("rules")
		case "overrides":
			op := map[string]any{}
			for _, ok := range overrideKeys {
				switch ok {
				case "files":
					op[ok] = globs
				case "rules":
					op[ok] = ref("rules")
				default:
					return nil, fmt.Errorf("schema: no schema for overrides key %q", ok)
				}
			}
			props[k] = map[string]any{
				"type":        "array",
				"description": "settings for the files matching any of the globs, applied in order",
				"items":       map[string]any{"type": "object", "additionalProperties": false, "required": []string{"files"}, "properties": op},
			}
		default:
			return nil, fmt.Errorf("schema: no schema for key %q", k)
		}
	}
	schema := map[string]any{
		"$schema":              "http://json-schema.org/draft-07/schema#",
		"$id":                  SchemaURL,
		"title":                "listlint configuration (.listlint.yml)",
		"type":                 "object",
		"additionalProperties": false,
		"properties":           props,
		"definitions": map[string]any{
			"level": map[string]any{"enum": levels, "description": "off, or the severity of the rule's findings"},
			"rules": map[string]any{
				"type": "object", "additionalProperties": false, "properties": ruleProps,
				"description": "rule ID: off, a severity, or a mapping of severity and the rule's options",
			},
		},
	}
	out, err := json.MarshalIndent(schema, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return append(out, '\n'), nil
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/definitions/" + name} }

func optionSchema(r *lint.Rule, o lint.Option) (map[string]any, error) {
	s := map[string]any{"default": o.Default}
	if o.Doc != "" {
		s["description"] = strings.Join(strings.Fields(o.Doc), " ")
	}
	switch o.Default.(type) {
	case string:
		s["type"] = "string"
		if o.Allowed != nil {
			s["enum"] = o.Allowed
		}
	case int:
		s["type"] = "integer"
	case bool:
		s["type"] = "boolean"
	case []string:
		items := map[string]any{"type": "string"}
		if o.Allowed != nil {
			items["enum"] = o.Allowed
		}
		s["type"], s["items"] = "array", items
	default:
		return nil, fmt.Errorf("schema: rule %s option %q has a default of type %T", r.ID, o.Name, o.Default)
	}
	return s, nil
}
