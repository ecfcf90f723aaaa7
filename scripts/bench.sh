#!/usr/bin/env bash
# Whole-process timing of listlint check against a goldmark-only program
# (parse + walk, the yardstick) and, where installed or installable, the
# peers rumdl, markdownlint-cli2 and awesome-lint.
#
#   scripts/bench.sh [LIST.md]     # default: the shared corpus's awesome-go README
#   BIG=1 scripts/bench.sh         # generated lists of 10k, 500k and 1M entries
#
# BIG=1 times goldmark-only and check in pairs, one after the other, RUNS
# times (default 5) on each input, and prints each run's wall time and
# peak RSS (/usr/bin/time -f '%e %M') and the medians: on a shared
# machine, pairs see the same load. The 1M list is above the default
# --max-bytes, which check is given raised. The inputs are the 8 MB list
# (the README 20 times), the README itself, and lists written by
# scripts/gentree (internal/listgen, awesome style, clean).
#
# Needs hyperfine (apt-get install hyperfine) and GNU time (/usr/bin/time).
# Peers are installed with npm into a temporary folder when PEERS=1.
set -euo pipefail
cd "$(dirname "$0")/.."

list=${1:-../shared/corpus/mainstream/avelino__awesome-go@c4bc4eb4/README.md}
[ -f "$list" ] || { echo "bench.sh: $list: no such file" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/listlint" ./cmd/listlint
go build -o "$work/goldmark-only" ./scripts/goldmark-only
cp "$list" "$work/one.md"
for _ in $(seq 20); do cat "$list"; done > "$work/x20.md"

if [ "${BIG:-0}" = 1 ]; then
  go build -o "$work/gentree" ./scripts/gentree
  for n in 10000 500000 1000000; do
    "$work/gentree" "$work/gen$n" 1 "$n" clean
    mv "$work/gen$n/d000/f00000.md" "$work/gen$n.md"
    rm -r "$work/gen$n"
  done
  echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(go version | cut -d' ' -f3), $(uname -m)"
  med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  echo "input bytes tool wall_s rss_kb (medians) runs (wall/rss)"
  for f in one.md x20.md gen10000.md gen500000.md gen1000000.md; do
    : > "$work/gm.txt"
    : > "$work/ll.txt"
    for _ in $(seq "${RUNS:-5}"); do
      /usr/bin/time -a -o "$work/gm.txt" -f '%e %M' "$work/goldmark-only" "$work/$f" >/dev/null
      /usr/bin/time -a -o "$work/ll.txt" -f '%e %M' "$work/listlint" check --quiet --fail-on never --max-bytes 1000000000 "$work/$f" >/dev/null
    done
    for t in gm ll; do
      name=goldmark-only
      [ "$t" = ll ] && name=check
      echo "$f $(wc -c < "$work/$f") $name $(cut -d' ' -f1 "$work/$t.txt" | med) $(cut -d' ' -f2 "$work/$t.txt" | med) $(tr ' ' / < "$work/$t.txt" | paste -sd,)"
    done
  done
  exit 0
fi

cmds=()
names=()
add() { names+=("$1"); cmds+=("$2"); }
add goldmark-only "$work/goldmark-only $work/FILE"
add listlint "$work/listlint check --quiet --fail-on never $work/FILE"

if [ "${PEERS:-0}" = 1 ]; then
  (cd "$work" && npm install --silent --no-audit --no-fund rumdl@0.2.75 markdownlint-cli2@0.24.1 awesome-lint@2.3.0 >/dev/null 2>&1) || echo "bench.sh: npm install of peers failed; timing listlint only" >&2
  bin="$work/node_modules/.bin"
  [ -x "$bin/rumdl" ] && add rumdl "$bin/rumdl check --no-config $work/FILE"
  [ -x "$bin/markdownlint-cli2" ] && add markdownlint-cli2 "$bin/markdownlint-cli2 $work/FILE"
  [ -x "$bin/awesome-lint" ] && add awesome-lint "cd $work && $bin/awesome-lint FILE"
fi
# The Node peers take minutes a run on the 8 MB file: time them on the
# 400 KB one only (the first three commands run on both).
large=3

echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(go version | cut -d' ' -f3), $(uname -m)"
for f in one.md x20.md; do
  echo "## $f ($(wc -c < "$work/$f") bytes)"
  args=()
  for i in "${!cmds[@]}"; do
    [ "$f" = x20.md ] && [ "$i" -ge "$large" ] && break
    args+=(-n "${names[$i]}" "${cmds[$i]//FILE/$f} || true")
  done
  hyperfine --style basic --warmup 2 --min-runs 5 --export-markdown "$work/$f.table" "${args[@]}" >/dev/null
  cat "$work/$f.table"
  echo
  echo "peak memory (max RSS, KB):"
  for i in 0 1; do
    /usr/bin/time -f "  ${names[$i]}: %M" bash -c "${cmds[$i]//FILE/$f} >/dev/null || true"
  done
  echo
done
