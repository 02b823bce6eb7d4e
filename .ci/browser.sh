#!/usr/bin/env bash
# End-to-end test of the web timeline in headless Chromium: installs Debian's
# chromium and the test's node packages when missing, builds the demo server
# (an in-memory store seeded with the bundled corpus) and runs
# crates/serve/tests/browser/timeline.test.mjs. The screenshot lands in
# target/browser/timeline.png.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null 2>&1; then
  echo "browser test: node is not installed" >&2
  exit 2
fi

browser=crates/serve/tests/browser
if [ ! -d "$browser/node_modules/playwright-core" ]; then
  echo "== npm ci ($browser)"
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "== building the demo server"
cargo build --locked -p dateline-serve --example demo_server
target_dir="${CARGO_TARGET_DIR:-target}"
export DATELINE_DEMO_SERVER="$(cd "$target_dir" && pwd)/debug/examples/demo_server"

echo "== browser test"
node "$browser/timeline.test.mjs"
