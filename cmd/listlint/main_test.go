package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/internal/listgen"
	"github.com/listlint/listlint/report"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

// run runs listlint in the test's process, with no stdin and without the
// collector policy of main's short runs, and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return (&cli{stdout: stdout, stderr: stderr}).run(args)
}

// TestMain lets the test binary act as listlint when a script runs
// "exec listlint": testscript puts a copy of it named listlint on PATH.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"listlint": main})
}

// TestScripts runs the end-to-end scripts in testdata/script against the
// real program: arguments, exit codes, output and files written.
//
// Commands:
//
//   - binfile NAME TEXT writes TEXT, a NUL byte and a newline to NAME
//     (txtar files hold text only);
//   - genlist NAME ENTRIES writes a clean generated list of ENTRIES
//     entries (internal/listgen) to NAME, for inputs too large to keep
//     in a script;
//   - age FILE sets FILE's modification time to an old date, and aged FILE
//     checks it still has it (the file was not written);
//   - perm FILE MODE checks FILE's permission bits (octal);
//   - islink FILE checks FILE is a symbolic link;
//   - cpname SRC "DST" copies SRC to DST, a Go string literal, for names
//     a script cannot write (a line break in a file name);
//   - unescape SRC DST writes to DST the content of SRC read as a Go
//     string literal, for bytes a txtar file does not keep (CR, a BOM);
//   - actionstep NAME FILE writes the run script of the step NAME of the
//     repository's action.yml to FILE, to run it with bash;
//   - sarifvalid FILE validates FILE against the official SARIF 2.1.0
//     JSON schema vendored in report/testdata (! sarifvalid: FILE must
//     fail it).
//
// Every script's $WORK holds an empty .git folder, so configuration
// discovery stops there.
//
// Conditions: [root] holds when the tests run as root (permission bits do
// not stop root from writing); [shared] when ../shared, the team's real
// lists, is present, whose folder is then $SHARED.
func TestScripts(t *testing.T) {
	shared, err := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = os.Stat(filepath.Join(shared, "fixtures"))
	haveShared := err == nil
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("SHARED", shared)
			env.Setenv("NO_COLOR", "")
			// $WORK is a repository root: configuration discovery stops
			// there and never picks up a .listlint.yml above it.
			return os.Mkdir(filepath.Join(env.WorkDir, ".git"), 0o755)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"binfile":    binfile,
			"genlist":    genlist,
			"age":        age,
			"aged":       aged,
			"perm":       perm,
			"islink":     islink,
			"cpname":     cpname,
			"unescape":   unescape,
			"sarifvalid": sarifvalid,
			"actionstep": actionstep,
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "root":
				return os.Geteuid() == 0, nil
			case "shared":
				return haveShared, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

func binfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: binfile NAME TEXT")
	}
	path := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(filepath.Dir(path), 0o755))
	ts.Check(os.WriteFile(path, []byte(args[1]+"\x00\n"), 0o644))
}

func genlist(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genlist NAME ENTRIES")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), listgen.List(listgen.Awesome, n, true), 0o644))
}

// oldTime is the modification time age gives a file.
func oldTime() time.Time { return time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC) }

func age(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: age FILE")
	}
	ts.Check(os.Chtimes(ts.MkAbs(args[0]), oldTime(), oldTime()))
}

func aged(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: aged FILE")
	}
	st, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	switch same := st.ModTime().Equal(oldTime()); {
	case same && neg:
		ts.Fatalf("%s was not written (modification time %v)", args[0], st.ModTime())
	case !same && !neg:
		ts.Fatalf("%s was written (modification time %v)", args[0], st.ModTime())
	}
}

func perm(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: perm FILE MODE")
	}
	want, err := strconv.ParseUint(args[1], 8, 32)
	ts.Check(err)
	st, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	if got := st.Mode().Perm(); got != os.FileMode(want) {
		ts.Fatalf("%s has mode %#o, want %#o", args[0], got, want)
	}
}

func islink(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: islink FILE")
	}
	st, err := os.Lstat(ts.MkAbs(args[0]))
	ts.Check(err)
	if st.Mode()&os.ModeSymlink == 0 {
		ts.Fatalf("%s is not a symbolic link (mode %v)", args[0], st.Mode())
	}
}

func cpname(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf(`usage: cpname SRC "DST"`)
	}
	dst, err := strconv.Unquote(args[1])
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(dst), []byte(ts.ReadFile(args[0])), 0o644))
}

func unescape(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: unescape SRC DST")
	}
	text, err := strconv.Unquote(strings.TrimSpace(ts.ReadFile(args[0])))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(text), 0o644))
}

func actionstep(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: actionstep NAME FILE")
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	ts.Check(err)
	var a action
	ts.Check(yaml.Unmarshal(data, &a))
	for _, s := range a.Runs.Steps {
		if s.Name == args[0] {
			ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(s.Run), 0o644))
			return
		}
	}
	ts.Fatalf("action.yml has no step %q", args[0])
}

func sarifvalid(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sarifvalid FILE")
	}
	// The schema declares its own id; compiled under it, its internal
	// references resolve without the network.
	f, err := os.Open(filepath.Join("..", "..", "report", "testdata", "sarif-schema-2.1.0.json"))
	ts.Check(err)
	defer func() { ts.Check(f.Close()) }()
	schema, err := jsonschema.UnmarshalJSON(f)
	ts.Check(err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	ts.Check(c.AddResource(report.SARIFSchema, schema))
	sch, err := c.Compile(report.SARIFSchema)
	ts.Check(err)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(ts.ReadFile(args[0])))
	ts.Check(err)
	switch err := sch.Validate(inst); {
	case err != nil && !neg:
		ts.Fatalf("%s is not valid SARIF 2.1.0: %v", args[0], err)
	case err == nil && neg:
		ts.Fatalf("%s is valid SARIF 2.1.0", args[0])
	}
}
