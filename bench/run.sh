#!/usr/bin/env bash
# Installs what is missing, builds the release, and measures it: the app
# beside TimelineJS3 and a bare page (bench/compare.mjs: first paint, LCP,
# the app's arrival, blocking time, bytes; desktop and phone profiles),
# then the bytes of the first view and the app at scale (bench/bench.mjs).
# Writes bench/RESULTS.md. FLOOR=1 also rebuilds the size floor's probe apps
# (bench/floor.mjs, several minutes of compiling), LIGHTHOUSE=1 also runs
# Lighthouse (bench/lighthouse.mjs); otherwise their last reports
# (bench/FLOOR.md, bench/LIGHTHOUSE.md) are kept in RESULTS.md as they are.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh" --test
cd "$ROOT"
trunk build --release --offline
if [[ "${LIGHTHOUSE:-0}" == 1 ]]; then
  # Lighthouse lives in bench/package.json, so the tests' `npm ci` stays light.
  if ! (cd bench && npm ls --depth=0 >/dev/null 2>&1); then
    echo "==> Installing the benchmark's Node packages (npm ci --prefix bench)"
    npm ci --prefix bench --no-audit --no-fund
  fi
  node bench/lighthouse.mjs
fi
if [[ "${FLOOR:-0}" == 1 ]]; then node bench/floor.mjs; fi
node bench/compare.mjs
node bench/bench.mjs
