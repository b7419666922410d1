#!/usr/bin/env bash
# Build benchmark: Signpost against Hugo (and Zola) on the same synthetic site.
#
#   bash bench/run.sh [N ...]        N pages per language (default 1000)
#   RUNS=5 bash bench/run.sh 10000   timed builds per tool (default 3)
#   RESOURCES=5000 bash bench/run.sh 10000   plus a catalogue of 5,000 one-page
#                                    resources (Hugo: 5,000 more pages per language)
#   ZOLA=/path/to/zola bash bench/run.sh 10000   Zola as a third tool (a binary
#                                    you built from Zola's source with cargo)
#   CORPUS=longtail bash bench/run.sh 1000   the long-tail corpus (generate.py
#                                    --corpus longtail); default: CORPUS=default
#
# For each N: generates the site once (bench/out/N/, reused while
# generate.py and N are unchanged), then runs signpost, hugo, [zola,]
# signpost, hugo ... RUNS times each, every build into an output folder
# emptied before the timer starts. Measured with GNU time: wall seconds, CPU
# seconds (user + sys), peak RSS. Prints the medians and Signpost's ratios
# to each peer and appends them to bench/results.md. See bench/README.md.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/out"
RUNS="${RUNS:-3}"
RESOURCES="${RESOURCES:-0}"
[[ "$RESOURCES" =~ ^[0-9]+$ ]] || { echo "run.sh: RESOURCES is not a number: $RESOURCES" >&2; exit 2; }
CORPUS="${CORPUS:-default}"
case "$CORPUS" in default|longtail) ;; *) echo "run.sh: CORPUS is default or longtail, not $CORPUS" >&2; exit 2 ;; esac
# Where the builds write. Default: a tmpfs (/dev/shm), because on this
# project's VMs (ext4 mounted with `discard`) writing many files shortly
# after deleting many makes the next build's system time grow from run to
# run (see README.md), which measures the disk, not the tools. BENCH_DEST=disk
# writes beside the generated site instead (bench/out/N/), or give a folder.
BENCH_DEST="${BENCH_DEST:-/dev/shm/signpost-bench}"
TIME=/usr/bin/time
if [ "$#" -eq 0 ]; then set -- 1000; fi
for n in "$@"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: not a page count: $n" >&2; exit 2; }
done

if [ ! -x "$TIME" ]; then
    echo "== installing GNU time (Debian package time)" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y time >&2; else sudo apt-get install -y time >&2; fi
fi
command -v hugo >/dev/null || { echo "run.sh: hugo is not installed (Debian package hugo)" >&2; exit 2; }
TOOLS="signpost hugo"
if [ -n "${ZOLA:-}" ]; then
    [ -x "$ZOLA" ] || { echo "run.sh: ZOLA=$ZOLA is not an executable" >&2; exit 2; }
    TOOLS+=" zola"
fi

echo "== cargo build --release --locked" >&2
(cd "$ROOT" && cargo build --release --locked)
# A copy, so that a rebuild during the benchmark does not change the binary.
mkdir -p "$OUT/bin"
cp "${CARGO_TARGET_DIR:-$ROOT/target}/release/signpost" "$OUT/bin/signpost"
SIGNPOST="$OUT/bin/signpost"

GIT_REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
GIT_DIRTY="$(git -C "$ROOT" status --porcelain -- src Cargo.toml Cargo.lock themes 2>/dev/null | wc -l)"
SIGNPOST_VERSION="$("$SIGNPOST" --version) (commit $GIT_REV"
if [ "$GIT_DIRTY" -gt 0 ]; then SIGNPOST_VERSION+=", $GIT_DIRTY files changed in src/ Cargo.* themes/"; fi
SIGNPOST_VERSION+=")"
HUGO_VERSION="$(hugo version)"
ZOLA_VERSION="$([ -n "${ZOLA:-}" ] && "$ZOLA" --version || true)"
GEN_SUM="$(sha256sum "$BENCH/generate.py" | cut -c1-16)"

# measure TOOL SITE DEST TIMEFILE LOG: one timed build; fails on a non-zero exit.
measure() {
    local tool="$1" site="$2" dest="$3" tfile="$4" log="$5" rc=0
    rm -rf "$dest"
    sync
    case "$tool" in
    signpost)
        "$TIME" -f '%e %U %S %M' -o "$tfile" \
            "$SIGNPOST" build --root "$site" --output "$dest" >"$log" 2>&1 || rc=$? ;;
    hugo)
        "$TIME" -f '%e %U %S %M' -o "$tfile" \
            hugo --source "$site" --destination "$dest" --quiet --minify=false >"$log" 2>&1 || rc=$? ;;
    zola)
        "$TIME" -f '%e %U %S %M' -o "$tfile" \
            "$ZOLA" --root "$site" build --output-dir "$dest" --force >"$log" 2>&1 || rc=$? ;;
    esac
    if [ "$rc" -ne 0 ]; then
        echo "run.sh: $tool exited with $rc; its output (first 40 lines of $log):" >&2
        head -n 40 "$log" >&2
        exit 1
    fi
}

for N in "$@"; do
    dir="$OUT/$N"
    if [ "$RESOURCES" -gt 0 ]; then dir="$OUT/$N-r$RESOURCES"; fi
    if [ "$CORPUS" != default ]; then dir="$dir-$CORPUS"; fi
    sp_site="$dir/signpost-site"
    hu_site="$dir/hugo-site"
    zo_site="$dir/zola-site"
    mkdir -p "$dir"
    stamp="generate.py $GEN_SUM pages $N"
    if [ "$RESOURCES" -gt 0 ]; then stamp+=" resources $RESOURCES"; fi
    if [ "$CORPUS" != default ]; then stamp+=" corpus $CORPUS"; fi
    zola_args=()
    if [ -n "${ZOLA:-}" ]; then stamp+=" zola"; zola_args=(--zola-out "$zo_site"); fi
    # A stamp with " zola" serves a run without Zola too.
    if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp zola" ]; then
        echo "== N=$N: generating the sites" >&2
        rm -rf "$sp_site" "$hu_site" "$zo_site" "$dir/stamp"
        gen_start=$(date +%s.%N)
        python3 "$BENCH/generate.py" --pages "$N" --resources "$RESOURCES" --corpus "$CORPUS" --out "$sp_site" --hugo-out "$hu_site" "${zola_args[@]}"
        echo "   generated in $(awk -v a="$gen_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s" >&2
        echo "$stamp" >"$dir/stamp"
    else
        echo "== N=$N: reusing the generated sites in $dir" >&2
    fi
    # The theme and interface strings as they are now in the repository.
    rm -rf "$sp_site/themes" "$sp_site/i18n" "$hu_site/static"
    cp -r "$ROOT/themes" "$ROOT/i18n" "$sp_site/"
    mkdir -p "$hu_site/static"
    cp -r "$ROOT/themes/default/static/." "$hu_site/static/"
    if [ -n "${ZOLA:-}" ]; then
        rm -rf "$zo_site/static"
        mkdir -p "$zo_site/static"
        cp -r "$ROOT/themes/default/static/." "$zo_site/static/"
    fi

    if [ "$BENCH_DEST" = disk ]; then dest_root="$dir"; else dest_root="$BENCH_DEST/$(basename "$dir")"; fi
    mkdir -p "$dest_root"
    dest_fs="$(df --output=fstype "$dest_root" | tail -n 1)"

    sections=$(( (N + 99) / 100 ))
    expected=$(( 4 * (1 + sections + N) + 1 ))   # 4 languages x (home + sections + pages) + root
    expected_signpost=$(( expected + 4 ))   # + a search page per language (/<lang>/search/)
    expected_zola=$(( expected - 1 ))       # the default language at the root: no chooser
    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    raw="$dir/runs.tsv"
    : >"$raw"
    for r in $(seq 1 "$RUNS"); do
        for tool in $TOOLS; do
            case "$tool" in signpost) site="$sp_site" ;; hugo) site="$hu_site" ;; zola) site="$zo_site" ;; esac
            dest="$dest_root/public-$tool"
            echo "== N=$N run $r/$RUNS: $tool" >&2
            measure "$tool" "$site" "$dest" "$dir/time-$tool-$r" "$dir/log-$tool-$r"
            read -r wall user sys rss <"$dir/time-$tool-$r"
            pages=$(find "$dest" -name index.html | wc -l)
            files=$(find "$dest" -type f | wc -l)
            bytes=$(du -sb "$dest" | cut -f1)
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
                "$tool" "$r" "$wall" "$user" "$sys" "$rss" "$pages" "$files" "$bytes" >>"$raw"
            echo "   wall ${wall}s user ${user}s sys ${sys}s peak RSS $((rss / 1024)) MiB; $pages index.html, $files files" >&2
            want=$expected; [ "$tool" = signpost ] && want=$expected_signpost
            [ "$tool" = zola ] && want=$expected_zola
            if [ "$RESOURCES" -gt 0 ]; then
                # Resource pages: R per language for both. The listings
                # differ (Signpost: a page per filter combination; Hugo: 10
                # resources a page), so the total is only a lower bound.
                res_pages=$(find "$dest" -path '*/resources/r[0-9]*/index.html' | wc -l)
                if [ "$res_pages" -ne $(( 4 * RESOURCES )) ]; then
                    echo "run.sh: $tool wrote $res_pages resource pages, expected $(( 4 * RESOURCES ))" >&2
                    exit 1
                fi
                want=$(( want + 4 * RESOURCES ))
                if [ "$pages" -lt "$want" ]; then
                    echo "run.sh: $tool wrote $pages index.html files, expected at least $want" >&2
                    exit 1
                fi
            elif [ "$pages" -ne "$want" ]; then
                echo "run.sh: $tool wrote $pages index.html files, expected $want" >&2
                exit 1
            fi
        done
    done
    head -n 5 "$dir/log-signpost-$RUNS" | sed 's/^/   signpost said: /' >&2
    if [ "${KEEP:-0}" != 1 ] && [ "$dest_root" != "$dir" ]; then
        rm -rf "$dest_root"   # free the tmpfs; KEEP=1 keeps the last outputs
    fi

    table="$(python3 - "$raw" "$N" "$RUNS" "$expected" "$RESOURCES" $TOOLS <<'PY'
import statistics, sys
raw, n, runs, expected, resources = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
tools = sys.argv[6:]
peers = tools[1:]
rows = [l.rstrip("\n").split("\t") for l in open(raw) if l.strip()]
med, per = {}, {}
for tool in tools:
    mine = [r for r in rows if r[0] == tool]
    wall = [float(r[2]) for r in mine]
    cpu = [float(r[3]) + float(r[4]) for r in mine]
    rss = [int(r[5]) / 1024 for r in mine]
    med[tool] = (statistics.median(wall), statistics.median(cpu), statistics.median(rss))
    per[tool] = (wall, cpu, rss, mine[-1][6], mine[-1][7], int(mine[-1][8]))
sections = (n + 99) // 100
print(f"N = {n:,} pages per language: {4 * (n + sections + 1):,} pages in 4 languages "
      f"(+ root chooser = {expected:,} index.html)"
      + (f", plus {resources:,} one-page resources (a page each per language: {4 * resources:,}; "
         f"Signpost adds its library listings, the peers a list paginated 10 a page)" if resources else "")
      + f"; median of {runs} runs, alternating")
print()
print("| tool | wall (s) | CPU user+sys (s) | peak RSS (MiB) | index.html | files | output MB |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for tool in tools:
    w, c, m = med[tool]
    p = per[tool]
    print(f"| {tool} | {w:.2f} | {c:.2f} | {m:.0f} | {int(p[3]):,} | {int(p[4]):,} | {p[5] / 1e6:.0f} |")
s = med["signpost"]
for peer in peers:
    h = med[peer]
    print(f"| signpost/{peer} | {s[0] / h[0]:.2f} | {s[1] / h[1]:.2f} | {s[2] / h[2]:.2f} | | | |")
print()
faster = min(peers, key=lambda t: med[t][0])
leaner = min(peers, key=lambda t: med[t][2])
goal_wall, goal_mem = s[0] / med[faster][0] <= 0.5, s[2] / med[leaner][2] <= 1.0
print(f"Goal (wall <= 0.5 x the faster peer, {faster}; peak RSS <= the leaner peer, {leaner}): "
      f"wall {'met' if goal_wall else 'NOT met'} ({s[0] / med[faster][0]:.2f}), "
      f"memory {'met' if goal_mem else 'NOT met'} ({s[2] / med[leaner][2]:.2f}).")
print()
print("Runs (wall s / CPU s / RSS MiB): " + "; ".join(
    f"{tool}: " + ", ".join(f"{w:.2f}/{c:.2f}/{m:.0f}" for w, c, m in zip(*per[tool][:3]))
    for tool in tools))
PY
)"
    echo
    echo "$table"
    echo
    if [ ! -s "$BENCH/results.md" ]; then
        printf '# Build benchmark results\n\nAppended by `bench/run.sh`; see `bench/README.md` for what is measured.\n' >"$BENCH/results.md"
    fi
    {
        echo
        echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), N = $N$([ "$RESOURCES" -gt 0 ] && echo ", RESOURCES = $RESOURCES"), CORPUS = $CORPUS, RUNS = $RUNS"
        echo
        echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r)"
        echo "- signpost: $SIGNPOST_VERSION"
        echo "- hugo: $HUGO_VERSION"
        [ -n "$ZOLA_VERSION" ] && echo "- zola: $ZOLA_VERSION (built from source with cargo build --release)"
        echo "- site: bench/generate.py ($GEN_SUM), $(head -n 1 "$dir/log-signpost-$RUNS")"
        echo "- load average before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "- output written to $dest_root ($dest_fs); sources read from bench/out/$(basename "$dir")/ (page cache not dropped)"
        echo
        echo "$table"
    } >>"$BENCH/results.md"
done
[ "$BENCH_DEST" = disk ] || rmdir "$BENCH_DEST" 2>/dev/null || true
echo "== results appended to bench/results.md" >&2
