#!/usr/bin/env bash
# Incremental build benchmark (issue 18): a full build against a build after
# a one-page edit, alternating, on the same generated site.
#
#   bash bench/incremental.sh [N]        N pages per language (default 10000)
#   RESOURCES=5000 RUNS=3 bash bench/incremental.sh 10000
#
# Generates the site with generate.py (bench/out/incr-N-rR/, reused), then
# RUNS times: a full build (the build record removed first, so the build
# hashes its inputs as every cached build does and records them), then an
# edit that appends a sentence to one English page's text, then `signpost
# build` (incremental). Each build writes into BENCH_DEST (a tmpfs by
# default, see run.sh). Measured with GNU time: wall, CPU (user + sys), peak
# RSS. At the end, the output and indexes of the last incremental build are
# compared with a `--no-cache` build of the same sources (diff -r), and the
# edit is undone. Prints a table and appends it to bench/results.md.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
N="${1:-10000}"
RUNS="${RUNS:-3}"
RESOURCES="${RESOURCES:-0}"
BENCH_DEST="${BENCH_DEST:-/dev/shm/signpost-incr}"
TIME=/usr/bin/time
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "incremental.sh: not a page count: $N" >&2; exit 2; }
[[ "$RESOURCES" =~ ^[0-9]+$ ]] || { echo "incremental.sh: RESOURCES is not a number" >&2; exit 2; }
[ -x "$TIME" ] || { echo "incremental.sh: needs GNU time (Debian package time)" >&2; exit 2; }

echo "== cargo build --release --locked" >&2
(cd "$ROOT" && cargo build --release --locked)
mkdir -p "$BENCH/out/bin"
cp "${CARGO_TARGET_DIR:-$ROOT/target}/release/signpost" "$BENCH/out/bin/signpost-incr"
SIGNPOST="$BENCH/out/bin/signpost-incr"

SITE="$BENCH/out/incr-$N-r$RESOURCES"
if [ ! -f "$SITE/.generated" ]; then
    echo "== generating $SITE" >&2
    rm -rf "$SITE"
    python3 "$BENCH/generate.py" --pages "$N" --resources "$RESOURCES" --out "$SITE" >&2
    cp -r "$ROOT/themes" "$ROOT/i18n" "$SITE/"
    touch "$SITE/.generated"
fi
PAGE="$(find "$SITE/content/en" -name 'p*.md' | sort | sed -n 2p)"
cp "$PAGE" "$PAGE.orig"
trap 'mv "$PAGE.orig" "$PAGE"' EXIT
OUTDIR="$BENCH_DEST/public"
INDEX="$BENCH_DEST/index"
mkdir -p "$BENCH_DEST"

timed() { # label, then signpost's arguments; prints one table row
    local label="$1"; shift
    local log="$BENCH_DEST/log"
    sync
    "$TIME" -f '%e %U %S %M' -o "$BENCH_DEST/time" "$SIGNPOST" build --root "$SITE" --output "$OUTDIR" --index-dir "$INDEX" "$@" >"$log" 2>&1 \
        || { cat "$log" >&2; exit 1; }
    read -r wall user sys rss <"$BENCH_DEST/time"
    local again
    again="$(grep -o '[0-9]* rendered again' "$log" | cut -d' ' -f1 || true)"
    printf '| %s | %s | %s | %.2f | %s | %s | %s |\n' "$label" "$run" "$wall" "$(echo "$user + $sys" | bc)" "$rss" "${again:-all}" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

ROWS=""
for run in $(seq 1 "$RUNS"); do
    rm -f "$SITE/.signpost/build.json"
    ROWS+="$(timed full)"$'\n'
    printf '\nA sentence appended by bench/incremental.sh, run %s.\n' "$run" >>"$PAGE"
    ROWS+="$(timed incremental)"$'\n'
done

echo "== comparing with a --no-cache build" >&2
"$SIGNPOST" build --root "$SITE" --output "$BENCH_DEST/full" --index-dir "$BENCH_DEST/full-index" --no-cache >/dev/null 2>&1
SAME=yes
diff -r "$OUTDIR" "$BENCH_DEST/full" >/dev/null || SAME=no
diff -r "$INDEX" "$BENCH_DEST/full-index" >/dev/null || SAME=no
rm -rf "$BENCH_DEST/full" "$BENCH_DEST/full-index"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
FULL_WALL="$(echo "$ROWS" | awk -F'|' '$2 ~ /full/ {print $4}' | median)"
INCR_WALL="$(echo "$ROWS" | awk -F'|' '$2 ~ /incremental/ {print $4}' | median)"
FULL_CPU="$(echo "$ROWS" | awk -F'|' '$2 ~ /full/ {print $5}' | median)"
INCR_CPU="$(echo "$ROWS" | awk -F'|' '$2 ~ /incremental/ {print $5}' | median)"

REPORT="$(cat <<EOF
## $(date -u '+%Y-%m-%d %H:%M') UTC, incremental build after a one-page edit, N = $N, RESOURCES = $RESOURCES, RUNS = $RUNS

- command: \`RESOURCES=$RESOURCES RUNS=$RUNS bash bench/incremental.sh $N\`
- signpost $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" status --porcelain -- src | wc -l) files changed under src/); edited page: ${PAGE#"$SITE/"}
- machine: $(nproc) CPUs; output and indexes in $BENCH_DEST

| build | run | wall s | CPU s | peak RSS kB | pages rendered again | load before |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${ROWS%$'\n'}

Medians: full $FULL_WALL s wall / $FULL_CPU s CPU; incremental $INCR_WALL s / $INCR_CPU s
(ratio $(echo "scale=2; $INCR_WALL / $FULL_WALL" | bc) wall, $(echo "scale=2; $INCR_CPU / $FULL_CPU" | bc) CPU).
Output and indexes byte-identical to a \`--no-cache\` build: $SAME.
EOF
)"
echo "$REPORT"
printf '\n%s\n' "$REPORT" >>"$BENCH/results.md"
