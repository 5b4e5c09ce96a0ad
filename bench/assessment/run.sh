#!/usr/bin/env bash
# Assessment benchmark (issue 16): a whole year's evaluation computed by keyuan at national scale,
# against the same figures as one hand-written SQL query per indicator, and one unit's score card.
#
#   bench/assessment/run.sh [--scale ci|full|N] [--engine sqlite|postgresql|both]
#     --scale ci (the default, SCALE=0.05): 2,500 units, 50,000 instruments, 1 million records
#     --scale full (SCALE=1): the issue's size: 50,000 units, 1,000,000 instruments, 20 million
#                  booking, order and delivery records (about 25 GB of scratch space, an hour or more)
# For each engine it
#   1. fills a new database (a SQLite file, or a throw-away PostgreSQL 15 of tests/pg_server.sh) with
#      `keyuan demo --scale small` (reference data, accounts) and then bench/assessment/generate.py's
#      rows of the year 2025 (timed, not part of the comparison); PostgreSQL is vacuumed and analysed;
#   2. the baseline: bench/assessment/baseline.sql, the figures by hand, one query per indicator, run
#      by sqlite3 / psql (wall time of the whole file; each query's own time, by sqlite3's .timer
#      and psql's \timing, into OUT/ENGINE/baseline-times.tsv);
#   3. keyuan: `keyuan assessment compute --year 2025` (a first computation: every unit's figures,
#      scores, ranks and grades written), then again (a recomputation while units review: upserts);
#      bench/assessment/check.py then recounts the stored figures of 50 units by hand (must agree);
#   4. a keyuan server and COUNT score cards of random units as the operator (one keep-alive client,
#      bench/assessment/cards.py): p50, p99, max.
# Knobs: SCALE=0.05 ENGINES="sqlite postgres" COUNT=2000 KEYUAN_BIN (default build-bench/keyuan,
# Release, built if missing) OUT_DIR, QUIET_WAIT / QUIET_PERCENT (bench/lib/measure.sh).
set -euo pipefail


ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=assessment
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
bench_options "bench/assessment/run.sh [--scale ci|full|N] [--engine sqlite|postgresql|both]" "ci full N" "$@"
case ${SCALE_OPTION:-} in ci) SCALE=0.05 ;; full) SCALE=1 ;; ?*) SCALE=$SCALE_OPTION ;; esac
SCALE=${SCALE:-0.05}
ENGINES=${ENGINES:-sqlite postgres}
COUNT=${COUNT:-2000}
POOL_SIZE=${POOL_SIZE:-8}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build-bench/keyuan}
# shellcheck source=bench/lib/servers.sh
source "$ROOT/bench/lib/servers.sh"
INDEX=""
bench_cleanup_on_exit '*/keyuan.db*'

need_tools python3 sqlite3 psql
bench_binary
bench_out "logs and raw outputs"

seconds_of() {  # command…: runs it (its output appended to SECONDS_LOG, if set), prints its wall seconds
  local t0 t1
  t0=$(date +%s%N)
  "$@" >>"${SECONDS_LOG:-/dev/null}"
  t1=$(date +%s%N)
  awk -v ns="$((t1 - t0))" 'BEGIN { printf "%.1f", ns / 1e9 }'
}

fill() {  # engine url
  python3 "$ROOT/bench/assessment/generate.py" "$1" "$SCALE" >"$OUT/$1/fill.sql"
  case $1 in
    sqlite) sqlite3 "${2#sqlite:}" <"$OUT/$1/fill.sql" ;;
    postgres) psql -X -q -v ON_ERROR_STOP=1 "$2" -f "$OUT/$1/fill.sql" ;;
  esac
}

baseline() {  # engine url: the whole file; each query's time (ms) into OUT/engine/baseline-times.tsv
  local file=$ROOT/bench/assessment/baseline.sql
  case $1 in
    sqlite) { echo ".timer on"; cat "$file"; } | sqlite3 "${2#sqlite:}" >"$OUT/$1/baseline.out" ;;
    postgres) psql -X -q -At -v ON_ERROR_STOP=1 "$2" -c '\timing on' -f "$file" >"$OUT/$1/baseline.out" ;;
  esac
  # The indicators' names (the comment before each query) beside the times, in order.
  paste <(sed -n 's/^-- \([a-z]*_[a-z_]*\).*/\1/p' "$file") \
    <(sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p; s/^Time: \([0-9.]*\) ms.*/\1/p' "$OUT/$1/baseline.out" |
      awk -v engine="$1" '{ printf "%.0f\n", engine == "sqlite" ? $1 * 1000 : $1 }') >"$OUT/$1/baseline-times.tsv"
}

GENERATED="" ROWS=() PER_QUERY=()
load_demo() {  # engine url (open_demo_database calls it)
  "$KEYUAN" demo --db "$2" --scale small >"$OUT/$1/demo.log" 2>&1 || die "$1: demo failed (see $OUT/$1/demo.log)"
  # The search index of the demo, before the generated rows (which write no search outbox), so that
  # the measured server does not index a million instruments meanwhile.
  "$KEYUAN" index rebuild --db "$2" --index "$OUT/$1/index" >"$OUT/$1/index.log" 2>&1 || die "$1: index rebuild failed"
  GENERATED=$(seconds_of fill "$1" "$2")
}

run_engine() {  # engine
  local engine=$1 dir=$OUT/$1 first again base units records cards port token checked compared mismatches
  mkdir -p "$dir"
  open_demo_database "$engine" "$dir"
  records=$(sql "$engine" "$DB_URL" "SELECT (SELECT COUNT(*) FROM bookings) + (SELECT COUNT(*) FROM service_orders) + (SELECT COUNT(*) FROM deliveries)")
  say "$engine: filled in ${GENERATED} s ($records booking, order and delivery records)"
  wait_quiet
  base=$(seconds_of baseline "$engine" "$DB_URL")
  wait_quiet
  # keyuan's own line (units, seconds, and the seconds of its phases: figures, scoring, writing) into compute.json
  first=$(SECONDS_LOG=$dir/compute.json seconds_of "$KEYUAN" assessment compute --db "$DB_URL" --year 2025)
  again=$(SECONDS_LOG=$dir/compute.json seconds_of "$KEYUAN" assessment compute --db "$DB_URL" --year 2025)
  say "$engine: keyuan's phases: $(tr '\n' ' ' <"$dir/compute.json")"
  read -r checked compared mismatches < <(python3 "$ROOT/bench/assessment/check.py" "$engine" "$DB_URL" 50 2>"$dir/check.log") || true
  say "$engine: figures of ${checked:-0} units recounted by hand: ${compared:-0} compared, ${mismatches:-?} differ (see $dir/check.log)"
  units=$(sql "$engine" "$DB_URL" "SELECT COUNT(*) FROM assessment_results r JOIN assessment_cycles c ON c.id = r.cycle_id WHERE c.year = 2025")
  sql "$engine" "$DB_URL" "SELECT r.id FROM assessment_results r JOIN assessment_cycles c ON c.id = r.cycle_id WHERE c.year = 2025" >"$dir/ids"
  INDEX=$dir/index
  start_keyuan a "$DB_URL" "$dir"
  port=${KPORT[a]}
  token=$("$KEYUAN" token create --db "$DB_URL" --username demo_operator --days 1 2>>"$dir/token.log")
  python3 "$ROOT/bench/assessment/cards.py" "$port" "$token" "$dir/ids" 200 >/dev/null  # warm-up
  cards=$(python3 "$ROOT/bench/assessment/cards.py" "$port" "$token" "$dir/ids" "$COUNT")
  stop_all_keyuan
  read -r p50 p99 max errors <<<"$cards"
  ROWS+=("| $engine | $units | $records | $GENERATED s | $base s | $first s | $again s | ${mismatches:-?} of ${compared:-0} | $p50 / $p99 / $max ms | $errors |")
  PER_QUERY+=("$(awk -v e="$engine" '{ printf "| %s | %s | %s ms |\n", e, $1, $2 }' "$dir/baseline-times.tsv")")
  say "$engine: baseline $base s, keyuan $first s (again $again s), score card p50 $p50 ms p99 $p99 ms"
  close_demo_database
}

for engine in $ENGINES; do run_engine "$engine"; done

{
  echo "Command: SCALE=$SCALE bench/assessment/run.sh (ENGINES=\"$ENGINES\" COUNT=$COUNT), $(date -u +%Y-%m-%dT%H:%MZ)"
  machine_line "$(sqlite3 --version | cut -d' ' -f1-2)" "$(psql --version)"
  echo
  echo "| engine | units assessed | booking, order and delivery records | fill (not compared) | baseline: one SQL query per indicator | keyuan assessment compute | again (recompute) | figures differing from a hand recount | score card p50 / p99 / max | card errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "| engine | baseline query | time |"
  echo "|---|---|---:|"
  printf '%s\n' "${PER_QUERY[@]}"
} | tee "$OUT/results.md"
