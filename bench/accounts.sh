#!/usr/bin/env bash
# Parent-account benchmark (issue 5): starts target/kinbridge.jar on a free loopback port against a fresh PostgreSQL
# schema with KINBRIDGE_SMTP_HOST/PORT pointing at a loopback port where org.kinbridge.bench.AccountsBenchmark starts
# GreenMail, then measures (a) the reasons-engine recompute after a 150k-student import, (b) Account Manager paging,
# (c) 10k welcome mails through the outbox and the panel's latency meanwhile. Stops the server and drops the schema
# on exit. See bench/README.md.
#
# Settings (environment):
#   BENCH_STUDENTS (150000)  BENCH_PAGING_STUDENTS (46000)  BENCH_MAILS (10000)  BENCH_ACTION_CHUNK (= BENCH_MAILS)
#   BENCH_SEED (42)  BENCH_DB_SERVER (jdbc:postgresql://127.0.0.1:5432/test)  BENCH_DB_USER (postgres)
#   BENCH_DB_PASSWORD ()  BENCH_PSQL (psql -h 127.0.0.1 -U postgres -d test)  BENCH_SERVER_JAVA_OPTS ()
#   BENCH_CLIENT_JAVA_OPTS ()  BENCH_START_TIMEOUT (240 s)
# Extra arguments go to AccountsBenchmark (e.g. --delta=false --page-samples=400).
set -euo pipefail

cd "$(dirname "$0")/.."
root="$(pwd)"

db_server="${BENCH_DB_SERVER:-jdbc:postgresql://127.0.0.1:5432/test}"
db_user="${BENCH_DB_USER:-postgres}"
db_password="${BENCH_DB_PASSWORD:-}"
psql_cmd="${BENCH_PSQL:-psql -h 127.0.0.1 -U postgres -d test}"
start_timeout="${BENCH_START_TIMEOUT:-240}"
mails="${BENCH_MAILS:-10000}"

# --- build -------------------------------------------------------------------------------------
if [ ! -f target/kinbridge.jar ]; then
    echo "Building target/kinbridge.jar ..."
    mvn -B -q -DskipTests package
fi
bench_class=target/test-classes/org/kinbridge/bench/AccountsBenchmark.class
bench_source=src/test/java/org/kinbridge/bench/AccountsBenchmark.java
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

run_dir="$root/target/bench/accounts-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"

# --- free loopback ports and a fresh schema -----------------------------------------------------
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
smtp_port="$(free_port)"
while [ "$smtp_port" = "$port" ]; do smtp_port="$(free_port)"; done
base="http://127.0.0.1:$port"
schema="kb_bench_accounts_$(date +%s)_$$"
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

# --- the server ----------------------------------------------------------------------------------
echo "Starting Kinbridge on $base (schema $schema, SMTP 127.0.0.1:$smtp_port, log $run_dir/server.log)"
preboot="$run_dir/pre-boot-commands.txt"
{ cat src/main/payara/pre-boot-commands.txt; echo
  echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1"
} | grep -v '^[[:space:]]*$' > "$preboot"
(
    cd "$run_dir"
    export KINBRIDGE_PORT="$port" KINBRIDGE_BASE_URL="$base" \
           KINBRIDGE_DB_URL="$db_server?currentSchema=$schema" \
           KINBRIDGE_DB_USER="$db_user" KINBRIDGE_DB_PASSWORD="$db_password" \
           KINBRIDGE_OPERATOR_TOKEN="$operator_token" KINBRIDGE_DATA_DIR="$run_dir/data" \
           KINBRIDGE_SMTP_HOST=127.0.0.1 KINBRIDGE_SMTP_PORT="$smtp_port"
    # shellcheck disable=SC2086
    exec java ${BENCH_SERVER_JAVA_OPTS:-} -jar "$root/target/kinbridge.jar" --prebootcommandfile "$preboot"
) > "$run_dir/server.log" 2>&1 &
server_pid=$!

deadline=$(( $(date +%s) + start_timeout ))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health/ready" 2>/dev/null || true)" = 200 ]; do
    if ! kill -0 "$server_pid" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
        echo "Kinbridge did not become ready; last lines of its log:" >&2
        tail -n 40 "$run_dir/server.log" >&2
        exit 1
    fi
    sleep 0.1
done
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
