#!/usr/bin/env bash
# Launch benchmark: starts target/kinbridge.jar on a free loopback port against a fresh PostgreSQL
# schema, measures start-up time to the first 200 from /health/ready, then drives complete LTI 1.3
# launches (login 302 + launch 200) with org.kinbridge.bench.LaunchBenchmark acting as the platform.
# Prints throughput, latency percentiles, errors, start-up time and server RSS; stops the server and
# drops the schema on exit. See bench/README.md.
#
# Settings (environment):
#   BENCH_LAUNCHES (5000)  BENCH_WARMUP (4000)  BENCH_CONCURRENCY (8)  BENCH_ROLE (admin|learner|mentor)
#   BENCH_USERS (200)  BENCH_JSTACK_SAMPLES (0 = no thread dumps; else dumps into the run directory)
#   BENCH_JFR (0; 1 = Java Flight Recording of the server during the timed run, into the run directory)
#   BENCH_CLIENT_JAVA_OPTS (); the server, database and start-up settings of bench/lib.sh
# Extra arguments are passed to LaunchBenchmark (e.g. --launches=5000 --concurrency=16).
set -euo pipefail

cd "$(dirname "$0")/.."
root="$(pwd)"

jstack_samples="${BENCH_JSTACK_SAMPLES:-0}"
# shellcheck source=bench/lib.sh
. bench/lib.sh

build_jar
build_bench_classes org.kinbridge.bench.LaunchBenchmark
run_dir="$root/target/bench/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"

# --- start the server and time it to ready ---------------------------------------------------------
port="$(free_port)"
base="http://127.0.0.1:$port"
schema="kb_bench_$(date +%s)_$$"
operator_token="$(random_token)"
echo "Starting Kinbridge on $base (schema $schema, log $run_dir/server.log)"
started_ns=$(date +%s%N)
start_server "$run_dir" "$port" "$schema" "$operator_token"
ready_ns=$(date +%s%N)
startup_ms=$(( (ready_ns - started_ns) / 1000000 ))
rss_of() { awk '/^VmRSS:/ {printf "%.0f MiB", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
rss_ready="$(rss_of "$server_pid")"
echo "Start-up to first 200 from /health/ready: ${startup_ms} ms; server RSS when ready: $rss_ready"

# --- the benchmark ---------------------------------------------------------------------------------
profile_args=()
if [ "$jstack_samples" -gt 0 ]; then
    profile_args+=(--jstack-dir="$run_dir/jstack" --jstack-samples="$jstack_samples")
fi
if [ "${BENCH_JFR:-0}" = 1 ]; then
    profile_args+=(--jfr="$run_dir/timed.jfr")
fi
set +e
# shellcheck disable=SC2086
java ${BENCH_CLIENT_JAVA_OPTS:-} -cp "$classpath" org.kinbridge.bench.LaunchBenchmark \
    --base="$base" --token="$operator_token" --server-pid="$server_pid" "${profile_args[@]}" "$@" \
    | tee "$run_dir/result.txt"
bench_rc=${PIPESTATUS[0]}
set -e

rss_after="$(rss_of "$server_pid")"
{
    echo
    echo "== summary"
    echo "  start-up to ready   ${startup_ms} ms"
    echo "  server RSS          $rss_ready when ready, $rss_after after the run"
    echo "  run directory       $run_dir"
} | tee -a "$run_dir/result.txt"
exit "$bench_rc"
