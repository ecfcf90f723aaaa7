#!/usr/bin/env bash
# Runs commands in turn, ROUNDS times, and prints each one's median wall
# time and median CPU (user + system) with their ratios to the first
# command's. On a shared machine whose speed drifts within minutes, only
# commands timed in the same rounds compare; hyperfine runs one command's
# runs together.
#
#   scripts/alternate.sh ROUNDS 'CMD1' 'CMD2' ...
#
# e.g. scripts/alternate.sh 60 './goldmark-only README.md' \
#        './listlint check --quiet --fail-on never README.md'
#
# Timed with bash's time (millisecond resolution, the command's own CPU).
# A command's output goes to /dev/null.
set -euo pipefail
rounds=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((r = 0; r <= rounds; r++)); do
  k=0
  for cmd in "$@"; do
    # Round 0 warms the page cache and is not counted.
    out=/dev/null
    [ "$r" -gt 0 ] && out="$work/$k"
    TIMEFORMAT='%3R %3U %3S'
    { time eval "$cmd" >/dev/null 2>&1 || true; } 2>>"$out"
    k=$((k + 1))
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
k=0
for cmd in "$@"; do
  wall=$(awk '{print $1 * 1000}' "$work/$k" | median)
  cpu=$(awk '{print ($2 + $3) * 1000}' "$work/$k" | median)
  if [ "$k" -eq 0 ]; then wall0=$wall; cpu0=$cpu; fi
  awk -v w="$wall" -v c="$cpu" -v w0="$wall0" -v c0="$cpu0" -v cmd="$cmd" \
    'BEGIN {printf "wall %8.1f ms %.3fx   cpu %8.1f ms %.3fx   %s\n", w, w / w0, c, c / c0, cmd}'
  k=$((k + 1))
done
