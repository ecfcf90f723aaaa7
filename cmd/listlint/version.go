package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/pflag"
)

func (c *cli) versionFlags(*pflag.FlagSet) func([]string) int {
	return func(args []string) int {
		if len(args) > 0 {
			return c.usageError("version", "takes no arguments")
		}
		info, _ := debug.ReadBuildInfo()
		if _, err := fmt.Fprintf(c.stdout, "listlint %s\n", version(info)); err != nil {
			return c.fail(err)
		}
		return exitClean
	}
}

// version describes the build: the module version when built from a
// released module ("go install ...@v1.2.0"), else "(devel)" with the VCS
// revision when the build recorded one.
func version(info *debug.BuildInfo) string {
	if info == nil {
		return "(devel)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return "(devel)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return fmt.Sprintf("(devel) %s%s", rev, dirty)
}
