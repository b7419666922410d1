#!/usr/bin/env bash
# Builds one site with several signpost binaries, alternating, RUNS times
# each: `run.sh`'s loop without Hugo, for "no slower than the previous
# commit" checks. Each build is `--no-cache` into /dev/shm, emptied and
# synced before it, timed with GNU time; prints one line per build
# (name, wall s, user s, sys s, peak RSS kB) and the load average before
# and after. Compare medians side by side, as ratios.
#
#   bash bench/compare.sh 3 /dev/shm/s10k-r prev:/tmp/signpost-prev new:target/release/signpost
set -euo pipefail
runs=$1 site=$2
shift 2
out=/dev/shm/signpost-compare
times=$(mktemp)
trap 'rm -rf "$out" "$out-index" "$times"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "$runs"); do
    for spec in "$@"; do
        name=${spec%%:*} bin=${spec#*:}
        rm -rf "$out" "$out-index"
        sync
        /usr/bin/time -f "$name %e %U %S %M" -o "$times" "$bin" build --root "$site" --no-cache \
            --output "$out" --index-dir "$out-index" >/dev/null 2>&1 || echo "$name failed"
        cat "$times"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
