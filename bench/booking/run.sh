#!/usr/bin/env bash
# Booking benchmark (issue 13): CLIENTS concurrent clients book random one-hour slots on
# INSTRUMENTS instruments through keyuan's API (POST /api/v1/bookings), with about 20 % deliberate
# collisions, on SQLite (one keyuan) and on PostgreSQL (two keyuan processes sharing it, the load
# split between them); side by side in the same run, the same booking as one SQL statement sent
# straight to the same database; then a check that no two live bookings overlap and a crash loop.
#
#   bench/booking/run.sh        # about 20 minutes on a 2-core machine at the defaults
#
# For each engine it
#   1. creates an empty database (a SQLite file, or a throw-away PostgreSQL 15 server started with
#      tests/pg_server.sh, fsync on) and fills it with `keyuan demo --scale $SCALE`; builds the
#      search index once (before any server starts, so that no indexer competes with the load);
#   2. creates CLIENTS enterprise users and a token each (`keyuan user create`, `keyuan token
#      create`) and a token for demo_operator, who sets booking rules through the API
#      (PUT /api/v1/instruments/{id}/booking-rules) on the first INSTRUMENTS approved open
#      instruments: every day 00:00-24:00, 60-minute slots, no notice, a 366-day horizon, no weekly
#      limit, no approval;
#   3. books the "hot" slot (tomorrow 00:00 local) of every instrument once (booking_load
#      --prebook): HOT_SHARE of the measured requests ask for one of these, so they are deliberate
#      collisions (409); the others draw a day and an hour at random (bench/booking/slots.hpp);
#   4. warms up for WARMUP seconds, then measures keyuan for DURATION seconds (booking_load:
#      CLIENTS keep-alive connections, coroutines on one thread, a closed loop);
#   5. stops keyuan and measures the baseline for DURATION seconds on the same database:
#      SQLite: booking_sqlite_baseline (the INSERT with the overlap trigger live, keyuan's pragmas,
#      SQLITE_THREADS threads writing one at a time as keyuan's single writer does);
#      PostgreSQL: pgbench -M prepared with PG_CLIENTS connections (keyuan's two pools together)
#      and a custom script, the INSERT with the exclusion constraint live (ON CONFLICT DO NOTHING,
#      since pgbench aborts a client on any error; successes are counted in the table afterwards);
#   5b. on PostgreSQL, a second baseline (SAME_WORK=1, the default): pgbench doing what keyuan's
#      booking does in the database, statement for statement: the token's caller, the instrument
#      and its rules locked, the booking, the notifications of the unit's admins and the version
#      snapshot (one statement with data-modifying CTEs), the audit record inserted unsealed (as
#      keyuan's server does on PostgreSQL since the sealer, docs/design/audit-sealing.md; its
#      batch UPDATE every 50 ms is not in the script, keyuan's sealers seal these records in the
#      crash loop), COMMIT; SAME_WORK_CHAIN=1: the former inline chain instead (the chain's lock,
#      last hash and record hashed by sha256() in SQL); a refused booking asks which slot is taken, as
#      keyuan does to name it. It says how much of the gap to the one-INSERT baseline is the
#      database's work per booking and how much keyuan's own;
#   6. crash loop: KILLS times, book for KILL_RUN seconds, SIGKILL a keyuan process at a random
#      moment in the middle (on PostgreSQL one of the two, in turn), restart it, and check that
#      every booking it acknowledged with 201 is in the database ("acknowledged lost");
#   7. counts overlapping live bookings with one SQL query (must be 0).
# Each phase books in its own range of days, so that one phase's bookings do not collide with the
# next one's by chance (only the hot slots are shared).
#
# The CPU used by other processes during each measurement is reported ("other CPU", % of the
# machine), with the 1-minute load before it, and the CPU time that keyuan, the database and the
# load generator spent per answer (which other work moves much less than the rates); the script
# waits up to QUIET_WAIT seconds for a quiet machine before measuring, but does not repeat runs.
#
# Knobs (environment): DURATION=60, CLIENTS=256, INSTRUMENTS=1000, ENGINES="sqlite postgres",
# KILLS=10, KILL_RUN=4, SAME_WORK=1, SAME_WORK_CHAIN=0 (1: the audit record chained inline under the chain's lock, as before the sealer), WARMUP=5, HOT_SHARE=0.2, SCALE=city (small has only ~450 bookable
# instruments), SQLITE_THREADS=4, POOL_SIZE=8 (keyuan's database.pool_size), PG_CLIENTS=2*POOL_SIZE,
# QUIET_WAIT=30 and QUIET_PERCENT=20 (bench/lib/measure.sh), INDEX_DIR (a search index of the same
# demo, built already), KEYUAN_BIN (default build-bench/keyuan, Release, built if missing, with
# the two bench programs beside it in build-bench/bench/), OUT_DIR (default: a new mktemp
# directory; logs, raw outputs, results.md).
#
# Exits non-zero only when the benchmark cannot run; targets are reported, not asserted.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=booking
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
DURATION=${DURATION:-60}
CLIENTS=${CLIENTS:-256}
INSTRUMENTS=${INSTRUMENTS:-1000}
ENGINES=${ENGINES:-sqlite postgres}
KILLS=${KILLS:-10}
KILL_RUN=${KILL_RUN:-4}
WARMUP=${WARMUP:-5}
HOT_SHARE=${HOT_SHARE:-0.2}
SCALE=${SCALE:-city}
SQLITE_THREADS=${SQLITE_THREADS:-4}
POOL_SIZE=${POOL_SIZE:-8}
PG_CLIENTS=${PG_CLIENTS:-$((2 * POOL_SIZE))}
SAME_WORK=${SAME_WORK:-1}
SAME_WORK_CHAIN=${SAME_WORK_CHAIN:-0}  # 1: the audit record chained inline under the chain's lock, as before the sealer
INDEX_DIR=${INDEX_DIR:-}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build-bench/keyuan}
TARGET_SQLITE_RATE=1500
TARGET_SHARE=50
# Days after tomorrow each phase books in (the hot slots are tomorrow 00:00).
WARM_DAYS="1 20" RUN_DAYS="21 130" BASE_DAYS="131 240" SAME_DAYS="241 300" CRASH_DAYS="301 365"

# ---------------------------------------------------------------- process bookkeeping
# shellcheck source=bench/lib/servers.sh
source "$ROOT/bench/lib/servers.sh"

bench_cleanup_on_exit 'sqlite/keyuan.db*'

# ---------------------------------------------------------------- preparation
need_tools curl python3 sqlite3 psql pgrep timeout pgbench
bench_binary booking_load booking_sqlite_baseline
BENCH_DIR=$(dirname "$KEYUAN_BIN")/bench
bench_out "logs and raw outputs"
# Private copies, as of keyuan, so that a rebuild during the benchmark changes nothing.
cp "$BENCH_DIR/booking_load" "$BENCH_DIR/booking_sqlite_baseline" "$OUT/"
LOAD=$OUT/booking_load

# The first minute (UTC) of tomorrow in Asia/Shanghai: every phase's slots count from it.
NOW_MIN=$(($(date +%s) / 60))
BASE_MINUTE=$((((NOW_MIN + 480) / 1440 + 1) * 1440 - 480))

# ---------------------------------------------------------------- setup
INDEX=""
prepare() {  # engine url dir: demo, index, instruments, users, tokens, rules, hot slots
  local engine=$1 url=$2 dir=$3 t0 n i orgs
  t0=$(date +%s)
  "$KEYUAN" demo --db "$url" --scale "$SCALE" >"$dir/demo.log" 2>&1 || { tail "$dir/demo.log" >&2; die "$engine: demo failed"; }
  say "$engine: keyuan demo --scale $SCALE in $(($(date +%s) - t0)) s"
  if [[ -n $INDEX_DIR ]]; then
    INDEX=$INDEX_DIR
  elif [[ -z $INDEX ]]; then
    # The demo's seed is fixed: one index serves both engines.
    INDEX=$OUT/index
    t0=$(date +%s)
    "$KEYUAN" index rebuild --db "$url" --index "$INDEX" >"$OUT/index.log" 2>&1 || die "index rebuild failed"
    say "search index built in $(($(date +%s) - t0)) s (not measured)"
  fi
  sql "$engine" "$url" "SELECT id FROM instruments WHERE status = 'approved' AND open_status IN ('open', 'partially_open')
    ORDER BY id LIMIT $INSTRUMENTS" >"$dir/instruments.txt"
  n=$(wc -l <"$dir/instruments.txt")
  ((n == INSTRUMENTS)) || die "$engine: only $n bookable instruments at scale $SCALE (INSTRUMENTS=$INSTRUMENTS)"

  t0=$(date +%s)
  mapfile -t orgs < <(sql "$engine" "$url" "SELECT id FROM organizations WHERE kind = 'enterprise' ORDER BY id")
  : >"$dir/tokens.txt"
  for ((i = 1; i <= CLIENTS; i++)); do
    "$KEYUAN" user create --db "$url" --username "bench_client_$i" --password 'Bench#Booking2026' --role enterprise \
      --org "${orgs[$(((i - 1) % ${#orgs[@]}))]}" --no-password-change >>"$dir/users.log" 2>&1 ||
      { tail -n 3 "$dir/users.log" >&2; die "$engine: user create failed"; }
    "$KEYUAN" token create --db "$url" --username "bench_client_$i" --days 2 >>"$dir/tokens.txt" 2>>"$dir/users.log" ||
      die "$engine: token create failed"
  done
  sql "$engine" "$url" "SELECT id FROM users WHERE username LIKE 'bench_client_%' ORDER BY id" >"$dir/users.txt"
  local operator
  operator=$("$KEYUAN" token create --db "$url" --username demo_operator --days 2 2>>"$dir/users.log")
  say "$engine: $CLIENTS users and tokens in $(($(date +%s) - t0)) s"

  start_keyuan setup "$url" "$dir"
  t0=$(date +%s)
  python3 - "${KPORT[setup]}" "$operator" "$dir/instruments.txt" <<'EOF' || die "$engine: setting booking rules failed"
import http.client, json, sys
port, token, path = sys.argv[1], sys.argv[2], sys.argv[3]
rules = json.dumps({"weekdays": "1234567", "working_days_only": False, "opens_at": "00:00", "closes_at": "24:00",
                    "slot_minutes": 60, "min_notice_minutes": 0, "horizon_days": 366, "cancel_before_minutes": 0,
                    "max_minutes_per_week": 0, "approval_required": False, "audience": "signed_in"})
conn = http.client.HTTPConnection("127.0.0.1", int(port))
for line in open(path):
    conn.request("PUT", f"/api/v1/instruments/{line.strip()}/booking-rules", rules,
                 {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        sys.exit(f"PUT booking-rules {line.strip()}: {r.status} {body[:300]!r}")
EOF
  say "$engine: booking rules set on $INSTRUMENTS instruments through the API in $(($(date +%s) - t0)) s"
  # shellcheck disable=SC2046
  "$LOAD" $(targets) --tokens "$dir/tokens.txt" --instruments "$dir/instruments.txt" --clients "$CLIENTS" \
    --base-minute "$BASE_MINUTE" --prebook >"$dir/prebook.txt" 2>"$dir/prebook.err" || die "$engine: prebook failed"
  n=$(sql "$engine" "$url" "SELECT COUNT(*) FROM bookings WHERE start_minute = $BASE_MINUTE AND status = 'approved'")
  ((n == INSTRUMENTS)) || die "$engine: $n hot slots booked of $INSTRUMENTS (see $dir/prebook.*)"
  stop_all_keyuan
  if [[ $engine == postgres ]]; then psql -X -q "$url" -c "VACUUM (ANALYZE)" >/dev/null; fi
}

# ---------------------------------------------------------------- measurements
val() { sed -n "s/^$2=//p" "$1" | head -n1; }

ROWS=()
VERDICTS=()
WARNINGS=()

row() {  # engine label file
  local f=$3 okp cpu
  okp=$(val "$f" p99_ok_ms)
  [[ $okp == — ]] || okp+=" ms"
  # CPU per answer (keyuan, the database and the load generator): what other work on the machine
  # moves least, where the rates it slows down.
  cpu=$(awk -v c="$OURS_CPU" -v s="$(val "$f" seconds)" -v r="$(val "$f" answers_per_s)" \
    'BEGIN {printf "%.2f", (s * r > 0) ? c * 1000 / (s * r) : 0}')
  ROWS+=("| $1 | $2 | $(printf '%.0f' "$(val "$f" ok_per_s)") | $(printf '%.0f' "$(val "$f" answers_per_s)") | $(awk -v s="$(val "$f" conflict_share)" 'BEGIN {printf "%.0f%%", s * 100}') | $(val "$f" p99_all_ms) ms | $okp | $(val "$f" other) / $(val "$f" net_errors) | $cpu ms | $LOAD_BEFORE | $OTHER% |")
  say "  $2: $(val "$f" ok_per_s) bookings/s, $(val "$f" answers_per_s) answers/s, 409 share $(val "$f" conflict_share), p99 $(val "$f" p99_all_ms) ms (201s: $okp), other $(val "$f" other), network errors $(val "$f" net_errors), CPU $cpu ms per answer (load $LOAD_BEFORE, other CPU $OTHER%)"
}

run_load() {  # dir days out duration [extra flags]
  local dir=$1 days=$2 out=$3 seconds=$4
  shift 4
  # shellcheck disable=SC2086,SC2046
  # shellcheck disable=SC2046
  "$LOAD" $(targets) --tokens "$dir/tokens.txt" --instruments "$dir/instruments.txt" --clients "$CLIENTS" \
    --duration "$seconds" --hot-share "$HOT_SHARE" --base-minute "$BASE_MINUTE" --day-from "${days% *}" \
    --day-to "${days#* }" "$@" >"$out" 2>"$out.err"
}

measure_keyuan() {  # engine url dir
  local engine=$1 url=$2 dir=$3 label="keyuan"
  start_keyuan a "$url" "$dir"
  if [[ $engine == postgres ]]; then
    start_keyuan b "$url" "$dir"
    label="keyuan ×2"
  fi
  run_load "$dir" "$WARM_DAYS" "$dir/warmup.txt" "$WARMUP" --seed 11 || die "$engine: warm-up failed"
  measure run_load "$dir" "$RUN_DAYS" "$dir/keyuan.txt" "$DURATION" --seed 12 --acked "$dir/acked-run.txt" ||
    die "$engine: load failed (see $dir/keyuan.txt.err)"
  row "$engine" "$label, $CLIENTS clients" "$dir/keyuan.txt"
  stop_all_keyuan
}

sqlite_baseline() {  # dir db
  "$OUT/booking_sqlite_baseline" --db "$2" --instruments "$1/instruments.txt" --users "$1/users.txt" \
    --threads "$SQLITE_THREADS" --duration "$DURATION" --hot-share "$HOT_SHARE" --base-minute "$BASE_MINUTE" \
    --day-from "${BASE_DAYS% *}" --day-to "${BASE_DAYS#* }" --seed 13 >"$1/baseline.txt" 2>"$1/baseline.txt.err"
}

# The slot a pgbench client asks for, as booking_load draws it: HOT_SHARE of them the hot slot.
pgbench_slot() {  # dir days
  cat <<EOF
\set k random(1, $INSTRUMENTS)
\set u random(1, $(wc -l <"$1/users.txt"))
\set hot random(1, 1000)
\set day random(${2% *}, ${2#* })
\set hour random(0, 23)
\set start CASE WHEN :hot <= $(awk -v s="$HOT_SHARE" 'BEGIN {printf "%d", s * 1000}') THEN $BASE_MINUTE ELSE $BASE_MINUTE + :day * 1440 + :hour * 60 END
EOF
}

# Runs pgbench with the script $dir/$name.sql for DURATION seconds and writes the same key=value
# lines as the other programs to $dir/$name.txt (successes counted in the table afterwards).
pgbench_run() {  # dir url name days
  local dir=$1 url=$2 name=$3 days=$4
  local lo=$((BASE_MINUTE + ${days% *} * 1440)) hi=$((BASE_MINUTE + (${days#* } + 1) * 1440))
  local window="SELECT COUNT(*) FROM bookings WHERE start_minute >= $lo AND start_minute < $hi"
  local before after t0 t1
  before=$(sql postgres "$url" "$window")
  rm -rf "$dir/$name-log"
  mkdir -p "$dir/$name-log"
  t0=$(date +%s%N)
  (cd "$dir/$name-log" && pgbench -n -M prepared -c "$PG_CLIENTS" -j 2 -T "$DURATION" -f "$dir/$name.sql" -l \
    --log-prefix=tx "$url" >"$dir/$name.out" 2>&1) || { tail "$dir/$name.out" >&2; return 1; }
  t1=$(date +%s%N)
  after=$(sql postgres "$url" "$window")
  cat "$dir/$name-log"/tx.* | awk -v ok="$((after - before))" -v ns="$((t1 - t0))" '
    { lat[NR] = $3 }
    END {
      n = NR; s = ns / 1e9
      printf "seconds=%.2f\nok=%d\nconflict=%d\nother=0\nnet_errors=0\n", s, ok, n - ok
      printf "ok_per_s=%.1f\nanswers_per_s=%.1f\nconflict_share=%.3f\n", ok / s, n / s, (n - ok) / n
      cmd = "sort -n"
      for (i = 1; i <= n; i++) print lat[i] | cmd
      close(cmd)
    }' >"$dir/$name.tmp"
  # Percentiles from the sorted latencies (µs) that follow the summary lines.
  awk -F= 'NF == 2 {print; next} {v[++n] = $1} END {
      printf "p50_all_ms=%.2f\np99_all_ms=%.2f\np50_ok_ms=—\np99_ok_ms=—\n", v[int(n * 0.5 + 0.5)] / 1000, v[int(n * 0.99 + 0.5)] / 1000 }' \
    "$dir/$name.tmp" >"$dir/$name.txt"
}

# The time format without a colon, which pgbench would read as a variable.
PG_TIME_FORMAT="'YYYY-MM-DD\"T\"HH24' || chr(58) || 'MI' || chr(58) || 'SS\"Z\"'"

pgbench_baseline() {  # dir url: the booking as one INSERT (the issue's baseline)
  local dir=$1 url=$2 ids users
  ids=$(paste -sd, "$dir/instruments.txt")
  users=$(paste -sd, "$dir/users.txt")
  {
    pgbench_slot "$dir" "$BASE_DAYS"
    cat <<EOF
WITH p AS (SELECT CAST(:start AS bigint) AS s, CAST(:k AS integer) AS k, CAST(:u AS integer) AS u, $PG_TIME_FORMAT AS f) INSERT INTO bookings (instrument_id, org_id, client_org_id, user_id, booked_by, status, start_minute, end_minute, starts_at, ends_at, created_at, updated_at) SELECT i.id, i.org_id, u.org_id, u.id, u.id, 'approved', p.s, p.s + 60, to_char(to_timestamp(p.s * 60) AT TIME ZONE 'UTC', p.f), to_char(to_timestamp((p.s + 60) * 60) AT TIME ZONE 'UTC', p.f), to_char(now() AT TIME ZONE 'UTC', p.f), to_char(now() AT TIME ZONE 'UTC', p.f) FROM p, instruments i, users u WHERE i.id = ('{$ids}'::bigint[])[p.k] AND u.id = ('{$users}'::bigint[])[p.u] ON CONFLICT DO NOTHING;
EOF
  } >"$dir/pgbench.sql"
  pgbench_run "$dir" "$url" pgbench "$BASE_DAYS" && cp "$dir/pgbench.txt" "$dir/baseline.txt"
}

# What keyuan's booking does in the database, statement for statement (see the header, 5b).
pgbench_same_work() {  # dir url
  local dir=$1 url=$2 ids users
  ids=$(paste -sd, "$dir/instruments.txt")
  users=$(paste -sd, "$dir/users.txt")
  local now="to_char(now() AT TIME ZONE 'UTC', $PG_TIME_FORMAT)"
  # The booking's JSON as keyuan stores it in the notification, the version snapshot and the audit record.
  local doc="json_build_object('id', b.id::text, 'instrument_id', b.instrument_id::text, 'org_id', b.org_id::text, 'client_org_id', b.client_org_id::text, 'user_id', b.user_id::text, 'booked_by', b.booked_by::text, 'series_id', NULL, 'status', b.status, 'version', 1, 'starts_at', b.starts_at, 'ends_at', b.ends_at, 'minutes', 60, 'purpose', b.purpose, 'samples', b.samples, 'reason', '', 'created_at', b.created_at, 'updated_at', b.updated_at)::text"
  {
    pgbench_slot "$dir" "$SAME_DAYS"
    cat <<EOF
SELECT t.id, t.user_id, t.expires_at, t.revoked_at, t.last_used_at, u.username, u.org_id, COALESCE(u.department_code, ''), COALESCE(u.district_code, ''), u.disabled, r.role FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN user_roles r ON r.user_id = u.id WHERE t.user_id = ('{$users}'::bigint[])[:u] ORDER BY r.role;
BEGIN;
SELECT i.id, i.org_id, i.name, i.status, i.open_status, r.* FROM instruments i LEFT JOIN booking_rules r ON r.instrument_id = i.id WHERE i.id = ('{$ids}'::bigint[])[:k] FOR NO KEY UPDATE OF i;
WITH p AS (SELECT CAST(:start AS bigint) AS s, $PG_TIME_FORMAT AS f), b AS (INSERT INTO bookings (instrument_id, org_id, client_org_id, user_id, booked_by, status, start_minute, end_minute, starts_at, ends_at, purpose, samples, created_at, updated_at) SELECT i.id, i.org_id, u.org_id, u.id, u.id, 'approved', p.s, p.s + 60, to_char(to_timestamp(p.s * 60) AT TIME ZONE 'UTC', p.f), to_char(to_timestamp((p.s + 60) * 60) AT TIME ZONE 'UTC', p.f), '', 0, $now, $now FROM p, instruments i, users u WHERE i.id = ('{$ids}'::bigint[])[:k] AND u.id = ('{$users}'::bigint[])[:u] ON CONFLICT DO NOTHING RETURNING *), j AS (SELECT b.id, b.org_id, b.user_id, $doc AS doc FROM b), n AS (INSERT INTO notifications (user_id, kind, params, created_at) SELECT u.id, 'booking_booked', j.doc, $now FROM j JOIN users u ON u.org_id = j.org_id JOIN user_roles ur ON ur.user_id = u.id WHERE u.disabled = 0 AND ur.role = 'unit_admin'), v AS (INSERT INTO object_versions (object_type, object_id, version, data_json, changed_by, changed_at) SELECT 'booking', j.id, 1, j.doc, j.user_id, $now FROM j) SELECT COUNT(*) AS inserted, COALESCE(MAX(j.id), 0) AS bid FROM j \gset
\if :inserted
$([[ $SAME_WORK_CHAIN == 1 ]] && echo "SELECT pg_advisory_xact_lock(7253002);")
INSERT INTO audit_events (at, actor_user_id, actor_username, actor_role, ip, request_id, event_type, object_type, object_id, result, before_json, after_json, detail, prev_hash, hash, chain_seq) SELECT $now, u.id, u.username, 'enterprise_user', '127.0.0.1', 'bench', 'booking.created', 'booking', b.id::text, 'ok', NULL, $doc, '', COALESCE(l.hash, ''), CASE WHEN $SAME_WORK_CHAIN = 1 THEN encode(sha256(convert_to(COALESCE(l.hash, '') || b.id::text || $doc, 'UTF8')), 'hex') ELSE '' END, CASE WHEN $SAME_WORK_CHAIN = 1 THEN COALESCE(l.chain_seq, 0) + 1 END FROM bookings b JOIN users u ON u.id = b.user_id LEFT JOIN (SELECT hash, chain_seq FROM audit_events WHERE $SAME_WORK_CHAIN = 1 AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1) l ON true WHERE b.id = :bid;
COMMIT;
\else
ROLLBACK;
SELECT b.id, b.instrument_id, i.name, b.org_id, b.client_org_id, b.user_id, b.booked_by, b.series_id, b.status, b.version, b.start_minute, b.end_minute, b.purpose, b.samples, b.reason, b.created_at, b.updated_at FROM bookings b JOIN instruments i ON i.id = b.instrument_id WHERE b.instrument_id = ('{$ids}'::bigint[])[:k] AND b.status IN ('requested', 'approved') AND b.start_minute < :start + 60 AND b.start_minute > :start - 1440 AND b.end_minute > :start ORDER BY b.start_minute LIMIT 1;
\endif
EOF
  } >"$dir/pgbench-same.sql"
  pgbench_run "$dir" "$url" pgbench-same "$SAME_DAYS"
}

measure_baseline() {  # engine url dir
  local engine=$1 url=$2 dir=$3
  case $engine in
    sqlite)
      measure sqlite_baseline "$dir" "${url#sqlite:}" || die "sqlite baseline failed (see $dir/baseline.txt.err)"
      row "$engine" "direct SQL: sqlite3 library, $SQLITE_THREADS threads" "$dir/baseline.txt"
      ;;
    postgres)
      measure pgbench_baseline "$dir" "$url" || die "pgbench failed (see $dir/pgbench.out)"
      row "$engine" "direct SQL: pgbench, $PG_CLIENTS connections" "$dir/baseline.txt"
      if [[ $SAME_WORK == 1 ]]; then
        measure pgbench_same_work "$dir" "$url" || die "pgbench failed (see $dir/pgbench-same.out)"
        row "$engine" "direct SQL, keyuan's statements: pgbench, $PG_CLIENTS connections" "$dir/pgbench-same.txt"
        local same k
        k=$(val "$dir/keyuan.txt" ok_per_s)
        same=$(awk -v k="$k" -v b="$(val "$dir/pgbench-same.txt" ok_per_s)" 'BEGIN {printf "%.0f", (b > 0) ? 100 * k / b : 0}')
        VERDICTS+=("$engine: keyuan books at $same% of the rate of its own statements sent straight to the database (not a target; where the gap is)")
      fi
      ;;
  esac
  local k b share verdict
  k=$(val "$dir/keyuan.txt" ok_per_s) b=$(val "$dir/baseline.txt" ok_per_s)
  share=$(awk -v k="$k" -v b="$b" 'BEGIN {printf "%.0f", (b > 0) ? 100 * k / b : 0}')
  verdict=misses
  ((share >= TARGET_SHARE)) && verdict=meets
  VERDICTS+=("$engine: keyuan books at $share% of the direct-SQL rate: $verdict the ${TARGET_SHARE}% target")
  if [[ $engine == sqlite ]]; then
    verdict=misses
    awk -v k="$k" -v t="$TARGET_SQLITE_RATE" 'BEGIN {exit !(k >= t)}' && verdict=meets
    VERDICTS+=("sqlite: $k successful bookings/s: $verdict the target of $TARGET_SQLITE_RATE/s")
  fi
}

# NOT EXISTS, not NOT IN: PostgreSQL runs NOT IN over a subquery too big for work_mem as a
# nested loop (minutes at 300,000 bookings).
lost_count() {  # engine url acked-file: acknowledged ids missing from the database
  local engine=$1 url=$2 file=$3
  case $engine in
    sqlite)
      sqlite3 -batch -noheader :memory: "CREATE TABLE acked (id INTEGER)" ".import $file acked" \
        "ATTACH '${url#sqlite:}' AS k" "SELECT COUNT(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM k.bookings b WHERE b.id = a.id)"
      ;;
    postgres)
      psql -X -q -At "$url" -c "CREATE TEMP TABLE acked (id bigint)" -c "\\copy acked FROM '$file'" \
        -c "SELECT COUNT(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id = a.id)"
      ;;
  esac
}

crash_loop() {  # engine url dir
  local engine=$1 url=$2 dir=$3 k victim acked=0 lost=0 pause names=(a)
  [[ $engine == postgres ]] && names=(a b)
  local name
  for name in "${names[@]}"; do start_keyuan "$name" "$url" "$dir"; done
  : >"$dir/acked-crash.txt"
  for ((k = 1; k <= KILLS; k++)); do
    victim=${names[$(((k - 1) % ${#names[@]}))]}
    run_load "$dir" "$CRASH_DAYS" "$dir/crash-$k.txt" "$KILL_RUN" --seed $((100 + k)) --acked "$dir/acked-crash.txt" &
    kill_mid_run "$victim" "$url" "$dir" "$KILL_RUN" $! || die "$engine: load failed in crash run $k (see $dir/crash-$k.txt.err)"
    pause=$KILLED_AFTER
    acked=$(wc -l <"$dir/acked-crash.txt")
    lost=$(lost_count "$engine" "$url" "$dir/acked-crash.txt")
    say "  crash $k: SIGKILL to keyuan $victim after ${pause} s of $KILL_RUN; restarted; $acked acknowledged so far, acknowledged lost: $lost"
  done
  stop_all_keyuan
  say "$engine: acknowledged lost: $lost ($acked acknowledged over $KILLS kills)"
  CRASH_ROWS+=("| $engine | $KILLS | $acked | $lost |")
  local verdict=misses
  ((lost == 0)) && verdict=meets
  VERDICTS+=("$engine: acknowledged lost: $lost of $acked over $KILLS SIGKILLs: $verdict the target of 0")
}

overlaps() {  # engine url: live bookings that overlap an earlier one of the same instrument
  sql "$1" "$2" "SELECT COUNT(*) FROM (SELECT start_minute, MAX(end_minute) OVER (PARTITION BY instrument_id
    ORDER BY start_minute, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end FROM bookings
    WHERE status IN ('requested', 'approved')) t WHERE start_minute < prev_end"
}

# The audit chain after the kills: what the killed servers left unsealed was sealed by the
# restarted ones (on PostgreSQL; `audit seal` chains what the pgbench baseline inserted when no
# crash loop ran), and every record's hash holds.
audit_check() {  # engine url dir
  local engine=$1 url=$2 dir=$3 verdict=misses
  if [[ $engine == postgres && $SAME_WORK_CHAIN == 1 ]]; then
    WARNINGS+=("$engine: audit chain not verified: SAME_WORK_CHAIN=1 hashed the baseline's records in SQL")
    return
  fi
  "$KEYUAN_BIN" audit seal --db "$url" >"$dir/audit-seal.txt" 2>&1 || die "audit seal failed (see $dir/audit-seal.txt)"
  "$KEYUAN_BIN" audit verify --db "$url" >"$dir/audit-verify.txt" 2>&1 && verdict=meets
  say "$engine: $(head -1 "$dir/audit-verify.txt") ($(cat "$dir/audit-seal.txt") after the servers stopped)"
  VERDICTS+=("$engine: $(head -1 "$dir/audit-verify.txt"): $verdict the target of an intact chain")
}

CRASH_ROWS=()
OVERLAP_ROWS=()
run_engine() {  # engine
  local engine=$1 dir=$OUT/$1 url n live
  mkdir -p "$dir"
  case $engine in
    sqlite) url="sqlite:$dir/keyuan.db" ;;
    postgres)
      PG_DIR=$OUT/pg
      url=$("$ROOT/tests/pg_server.sh" start "$PG_DIR")
      ;;
    *) die "unknown engine '$engine' (sqlite, postgres)" ;;
  esac
  prepare "$engine" "$url" "$dir"
  say "$engine: measuring keyuan (${DURATION} s, $CLIENTS clients)"
  measure_keyuan "$engine" "$url" "$dir"
  say "$engine: measuring the direct-SQL baseline (${DURATION} s)"
  measure_baseline "$engine" "$url" "$dir"
  if ((KILLS > 0)); then
    say "$engine: crash loop ($KILLS × SIGKILL)"
    crash_loop "$engine" "$url" "$dir"
  fi
  n=$(overlaps "$engine" "$url")
  live=$(sql "$engine" "$url" "SELECT COUNT(*) FROM bookings WHERE status IN ('requested', 'approved')")
  say "$engine: overlapping live bookings: $n (of $live live bookings)"
  OVERLAP_ROWS+=("| $engine | $live | $n |")
  local verdict=misses
  ((n == 0)) && verdict=meets
  VERDICTS+=("$engine: $n overlapping live bookings of $live: $verdict the target of 0")
  audit_check "$engine" "$url" "$dir"
  close_demo_database
}

for engine in $ENGINES; do run_engine "$engine"; done

# ---------------------------------------------------------------- report
{
  echo "Command: bench/booking/run.sh (DURATION=$DURATION CLIENTS=$CLIENTS INSTRUMENTS=$INSTRUMENTS ENGINES=\"$ENGINES\" KILLS=$KILLS KILL_RUN=$KILL_RUN HOT_SHARE=$HOT_SHARE SCALE=$SCALE SQLITE_THREADS=$SQLITE_THREADS POOL_SIZE=$POOL_SIZE PG_CLIENTS=$PG_CLIENTS)"
  machine_line "$(pgbench --version)"
  echo
  echo "| engine | client | successful bookings/s | answers/s | 409 share | p99 (all) | p99 (201) | other / network errors | CPU per answer | load before | other CPU |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "| engine | live bookings at the end | overlapping |"
  echo "|---|---:|---:|"
  printf '%s\n' "${OVERLAP_ROWS[@]}"
  if ((${#CRASH_ROWS[@]})); then
    echo
    echo "| engine | SIGKILLs | acknowledged (201) in the crash runs | acknowledged lost |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${CRASH_ROWS[@]}"
  fi
  echo
  printf -- '- %s\n' "${VERDICTS[@]}"
  if ((${#WARNINGS[@]})); then
    echo
    echo "Warnings:"
    printf -- '- %s\n' "${WARNINGS[@]}"
  fi
} | tee "$OUT/results.md"
say "results in $OUT/results.md"
