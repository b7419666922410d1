#!/usr/bin/env bash
# Search endpoint under load: `signpost serve`'s GET /api/search on
# 127.0.0.1, driven by wrk (Debian package wrk) with a Lua script that
# rotates through 20 queries, 10 English and 10 Arabic.
#
#   bash bench/search-load.sh [SITE ...]     SITE: bundled, or N (bench/generate.py
#                                            pages per language); default: bundled 10000
#   DURATION=20s THREADS=2 CONNECTIONS=16 REV=HEAD bash bench/search-load.sh 10000
#
# For each site: starts `signpost serve --root SITE --output DEST --port P`
# (which builds the site first: the script waits until the port answers),
# sends each query once (warms the per-language index and checks the
# answers), runs `wrk -t1 -c1` (one client at a time, DURATION_ONE) and
# `wrk -tTHREADS -cCONNECTIONS -dDURATION --latency`, each with kept-alive
# connections and with `Connection: close`, then stops the server.
# Prints the tables and appends them to bench/results.md. See bench/README.md.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/out"
REV="${REV:-HEAD}"                     # a commit (git archive, built in bench/out/) or `worktree`
BENCH_DEST="${BENCH_DEST:-/dev/shm/signpost-load}"
RESULTS="${RESULTS:-$BENCH/results.md}"
DURATION="${DURATION:-20s}"
DURATION_ONE="${DURATION_ONE:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
if [ "$#" -eq 0 ]; then set -- bundled 10000; fi
for s in "$@"; do
    [[ "$s" = bundled || "$s" =~ ^[1-9][0-9]*$ ]] || { echo "search-load.sh: not a site: $s (bundled or a page count)" >&2; exit 2; }
done

if ! command -v wrk >/dev/null; then
    echo "== installing wrk (Debian package wrk)" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk >&2; else sudo apt-get install -y wrk >&2; fi
fi
WRK_VERSION="$(wrk -v 2>&1 | head -n 1 || true)"

mkdir -p "$OUT/bin"
SIGNPOST="$OUT/bin/signpost-load"
if [ "$REV" = worktree ]; then
    SRC="$ROOT"
    echo "== cargo build --release --locked (working tree)" >&2
    (cd "$ROOT" && cargo build --release --locked)
    cp "$ROOT/target/release/signpost" "$SIGNPOST"
    GIT_REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    GIT_DIRTY="$(git -C "$ROOT" status --porcelain -- src Cargo.toml Cargo.lock themes i18n 2>/dev/null | wc -l)"
    SIGNPOST_VERSION="$("$SIGNPOST" --version) (working tree at commit $GIT_REV"
    if [ "$GIT_DIRTY" -gt 0 ]; then SIGNPOST_VERSION+=", $GIT_DIRTY files changed in src/ Cargo.* themes/ i18n/"; fi
    SIGNPOST_VERSION+=")"
else
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
fi
GEN_SUM="$(sha256sum "$BENCH/generate.py" | cut -c1-16)"

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi
}
trap stop_server EXIT

# Queries (the same in spirit on both sites: single words, pairs, a prefix).
queries_for() {
    if [ "$1" = bundled ]; then
        printf '%s\n' en:supervision "en:mental health" en:training en:depression en:community \
            en:referral "en:primary care" en:medicines "en:health workers" en:monitor \
            ar:التدريب "ar:الصحة النفسية" ar:الإشراف ar:الاكتئاب ar:المجتمع \
            ar:الإحالة "ar:الرعاية الأولية" ar:الأدوية "ar:العاملين الصحيين" ar:الرصد
    else
        # Words of bench/generate.py's vocabulary.
        printf '%s\n' en:epilepsy "en:referral pathways" en:supervision en:depression en:caregivers \
            en:psychosis "en:harmful alcohol" en:suicide "en:community health workers" en:budg \
            ar:الصرع "ar:مسارات الإحالة" ar:الإشراف ar:الاكتئاب ar:مقدمي \
            "ar:الأدوية النفسية" "ar:الكحول الضار" ar:الانتحار "ar:العاملون الصحيون" ar:ميزان
    fi
}
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

for SITE in "$@"; do
    if [ "$SITE" = bundled ]; then
        site_root="$SRC"
        dir="$OUT/load-bundled"
        label="bundled"
    else
        N="$SITE"
        gdir="$OUT/$N"
        site_root="$gdir/signpost-site"
        dir="$OUT/load-$N"
        label="generated N=$N"
        stamp="generate.py $GEN_SUM pages $N"
        if [ "$(cat "$gdir/stamp" 2>/dev/null)" != "$stamp" ]; then
            echo "== N=$N: generating the sites" >&2
            mkdir -p "$gdir"
            rm -rf "$site_root" "$gdir/hugo-site" "$gdir/stamp"
            python3 "$BENCH/generate.py" --pages "$N" --out "$site_root" --hugo-out "$gdir/hugo-site"
            echo "$stamp" >"$gdir/stamp"
        fi
        rm -rf "$site_root/themes" "$site_root/i18n"
        cp -r "$SRC/themes" "$SRC/i18n" "$site_root/"
    fi
    mkdir -p "$dir"
    dest="$BENCH_DEST/$SITE/public"
    mkdir -p "$BENCH_DEST/$SITE"
    rm -rf "$dest"

    PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    echo "== $label: signpost serve --port $PORT (builds first)" >&2
    start=$(date +%s.%N)
    "$SIGNPOST" serve --root "$site_root" --output "$dest" --port "$PORT" >"$dir/serve.log" 2>&1 &
    SERVER_PID=$!
    ready=""
    for _ in $(seq 1 1200); do   # up to 10 minutes
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
        if curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; then ready=1; break; fi
        sleep 0.5
    done
    if [ -z "$ready" ]; then
        echo "search-load.sh: the server did not answer (see $dir/serve.log)" >&2
        tail -n 20 "$dir/serve.log" >&2
        exit 1
    fi
    startup="$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
    echo "   answering after ${startup} s ($(head -n 1 "$dir/serve.log"))" >&2

    # The paths, a warm-up request each (opens each language's index), and their answers.
    : >"$dir/paths.txt"
    : >"$dir/answers.tsv"
    while IFS= read -r entry; do
        lang="${entry%%:*}"
        q="${entry#*:}"
        path="/api/search?q=$(urlencode "$q")&lang=$lang"
        echo "$path" >>"$dir/paths.txt"
        body="$(curl -sf -w '\n%{http_code} %{time_total} %{size_download}' "http://127.0.0.1:$PORT$path")" || { echo "search-load.sh: $path failed" >&2; exit 1; }
        meta="$(tail -n 1 <<<"$body")"
        total="$(head -n -1 <<<"$body" | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d.get("total"), len(d.get("results", [])))')"
        printf '%s\t%s\t%s\t%s\t%s\n' "$lang" "$q" "$total" "$meta" "$path" >>"$dir/answers.tsv"
    done < <(queries_for "$SITE")

    python3 - "$dir/paths.txt" >"$dir/rotate.lua" <<'PY'
import json, sys
paths = [l.strip() for l in open(sys.argv[1]) if l.strip()]
print("-- Generated by bench/search-load.sh: rotates through the queries, per thread.")
print("local paths = {" + ", ".join(json.dumps(p) for p in paths) + "}")
print("local i = 0")
print("request = function()")
print("  i = i % #paths + 1")
print('  return wrk.format("GET", paths[i])')
print("end")
PY

    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    # Keep-alive (wrk's default, what browsers do) and a new connection per
    # request (Connection: close, which costs a connection's setup and its
    # thread each time).
    url="http://127.0.0.1:$PORT"
    echo "== $label: wrk -t1 -c1 -d$DURATION_ONE (keep-alive, then Connection: close)" >&2
    wrk -t1 -c1 -d"$DURATION_ONE" --latency -s "$dir/rotate.lua" "$url" >"$dir/wrk-1-keepalive.txt" 2>&1
    wrk -t1 -c1 -d"$DURATION_ONE" --latency -H "Connection: close" -s "$dir/rotate.lua" "$url" >"$dir/wrk-1-close.txt" 2>&1
    echo "== $label: wrk -t$THREADS -c$CONNECTIONS -d$DURATION (keep-alive, then Connection: close)" >&2
    cpu_before="$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$dir/rotate.lua" "$url" >"$dir/wrk-n-keepalive.txt" 2>&1
    cpu_mid="$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Connection: close" -s "$dir/rotate.lua" "$url" >"$dir/wrk-n-close.txt" 2>&1
    cpu_after="$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")"
    rss_kb="$(awk '/VmRSS/ { print $2 }' "/proc/$SERVER_PID/status")"
    load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
    stop_server
    clk="$(getconf CLK_TCK)"
    server_cpu="$(awk -v a="$cpu_before" -v b="$cpu_mid" -v c="$clk" 'BEGIN { printf "%.1f", (b - a) / c }')"
    server_cpu_close="$(awk -v a="$cpu_mid" -v b="$cpu_after" -v c="$clk" 'BEGIN { printf "%.1f", (b - a) / c }')"

    table="$(python3 - "$dir" "$SITE" "$THREADS" "$CONNECTIONS" "$DURATION" "$DURATION_ONE" <<'PY'
import re, sys
d, site, threads, conns, dur, dur1 = sys.argv[1:]
def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v if u == "ms" else v * 1000 if u == "s" else v * 60000
def parse(path):
    t = open(path).read()
    out = {"raw": t}
    m = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", t)
    out["avg"], out["max"] = ms(m.group(1)), ms(m.group(3))
    for p in ("50", "75", "90", "99"):
        out["p" + p] = ms(re.search(rf"^\s+{p}%\s+(\S+)", t, re.M).group(1))
    out["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    out["n"] = int(re.search(r"(\d+) requests in", t).group(1))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    out["bad"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", t)
    out["errors"] = m.group(1) if m else "none"
    return out
runs = [
    (f"-t1 -c1 -d{dur1}", "keep-alive", parse(f"{d}/wrk-1-keepalive.txt")),
    (f"-t1 -c1 -d{dur1}", "Connection: close", parse(f"{d}/wrk-1-close.txt")),
    (f"-t{threads} -c{conns} -d{dur}", "keep-alive", parse(f"{d}/wrk-n-keepalive.txt")),
    (f"-t{threads} -c{conns} -d{dur}", "Connection: close", parse(f"{d}/wrk-n-close.txt")),
]
print("| wrk | connections | requests | req/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | non-2xx | socket errors |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for name, mode, r in runs:
    print(f"| {name} | {mode} | {r['n']:,} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p90']:.2f} | {r['p99']:.2f} | {r['max']:.1f} | {r['bad']} | {r['errors']} |")
print()
print("With Connection: close, wrk counts the server closing each connection as a socket read error; those requests were answered.")
print()
rows = [l.rstrip("\n").split("\t") for l in open(f"{d}/answers.tsv") if l.strip()]
print("Queries (rotated in this order; total results and first-request time, size from the warm-up request with curl):")
print()
print("| lang | query | total | shown | warm-up (ms) | response (bytes) |")
print("| --- | --- | ---: | ---: | ---: | ---: |")
for lang, q, total, meta, path in rows:
    tot, shown = total.split()
    code, t, size = meta.split()
    print(f"| {lang} | {q} | {tot} | {shown} | {float(t) * 1000:.1f} | {int(size):,} |")
PY
)"
    {
        echo "Server: \`signpost serve\` (src/serve/http.rs, a thread per connection), answering ${startup} s after start (it builds first: $(head -n 1 "$dir/serve.log")); after the load: VmRSS $((rss_kb / 1024)) MiB; server CPU ${server_cpu} s during the ${DURATION} keep-alive run, ${server_cpu_close} s during the Connection: close one. wrk and the server share the machine's $(nproc) CPUs. Load average before: $load_before; after: $load_after."
        echo
        echo "$table"
    } >"$dir/report.md"
    echo
    cat "$dir/report.md"
    echo
    {
        echo
        echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), search endpoint under load, site = $label"
        echo
        echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r)"
        echo "- signpost: $SIGNPOST_VERSION"
        echo "- load generator: $WRK_VERSION, Lua script rotating through the 20 paths below (\`GET /api/search?q=...&lang=...\`, Arabic percent-encoded), with kept-alive connections and with Connection: close"
        if [ "$SITE" != bundled ]; then echo "- site: bench/generate.py ($GEN_SUM) --pages $N"; fi
        echo "- output written to $dest ($(df --output=fstype "$BENCH_DEST/$SITE" | tail -n 1))"
        echo
        cat "$dir/report.md"
    } >>"$RESULTS"
    if [ "${KEEP:-0}" != 1 ]; then rm -rf "$BENCH_DEST/$SITE"; fi
done
rmdir "$BENCH_DEST" 2>/dev/null || true
echo "== results appended to $RESULTS" >&2
