//go:build race

package lint

// raceSlowdown scales time limits in tests: the race detector makes code
// several times slower, and the limits are there to catch quadratic work,
// not to time the detector.
const raceSlowdown = 5
