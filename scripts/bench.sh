#!/usr/bin/env bash
# Whole-process timing of listlint check against a goldmark-only program
# (parse + walk, the yardstick) and, where installed or installable, the
# peers rumdl, markdownlint-cli2 and awesome-lint.
#
#   scripts/bench.sh [LIST.md]     # default: the shared corpus's awesome-go README
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
