#!/usr/bin/env bash
# Runs every benchmark (see docs/PERFORMANCE.md) and writes a short table of
# their one-line summaries to stdout and target/bench-table.md.
#
#   scripts/bench.sh                 # all: extract, backfill, latency, scale
#   scripts/bench.sh extract scale   # some
#
# Sizes: FP_BENCH_EXTRACT_N (3000), FP_BENCH_N (100000, backfill),
# FP_BENCH_DROPS (1000) and FP_BENCH_RATE (20/s, latency),
# FP_BENCH_SCALE_MAX (100000; 1000000 for the 1M decade).
# Long: not part of .ci/run. Figures are printed, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."

# The end-to-end benches start their own nats-server (Debian's 2.9.x is enough).
if ! command -v nats-server >/dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ]; then
  echo "bench: installing nats-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nats-server
fi
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi

benches=("$@")
[ ${#benches[@]} -eq 0 ] && benches=(extract backfill latency scale)

# Benches cannot name the binary (no CARGO_BIN_EXE_* for them): build it here.
cargo build --release --locked
mkdir -p target
logs=target/bench-logs
mkdir -p "$logs"
for b in "${benches[@]}"; do
  echo "== bench: $b"
  cargo bench --locked --bench "$b" 2>&1 | tee "$logs/$b.txt"
done

table=target/bench-table.md
{
  echo "| figure | measured | target | status |"
  echo "|---|---|---|---|"
  for b in "${benches[@]}"; do
    grep -h '^TABLE ' "$logs/$b.txt" | sed 's/^TABLE //' || true
  done
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM, kernel $(uname -r), $( (nats-server --version 2>/dev/null || /usr/sbin/nats-server --version) | head -1), $(date -u +%Y-%m-%d)"
} >"$table"
echo
cat "$table"
