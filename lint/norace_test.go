//go:build !race

package lint

// raceSlowdown scales time limits in tests; see race_test.go.
const raceSlowdown = 1
