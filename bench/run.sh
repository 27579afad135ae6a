#!/usr/bin/env bash
# Installs what is missing, builds the release, and measures it:
# bytes of the first view and time to the first event. Writes bench/RESULTS.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh" --test
cd "$ROOT"
trunk build --release --offline
node bench/bench.mjs
