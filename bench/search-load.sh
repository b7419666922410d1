#!/usr/bin/env bash
# `signpost serve` under load, beside nginx serving the same folder, on
# 127.0.0.1, driven by wrk (Debian packages nginx and wrk, installed if
# missing).
#
#   bash bench/search-load.sh [SITE ...]     SITE: bundled, or N (bench/generate.py
#                                            pages per language); default: bundled
#   DURATION=20s ROUNDS=1 REV=worktree bash bench/search-load.sh bundled
#   BIN=path/to/signpost bash bench/search-load.sh    a binary already built
#                                            (the bundled site from this tree)
#
# For each site: builds it once (`signpost build --output DEST`), starts
# `signpost serve --no-build --output DEST` and nginx (a temporary
# configuration serving DEST, on a free port, stopped after), then, for 1
# and for 64 connections, runs `wrk --latency -dDURATION`, alternating
# servers: a static page (STATIC, default /en/) on signpost, the same page
# on nginx, then `/api/search?q=health&lang=en` (QUERY) on signpost. ROUNDS
# repeats the whole, nginx first every other round. Kept-alive
# connections, no compression (wrk asks for none), access log off.
# Prints a table with ratios to nginx from the same run and appends it to
# bench/results.md.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/out"
REV="${REV:-worktree}"                 # a commit (git archive, built in bench/out/) or `worktree`
BENCH_DEST="${BENCH_DEST:-/dev/shm/signpost-load}"
RESULTS="${RESULTS:-$BENCH/results.md}"
DURATION="${DURATION:-20s}"
ROUNDS="${ROUNDS:-1}"
STATIC="${STATIC:-/en/}"
QUERY="${QUERY:-/api/search?q=health&lang=en}"
if [ "$#" -eq 0 ]; then set -- bundled; fi
for s in "$@"; do
    [[ "$s" = bundled || "$s" =~ ^[1-9][0-9]*$ ]] || { echo "search-load.sh: not a site: $s (bundled or a page count)" >&2; exit 2; }
done

install() {
    echo "== installing $* (Debian)" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y "$@" >&2; else sudo apt-get install -y "$@" >&2; fi
}
command -v wrk >/dev/null || install wrk
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || { install nginx; NGINX=/usr/sbin/nginx; }
WRK_VERSION="$(wrk -v 2>&1 | head -n 1 || true)"
NGINX_VERSION="$("$NGINX" -v 2>&1 | head -n 1)"

mkdir -p "$OUT/bin"
SIGNPOST="$OUT/bin/signpost-load"
if [ -n "${BIN:-}" ]; then
    SRC="$ROOT"
    cp "$BIN" "$SIGNPOST"
    SIGNPOST_VERSION="$("$SIGNPOST" --version) (the binary $BIN, sha256 $(sha256sum "$BIN" | cut -c1-16))"
elif [ "$REV" = worktree ]; then
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
NGINX_DIR=""
stop_servers() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi
    if [ -n "$NGINX_DIR" ] && [ -f "$NGINX_DIR/nginx.pid" ]; then
        "$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -s quit 2>/dev/null || kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
        for _ in $(seq 1 50); do [ -f "$NGINX_DIR/nginx.pid" ] || break; sleep 0.1; done
    fi
    if [ -n "$NGINX_DIR" ]; then rm -rf "$NGINX_DIR"; fi
    NGINX_DIR=""
}
trap stop_servers EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {   # wait_for URL PID LOG
    for _ in $(seq 1 600); do
        if ! kill -0 "$2" 2>/dev/null; then break; fi
        if curl -sf -o /dev/null "$1"; then return 0; fi
        sleep 0.1
    done
    echo "search-load.sh: $1 did not answer (see $3)" >&2
    tail -n 20 "$3" >&2
    exit 1
}

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
    chmod 755 "$BENCH_DEST" "$BENCH_DEST/$SITE"
    rm -rf "$dest"
    echo "== $label: signpost build --output $dest" >&2
    "$SIGNPOST" build --root "$site_root" --output "$dest" >"$dir/build.log" 2>&1
    chmod -R a+rX "$dest"

    PORT="$(free_port)"
    "$SIGNPOST" serve --no-build --root "$site_root" --output "$dest" --port "$PORT" >"$dir/serve.log" 2>&1 &
    SERVER_PID=$!
    wait_for "http://127.0.0.1:$PORT$STATIC" "$SERVER_PID" "$dir/serve.log"

    # nginx: the same folder, its usual static setup, nothing logged per request.
    NGINX_DIR="$(mktemp -d /tmp/signpost-nginx.XXXXXX)"
    chmod 755 "$NGINX_DIR"
    NGINX_PORT="$(free_port)"
    cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $NGINX_DIR/body;
    proxy_temp_path $NGINX_DIR/proxy;
    fastcgi_temp_path $NGINX_DIR/fastcgi;
    uwsgi_temp_path $NGINX_DIR/uwsgi;
    scgi_temp_path $NGINX_DIR/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $dest;
        index index.html;
    }
}
CONF
    "$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -g 'daemon on;'
    for _ in $(seq 1 50); do [ -f "$NGINX_DIR/nginx.pid" ] && break; sleep 0.1; done
    wait_for "http://127.0.0.1:$NGINX_PORT$STATIC" "$(cat "$NGINX_DIR/nginx.pid")" "$NGINX_DIR/error.log"
    cmp -s <(curl -s "http://127.0.0.1:$PORT$STATIC") <(curl -s "http://127.0.0.1:$NGINX_PORT$STATIC") \
        || { echo "search-load.sh: the two servers send different pages for $STATIC" >&2; exit 1; }
    curl -sf "http://127.0.0.1:$PORT$QUERY" | python3 -c 'import json, sys; d = json.load(sys.stdin); print("   query total:", d["total"])' >&2

    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    : >"$dir/runs.tsv"
    run() {   # run NAME URL CONNECTIONS
        local threads=1
        if [ "$3" -gt 1 ]; then threads=2; fi
        local file="$dir/wrk-$1-$3-$round.txt"
        echo "   wrk -t$threads -c$3 -d$DURATION $2" >&2
        wrk -t"$threads" -c"$3" -d"$DURATION" --latency "$2" >"$file" 2>&1
        printf '%s\t%s\t%s\t%s\n' "$1" "$3" "$round" "$file" >>"$dir/runs.tsv"
    }
    for round in $(seq 1 "$ROUNDS"); do
        for c in 1 64; do
            echo "== $label: round $round, $c connection(s)" >&2
            if [ $((round % 2)) -eq 1 ]; then
                run signpost-static "http://127.0.0.1:$PORT$STATIC" "$c"
                run nginx-static "http://127.0.0.1:$NGINX_PORT$STATIC" "$c"
            else
                run nginx-static "http://127.0.0.1:$NGINX_PORT$STATIC" "$c"
                run signpost-static "http://127.0.0.1:$PORT$STATIC" "$c"
            fi
            run signpost-search "http://127.0.0.1:$PORT$QUERY" "$c"
        done
    done
    rss_kb="$(awk '/VmRSS/ { print $2 }' "/proc/$SERVER_PID/status")"
    load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
    stop_servers

    table="$(python3 - "$dir/runs.tsv" <<'PY'
import re, sys
from collections import defaultdict
def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v if u == "ms" else v * 1000 if u == "s" else v * 60000
def parse(path):
    t = open(path).read()
    out = {}
    out["p50"] = ms(re.search(r"^\s+50%\s+(\S+)", t, re.M).group(1))
    out["p99"] = ms(re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))
    out["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    out["n"] = int(re.search(r"(\d+) requests in", t).group(1))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    out["bad"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", t)
    out["errors"] = m.group(1) if m else "none"
    return out
runs = defaultdict(list)
for line in open(sys.argv[1]):
    name, conns, rnd, path = line.rstrip("\n").split("\t")
    runs[(name, int(conns))].append((int(rnd), parse(path)))
print("| what | connections | round | requests | req/s | p50 (ms) | p99 (ms) | non-2xx | socket errors |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for (name, conns), rs in sorted(runs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    for rnd, r in rs:
        print(f"| {name} | {conns} | {rnd} | {r['n']:,} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['bad']} | {r['errors']} |")
print()
print("Static page, signpost / nginx in the same round (goal: req/s at least 0.8, p99 at most 2):")
print()
print("| connections | round | req/s ratio | p99 ratio |")
print("| ---: | ---: | ---: | ---: |")
for conns in (1, 64):
    ours = dict(runs.get(("signpost-static", conns), []))
    theirs = dict(runs.get(("nginx-static", conns), []))
    for rnd in sorted(ours):
        if rnd in theirs:
            a, b = ours[rnd], theirs[rnd]
            print(f"| {conns} | {rnd} | {a['rps'] / b['rps']:.2f} | {a['p99'] / b['p99']:.2f} |")
PY
)"
    {
        echo "Static page \`$STATIC\`, search \`$QUERY\`; \`signpost serve --no-build\` after the load: VmRSS $((rss_kb / 1024)) MiB. wrk, nginx and signpost share the machine's $(nproc) CPUs with whatever else runs. Load average before: $load_before; after: $load_after."
        echo
        echo "$table"
    } >"$dir/report.md"
    echo
    cat "$dir/report.md"
    echo
    {
        echo
        echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), serve against nginx, site = $label"
        echo
        echo "- command: \`${BIN:+BIN=$BIN }DURATION=$DURATION ROUNDS=$ROUNDS bash bench/search-load.sh $SITE\`"
        echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r)"
        echo "- signpost: $SIGNPOST_VERSION"
        echo "- nginx: $NGINX_VERSION (worker_processes auto, sendfile, access_log off); load generator: $WRK_VERSION, kept-alive connections, -t1 for 1 connection, -t2 for 64"
        if [ "$SITE" != bundled ]; then echo "- site: bench/generate.py ($GEN_SUM) --pages $N"; fi
        echo "- output in $dest ($(df --output=fstype "$BENCH_DEST/$SITE" | tail -n 1))"
        echo
        cat "$dir/report.md"
    } >>"$RESULTS"
    if [ "${KEEP:-0}" != 1 ]; then rm -rf "$BENCH_DEST/$SITE"; fi
done
rmdir "$BENCH_DEST" 2>/dev/null || true
echo "== results appended to $RESULTS" >&2
