#!/usr/bin/env bash
# Rebuild over an existing output versus a build into an empty folder, side
# by side in one run (alternating, so machine load hits both alike), with
# the release binary on the bundled site (or SITE=folder).
#   bash bench/rebuild-over.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
BIN=${BIN:-target/release/signpost}
SITE=${SITE:-.}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
"$BIN" build --root "$SITE" --output "$WORK/over" >/dev/null 2>&1
fresh=(); over=()
for i in $(seq "$RUNS"); do
  rm -rf "$WORK/fresh"
  sync
  t0=$(now); "$BIN" build --root "$SITE" --output "$WORK/fresh" >/dev/null 2>&1; t1=$(now)
  fresh+=("$(echo "$t1 - $t0" | bc)")
  t0=$(now); "$BIN" build --root "$SITE" --output "$WORK/over" >/dev/null 2>&1; t1=$(now)
  over+=("$(echo "$t1 - $t0" | bc)")
done
files=$(find "$WORK/over" -type f | wc -l)
left=$(find "$WORK" -maxdepth 1 -name '.over.staging-*' | wc -l)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mf=$(median "${fresh[@]}"); mo=$(median "${over[@]}")
echo "files in the output: $files; leftover folders after the last run: $left"
echo "fresh (s):        ${fresh[*]}  median $mf"
echo "rebuild over (s): ${over[*]}  median $mo"
echo "ratio over/fresh: $(echo "scale=2; $mo / $mf" | bc)"
