#!/usr/bin/env bash
# Search transfer benchmark: the bytes a browser fetches for a first search
# with Signpost's search and with Pagefind over the same built site, and the
# time from the last byte to the drawn result list.
#
#   bash bench/search-transfer.sh [SITE ...]     SITE: bundled, or N (pages per language
#                                                of bench/generate.py); default: bundled 10000
#   REPS=5 REV=HEAD bash bench/search-transfer.sh 10000
#   RESOURCES=5000 REV=worktree SIGNPOST_BIN=target/debug/signpost bash bench/search-transfer.sh bundled 10000
#
# For each site: builds it with Signpost (timed once), runs Pagefind over the
# output (`pagefind --site OUT --output-subdir _pagefind`, timed once),
# writes a Pagefind test page per language, serves the folder with
# `python3 -m http.server` (no compression) and runs
# bench/search-transfer.mjs in Chromium. Prints the tables and appends them
# to bench/results.md. See bench/README.md, "Search benchmarks".
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/out"
REPS="${REPS:-5}"
# The Signpost measured: a commit (default HEAD), exported with git archive
# and built in bench/out/ (so that edits in progress in src/, themes/ or
# i18n/ do not enter the measurement), or REV=worktree: the working tree,
# built with cargo in the repository (target/release/signpost).
REV="${REV:-HEAD}"
# Generated sites also get a catalogue of this many resources (as bench/run.sh).
RESOURCES="${RESOURCES:-0}"
BENCH_DEST="${BENCH_DEST:-/dev/shm/signpost-search}"
RESULTS="${RESULTS:-$BENCH/results.md}"
TIME=/usr/bin/time
PAGEFIND_VERSION_WANTED="${PAGEFIND_VERSION_WANTED:-1}"
if [ "$#" -eq 0 ]; then set -- bundled 10000; fi
for s in "$@"; do
    [[ "$s" = bundled || "$s" =~ ^[1-9][0-9]*$ ]] || { echo "search-transfer.sh: not a site: $s (bundled or a page count)" >&2; exit 2; }
done

if [ ! -x "$TIME" ]; then
    echo "== installing GNU time (Debian package time)" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y time >&2; else sudo apt-get install -y time >&2; fi
fi
command -v node >/dev/null || { echo "search-transfer.sh: node is not installed (see scripts/setup.sh)" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "search-transfer.sh: /usr/bin/chromium is missing (see scripts/setup.sh)" >&2; exit 2; }
[ -d "$ROOT/tests/browser/node_modules/playwright-core" ] || { echo "search-transfer.sh: run npm ci in tests/browser (scripts/setup.sh)" >&2; exit 2; }
if [ ! -x "$BENCH/node_modules/.bin/pagefind" ]; then
    echo "== npm install --prefix bench pagefind@$PAGEFIND_VERSION_WANTED" >&2
    npm install --prefix "$BENCH" "pagefind@$PAGEFIND_VERSION_WANTED" >&2
fi
PAGEFIND="$BENCH/node_modules/.bin/pagefind"   # what `npx --prefix bench pagefind` runs
PAGEFIND_VERSION="$("$PAGEFIND" --version 2>/dev/null | head -n 1)"

mkdir -p "$OUT/bin"
SIGNPOST="$OUT/bin/signpost-search"
if [ "$REV" = worktree ]; then
    SRC="$ROOT"
    # SIGNPOST_BIN=path: measure that binary of the working tree instead of
    # building one (the bytes a query fetches do not depend on the profile).
    if [ -n "${SIGNPOST_BIN:-}" ]; then
        echo "== using $SIGNPOST_BIN (working tree)" >&2
    else
        echo "== cargo build --release --locked (working tree)" >&2
        (cd "$ROOT" && cargo build --release --locked)
    fi
    cp "${SIGNPOST_BIN:-$ROOT/target/release/signpost}" "$SIGNPOST"
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
CHROMIUM_VERSION="$(/usr/bin/chromium --version 2>/dev/null | head -n 1)"

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi
}
trap stop_server EXIT

# serve DIR LOG: python3 -m http.server on a free port of 127.0.0.1; sets PORT.
serve() {
    local dir="$1" log="$2" tries
    for tries in 1 2 3 4 5; do
        PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
        python3 -m http.server --bind 127.0.0.1 "$PORT" --directory "$dir" >"$log" 2>&1 &
        SERVER_PID=$!
        for _ in $(seq 1 50); do
            if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
            if curl -sf -o /dev/null "http://127.0.0.1:$PORT/_pagefind/pagefind.js"; then return 0; fi
            sleep 0.1
        done
        stop_server
    done
    echo "search-transfer.sh: could not start python3 -m http.server (see $log)" >&2
    exit 1
}

# The same queries for both tools: words that occur in the site.
queries_for() {
    if [ "$1" = bundled ]; then
        echo '{"en": ["supervision", "referral", "mental health"], "ar": ["التدريب", "الإحالة", "الصحة النفسية"]}'
    else
        # From bench/generate.py's vocabulary (objects and topics in both
        # languages): three words, the goal's kind of query, and one phrase.
        echo '{"en": ["epilepsy", "supervision", "depression", "referral pathways"], "ar": ["الصرع", "الإشراف", "الاكتئاب", "مسارات الإحالة"]}'
    fi
}

for SITE in "$@"; do
    if [ "$SITE" = bundled ]; then
        site_root="$SRC"
        dir="$OUT/search-bundled"
        label="bundled"
    else
        N="$SITE"
        suffix="$N"; [ "$RESOURCES" -gt 0 ] && suffix="$N-r$RESOURCES"
        gdir="$OUT/$suffix"
        site_root="$gdir/signpost-site"
        dir="$OUT/search-$suffix"
        label="generated N=$N, RESOURCES=$RESOURCES"
        # Generated as bench/run.sh does (both sites, same stamp), so run.sh reuses it.
        stamp="generate.py $GEN_SUM pages $N"
        [ "$RESOURCES" -gt 0 ] && stamp+=" resources $RESOURCES"
        if [ "$(cat "$gdir/stamp" 2>/dev/null)" != "$stamp" ]; then
            echo "== N=$N: generating the sites" >&2
            mkdir -p "$gdir"
            rm -rf "$site_root" "$gdir/hugo-site" "$gdir/stamp"
            python3 "$BENCH/generate.py" --pages "$N" --resources "$RESOURCES" --out "$site_root" --hugo-out "$gdir/hugo-site"
            echo "$stamp" >"$gdir/stamp"
        fi
        rm -rf "$site_root/themes" "$site_root/i18n"
        cp -r "$SRC/themes" "$SRC/i18n" "$site_root/"
    fi
    mkdir -p "$dir"
    dest_root="$BENCH_DEST/$SITE"
    dest="$dest_root/public"
    mkdir -p "$dest_root"
    rm -rf "$dest" "$dest_root/index"
    sync
    echo "== $label: signpost build" >&2
    rc=0
    "$TIME" -f '%e %U %S %M' -o "$dir/time-signpost" \
        "$SIGNPOST" build --root "$site_root" --output "$dest" --index-dir "$dest_root/index" >"$dir/log-signpost" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "search-transfer.sh: signpost exited with $rc; its output (first 40 lines of $dir/log-signpost):" >&2
        head -n 40 "$dir/log-signpost" >&2
        exit 1
    fi
    read -r sp_wall sp_user sp_sys sp_rss <"$dir/time-signpost"
    # What a host receives: every file Signpost wrote (before Pagefind adds its own).
    sp_files="$(find "$dest" -type f | wc -l)"
    sp_pages="$(find "$dest" -type f -name '*.html' | wc -l)"
    echo "   $(head -n 1 "$dir/log-signpost"); wall ${sp_wall}s, peak RSS $((sp_rss / 1024)) MiB" >&2

    echo "== $label: pagefind --site $dest --output-subdir _pagefind" >&2
    rc=0
    "$TIME" -f '%e %U %S %M' -o "$dir/time-pagefind" \
        "$PAGEFIND" --site "$dest" --output-subdir _pagefind >"$dir/log-pagefind" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "search-transfer.sh: pagefind exited with $rc (see $dir/log-pagefind)" >&2
        tail -n 40 "$dir/log-pagefind" >&2
        exit 1
    fi
    read -r pf_wall pf_user pf_sys pf_rss <"$dir/time-pagefind"
    echo "   pagefind: wall ${pf_wall}s, peak RSS $((pf_rss / 1024)) MiB" >&2

    queries="$(queries_for "$SITE")"
    # Pagefind's test pages (written after indexing, so Pagefind does not index them).
    for lang in $(python3 -c 'import json, sys; print(" ".join(json.loads(sys.argv[1])))' "$queries"); do
        cat >"$dest/pagefind-test-$lang.html" <<EOF
<!doctype html>
<html lang="$lang">
<head><meta charset="utf-8"><title>Pagefind test</title><link rel="icon" href="data:,"></head>
<body>
<ol id="results"></ol>
<script type="module">
// What a result list needs from Pagefind: search, then the first 10 results' data.
const pf = (window.__pf = {});
const now = () => performance.timeOrigin + performance.now();
try {
  const query = new URLSearchParams(location.search).get("q");
  pf.start = now();
  const pagefind = await import("/_pagefind/pagefind.js");
  await pagefind.options({});
  const r = await pagefind.search(query);
  pf.searched = now();
  const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  pf.dataResolved = now();
  const list = document.getElementById("results");
  list.replaceChildren(...data.map((d) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = d.url;
    a.textContent = d.meta.title;
    const p = document.createElement("p");
    p.innerHTML = d.excerpt;
    li.append(a, p);
    return li;
  }));
  pf.drawn = now();
  pf.total = r.results.length;
  pf.items = list.children.length;
  pf.first = data[0]?.url ?? null;
  pf.shown = data.map((d) => d.url);
} catch (e) {
  pf.error = String(e && e.stack || e);
}
</script>
</body>
</html>
EOF
    done

    # Sizes on disk: Signpost's _search per language, Pagefind's bundle.
    python3 - "$dest" >"$dir/sizes.md" <<'PY'
import os, sys
dest = sys.argv[1]
def walk(path):
    n = b = 0
    big = (0, "")
    for base, _, files in os.walk(path):
        for f in files:
            s = os.path.getsize(os.path.join(base, f))
            n += 1; b += s
            if s > big[0]: big = (s, os.path.relpath(os.path.join(base, f), path))
    return n, b, big
total_n, total_b, _ = walk(dest)
search = os.path.join(dest, "_search")
print("| lang | tantivy index/ (MB) | browser files (MB) | meta.json (kB) | lex/ files, kB | post/ files, MB (largest kB) | pos/ files, MB | docs/ files, MB (average kB) | facets files, kB |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
sum_index = sum_browser = 0
for lang in sorted(os.listdir(search)):
    p = os.path.join(search, lang)
    parts = {k: walk(os.path.join(p, k)) for k in ("lex", "post", "pos", "docs")}
    # The tantivy index is outside the output since issue 13 (--index-dir).
    parts["index"] = walk(os.path.join(os.path.dirname(dest), "index", lang))
    # facets.bin since 2026-11-23 (one file per language), facets/<facet>/<value>.bin before
    fb = os.path.join(p, "facets.bin")
    parts["facets"] = (1, os.path.getsize(fb), (0, "")) if os.path.exists(fb) else walk(os.path.join(p, "facets"))
    meta = os.path.getsize(os.path.join(p, "meta.json"))
    browser = meta + sum(v[1] for k, v in parts.items() if k != "index")
    sum_index += parts["index"][1]; sum_browser += browser
    d = parts["docs"]
    print(f"| {lang} | {parts['index'][1] / 1e6:.1f} | {browser / 1e6:.1f} | {meta / 1e3:.1f} | {parts['lex'][0]}, {parts['lex'][1] / 1e3:.0f} "
          f"| {parts['post'][0]}, {parts['post'][1] / 1e6:.1f} ({parts['post'][2][0] / 1e3:.0f}) | {parts['pos'][0]}, {parts['pos'][1] / 1e6:.1f} "
          f"| {d[0]}, {d[1] / 1e6:.1f} ({d[1] / max(1, d[0]) / 1e3:.1f}) | {parts['facets'][0]}, {parts['facets'][1] / 1e3:.1f} |")
pf_n, pf_b, _ = walk(os.path.join(dest, "_pagefind"))
sp_n, sp_b, _ = walk(search)
print()
print(f"On disk: the whole output {total_b / 1e6:.0f} MB in {total_n:,} files (Pagefind's bundle included); Signpost `_search/` {sp_b / 1e6:.1f} MB in {sp_n:,} files "
      f"(tantivy indexes {sum_index / 1e6:.1f} MB, browser files {sum_browser / 1e6:.1f} MB); Pagefind `_pagefind/` {pf_b / 1e6:.1f} MB in {pf_n:,} files.")
PY

    echo "== $label: transfer in Chromium ($REPS repetitions)" >&2
    serve "$dest" "$dir/http.log"
    transfer_rc=0
    node "$BENCH/search-transfer.mjs" --base "http://127.0.0.1:$PORT" --root "$dest" --site "$SITE" \
        --queries "$queries" --reps "$REPS" --json "$dir/transfer.json" >"$dir/transfer.md" || transfer_rc=$?
    stop_server
    if [ ! -s "$dir/transfer.md" ]; then
        echo "search-transfer.sh: search-transfer.mjs failed (exit $transfer_rc)" >&2
        exit 1
    fi
    pf_summary="$(grep -E '^ *(Indexed|Discovered|Finished)' "$dir/log-pagefind" | sed 's/^ *//' | paste -sd ';' | sed 's/;/; /g')"
    {
        echo "Builds (one each, output in $dest_root, $(df --output=fstype "$dest_root" | tail -n 1)): signpost build ${sp_wall} s wall, $(awk -v u="$sp_user" -v s="$sp_sys" 'BEGIN { printf "%.2f", u + s }') s CPU, peak RSS $((sp_rss / 1024)) MiB ($(head -n 1 "$dir/log-signpost")); then pagefind ${pf_wall} s wall, $(awk -v u="$pf_user" -v s="$pf_sys" 'BEGIN { printf "%.2f", u + s }') s CPU, peak RSS $((pf_rss / 1024)) MiB ($pf_summary)."
        echo
        echo "Signpost's output (what a host receives, before Pagefind's files are added): $sp_files files for $sp_pages HTML pages; goal at most 1.2 x pages + 100 = $(( sp_pages * 12 / 10 + 100 )) ($( [ "$sp_files" -le $(( sp_pages * 12 / 10 + 100 )) ] && echo met || echo 'not met'))."
        echo
        cat "$dir/sizes.md"
        echo
        cat "$dir/transfer.md"
    } >"$dir/report.md"
    echo
    cat "$dir/report.md"
    echo
    {
        echo
        echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), search transfer, site = $label, REPS = $REPS"
        echo
        echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "- signpost: $SIGNPOST_VERSION"
        echo "- pagefind: $PAGEFIND_VERSION (npm package pagefind, its own binary), default options, over the whole built output"
        echo "- browser: $CHROMIUM_VERSION (headless, playwright-core from tests/browser, fresh context per measurement), node $(node --version)"
        echo "- served by python3 -m http.server (HTTP/1.0, no compression: raw bytes = files + about 200 B of headers each)"
        if [ "$SITE" != bundled ]; then echo "- site: bench/generate.py ($GEN_SUM) --pages $N"; fi
        echo "- queries: $queries (Signpost: /<lang>/search/?q=..., counted from search.js on; Pagefind: test page, counted after its HTML)"
        echo
        cat "$dir/report.md"
    } >>"$RESULTS"
    if [ "${KEEP:-0}" != 1 ]; then rm -rf "$dest_root"; fi
    if [ "$transfer_rc" -ne 0 ]; then
        echo "search-transfer.sh: search-transfer.mjs reported problems (exit $transfer_rc)" >&2
        exit 1
    fi
done
rmdir "$BENCH_DEST" 2>/dev/null || true
echo "== results appended to $RESULTS" >&2
