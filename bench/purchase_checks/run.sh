#!/usr/bin/env bash
# Purchase-check benchmark (issue 17 §C7): how fast a planned purchase's similar instruments come,
# nearest first with last year's use, over a catalogue of realistic size, against the same list
# written by hand in SQL.
#
#   bench/purchase_checks/run.sh [--scale ci|full|N] [--engine sqlite|postgresql|both]
#     --scale ci (SCALE=0.05, the default): 50,000 instruments over 77 classes, 1 million records
#     --scale full (SCALE=1): 1,000,000 instruments, 20 million booking, order and delivery records
#                  (the assessment benchmark's data: an hour or more, 25 GB)
# For each engine it
#   1. fills a database as bench/assessment does (`keyuan demo --scale small`, then
#      bench/assessment/generate.py), spreads the generated instruments over the classes with makers,
#      models and specifications, and adds CHECKS planned purchases copying random instruments
#      (bench/purchase_checks/shape.sql; not timed against anything);
#   2. the baseline: bench/purchase_checks/baseline.sql for BASELINE_CHECKS checks, each query
#      timed by sqlite3's .timer / psql's \timing: p50, p99;
#   3. keyuan: a server, GET /api/v1/purchase-checks/{id}/similar for COUNT random checks as the
#      operator, one keep-alive client (bench/purchase_checks/lists.py), 100 unmeasured first.
# Knobs: SCALE ENGINES CHECKS=300 BASELINE_CHECKS=100 COUNT=1000 KEYUAN_BIN OUT_DIR QUIET_WAIT.
set -euo pipefail


ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=purchase_checks
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
bench_options "bench/purchase_checks/run.sh [--scale ci|full|N] [--engine sqlite|postgresql|both]" "ci full N" "$@"
case ${SCALE_OPTION:-} in ci) SCALE=0.05 ;; full) SCALE=1 ;; ?*) SCALE=$SCALE_OPTION ;; esac
SCALE=${SCALE:-0.05}
ENGINES=${ENGINES:-sqlite postgres}
CHECKS=${CHECKS:-300}
BASELINE_CHECKS=${BASELINE_CHECKS:-100}
COUNT=${COUNT:-1000}
POOL_SIZE=${POOL_SIZE:-8}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build-bench/keyuan}
# shellcheck source=bench/lib/servers.sh
source "$ROOT/bench/lib/servers.sh"
INDEX=""
bench_cleanup_on_exit '*/keyuan.db*'

need_tools python3 sqlite3 psql
bench_binary
bench_out "logs and raw outputs"

run_sql_file() {  # engine url file
  case $1 in
    sqlite) sqlite3 -bail "${2#sqlite:}" <"$3" ;;
    postgres) psql -X -q -v ON_ERROR_STOP=1 "$2" -f "$3" ;;
  esac
}

load_demo() {  # engine url (open_demo_database calls it)
  "$KEYUAN" demo --db "$2" --scale small >"$OUT/$1/demo.log" 2>&1 || die "$1: demo failed (see $OUT/$1/demo.log)"
  python3 "$ROOT/bench/assessment/generate.py" "$1" "$SCALE" >"$OUT/$1/fill.sql"
  run_sql_file "$1" "$2" "$OUT/$1/fill.sql"
  sed "s/:checks/$CHECKS/" "$ROOT/bench/purchase_checks/shape.sql" >"$OUT/$1/shape.sql"
  run_sql_file "$1" "$2" "$OUT/$1/shape.sql"
}

baseline() {  # engine url ids_file: one query per check, each timed; prints "p50_ms p99_ms"
  local engine=$1 url=$2 ids=$3 file=$OUT/$1/baseline-run.sql
  : >"$file"
  [[ $engine == sqlite ]] && echo ".timer on" >>"$file"
  [[ $engine == postgres ]] && echo '\timing on' >>"$file"
  head -n "$BASELINE_CHECKS" "$ids" | while read -r id; do sed "s/:id/$id/" "$ROOT/bench/purchase_checks/baseline.sql"; done >>"$file"
  case $engine in
    sqlite) sqlite3 "${url#sqlite:}" <"$file" >"$OUT/$engine/baseline.out" ;;
    postgres) psql -X -q -At "$url" -f "$file" >"$OUT/$engine/baseline.out" ;;
  esac
  sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p; s/^Time: \([0-9.]*\) ms.*/\1/p' "$OUT/$engine/baseline.out" |
    awk -v engine="$engine" '{ print (engine == "sqlite" ? $1 * 1000 : $1) }' | sort -g |
    awk '{ v[NR] = $1 } END { k = int(NR * 0.99); if (k < 1) k = NR; printf "%.2f %.2f\n", v[int((NR + 1) / 2)], v[k] }'
}

ROWS=()
run_engine() {  # engine
  local engine=$1 dir=$OUT/$1 instruments checks base port token lists
  mkdir -p "$dir"
  open_demo_database "$engine" "$dir"
  [[ $engine == postgres ]] && psql -X -q "$DB_URL" -c "VACUUM (ANALYZE)" >/dev/null
  instruments=$(sql "$engine" "$DB_URL" "SELECT COUNT(*) FROM instruments WHERE status = 'approved'")
  sql "$engine" "$DB_URL" "SELECT id FROM purchase_checks WHERE name LIKE '拟购%' ORDER BY id" >"$dir/ids"
  checks=$(wc -l <"$dir/ids")
  say "$engine: $instruments approved instruments, $checks planned purchases"
  wait_quiet
  base=$(baseline "$engine" "$DB_URL" "$dir/ids")
  INDEX=$dir/index
  start_keyuan a "$DB_URL" "$dir"
  port=${KPORT[a]}
  token=$("$KEYUAN" token create --db "$DB_URL" --username demo_operator --days 1 2>>"$dir/token.log")
  python3 "$ROOT/bench/purchase_checks/lists.py" "$port" "$token" "$dir/ids" 100 >/dev/null  # warm-up
  wait_quiet
  lists=$(python3 "$ROOT/bench/purchase_checks/lists.py" "$port" "$token" "$dir/ids" "$COUNT")
  stop_all_keyuan
  read -r p50 p99 max errors items <<<"$lists"
  read -r b50 b99 <<<"$base"
  ROWS+=("| $engine | $instruments | $checks | $b50 / $b99 ms | $p50 / $p99 / $max ms | $items | $errors |")
  say "$engine: baseline p50 $b50 ms p99 $b99 ms; keyuan p50 $p50 ms p99 $p99 ms (max $max, $items items, $errors errors)"
  close_demo_database
}

for engine in $ENGINES; do run_engine "$engine"; done

{
  echo "Command: SCALE=$SCALE bench/purchase_checks/run.sh (ENGINES=\"$ENGINES\" CHECKS=$CHECKS COUNT=$COUNT), $(date -u +%Y-%m-%dT%H:%MZ)"
  machine_line "$(sqlite3 --version | cut -d' ' -f1-2)" "$(psql --version)"
  echo
  echo "| engine | approved instruments | planned purchases | baseline: hand SQL per check p50 / p99 | keyuan GET …/similar p50 / p99 / max | items per list | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
} | tee "$OUT/results.md"
