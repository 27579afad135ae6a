#!/usr/bin/env bash
# Publishing, for editors: one command, run from anywhere in the project.
#   ./scripts/publish.sh
# 1. installs the build tools that are missing (as scripts/setup.sh does);
# 2. checks public/data/timeline.json (cargo run --bin check-data);
# 3. builds the site into dist/ (trunk build --release --offline), with the
#    first paint in each language written from that data;
# 4. checks the built site: its data, and that its first paint was written
#    from exactly that data;
# 5. says what to copy where.
# It runs in its own shell: it changes nothing in the terminal that ran it.
# Exit code 0 when the site in dist/ is ready to copy, 1 otherwise.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  echo "Run it, do not source it: ./scripts/publish.sh" >&2
  return 1
fi
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

step() { say "$*"; }
fail() {
  printf '\n\033[1mNot published:\033[0m %s\n' "$*" >&2
  exit 1
}

step "1/3 Checking the data (public/data/timeline.json)"
cargo run --quiet --bin check-data -- public/data/timeline.json ||
  fail "fix what the check says above, save the file, and run ./scripts/publish.sh again."

step "2/3 Building the site (a minute or two)"
# Trunk 0.21 cannot minify the JS that wasm-bindgen writes and says so on
# every release build; the file ships as written, which needs no action
# (README, "Two commands"), so exactly that line is left out.
set +e
trunk build --release --offline 2>&1 |
  grep -v --line-buffered -F 'Failed to minify JS: RequiredTokenNotFound(Identifier)'
built=${PIPESTATUS[0]}
set -e
[ "$built" = 0 ] || fail "the build failed (see above)."

step "3/3 Checking the built site (dist/)"
cargo run --quiet --bin check-data -- dist/data/timeline.json ||
  fail "the built site is not right (see above)."

cat <<EOF

$(say "Ready to publish")
The site is in: $ROOT/dist/

Copy everything inside that folder (not the folder itself) to the web
server's folder for the timeline, replacing what is there, e.g.:

    rsync -a --delete "$ROOT/dist/" you@server:/srv/hkust-pumch-timeline/

A first installation on nginx also needs the server block
$ROOT/deploy/nginx.conf: copy it to /etc/nginx/conf.d/ on the server,
set its two lines
    listen 8080;                           (the server's port)
    root /srv/hkust-pumch-timeline;        (the folder you copied into)
and run: nginx -t && systemctl reload nginx
(README, "Deploying", says more). Later publications need the copy only.

Editing data/timeline.json on the server without rebuilding leaves the
first paint (what readers see first, and all that readers without
JavaScript see) showing the old data: edit public/data/timeline.json here
and run ./scripts/publish.sh again instead.
EOF
