#!/usr/bin/env bash
# Parent-account benchmark (issue 5): starts target/kinbridge.jar on a free loopback port against a fresh PostgreSQL
# schema with KINBRIDGE_SMTP_HOST/PORT pointing at a loopback port where org.kinbridge.bench.AccountsBenchmark starts
# GreenMail, then measures (a) the reasons-engine recompute after a 150k-student import, (b) Account Manager paging,
# (c) 10k welcome mails through the outbox and the panel's latency meanwhile. Stops the server and drops the schema
# on exit. See bench/README.md.
#
# Settings (environment):
#   BENCH_STUDENTS (150000)  BENCH_PAGING_STUDENTS (46000)  BENCH_MAILS (10000)  BENCH_ACTION_CHUNK (= BENCH_MAILS)
#   BENCH_SEED (42)  BENCH_CLIENT_JAVA_OPTS (); the server, database and start-up settings of bench/lib.sh
# Extra arguments go to AccountsBenchmark (e.g. --delta=false --page-samples=400).
set -euo pipefail

cd "$(dirname "$0")/.."
root="$(pwd)"

mails="${BENCH_MAILS:-10000}"
# shellcheck source=bench/lib.sh
. bench/lib.sh

build_jar
build_bench_classes org.kinbridge.bench.AccountsBenchmark
run_dir="$root/target/bench/accounts-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"

# --- the server, with mail to the benchmark's GreenMail ------------------------------------------
port="$(free_port)"
smtp_port="$(free_port)"
while [ "$smtp_port" = "$port" ]; do smtp_port="$(free_port)"; done
base="http://127.0.0.1:$port"
schema="kb_bench_accounts_$(date +%s)_$$"
operator_token="$(random_token)"
echo "Starting Kinbridge on $base (schema $schema, SMTP 127.0.0.1:$smtp_port, log $run_dir/server.log)"
start_server "$run_dir" "$port" "$schema" "$operator_token" KINBRIDGE_DATA_DIR="$run_dir/data" \
    KINBRIDGE_SMTP_HOST=127.0.0.1 KINBRIDGE_SMTP_PORT="$smtp_port"
echo "Kinbridge ready (pid $server_pid)"

# --- the benchmark ---------------------------------------------------------------------------------
set +e
# shellcheck disable=SC2086
java ${BENCH_CLIENT_JAVA_OPTS:-} -cp "$classpath" org.kinbridge.bench.AccountsBenchmark \
    --base="$base" --token="$operator_token" --server-pid="$server_pid" --server-log="$run_dir/server.log" \
    --smtp-port="$smtp_port" --students="${BENCH_STUDENTS:-150000}" --paging-students="${BENCH_PAGING_STUDENTS:-46000}" \
    --mails="$mails" --action-chunk="${BENCH_ACTION_CHUNK:-$mails}" --seed="${BENCH_SEED:-42}" "$@" \
    | tee "$run_dir/result.txt"
bench_rc=${PIPESTATUS[0]}
set -e
rss="$(awk '/^VmRSS:/ {printf "%.0f MiB", $2 / 1024}' "/proc/$server_pid/status" 2>/dev/null || echo "?")"
{
    echo
    echo "  server RSS after the run  $rss"
    echo "  OutOfMemoryError in log   $(grep -c OutOfMemoryError "$run_dir/server.log" || true)"
    echo "  run directory             $run_dir"
} | tee -a "$run_dir/result.txt"
exit "$bench_rc"
