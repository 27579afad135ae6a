#!/usr/bin/env bash
# Installs what is missing, builds the release, and measures it: Lighthouse
# (phone profile) into bench/LIGHTHOUSE.md, then the bytes of the first view
# and time to the first event. Writes bench/RESULTS.md (LIGHTHOUSE.md included).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh" --test
cd "$ROOT"
# Lighthouse lives in bench/package.json, so the tests' `npm ci` stays light.
if ! (cd bench && npm ls --depth=0 >/dev/null 2>&1); then
  echo "==> Installing the benchmark's Node packages (npm ci --prefix bench)"
  npm ci --prefix bench --no-audit --no-fund
fi
trunk build --release --offline
node bench/lighthouse.mjs
node bench/floor.mjs
node bench/bench.mjs
