#!/usr/bin/env bash
# Lighthouse (mobile, its default) on the bundled site: the home page, a
# guidance page, the library and a search page, in English and Arabic, all
# four categories. Serves a fresh build with `signpost serve` on 127.0.0.1
# and runs Lighthouse (npm, bench/package.json) in Debian's Chromium.
#
#   bash bench/lighthouse.sh            prints one line of scores per page
#   SIGNPOST_BIN=path bash bench/lighthouse.sh   a given binary
#
# Reports (JSON) are kept in bench/out/lighthouse/.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/out/lighthouse"
PORT="${PORT:-4599}"
BIN="${SIGNPOST_BIN:-}"
if [ -z "$BIN" ]; then
  (cd "$ROOT" && cargo build --release --locked)
  BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/signpost"
fi
[ -x /usr/bin/chromium ] || { echo "lighthouse.sh: needs /usr/bin/chromium (Debian package chromium)" >&2; exit 2; }
[ -x "$BENCH/node_modules/.bin/lighthouse" ] || npm install --prefix "$BENCH" --no-audit --no-fund --loglevel=error
mkdir -p "$OUT"
site="$(mktemp -d)"
"$BIN" serve --root "$ROOT" --output "$site/public" --index-dir "$site/index" --port "$PORT" >"$OUT/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$site" "$OUT"/profile-*' EXIT
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/en/" && break
  sleep 1
done
export CHROME_PATH=/usr/bin/chromium
for path in en/ en/guidance/assess-and-plan/ en/resources/ "en/search/?q=supervision" \
            ar/ ar/guidance/assess-and-plan/ ar/resources/ "ar/search/?q=%D8%A7%D9%84%D8%A5%D8%B4%D8%B1%D8%A7%D9%81"; do
  name="$(echo "$path" | tr '/?=%' '____')"
  "$BENCH/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/$path" --quiet --output json \
    --output-path "$OUT/$name.json" --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=$OUT/profile-$name"
  python3 - "$OUT/$name.json" "$path" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
print(sys.argv[2], report["configSettings"]["formFactor"], scores)
PY
done
