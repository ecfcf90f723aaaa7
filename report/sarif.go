package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/listlint/listlint/lint"
)

// HomeURL is listlint's home page, named as the tool's information URI.
const HomeURL = "https://github.com/listlint/listlint"

// RulesDoc is the repository path of the rules' reference, generated
// from their docs (see RuleReference).
const RulesDoc = "docs/rules.md"

// RuleURL returns the address of rule id's section in the rules'
// reference: each rule has an anchor named by its ID.
func RuleURL(id string) string {
	return HomeURL + "/blob/main/" + RulesDoc + "#" + id
}

// SARIFSchema is the URI of the official SARIF 2.1.0 JSON schema (OASIS
// errata 01), which the output names as its $schema.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool struct {
		Driver sarifDriver `json:"driver"`
	} `json:"tool"`
	// ColumnKind says columns count Unicode code points, as Finding's do,
	// rather than the default UTF-16 code units.
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string     `json:"id"`
	Name                 string     `json:"name"`
	ShortDescription     sarifText  `json:"shortDescription"`
	FullDescription      sarifText  `json:"fullDescription"`
	Help                 sarifText  `json:"help"`
	HelpURI              string     `json:"helpUri"`
	DefaultConfiguration sarifLevel `json:"defaultConfiguration"`
}

type sarifLevel struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        *int            `json:"ruleIndex,omitempty"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine,omitempty"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
	// ByteOffset is a pointer because 0, the start of the file, is a
	// real offset.
	ByteOffset *int `json:"byteOffset,omitempty"`
	ByteLength *int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// SARIF writes fs as a SARIF 2.1.0 log with one run of listlint at
// version, describing every rule of rules. Regions are 1-based lines and
// code-point columns; fixes replace byte ranges of the file as read.
func SARIF(w io.Writer, fs []Finding, rules []*lint.Rule, version string) error {
	run := sarifRun{ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	run.Tool.Driver = sarifDriver{Name: "listlint", Version: version, InformationURI: HomeURL, Rules: []sarifRule{}}
	index := make(map[string]int, len(rules))
	for i, r := range rules {
		index[r.ID] = i
		level, err := sarifLevelOf(r.Severity)
		if err != nil {
			return fmt.Errorf("rule %s: %w", r.ID, err)
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   r.ID,
			Name:                 ruleName(r.ID),
			ShortDescription:     sarifText{Text: r.Title},
			FullDescription:      sarifText{Text: r.Doc},
			Help:                 ruleHelp(r),
			HelpURI:              RuleURL(r.ID),
			DefaultConfiguration: sarifLevel{Level: level},
		})
	}
	for i := range fs {
		res, err := sarifResultOf(&fs[i], index)
		if err != nil {
			return err
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}})
	if err != nil {
		return fmt.Errorf("writing sarif: %w", err)
	}
	return nil
}

func sarifResultOf(f *Finding, index map[string]int) (sarifResult, error) {
	level, err := sarifLevelOf(f.Severity)
	if err != nil {
		return sarifResult{}, fmt.Errorf("%s:%d: %w", f.Path, f.Line, err)
	}
	uri := artifactURI(f.Path)
	res := sarifResult{
		RuleID:  f.Rule,
		Level:   level,
		Message: sarifText{Text: f.Message},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
			ArtifactLocation: sarifArtifact{URI: uri},
			Region: sarifRegion{
				StartLine: f.Line, StartColumn: f.Column,
				EndLine: f.EndLine, EndColumn: f.EndColumn,
			},
		}}},
	}
	if i, ok := index[f.Rule]; ok {
		res.RuleIndex = &i
	}
	if r := f.Related; r != nil {
		id := 1
		res.RelatedLocations = []sarifLocation{{ID: &id, PhysicalLocation: sarifPhysical{
			ArtifactLocation: sarifArtifact{URI: artifactURI(relatedPath(f))},
			Region:           sarifRegion{StartLine: r.Line, StartColumn: r.Column},
		}}}
	}
	if f.Fix != nil && len(f.Fix.Edits) > 0 {
		change := sarifArtifactChange{ArtifactLocation: sarifArtifact{URI: uri}}
		for _, e := range f.Fix.Edits {
			off, n := e.Pos, e.End-e.Pos
			rep := sarifReplacement{DeletedRegion: sarifRegion{ByteOffset: &off, ByteLength: &n}}
			if e.NewText != "" {
				rep.InsertedContent = &sarifText{Text: e.NewText}
			}
			change.Replacements = append(change.Replacements, rep)
		}
		res.Fixes = []sarifFix{{Description: sarifText{Text: f.Fix.Message}, ArtifactChanges: []sarifArtifactChange{change}}}
	}
	return res, nil
}

func sarifLevelOf(s lint.Severity) (string, error) {
	return levelName(s, levelNames{"note", "warning", "error"})
}

// artifactURI turns a path into a URI reference: relative paths stay
// relative (to the directory listlint ran in), absolute ones become file
// URIs; both use forward slashes and percent-escape what a URI cannot hold.
func artifactURI(p string) string {
	p = filepath.ToSlash(p)
	if !filepath.IsAbs(filepath.FromSlash(p)) {
		return (&url.URL{Path: p}).String()
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// ruleName turns a rule ID into the identifier-like name SARIF expects:
// "duplicate-url" becomes "DuplicateUrl".
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// ruleHelp is a rule's doc followed by its examples, as plain text and as
// Markdown.
func ruleHelp(r *lint.Rule) sarifText {
	var text, md strings.Builder
	text.WriteString(r.Doc)
	md.WriteString(r.Doc)
	for _, ex := range [...]struct{ label, src string }{{"Bad", r.Bad}, {"Good", r.Good}} {
		if ex.src == "" {
			continue
		}
		src := strings.TrimRight(ex.src, "\n")
		fmt.Fprintf(&text, "\n\n%s:\n\n%s", ex.label, indent(src))
		fence := strings.Repeat("`", max(3, longestRun(src, '`')+1))
		fmt.Fprintf(&md, "\n\n%s:\n\n%smarkdown\n%s\n%s", ex.label, fence, src, fence)
	}
	return sarifText{Text: text.String(), Markdown: md.String()}
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// relatedPath is the file a finding's related place is in: its own file
// unless the rule named another.
func relatedPath(f *Finding) string {
	if f.Related.Path != "" {
		return f.Related.Path
	}
	return f.Path
}
