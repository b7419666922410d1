#!/usr/bin/env bash
# Library benchmark: build time of a site with a large resource catalogue,
# and the bytes a browser transfers for a first combined filter.
#
#   bash bench/library.sh [R ...]        R resources (default: 5000 50000)
#   RUNS=3 REPS=5 bash bench/library.sh 50000
#
# For each R: generates the site once (bench/out/library-R/site, 100 guidance
# pages per language + R resources; reused while generate.py and R are
# unchanged), times RUNS builds (GNU time: wall, CPU, peak RSS; output
# emptied before each), counts what was written, then serves the last
# output with `python3 -m http.server` (no compression) and runs
# bench/library-transfer.mjs in Chromium. Prints the tables and appends
# them to bench/results.md. See bench/README.md, "Library benchmark".
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/out"
RUNS="${RUNS:-3}"
REPS="${REPS:-5}"
PAGES="${PAGES:-100}"
# Where the builds write: a tmpfs by default, as in run.sh (see README.md);
# BENCH_DEST=disk writes beside the generated site (bench/out/library-R/).
BENCH_DEST="${BENCH_DEST:-/dev/shm/signpost-library}"
RESULTS="${RESULTS:-$BENCH/results.md}"   # where the tables are appended
TIME=/usr/bin/time
if [ "$#" -eq 0 ]; then set -- 5000 50000; fi
for r in "$@"; do
    [[ "$r" =~ ^[1-9][0-9]*$ ]] || { echo "library.sh: not a resource count: $r" >&2; exit 2; }
done

if [ ! -x "$TIME" ]; then
    echo "== installing GNU time (Debian package time)" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y time >&2; else sudo apt-get install -y time >&2; fi
fi
command -v node >/dev/null || { echo "library.sh: node is not installed (see scripts/setup.sh)" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "library.sh: /usr/bin/chromium is missing (see scripts/setup.sh)" >&2; exit 2; }
[ -d "$ROOT/tests/browser/node_modules/playwright-core" ] || { echo "library.sh: run npm ci in tests/browser (scripts/setup.sh)" >&2; exit 2; }

mkdir -p "$OUT/bin"
SIGNPOST="$OUT/bin/signpost-library"
if [ -n "${REV:-}" ]; then
    # A commit instead of the working tree: exported with git archive into
    # bench/out/src-<commit>/ and built there (own target folder), so that
    # edits in progress in src/ or themes/ do not enter the measurement.
    sha="$(git -C "$ROOT" rev-parse --short "$REV^{commit}")"
    SRC="$OUT/src-$sha"
    if [ ! -f "$SRC/Cargo.toml" ]; then
        rm -rf "$SRC"
        mkdir -p "$SRC"
        git -C "$ROOT" archive "$sha" | tar -x -C "$SRC"
    fi
    echo "== cargo build --release --locked (commit $sha in $SRC)" >&2
    (cd "$SRC" && CARGO_TARGET_DIR="$OUT/target" cargo build --release --locked)
    cp "$OUT/target/release/signpost" "$SIGNPOST"
    SIGNPOST_VERSION="$("$SIGNPOST" --version) (commit $sha, REV=$REV, built from git archive)"
else
    SRC="$ROOT"
    echo "== cargo build --release --locked" >&2
    (cd "$ROOT" && cargo build --release --locked)
    # A copy, so that a rebuild during the benchmark does not change the binary.
    cp "$ROOT/target/release/signpost" "$SIGNPOST"
    GIT_REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    GIT_DIRTY="$(git -C "$ROOT" status --porcelain -- src Cargo.toml Cargo.lock themes i18n 2>/dev/null | wc -l)"
    SIGNPOST_VERSION="$("$SIGNPOST" --version) (commit $GIT_REV"
    if [ "$GIT_DIRTY" -gt 0 ]; then SIGNPOST_VERSION+=", $GIT_DIRTY files changed in src/ Cargo.* themes/ i18n/"; fi
    SIGNPOST_VERSION+=")"
fi
GEN_SUM="$(sha256sum "$BENCH/generate.py" | cut -c1-16)"
CHROMIUM_VERSION="$(/usr/bin/chromium --version 2>/dev/null | head -n 1)"

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi
}
trap stop_server EXIT

# serve DIR: python3 -m http.server on a free port of 127.0.0.1; sets PORT.
serve() {
    local dir="$1" log="$2" tries
    for tries in 1 2 3 4 5; do
        PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
        python3 -m http.server --bind 127.0.0.1 "$PORT" --directory "$dir" >"$log" 2>&1 &
        SERVER_PID=$!
        for _ in $(seq 1 50); do
            if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
            if curl -sf -o /dev/null "http://127.0.0.1:$PORT/_library/en/first/_/_._._.json"; then return 0; fi
            sleep 0.1
        done
        stop_server   # the port was taken meanwhile, or the server did not answer: another port
    done
    echo "library.sh: could not start python3 -m http.server (see $log)" >&2
    exit 1
}

for R in "$@"; do
    dir="$OUT/library-$R"
    site="$dir/site"
    mkdir -p "$dir"
    stamp="generate.py $GEN_SUM pages $PAGES resources $R"
    if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]; then
        echo "== R=$R: generating the site" >&2
        rm -rf "$site" "$dir/stamp" "$dir/expect.json"
        gen_start=$(date +%s.%N)
        python3 "$BENCH/generate.py" --pages "$PAGES" --resources "$R" --out "$site" 2>"$dir/generate.log"
        cat "$dir/generate.log" >&2
        echo "   generated in $(awk -v a="$gen_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s" >&2
        echo "$stamp" >"$dir/stamp"
    else
        echo "== R=$R: reusing the generated site in $dir" >&2
    fi
    expect_stamp="$stamp library_expect.py $(sha256sum "$BENCH/library_expect.py" | cut -c1-16)"
    if [ "$(cat "$dir/expect.stamp" 2>/dev/null)" != "$expect_stamp" ] || [ ! -s "$dir/expect.json" ]; then
        python3 "$BENCH/library_expect.py" "$site" >"$dir/expect.json"
        echo "$expect_stamp" >"$dir/expect.stamp"
    fi
    # The theme and interface strings of the source measured.
    rm -rf "$site/themes" "$site/i18n"
    cp -r "$SRC/themes" "$SRC/i18n" "$site/"
    catalogue_mb="$(du -sb "$site/content/catalogue" | awk '{ printf "%.1f", $1 / 1e6 }')"

    if [ "$BENCH_DEST" = disk ]; then dest_root="$dir"; else dest_root="$BENCH_DEST/$R"; fi
    mkdir -p "$dest_root"
    dest="$dest_root/public"
    dest_fs="$(df --output=fstype "$dest_root" | tail -n 1)"
    # About 100 kB of output per resource (4 languages, listings included).
    need_kb=$(( R * 110 + 200000 ))
    avail_kb="$(df --output=avail -k "$dest_root" | tail -n 1)"
    if [ "$avail_kb" -lt "$need_kb" ]; then
        echo "library.sh: $dest_root has $((avail_kb / 1024)) MiB free, R=$R needs about $((need_kb / 1024)) MiB: set BENCH_DEST=disk or another folder" >&2
        exit 1
    fi

    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    raw="$dir/runs.tsv"
    : >"$raw"
    for r in $(seq 1 "$RUNS"); do
        echo "== R=$R build $r/$RUNS" >&2
        rm -rf "$dest"
        sync
        rc=0
        "$TIME" -f '%e %U %S %M' -o "$dir/time-$r" \
            "$SIGNPOST" build --root "$site" --output "$dest" >"$dir/log-$r" 2>&1 || rc=$?
        if [ "$rc" -ne 0 ]; then
            echo "library.sh: signpost exited with $rc; its output (first 40 lines of $dir/log-$r):" >&2
            head -n 40 "$dir/log-$r" >&2
            exit 1
        fi
        read -r wall user sys rss <"$dir/time-$r"
        files=$(find "$dest" -type f | wc -l)
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$wall" "$user" "$sys" "$rss" "$files" >>"$raw"
        echo "   wall ${wall}s user ${user}s sys ${sys}s peak RSS $((rss / 1024)) MiB; $files files" >&2
    done
    load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

    # What the last build wrote, checked against the catalogue.
    python3 - "$dest" "$R" >"$dir/files.tsv" <<'PY'
import os, re, sys
dest, r = sys.argv[1], int(sys.argv[2])
c = dict(files=0, bytes=0, html=0, resource_pages=0, listing_pages=0, other_pages=0,
         data_files=0, data_bytes=0, firsts=0, first_bytes=0, max_first=0, lists=0, list_bytes=0,
         max_list=0, chunks=0, chunk_bytes=0, max_chunk=0, resource_bytes=0, listing_bytes=0)
res = re.compile(r"^[a-z]+/resources/r\d{6}/index\.html$")
lst = re.compile(r"^[a-z]+/resources/(.*/)?index\.html$")
per_lang = {}
for base, dirs, files in os.walk(dest):
    for name in files:
        path = os.path.join(base, name)
        rel = os.path.relpath(path, dest)
        size = os.path.getsize(path)
        c["files"] += 1
        c["bytes"] += size
        if name == "index.html":
            c["html"] += 1
            if res.match(rel):
                c["resource_pages"] += 1
                c["resource_bytes"] += size
                lang = rel.split("/")[0]
                per_lang[lang] = per_lang.get(lang, 0) + 1
            elif lst.match(rel):
                c["listing_pages"] += 1
                c["listing_bytes"] += size
            else:
                c["other_pages"] += 1
        if rel.startswith("_library/"):
            c["data_files"] += 1
            c["data_bytes"] += size
            if rel.startswith("_library/list/"):
                c["lists"] += 1
                c["list_bytes"] += size
                c["max_list"] = max(c["max_list"], size)
            elif "/first/" in rel:
                c["firsts"] += 1
                c["first_bytes"] += size
                c["max_first"] = max(c["max_first"], size)
            else:
                c["chunks"] += 1
                c["chunk_bytes"] += size
                c["max_chunk"] = max(c["max_chunk"], size)
problems = []
for lang in ("en", "fr", "es", "ar"):
    if per_lang.get(lang) != r:
        problems.append("%s: %s resource pages, expected %d" % (lang, per_lang.get(lang), r))
if c["chunks"] != 4 * ((r + 15) // 16):
    problems.append("%d item chunks, expected %d" % (c["chunks"], 4 * ((r + 15) // 16)))
# generate.py: 4 categories, 3 audiences, 5 language values, 6 components.
if c["firsts"] != 4 * 7 * 5 * 4 * 6:
    problems.append("%d first-page files, expected %d" % (c["firsts"], 4 * 7 * 5 * 4 * 6))
for k, v in c.items():
    print("%s\t%d" % (k, v))
print("problems\t%s" % ("; ".join(problems) or "none"))
PY
    problems="$(awk -F'\t' '$1 == "problems" { print $2 }' "$dir/files.tsv")"
    if [ "$problems" != none ]; then
        echo "library.sh: the output does not match the catalogue: $problems" >&2
        exit 1
    fi

    echo "== R=$R: transfer in Chromium ($REPS repetitions per language)" >&2
    serve "$dest" "$dir/http.log"
    transfer_rc=0
    node "$BENCH/library-transfer.mjs" --base "http://127.0.0.1:$PORT" --expect "$dir/expect.json" \
        --reps "$REPS" --json "$dir/transfer.json" >"$dir/transfer.md" || transfer_rc=$?
    stop_server
    if [ ! -s "$dir/transfer.md" ]; then
        echo "library.sh: library-transfer.mjs failed (exit $transfer_rc)" >&2
        exit 1
    fi
    if [ "${KEEP:-0}" != 1 ] && [ "$dest_root" != "$dir" ]; then
        rm -rf "$dest_root"
    fi

    table="$(python3 - "$raw" "$dir/files.tsv" "$R" "$RUNS" "$PAGES" <<'PY'
import statistics, sys
raw, files, r, runs, pages = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rows = [l.rstrip("\n").split("\t") for l in open(raw) if l.strip()]
f = {k: v for k, v in (l.rstrip("\n").split("\t") for l in open(files))}
n = lambda k: int(f[k])
wall = [float(x[1]) for x in rows]
cpu = [float(x[2]) + float(x[3]) for x in rows]
rss = [int(x[4]) / 1024 for x in rows]
print(f"R = {r:,} resources, {pages} guidance pages per language, 4 languages; median of {runs} builds")
print()
print("| R | wall (s) | CPU user+sys (s) | peak RSS (MiB) | files | index.html | resource pages | listing pages | output MB |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
print(f"| {r:,} | {statistics.median(wall):.2f} | {statistics.median(cpu):.2f} | {statistics.median(rss):.0f} "
      f"| {n('files'):,} | {n('html'):,} | {n('resource_pages'):,} | {n('listing_pages'):,} | {n('bytes') / 1e6:.0f} |")
print()
print("Runs (wall s / CPU s / RSS MiB): " + ", ".join(f"{w:.2f}/{c:.2f}/{m:.0f}" for w, c, m in zip(wall, cpu, rss)))
print()
print(f"Written: listing pages {n('listing_bytes') / 1e6:.0f} MB (average {n('listing_bytes') / max(1, n('listing_pages')) / 1e3:.1f} kB), "
      f"resource pages {n('resource_bytes') / 1e6:.0f} MB; `_library/`: {n('data_files'):,} files, {n('data_bytes') / 1e6:.1f} MB "
      f"({n('firsts'):,} first-page files, average {n('first_bytes') / max(1, n('firsts')) / 1e3:.1f} kB, largest {n('max_first') / 1e3:.1f} kB; "
      f"{n('lists'):,} list blocks, {n('list_bytes') / 1e6:.1f} MB, largest {n('max_list') / 1e3:.1f} kB; "
      f"{n('chunks'):,} item chunks, average {n('chunk_bytes') / max(1, n('chunks')) / 1e3:.1f} kB, largest {n('max_chunk') / 1e3:.1f} kB).")
PY
)"
    echo
    echo "$table"
    echo
    cat "$dir/transfer.md"
    echo
    if [ ! -s "$RESULTS" ]; then
        printf '# Benchmark results\n\nAppended by `bench/run.sh` and `bench/library.sh`; see `bench/README.md` for what is measured.\n' >"$RESULTS"
    fi
    {
        echo
        echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), library benchmark, R = $R, RUNS = $RUNS, REPS = $REPS"
        echo
        echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r)"
        echo "- signpost: $SIGNPOST_VERSION"
        echo "- browser: $CHROMIUM_VERSION (headless, playwright-core from tests/browser), served by python3 -m http.server (HTTP/1.0, no compression)"
        echo "- site: bench/generate.py ($GEN_SUM) --pages $PAGES --resources $R (catalogue $catalogue_mb MB); $(head -n 1 "$dir/log-$RUNS")"
        echo "- load average before the builds: $load_before; after: $load_after"
        echo "- output written to $dest ($dest_fs); sources read from bench/out/library-$R/ (page cache not dropped)"
        echo
        echo "$table"
        echo
        cat "$dir/transfer.md"
    } >>"$RESULTS"
    if [ "$transfer_rc" -ne 0 ]; then
        echo "library.sh: library-transfer.mjs exited with $transfer_rc (failed checks above)" >&2
        exit 1
    fi
done
[ "$BENCH_DEST" = disk ] || rmdir "$BENCH_DEST" 2>/dev/null || true
echo "== results appended to $RESULTS" >&2
