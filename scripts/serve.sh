#!/usr/bin/env bash
# Installs what is missing, then serves the app on http://127.0.0.1:8080/
# (rebuilding on every change). Pass --release for the optimised build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
# No auto-reload script: it would be inline, and the page has a strict CSP.
exec trunk serve --offline --no-autoreload "$@"
