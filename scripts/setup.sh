#!/usr/bin/env bash
# Installs what is missing, idempotently, and puts the tools on PATH.
#   source scripts/setup.sh          # build tools (serve, build)
#   source scripts/setup.sh --test   # plus Chromium and ChromeDriver
# Nothing here downloads a prebuilt binary: Rust tools come from crates.io,
# wasm-opt from the npm package binaryen, Chromium from Debian.
#
# Sourcing it leaves the caller's shell as it was, but for ROOT, say, PATH,
# TRUNK_OFFLINE (and CHROMEDRIVER with --test): the installs run in a
# subshell with `set -euo pipefail`, so a failure returns 1 instead of
# closing the terminal, and no shell option leaks into the caller.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

_timeline_setup() {
set -euo pipefail
TRUNK_VERSION=0.21.14

# The wasm32 target (rust-toolchain.toml names it too).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk, pinned: 0.22 needs a newer rustc than this machine's.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing Trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --locked --version "$TRUNK_VERSION" --force
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Node packages from package-lock.json: wasm-opt (binaryen), playwright-core, axe-core.
if ! (cd "$ROOT" && npm ls --depth=0 >/dev/null 2>&1); then
  say "Installing Node packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

if [ "${1:-}" = "--test" ]; then
  # Chromium, its driver, CJK fonts so screenshots show Chinese text, and
  # nginx with its brotli_static module, which serve the build in the
  # end-to-end tests as deploy/nginx.conf does.
  if ! dpkg -s chromium chromium-driver fonts-noto-cjk nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      say "Installing Chromium, ChromeDriver, CJK fonts and nginx from Debian"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter
    else
      echo "Chromium, ChromeDriver, CJK fonts or nginx are missing. As root, run:" >&2
      echo "  apt-get update && apt-get install -y chromium chromium-driver fonts-noto-cjk nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter" >&2
      exit 1
    fi
  fi
  # A real WordPress for tests/e2e/wordpress.test.mjs (Debian's package,
  # with MariaDB and PHP-FPM); the test starts them itself on 127.0.0.1, in
  # a temporary folder, and stops them. Installing them starts no service.
  if ! dpkg -s wordpress mariadb-server php-fpm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      say "Installing WordPress, MariaDB and PHP-FPM from Debian (for the WordPress test)"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 wordpress mariadb-server php-fpm
    else
      echo "WordPress, MariaDB or PHP-FPM are missing. As root, run:" >&2
      echo "  apt-get update && apt-get install -y wordpress mariadb-server php-fpm" >&2
      exit 1
    fi
  fi
fi
}

# A plain statement, not an `if` or `||`: bash ignores `set -e` inside
# a condition, even in a subshell. A caller with `set -e` (test.sh,
# publish.sh) stops here on a failure; any other caller gets status 1.
(_timeline_setup "$@")
_timeline_status=$?
unset -f _timeline_setup
if [ "$_timeline_status" != 0 ]; then
  unset _timeline_status
  echo "setup: installing the tools failed (see above)" >&2
  return 1 2>/dev/null || exit 1
fi
unset _timeline_status
if [ "${1:-}" = "--test" ]; then
  export CHROMEDRIVER=/usr/bin/chromedriver
fi
