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
#   BENCH_DB_SERVER (jdbc:postgresql://127.0.0.1:5432/test)  BENCH_DB_USER (postgres)  BENCH_DB_PASSWORD ()
#   BENCH_PSQL (psql -h 127.0.0.1 -U postgres -d test)  BENCH_SERVER_JAVA_OPTS ()  BENCH_CLIENT_JAVA_OPTS ()
#   BENCH_START_TIMEOUT (240 seconds)
# Extra arguments are passed to LaunchBenchmark (e.g. --launches=5000 --concurrency=16).
set -euo pipefail

cd "$(dirname "$0")/.."
root="$(pwd)"

db_server="${BENCH_DB_SERVER:-jdbc:postgresql://127.0.0.1:5432/test}"
db_user="${BENCH_DB_USER:-postgres}"
db_password="${BENCH_DB_PASSWORD:-}"
psql_cmd="${BENCH_PSQL:-psql -h 127.0.0.1 -U postgres -d test}"
start_timeout="${BENCH_START_TIMEOUT:-240}"
jstack_samples="${BENCH_JSTACK_SAMPLES:-0}"

# --- build -------------------------------------------------------------------------------------
if [ ! -f target/kinbridge.jar ]; then
    echo "Building target/kinbridge.jar ..."
    mvn -B -q -DskipTests package
fi
bench_class=target/test-classes/org/kinbridge/bench/LaunchBenchmark.class
bench_source=src/test/java/org/kinbridge/bench/LaunchBenchmark.java
if [ ! -f "$bench_class" ] || [ "$bench_source" -nt "$bench_class" ]; then
    echo "Compiling the benchmark (test classes) ..."
    mvn -B -q -DskipTests test-compile
fi
classpath_file=target/bench/classpath.txt
mkdir -p target/bench
if [ ! -s "$classpath_file" ] || [ pom.xml -nt "$classpath_file" ]; then
    mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
fi
classpath="$root/target/test-classes:$root/target/classes:$(cat "$classpath_file")"

run_dir="$root/target/bench/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"

# --- a free loopback port and a fresh schema ----------------------------------------------------
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "No free port found" >&2
    return 1
}
port="$(free_port)"
base="http://127.0.0.1:$port"
schema="kb_bench_$(date +%s)_$$"
operator_token="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

server_pid=""
cleanup() {
    local rc=$?
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -0 "$server_pid" 2>/dev/null && kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    $psql_cmd -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 \
        || echo "Could not drop schema $schema" >&2
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- start the server and time it to ready ---------------------------------------------------------
echo "Starting Kinbridge on $base (schema $schema, log $run_dir/server.log)"
started_ns=$(date +%s%N)
# Payara Micro binds its HTTP listener to every interface by default; this pre-boot file keeps the
# product's own pre-boot commands and binds the listener to loopback only.
preboot="$run_dir/pre-boot-commands.txt"
{ cat src/main/payara/pre-boot-commands.txt; echo
  echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1"
} | grep -v '^[[:space:]]*$' > "$preboot"
# The server runs in the run directory so nothing it writes lands in the checkout.
(
    cd "$run_dir"
    export KINBRIDGE_PORT="$port" KINBRIDGE_BASE_URL="$base" \
           KINBRIDGE_DB_URL="$db_server?currentSchema=$schema" \
           KINBRIDGE_DB_USER="$db_user" KINBRIDGE_DB_PASSWORD="$db_password" \
           KINBRIDGE_OPERATOR_TOKEN="$operator_token"
    # shellcheck disable=SC2086
    exec java ${BENCH_SERVER_JAVA_OPTS:-} -jar "$root/target/kinbridge.jar" --prebootcommandfile "$preboot"
) > "$run_dir/server.log" 2>&1 &
server_pid=$!

deadline=$(( $(date +%s) + start_timeout ))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health/ready" 2>/dev/null || true)" = 200 ]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "Kinbridge exited during start-up; last lines of its log:" >&2
        tail -n 40 "$run_dir/server.log" >&2
        exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
        echo "Kinbridge was not ready within ${start_timeout}s; last lines of its log:" >&2
        tail -n 40 "$run_dir/server.log" >&2
        exit 1
    fi
    sleep 0.05
done
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
