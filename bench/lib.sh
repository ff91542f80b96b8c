# Shared steps of the benchmark scripts (sourced, not run): settings, build, a free loopback port, the server
# started on a fresh PostgreSQL schema and bound to 127.0.0.1, and a clean-up that stops it and drops the schemas on
# exit, also on failure or Ctrl-C. The sourcing script runs from the project root ($root).
#
# Settings (environment):
#   BENCH_DB_SERVER (jdbc:postgresql://127.0.0.1:5432/test)  BENCH_DB_USER (postgres)  BENCH_DB_PASSWORD ()
#   BENCH_PSQL (psql -h 127.0.0.1 -U postgres -d test)  BENCH_SERVER_JAVA_OPTS ()  BENCH_START_TIMEOUT (240 s)
#   BENCH_DB_URL_EXTRA () appended to the server's JDBC URL, e.g. '&reWriteBatchedInserts=true' (pgjdbc option)

db_server="${BENCH_DB_SERVER:-jdbc:postgresql://127.0.0.1:5432/test}"
db_user="${BENCH_DB_USER:-postgres}"
db_password="${BENCH_DB_PASSWORD:-}"
psql_cmd="${BENCH_PSQL:-psql -h 127.0.0.1 -U postgres -d test}"
start_timeout="${BENCH_START_TIMEOUT:-240}"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

build_jar() {
    if [ ! -f target/kinbridge.jar ]; then
        echo "Building target/kinbridge.jar ..."
        mvn -B -q -DskipTests package
    fi
}

# Compiles the test classes if the benchmark class $1 (e.g. org.kinbridge.bench.LaunchBenchmark) is missing or older
# than any test source (it uses test helpers), caches the test classpath, and sets $classpath.
build_bench_classes() {
    local class_file="target/test-classes/${1//.//}.class"
    if [ ! -f "$class_file" ] || [ -n "$(find src/test/java -name '*.java' -newer "$class_file" | head -n 1)" ]; then
        echo "Compiling the benchmark (test classes) ..."
        mvn -B -q -DskipTests test-compile
    fi
    local classpath_file=target/bench/classpath.txt
    mkdir -p target/bench
    if [ ! -s "$classpath_file" ] || [ pom.xml -nt "$classpath_file" ]; then
        mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
    fi
    classpath="$root/target/test-classes:$root/target/classes:$(cat "$classpath_file")"
}

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

random_token() {
    echo "bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
}

# What the clean-up stops and drops; scripts add to these.
server_pid=""
bench_schemas=()
bench_background_pids=()

stop_pid() {
    local pid="$1"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
}

bench_cleanup() {
    local rc=$? pid schema
    for pid in "${bench_background_pids[@]}"; do
        stop_pid "$pid"
    done
    stop_pid "$server_pid"
    for schema in "${bench_schemas[@]}"; do
        $psql_cmd -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || echo "Could not drop schema $schema" >&2
    done
    exit "$rc"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# start_server RUN_DIR PORT SCHEMA OPERATOR_TOKEN [NAME=VALUE ...]
# Starts target/kinbridge.jar in RUN_DIR (nothing it writes lands in the checkout) with the product's own pre-boot
# commands plus its HTTP listener bound to loopback (Payara Micro binds every interface by default), the extra
# settings given, and the JVM options in BENCH_SERVER_JAVA_OPTS plus $server_java_opts; sets $server_pid and waits
# until /health/ready answers 200 (or fails with the log's last lines). The schema is dropped on exit.
start_server() {
    local run_dir="$1" port="$2" schema="$3" token="$4"
    shift 4
    bench_schemas+=("$schema")
    local preboot="$run_dir/pre-boot-commands.txt"
    { cat src/main/payara/pre-boot-commands.txt; echo
      echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1"
    } | grep -v '^[[:space:]]*$' > "$preboot"
    (
        cd "$run_dir"
        export KINBRIDGE_PORT="$port" KINBRIDGE_BASE_URL="http://127.0.0.1:$port" \
               KINBRIDGE_DB_URL="$db_server?currentSchema=$schema${BENCH_DB_URL_EXTRA:-}" \
               KINBRIDGE_DB_USER="$db_user" KINBRIDGE_DB_PASSWORD="$db_password" KINBRIDGE_OPERATOR_TOKEN="$token"
        local setting
        for setting in "$@"; do
            export "${setting?}"
        done
        # shellcheck disable=SC2086
        exec java ${server_java_opts:-} ${BENCH_SERVER_JAVA_OPTS:-} -jar "$root/target/kinbridge.jar" --prebootcommandfile "$preboot"
    ) > "$run_dir/server.log" 2>&1 &
    server_pid=$!
    local deadline=$(( $(date +%s) + start_timeout ))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/ready" 2>/dev/null || true)" = 200 ]; do
        if ! kill -0 "$server_pid" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
            echo "Kinbridge did not become ready within ${start_timeout}s (or exited); last lines of its log:" >&2
            tail -n 40 "$run_dir/server.log" >&2
            exit 1
        fi
        sleep 0.05
    done
}

# RSS figures of a process from /proc (KiB), and MiB of KiB.
proc_kib() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
mib() { echo $(( $1 / 1024 )); }
