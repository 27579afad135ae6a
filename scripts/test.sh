#!/usr/bin/env bash
# Installs what is missing, then runs every test:
#   1. lints (rustfmt, clippy on the host and on wasm32);
#   2. the domain model's tests (cargo test, on the host);
#   3. component tests in headless Chromium (wasm-bindgen-test);
#   4. end-to-end tests of the release build (playwright-core, axe-core).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --test
cd "$ROOT"

say "Lints"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

say "Model tests (host)"
cargo test

say "Component tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

say "Release build"
trunk build --release --offline

say "End-to-end tests (release build, Chromium)"
node --test --test-concurrency=1 tests/e2e/
