#!/usr/bin/env bash
# Roster import benchmark: generates a deterministic OneRoster 1.2 bulk package (150,000 students by default) and a
# ~1 % delta over it, starts target/kinbridge.jar with a capped heap on a fresh PostgreSQL schema, imports both
# through the operator API and times them to SUCCEEDED; then times psql \copy of the same raw CSV files into plain
# tables of a scratch schema and reports import / \copy. Checks the link counts against the generator's, the server
# log for OutOfMemoryError, and reports RSS. Stops the server and drops both schemas on exit. See bench/README.md.
#
# Settings (environment):
#   BENCH_STUDENTS (150000)  BENCH_SCHOOLS (8)  BENCH_SEED (42)  BENCH_DELTA_SHARE (0.01)  BENCH_HEAP (512m)
#   BENCH_JSTACK_SAMPLES (0 = none; else thread dumps of the server every BENCH_JSTACK_INTERVAL s (1) during the
#     bulk import, summarised into the run directory)
#   BENCH_IMPORT_TIMEOUT (1800 s)  BENCH_POLL_MS (15: status polls, under 1000)
#   BENCH_SETTLE (auto: before the delta, let autovacuum finish with the bulk's rows, or if it is off vacuum and
#     checkpoint as it and the checkpointer would have; none: time the delta at once)
#   BENCH_SETTLE_TIMEOUT (300 s: longest wait for autovacuum)
#   BENCH_WARMUP_STUDENTS (20000; 0 = none): before the timed imports another school of this size (seed + 1) imports
#     its own bulk and delta on the same server, as on a server that serves many schools; its times are reported too
#   and the server, database and start-up settings of bench/lib.sh
# Needs java/javac 17, curl, psql and python3 (JSON parsing, summaries).
set -euo pipefail

cd "$(dirname "$0")/.."
root="$(pwd)"

students="${BENCH_STUDENTS:-150000}"
schools="${BENCH_SCHOOLS:-8}"
seed="${BENCH_SEED:-42}"
delta_share="${BENCH_DELTA_SHARE:-0.01}"
heap="${BENCH_HEAP:-512m}"
import_timeout="${BENCH_IMPORT_TIMEOUT:-1800}"
jstack_samples="${BENCH_JSTACK_SAMPLES:-0}"
jstack_interval="${BENCH_JSTACK_INTERVAL:-1}"
poll_ms="${BENCH_POLL_MS:-15}"
poll_seconds="$(printf '0.%03d' "$poll_ms")"
settle="${BENCH_SETTLE:-auto}"
settle_timeout="${BENCH_SETTLE_TIMEOUT:-300}"
settle_limit=0
warmup_students="${BENCH_WARMUP_STUDENTS:-20000}"
# shellcheck source=bench/lib.sh
. bench/lib.sh

json() { python3 -c 'import json,sys
d=json.load(sys.stdin)
for k in sys.argv[1].split("."):
    d = d.get(k) if isinstance(d, dict) else None
print("" if d is None else d)' "$1"; }

# --- build ---------------------------------------------------------------------------------------
build_jar
# The generator uses the JDK only: compiling its one file is enough (no Maven, no test classpath).
gen_classes=target/bench/roster-generator
gen_source=src/test/java/org/kinbridge/testing/OneRosterGenerator.java
gen_class="$gen_classes/org/kinbridge/testing/OneRosterGenerator.class"
if [ ! -f "$gen_class" ] || [ "$gen_source" -nt "$gen_class" ]; then
    mkdir -p "$gen_classes"
    javac -d "$gen_classes" "$gen_source"
fi

run_dir="$root/target/bench/roster-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
result="$run_dir/result.txt"
say() { echo "$*" | tee -a "$result"; }

# --- packages ------------------------------------------------------------------------------------
echo "Generating $students students (seed $seed) and a ${delta_share} delta into $run_dir ..."
gen_started=$(now_ms)
java -cp "$gen_classes" org.kinbridge.testing.OneRosterGenerator --seed="$seed" --students="$students" \
    --schools="$schools" --zip="$run_dir/bulk.zip" --folder="$run_dir/bulk-csv" \
    --delta="$delta_share" --delta-zip="$run_dir/delta.zip" --delta-folder="$run_dir/delta-csv" > "$run_dir/generator.txt"
if [ "$warmup_students" -gt 0 ]; then
    java -cp "$gen_classes" org.kinbridge.testing.OneRosterGenerator --seed="$(( seed + 1 ))" --students="$warmup_students" \
        --schools="$schools" --zip="$run_dir/warmup-bulk.zip" --folder="$run_dir/warmup-bulk-csv" \
        --delta="$delta_share" --delta-zip="$run_dir/warmup-delta.zip" --delta-folder="$run_dir/warmup-delta-csv" \
        > "$run_dir/warmup-generator.txt"
fi
gen_ms=$(( $(now_ms) - gen_started ))
report() { sed -n "s/^$1=//p" "$run_dir/generator.txt"; }
expected_bulk="$(report bulk.expectedActiveLinks)"
expected_delta="$(report delta.expectedActiveLinks)"
say "== packages (generated in ${gen_ms} ms)"
say "  bulk: $(report bulk.students) students, $(report bulk.adults) family adults, $(report bulk.teachers) teachers;" \
    "users $(report bulk.users.csv), roles $(report bulk.roles.csv), enrollments $(report bulk.enrollments.csv)" \
    "= $(report bulk.bigFileRows) rows; zip $(( $(stat -c %s "$run_dir/bulk.zip") / 1048576 )) MiB," \
    "CSV $(( $(du -sb "$run_dir/bulk-csv" | cut -f1) / 1048576 )) MiB; expected active links $expected_bulk"
say "  delta: users $(report delta.users.csv) ($(report 'delta.delta:restatedUsers') restated, $(report 'delta.delta:newUsers') new)," \
    "roles $(report delta.roles.csv), enrollments $(report delta.enrollments.csv); links ended $(report delta.linksEnded)," \
    "created $(report delta.linksCreated); expected active links after it $expected_delta"

# --- the server, on a fresh schema ---------------------------------------------------------------
port="$(free_port)"
base="http://127.0.0.1:$port"
stamp="$(date +%s)_$$"
schema="kb_bench_roster_$stamp"
copy_schema="kb_bench_copy_$stamp"
bench_schemas+=("$copy_schema")
token="$(random_token)"
auth="Authorization: Bearer $token"
echo "Starting Kinbridge (-Xmx$heap) on $base, schema $schema, log $run_dir/server.log"
server_java_opts="-Xmx$heap"
start_server "$run_dir" "$port" "$schema" "$token" KINBRIDGE_DATA_DIR="$run_dir/data"
rss_ready_kib="$(proc_kib "$server_pid" VmRSS)"
java_pid="$(pgrep -P "$server_pid" java || echo "$server_pid")"   # the subshell execs java, so usually the same pid

new_tenant() { curl -sf -H "$auth" -H 'Content-Type: application/json' -d "{\"name\":\"$1\"}" "$base/api/v1/tenants" | json id; }
tenant="$(new_tenant "Roster benchmark")"

# CPU time (ms) of the server, and of all PostgreSQL processes on the machine, from /proc.
ticks="$(getconf CLK_TCK)"
cpu_ms_of() { awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_cpu_ms() { local sum=0 p; for p in $(pgrep -x postgres || pgrep postgres || true); do sum=$(( sum + $(cpu_ms_of "$p") )); done; echo "$sum"; }

# Uploads a zip, polls every $poll_ms ms until the import is no longer RUNNING; prints "<id> <status> <ms>" and
# appends when each phase was first seen (ms after the upload started) to $run_dir/phases-<zip>.txt.
# The status is read with grep, not python: a python start-up per poll (50-90 ms here) would set the granularity.
import_package() {
    local zip="$1" started accepted id status doc phase seen=""
    local phases="$run_dir/phases-$(basename "$zip" .zip).txt"
    started=$(now_ms)
    echo "upload 0" > "$phases"
    accepted="$(curl -sf -H "$auth" -H 'Content-Type: application/zip' -H "X-File-Name: $(basename "$zip")" \
        --data-binary @"$zip" "$base/api/v1/tenants/$tenant/roster/imports")"
    echo "accepted $(( $(now_ms) - started ))" >> "$phases"
    echo "  upload answered after $(( $(now_ms) - started )) ms" >&2
    id="$(echo "$accepted" | json id)"
    local limit=$(( $(date +%s) + import_timeout ))
    while :; do
        doc="$(curl -sf -H "$auth" "$base/api/v1/tenants/$tenant/roster/imports/$id")"
        status="$(grep -o '"status":"[A-Z_]*"' <<< "$doc" | cut -d'"' -f4)"
        phase="$(grep -o '"phase":"[a-z_]*"' <<< "$doc" | cut -d'"' -f4)"
        if [ -n "$phase" ] && [ "$phase" != "$seen" ]; then
            echo "$phase $(( $(now_ms) - started ))" >> "$phases"
            seen="$phase"
        fi
        [ "$status" != RUNNING ] && { echo "$status $(( $(now_ms) - started ))" >> "$phases"; break; }
        [ "$(date +%s)" -ge "$limit" ] && { status=TIMEOUT; break; }
        sleep "$poll_seconds"
    done
    echo "$id $status $(( $(now_ms) - started ))"
}
active_links() {
    curl -sf -H "$auth" "$base/api/v1/tenants/$tenant/guardianships?format=csv" | grep -c ',active' || true
}

# Waits (at most 120 s) until the server log has a line with this text.
await_log() { for _ in $(seq 1 600); do grep -qF "$1" "$run_dir/server.log" && return 0; sleep 0.2; done; return 1; }
# After an import of $tenant commits, the parent-account recompute (and after a bulk the Families filter rebuild) run.
await_follow_up() {
    await_log "Access recomputed for tenant $tenant (import:$1)" || true
    [ "$2" = bulk ] && { await_log "Family filters of tenant $tenant rebuilt" || true; }
    return 0
}

# --- warm-up school ------------------------------------------------------------------------------
# A server that has imported nothing yet compiles every import code path while timing it (a delta's own paths cost
# it 0.2-0.5 s); a school's nightly import lands on a server that has done many. Another, smaller school imports its
# bulk and delta first; its own (cold) times are reported for what they are.
warmup_note="none (BENCH_WARMUP_STUDENTS=0)"
if [ "$warmup_students" -gt 0 ]; then
    echo "Warm-up: school of $warmup_students students imports its bulk and delta ..."
    timed_tenant="$tenant"
    tenant="$(new_tenant "Warm-up school")"
    read -r w_id w_status w_bulk_ms < <(import_package "$run_dir/warmup-bulk.zip")
    [ "$w_status" = SUCCEEDED ] || { echo "The warm-up bulk import ended $w_status" >&2; exit 1; }
    await_follow_up "$w_id" bulk
    read -r w_id w_status w_delta_ms < <(import_package "$run_dir/warmup-delta.zip")
    [ "$w_status" = SUCCEEDED ] || { echo "The warm-up delta import ended $w_status" >&2; exit 1; }
    await_follow_up "$w_id" delta
    warmup_note="another school ($warmup_students students) first: bulk ${w_bulk_ms} ms, delta ${w_delta_ms} ms (cold)"
    tenant="$timed_tenant"
fi
echo "  warm-up: $warmup_note"

# --- bulk import ---------------------------------------------------------------------------------
sampler_pid=""
if [ "$jstack_samples" -gt 0 ]; then
    mkdir -p "$run_dir/jstack"
    (
        for i in $(seq 1 "$jstack_samples"); do
            sleep "$jstack_interval"
            jstack "$java_pid" > "$run_dir/jstack/$(printf %04d "$i").txt" 2>/dev/null || true
        done
    ) &
    sampler_pid=$!
    bench_background_pids+=("$sampler_pid")
fi
echo "Importing the bulk package ..."
cpu_server_0="$(cpu_ms_of "$java_pid")"; cpu_pg_0="$(pg_cpu_ms)"
read -r bulk_id bulk_status bulk_ms < <(import_package "$run_dir/bulk.zip")
cpu_server_bulk=$(( $(cpu_ms_of "$java_pid") - cpu_server_0 )); cpu_pg_bulk=$(( $(pg_cpu_ms) - cpu_pg_0 ))
if [ -n "$sampler_pid" ]; then
    kill "$sampler_pid" 2>/dev/null || true
    wait "$sampler_pid" 2>/dev/null || true
    sampler_pid=""
fi
curl -sf -H "$auth" "$base/api/v1/tenants/$tenant/roster/imports/$bulk_id" > "$run_dir/bulk-import.json"
hwm_bulk_kib="$(proc_kib "$server_pid" VmHWM)"
rss_bulk_kib="$(proc_kib "$server_pid" VmRSS)"
bulk_links="$(active_links)"
bulk_valid="$(json counts.links_valid < "$run_dir/bulk-import.json")"

# The parent-account recompute and the Families filter rebuild run after the bulk commits; the delta is timed alone.
await_follow_up "$bulk_id" bulk

# A school's delta arrives long after its bulk import, here within seconds. By then autovacuum has vacuumed and
# analysed the ~1 M rows the bulk and the recompute wrote, and checkpoints have written the pages they dirtied.
# BENCH_SETTLE=auto: with autovacuum on, wait until it has nothing left to do in the schema by its own thresholds (the
# server's settings; per-table options are not consulted) and no worker is busy there, at most $settle_timeout s; with
# autovacuum off (this CI server's setting), do what it and the checkpointer would have done meanwhile: VACUUM
# (ANALYZE) the tables over those thresholds, then CHECKPOINT. BENCH_SETTLE=none times the delta at once.
settle_started=$(now_ms)
settle_limit=$(( $(date +%s) + settle_timeout ))
pending_tables_sql="SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE s.schemaname = '$schema' AND (
      s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
                     + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0)
      OR s.n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::float8
                     + current_setting('autovacuum_vacuum_insert_scale_factor')::float8 * greatest(c.reltuples, 0)
      OR s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                     + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0))
    UNION ALL SELECT 'autovacuum worker' FROM pg_stat_activity
    WHERE backend_type = 'autovacuum worker' AND query LIKE '%$schema.%'"
if [ "$settle" = none ]; then
    settle_note="no settling (BENCH_SETTLE=none)"
elif [ "$($psql_cmd -Atc "SELECT current_setting('autovacuum')")" = on ]; then
    settle_left="?"
    until settle_left="$($psql_cmd -Atc "$pending_tables_sql" | wc -l)" && [ "$settle_left" = 0 ]; do
        [ "$(date +%s)" -ge "$settle_limit" ] && break
        sleep 0.5
    done
    settle_note="waited $(( $(now_ms) - settle_started )) ms for autovacuum"
    [ "$settle_left" = 0 ] || settle_note="$settle_note, gave up with $settle_left tables/workers pending"
else
    settle_tables="$($psql_cmd -Atc "$pending_tables_sql" | sed "s/^/$schema./" | paste -sd, -)"
    [ -z "$settle_tables" ] || $psql_cmd -q -c "VACUUM (ANALYZE) $settle_tables"
    $psql_cmd -q -c "CHECKPOINT" || echo "  CHECKPOINT refused; the delta meets the bulk's dirty pages" >&2
    echo "  vacuumed: ${settle_tables:-nothing}"
    settle_note="autovacuum is off: vacuumed $(echo "$settle_tables" | tr ',' '\n' | grep -c . || true) tables as it would"
    settle_note="$settle_note have and checkpointed, in $(( $(now_ms) - settle_started )) ms"
fi
echo "  $settle_note"

# --- delta import --------------------------------------------------------------------------------
echo "Importing the delta package ..."
cpu_server_0="$(cpu_ms_of "$java_pid")"; cpu_pg_0="$(pg_cpu_ms)"
read -r delta_id delta_status delta_ms < <(import_package "$run_dir/delta.zip")
cpu_server_delta=$(( $(cpu_ms_of "$java_pid") - cpu_server_0 )); cpu_pg_delta=$(( $(pg_cpu_ms) - cpu_pg_0 ))
curl -sf -H "$auth" "$base/api/v1/tenants/$tenant/roster/imports/$delta_id" > "$run_dir/delta-import.json"
delta_links="$(active_links)"
delta_ended="$(json counts.linksEnded < "$run_dir/delta-import.json")"
delta_created="$(json counts.linksCreated < "$run_dir/delta-import.json")"
rss_after_kib="$(proc_kib "$server_pid" VmRSS)"
hwm_after_kib="$(proc_kib "$server_pid" VmHWM)"
oom="$(grep -c 'OutOfMemoryError' "$run_dir/server.log" || true)"

# --- Families panel searches on the imported tenant (FamiliesPanelBenchmark) ----------------------
# Times GET /api/panel/people as the tenant's school admin (a test platform registered for the tenant, then a real
# LTI launch): per filter the first page, offset BENCH_PANEL_DEEP_OFFSET (10000) or the last page of a shorter list,
# and a name prefix of its members; then plain name searches. BENCH_PANEL_SAMPLES (20) requests per case. Also
# reports the rebuild of the link-based filters that follows the bulk import's commit (not part of its time).
build_bench_classes org.kinbridge.bench.FamiliesPanelBenchmark
await_follow_up "$delta_id" delta   # the delta's parent-account recompute would share the cores with the searches
sleep 2
say ""
say "== Families panel"
say "  family filters rebuilt after the bulk import committed, in $(sed -n \
    "s/.*Family filters of tenant $tenant rebuilt in \([0-9,]*\) ms: \([0-9,]*\) members.*/\1 ms (\2 members)/p" \
    "$run_dir/server.log" | head -n 1)"
set +e
java -cp "$classpath" org.kinbridge.bench.FamiliesPanelBenchmark --base="$base" --token="$token" --tenant="$tenant" \
    --samples="${BENCH_PANEL_SAMPLES:-20}" --deep-offset="${BENCH_PANEL_DEEP_OFFSET:-10000}" | tee -a "$result"
panel_rc=${PIPESTATUS[0]}
set -e
[ "$panel_rc" -le 1 ] || { echo "The Families panel benchmark could not run (exit $panel_rc)" >&2; exit 1; }

# --- psql \copy of the same CSV files ------------------------------------------------------------
echo "Timing psql \\copy of the bulk CSV files into plain tables of $copy_schema ..."
copy_sql="$run_dir/copy.sql"
{
    echo "CREATE SCHEMA $copy_schema;"
    for file in "$run_dir"/bulk-csv/*.csv; do
        name="$(basename "$file" .csv)"
        [ "$name" = manifest ] && continue
        columns="$(head -n 1 "$file" | tr -d '\r' | sed 's/,/" text, "/g')"
        echo "CREATE TABLE $copy_schema.\"$name\" (\"$columns\" text);"
    done
} > "$copy_sql"
$psql_cmd -q -v ON_ERROR_STOP=1 -f "$copy_sql"
copy_total_ms=0
copy_detail=""
for name in users roles enrollments orgs classes courses academicSessions; do
    file="$run_dir/bulk-csv/$name.csv"
    started=$(now_ms)
    $psql_cmd -q -v ON_ERROR_STOP=1 -c "\\copy $copy_schema.\"$name\" FROM '$file' WITH (FORMAT csv, HEADER true)"
    took=$(( $(now_ms) - started ))
    copy_total_ms=$(( copy_total_ms + took ))
    copy_detail="$copy_detail $name ${took}ms"
done
copied_rows="$($psql_cmd -Atc "SELECT (SELECT count(*) FROM $copy_schema.users) + (SELECT count(*) FROM $copy_schema.roles)
    + (SELECT count(*) FROM $copy_schema.enrollments)")"

# PostgreSQL's own floor for what Kinbridge stores: the tenant's person and guardian_link rows (as they are now),
# \copy-ed into empty tables with exactly Kinbridge's columns, keys and indexes. No parsing, no link rules, no network
# beyond psql's: what any import of this roster into this schema must at least cost the database.
echo "Timing psql \copy of the stored person and guardian_link rows into tables shaped like Kinbridge's ..."
floor_total_ms=0
floor_detail=""
for table in person guardian_link; do
    rows_file="$run_dir/stored-$table.csv"
    $psql_cmd -q -v ON_ERROR_STOP=1 -c "\copy (SELECT * FROM $schema.$table WHERE tenant_id = '$tenant') TO '$rows_file' WITH (FORMAT csv)"
    $psql_cmd -q -v ON_ERROR_STOP=1 -c "CREATE TABLE $copy_schema.stored_$table (LIKE $schema.$table INCLUDING ALL)"
    started=$(now_ms)
    $psql_cmd -q -v ON_ERROR_STOP=1 -c "\copy $copy_schema.stored_$table FROM '$rows_file' WITH (FORMAT csv)"
    took=$(( $(now_ms) - started ))
    floor_total_ms=$(( floor_total_ms + took ))
    floor_detail="$floor_detail $table $(wc -l < "$rows_file") rows ${took}ms"
    rm -f "$rows_file"
done

# --- jstack summary ------------------------------------------------------------------------------
if [ "$jstack_samples" -gt 0 ]; then
    python3 - "$run_dir/jstack" > "$run_dir/jstack-summary.txt" <<'PY'
import collections, glob, re, sys
# The import runs on a managed executor thread; take every thread whose stack holds a roster frame.
top = collections.Counter(); kin = collections.Counter(); phases = collections.Counter(); states = collections.Counter()
samples = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.txt")):
    for block in open(path, errors="replace").read().split("\n\n"):
        if "org.kinbridge.roster.RosterImportRunner.run" not in block:
            continue
        samples += 1
        frames = re.findall(r"^\s+at ([\w.$<>]+)\(", block, re.M)
        state = re.search(r"java.lang.Thread.State: (\w+)", block)
        states[state.group(1) if state else "?"] += 1
        if frames:
            top[frames[0]] += 1
        first_kin = next((f for f in frames if f.startswith("org.kinbridge")), "?")
        kin[first_kin] += 1
        for phase in ("RosterSnapshot.read", "LinkRules.apply", "PeopleStore.stored", "GuardianLinks.plan",
                      "PeopleStore$Writer", "GuardianLinks.apply", "AuditLog.recordAll", "RosterImports.succeeded",
                      "ZippedPackage", "CsvTable"):
            if any(phase in f for f in frames):
                phases[phase] += 1
print(f"import-thread samples: {samples}; states: {dict(states)}")
print("\ninclusive, by step (a sample can count in several):")
for k, v in phases.most_common():
    print(f"  {v:4d} {100*v/max(samples,1):5.1f}%  {k}")
print("\ninnermost Kinbridge frame:")
for k, v in kin.most_common(15):
    print(f"  {v:4d} {100*v/max(samples,1):5.1f}%  {k}")
print("\ntop frame:")
for k, v in top.most_common(15):
    print(f"  {v:4d} {100*v/max(samples,1):5.1f}%  {k}")
PY
fi

# --- report --------------------------------------------------------------------------------------
ratio="$(python3 -c "print(f'{$bulk_ms / max($copy_total_ms, 1):.2f}')")"
delta_share_of_bulk="$(python3 -c "print(f'{100 * $delta_ms / max($bulk_ms, 1):.1f}')")"
server_ms() { python3 -c 'import json,sys,datetime as d
def p(s):
    main, _, frac = s.rstrip("Z").partition(".")
    return d.datetime.fromisoformat(main).timestamp() + float("0." + (frac or "0"))
j=json.load(open(sys.argv[1]))
print(int((p(j["finishedAt"]) - p(j["createdAt"])) * 1000) if j.get("finishedAt") else "?")' "$1"; }
say ""
say "== results (heap cap -Xmx$heap, $(nproc) cores)"
say "  warm-up        $warmup_note"
say "  bulk import    $bulk_status in ${bulk_ms} ms wall, upload to final status (server: $(server_ms "$run_dir/bulk-import.json") ms"
say "                 created to finished); links_valid $bulk_valid, active links exported $bulk_links, expected $expected_bulk"
say "                 CPU: server $cpu_server_bulk ms, PostgreSQL $cpu_pg_bulk ms; phases (ms after upload start):" \
    "$(tr '\n' ' ' < "$run_dir/phases-bulk.txt")"
say "  psql \\copy     ${copy_total_ms} ms for $copied_rows users+roles+enrollments rows (all 7 files;$copy_detail)"
say "  ratio          import / \\copy = $ratio (target <= 2)"
say "  stored rows    ${floor_total_ms} ms to \\copy the rows Kinbridge keeps into tables with its keys and indexes" \
    "(${floor_detail# }) = $(python3 -c "print(f'{$floor_total_ms / max($copy_total_ms, 1):.2f}')")x the CSV \\copy"
say "  delta import   $delta_status in ${delta_ms} ms wall = ${delta_share_of_bulk} % of the bulk import (target < 5 %);"
say "                 server: $(server_ms "$run_dir/delta-import.json") ms created to finished; before it: $settle_note"
say "                 links ended $delta_ended (expected $(report delta.linksEnded)), created $delta_created" \
    "(expected $(report delta.linksCreated)); active links exported $delta_links, expected $expected_delta"
say "                 CPU: server $cpu_server_delta ms, PostgreSQL $cpu_pg_delta ms; phases:" \
    "$(tr '\n' ' ' < "$run_dir/phases-delta.txt")"
say "  server RSS     $(mib "$rss_ready_kib") MiB when ready, $(mib "$rss_bulk_kib") MiB after the bulk import," \
    "$(mib "$rss_after_kib") MiB at the end; peak (VmHWM) $(mib "$hwm_after_kib") MiB"
say "  OutOfMemoryError in the server log: $oom"
say "  run directory  $run_dir"
[ "$jstack_samples" -gt 0 ] && cat "$run_dir/jstack-summary.txt" | tee -a "$result"

ok=1
[ "$bulk_status" = SUCCEEDED ] && [ "$delta_status" = SUCCEEDED ] || ok=0
[ "$bulk_links" = "$expected_bulk" ] && [ "$delta_links" = "$expected_delta" ] || ok=0
[ "$oom" = 0 ] || ok=0
if [ "$ok" = 1 ]; then
    say "  checks         OK (both imports succeeded, link counts as generated, no OutOfMemoryError)"
else
    say "  checks         FAILED (see above and $run_dir/server.log)"
    exit 1
fi
