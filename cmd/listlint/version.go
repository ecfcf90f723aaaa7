package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"
)

func (c *cli) versionFlags(*pflag.FlagSet) func([]string) int {
	return func(args []string) int {
		if len(args) > 0 {
			return c.usageError("version", "takes no arguments")
		}
		info, _ := debug.ReadBuildInfo()
		if _, err := fmt.Fprintf(c.stdout, "listlint %s\n", versionLine(info)); err != nil {
			return c.fail(err)
		}
		return exitClean
	}
}

// versionLine describes the build for listlint version: the module
// version, the VCS revision and the Go version, each from the build
// information, "unknown" where the build recorded none (-buildvcs=false,
// a go install of a released module, a stripped binary):
//
//	v1.2.0 (revision unknown, go1.26.8)
//	(devel) (revision 0b8edfe12345-dirty, go1.26.8)
func versionLine(info *debug.BuildInfo) string {
	mod, goVersion := "unknown", runtime.Version()
	if info != nil {
		if info.Main.Version != "" {
			mod = info.Main.Version
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
	}
	rev := revision(info)
	if rev == "" {
		rev = "unknown"
	}
	return fmt.Sprintf("%s (revision %s, %s)", mod, rev, goVersion)
}

// version names the build in SARIF output: the module version when built
// from a released module ("go install ...@v1.2.0"), else "(devel)" with
// the VCS revision when the build recorded one.
func version(info *debug.BuildInfo) string {
	if info == nil {
		return "(devel)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	if rev := revision(info); rev != "" {
		return "(devel) " + rev
	}
	return "(devel)"
}

// revision is the VCS revision the build recorded, shortened to 12 hex
// digits, with "-dirty" for a modified work tree; "" when there is none.
func revision(info *debug.BuildInfo) string {
	if info == nil {
		return ""
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
		return ""
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return strings.TrimSpace(rev) + dirty
}
