#!/usr/bin/env bash
# Runs the internal/bench benchmarks in rounds and prints each one beside
# Parse (goldmark alone, the yardstick) with benchstat. Rounds, rather than
# go test -count, let drift on a shared machine hit every benchmark alike,
# which is what a ratio needs.
#
#   scripts/bench-ratios.sh [ROUNDS] [BENCH-REGEXP]   # default: 6 '.'
#
# CPU=1 runs them on one core (GOMAXPROCS=1): listlint then parses in one
# piece and runs its rules one after another, which shows what linting
# costs over parsing rather than what two cores save.
#
# BENCHTIME sets -test.benchtime (default 1s). At 100k entries one run
# takes about half a second, so 1s averages two runs per round; 3s
# averages about six and steadies the 10k-to-100k growth.
#
# Needs benchstat (go install golang.org/x/perf/cmd/benchstat@latest).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-6}
pattern=${2:-.}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/bench.test" ./internal/bench
for i in $(seq "$rounds"); do
  "$work/bench.test" -test.run '^$' -test.bench "$pattern" -test.benchmem -test.benchtime "${BENCHTIME:-1s}" ${CPU:+-test.cpu "$CPU"} >> "$work/out.txt"
  echo "round $i of $rounds done" >&2
done
# OUT=file keeps the raw results, for benchstat old.txt new.txt.
if [ -n "${OUT:-}" ]; then cp "$work/out.txt" "$OUT"; fi
benchstat -col .name -row /style,/n "$work/out.txt"
