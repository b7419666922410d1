#!/usr/bin/env bash
# Installs what the test suite needs beyond Rust: Debian's Chromium (the
# browser tests drive it; nothing downloads a browser) and the Node packages
# of tests/browser (playwright-core, axe-core, vnu-jar) from the npm registry,
# Java for the Nu Html Checker, and poppler-utils (pdftotext, pdffonts,
# pdftoppm) to read back the PDFs the build writes; and, in target/tools-venv,
# the Python libraries of translation tools (translate-toolkit, polib) that
# the interchange tests read and write exports with.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
command -v node >/dev/null || need+=(nodejs npm)
command -v java >/dev/null || need+=(default-jre-headless)   # the Nu Html Checker
command -v pdftotext >/dev/null || need+=(poppler-utils)     # layout.test.mjs and tests/pdf.rs read PDFs
command -v unzip >/dev/null || need+=(unzip)                  # the offline copy's browser test
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
[ -x target/tools-venv/bin/python ] || python3 -m venv target/tools-venv
target/tools-venv/bin/pip install -q --disable-pip-version-check -r tests/tools/requirements.txt
