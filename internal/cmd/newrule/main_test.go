package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScaffold scaffolds a rule into a copy of the registry and checks
// each file is written and the registry line lands in ID order.
func TestScaffold(t *testing.T) {
	dir := t.TempDir()
	reg, err := os.ReadFile("../../../rules/rules.go")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "rules"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "rules", "rules.go"), reg, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := scaffold(dir, "heading-case"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"rules/heading_case.go", "testdata/rules/heading-case/bad.md"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Error(err)
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, "rules", "rules.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), "\t\tEntryLink,\n\t\tHeadingCase,\n\t\tHeadingIncrement,\n") {
		t.Errorf("HeadingCase is not listed between EntryLink and HeadingIncrement:\n%s", got)
	}
	if err := scaffold(dir, "heading-case"); err == nil {
		t.Error("scaffolding an existing rule again succeeded")
	}
	if err := scaffold(dir, "Heading_Case"); err == nil {
		t.Error("a non-kebab-case ID was accepted")
	}
}
