#!/usr/bin/env bash
# Annual-report statistics benchmark (issue 17 C11): GET /api/v1/annual-reports/statistics over UNITS
# units × 5 years (2021–2025) against the same figures as three hand-written queries (baseline.sql).
#
#   bench/annual_reports/run.sh [--engine sqlite|postgresql|both]
# For each engine it
#   1. fills a new database (a SQLite file, or a throw-away PostgreSQL of tests/pg_server.sh) with
#      `keyuan demo --scale small` (reference data, the operator's account) and generate.py's units,
#      reports and contract rows (not timed); PostgreSQL is vacuumed and analysed;
#   2. the baseline: baseline.sql by sqlite3 / psql, RUNS times, the median wall time;
#   3. keyuan: a server and RUNS statistics requests as the operator (curl, one at a time): p50 and max;
#      check.py compares the answer with the baseline's rows (they must agree).
# Knobs: UNITS=3000 RUNS=20 ENGINES="sqlite postgres" KEYUAN_BIN (default build/keyuan, the dev build)
# OUT_DIR.
set -euo pipefail


ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/annual_reports
BENCH=annual_reports
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
bench_options "bench/annual_reports/run.sh [--engine sqlite|postgresql|both]" "" "$@"
UNITS=${UNITS:-3000}
RUNS=${RUNS:-20}
ENGINES=${ENGINES:-sqlite postgres}
POOL_SIZE=${POOL_SIZE:-4}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build/keyuan}
# shellcheck source=bench/lib/servers.sh
source "$ROOT/bench/lib/servers.sh"
INDEX=""
bench_cleanup_on_exit

need_tools python3 sqlite3 psql curl
bench_out "logs and raw outputs"

load_demo() {  # engine url
  "$KEYUAN" demo --db "$2" --scale small >"$OUT/$1/demo.log" 2>&1 || die "keyuan demo failed (see $OUT/$1/demo.log)"
  python3 "$HERE/generate.py" "$1" "$UNITS" 2>>"$OUT/$1/demo.log" >"$OUT/$1/rows.sql"
  case $1 in
    sqlite) sqlite3 -batch "${2#sqlite:}" <"$OUT/$1/rows.sql" >/dev/null ;;
    postgres) psql -X -q -v ON_ERROR_STOP=1 "$2" -f "$OUT/$1/rows.sql" >/dev/null ;;
  esac
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for engine in $ENGINES; do
  mkdir -p "$OUT/$engine"
  INDEX=$OUT/$engine/index
  open_demo_database "$engine" "$OUT/$engine"
  say "$engine: $(tail -n1 "$OUT/$engine/demo.log")"

  baseline_ms=$(for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N)
    case $engine in
      sqlite) sqlite3 -batch -noheader -separator '|' "${DB_URL#sqlite:}" <"$HERE/baseline.sql" >"$OUT/$engine/baseline.txt" ;;
      postgres) psql -X -q -At -F '|' "$DB_URL" -f "$HERE/baseline.sql" >"$OUT/$engine/baseline.txt" ;;
    esac
    echo $((($(date +%s%N) - t0) / 1000000))
  done | median)

  start_keyuan a "$DB_URL" "$OUT/$engine"
  base="http://127.0.0.1:${KPORT[a]}/api/v1"
  # The operator's API token (a session of an operator would ask for the second factor).
  token=$("$KEYUAN" token create --db "$DB_URL" --username demo_operator --days 1 2>>"$OUT/$engine/token.log")
  times=$OUT/$engine/keyuan-times.txt
  : >"$times"
  for ((i = 0; i < RUNS; i++)); do
    curl -sSf -H "Authorization: Bearer $token" -o "$OUT/$engine/statistics.json" -w '%{time_total}\n' \
      "$base/annual-reports/statistics?from_year=2021&to_year=2025" | awk '{ printf "%d\n", $1 * 1000 }' >>"$times"
  done
  p50=$(median <"$times")
  max=$(sort -n "$times" | tail -n1)
  agree=$(python3 "$HERE/check.py" "$OUT/$engine/statistics.json" "$OUT/$engine/baseline.txt")
  say "$engine: baseline.sql median ${baseline_ms} ms; keyuan statistics p50 ${p50} ms, max ${max} ms ($RUNS each); $agree"
  stop_all_keyuan
  close_demo_database
done
