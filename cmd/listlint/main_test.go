package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

// TestMain lets the test binary act as listlint when a script runs
// "exec listlint": testscript puts a copy of it named listlint on PATH.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"listlint": main})
}

// TestScripts runs the end-to-end scripts in testdata/script against the
// real program: arguments, exit codes, output and files written.
//
// Commands: binfile NAME TEXT writes TEXT, a NUL byte and a newline to
// NAME (txtar files hold text only).
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
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"binfile": binfile,
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
