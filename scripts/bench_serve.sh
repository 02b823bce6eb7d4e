#!/usr/bin/env bash
# Load test of `GET /api/timeline` on loopback with wrk: a release build of
# the demo server (a SQLite file in a temporary folder, seeded with the
# bundled corpus through the full pipeline, read through a pool of four
# connections as `dateline serve` does) answers timeline reads; prints
# requests/s and the p99 latency for each query.
#
#   scripts/bench_serve.sh [DURATION] [CONNECTIONS] [THREADS]   (default 15s 32 2)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-15s}"
connections="${2:-32}"
threads="${3:-2}"

command -v wrk >/dev/null || { echo "bench_serve: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
cargo build --release --quiet -p dateline-serve --example demo_server
target_dir="${CARGO_TARGET_DIR:-target}"
server="$target_dir/release/examples/demo_server"

work="$(mktemp -d)"
log="$work/server.log"
"$server" --addr 127.0.0.1:0 --db "$work/bench.db" >"$log" 2>/dev/null &
pid=$!
trap 'kill -INT "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  grep -q '^listening on ' "$log" && break
  kill -0 "$pid" 2>/dev/null || { echo "bench_serve: the demo server exited" >&2; exit 1; }
  sleep 0.1
done
base="$(sed -n 's/^listening on //p' "$log")"
[ -n "$base" ] || { echo "bench_serve: the demo server did not start" >&2; exit 1; }

entries() { curl -fsS "$base$1" | grep -o '"date":' | wc -l; }
echo "dateline-serve on $base: $(nproc) cores, wrk -t$threads -c$connections -d$duration --latency"
for path in "/api/timeline" "/api/timeline?query=ceasefire" "/api/timeline?place=Syria&from=2016-02-01&to=2016-02-29"; do
  out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$base$path")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")"
  printf '%-60s %4s entries  %10s req/s  p99 %8s  %s\n' "GET $path" "$(entries "$path")" "$rps" "$p99" "$errors"
done
