#!/usr/bin/env bash
# Import and export benchmark (issue 19, "Performance"): a 100,000-row instrument register
# imported by `keyuan import` as XLSX and as a GBK CSV saved by Chinese Excel, then exported by
# `keyuan export` as XLSX and CSV, on SQLite and on PostgreSQL; side by side in the same run, the
# limit an import can approach: the same rows loaded into a plain table without checks, indexes,
# history or audit by `sqlite3 .import` / psql's `\copy` from CSV.
#
#   bench/import/run.sh [--rows N] [--engine sqlite|postgresql|both]     (default 100000, both)
#
# For each engine it
#   1. fills a new database (a SQLite file, or a throw-away PostgreSQL 15 of tests/pg_server.sh,
#      fsync on) with `keyuan demo --scale small` (reference data, 60 organisations with credit
#      codes); generate.py writes N instrument rows spread over the organisations with a credit
#      code (Chinese headers, multi-line technical indicators) as XLSX, UTF-8 CSV and GBK CSV;
#   2. the baseline: CREATE TABLE of 23 TEXT columns and `.import --csv` / `\copy … CSV`, timed;
#   3. keyuan import of the XLSX as the operator (every row created as a draft: registry
#      validation, natural-key lookup, links, change record, audit chain and search outbox per
#      row), wall time and peak memory (/usr/bin/time); the counts are checked;
#   4. the same XLSX again: every row `unchanged` (re-import changes nothing), timed;
#   5. the GBK CSV as a dry run (read, decode, validate, roll back), timed;
#   6. keyuan export of the imported instruments (status=draft) as XLSX and as CSV, timed.
# Peak RSS counts the SQLite file's pages read through the memory map (mmap_size) as well.
# Reported: seconds, rows per second, ratio to the baseline, peak RSS; into OUT/results.md.
# Knobs: ROWS=100000 ENGINES="sqlite postgres" KEYUAN_BIN (default build-bench/keyuan, Release,
# built if missing) OUT_DIR, QUIET_WAIT / QUIET_PERCENT (bench/lib/measure.sh).
# Targets (reported, not asserted): import of 100,000 rows < 20 s, export < 10 s, each engine.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=import
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
ROWS=${ROWS:-100000}
ARGS=()
while (($#)); do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    *) ARGS+=("$1" "$2"); shift 2 ;;
  esac
done
bench_options "bench/import/run.sh [--rows N] [--engine sqlite|postgresql|both]" "" "${ARGS[@]+"${ARGS[@]}"}"
ENGINES=${ENGINES:-sqlite postgres}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build-bench/keyuan}
PG_DIR=""
trap 'close_demo_database' EXIT

need_tools python3 sqlite3 psql /usr/bin/time
bench_binary
bench_out "files, databases and logs"

load_demo() {  # engine url
  "$KEYUAN" demo --db "$2" --scale small >"$OUT/$1/demo.log" 2>&1
}

timed() {  # name command…: runs it, appends "name seconds peak_kib cpu_seconds" to TIMES
  local name=$1
  shift
  wait_quiet
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/$ENGINE/$name.time" "$@" >"$OUT/$ENGINE/$name.out" 2>"$OUT/$ENGINE/$name.err" ||
    { echo "bench/import: $name failed (exit $?):" >&2; tail -5 "$OUT/$ENGINE/$name.err" >&2; return 1; }
  echo "$name $(tail -n1 "$OUT/$ENGINE/$name.time" | awk '{printf "%s %s %.1f", $1, $2, $3 + $4}')" >>"$TIMES"
}

count_of() {  # outcome: the count in the last import's JSON
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['counts'][sys.argv[2]])" "$OUT/$ENGINE/$LAST.out" "$1"
}

RESULTS=$OUT/results.md
{
  echo "# bench/import — $ROWS instrument rows, $(date -u +%Y-%m-%dT%H:%MZ)"
  machine_line "sqlite3 $(sqlite3 --version | cut -d' ' -f1)" "$(psql --version)"
  echo
  echo "| engine | step | seconds | rows/s | × baseline | CPU s (keyuan or the client) | peak RSS MiB |"
  echo "|---|---|---:|---:|---:|---:|---:|"
} >"$RESULTS"

for ENGINE in $ENGINES; do
  mkdir -p "$OUT/$ENGINE"
  TIMES=$OUT/$ENGINE/times
  : >"$TIMES"
  say "$ENGINE: demo database"
  open_demo_database "$ENGINE" "$OUT/$ENGINE"
  if [[ ! -f $OUT/instruments.xlsx ]]; then
    sql "$ENGINE" "$DB_URL" "SELECT credit_code FROM organizations WHERE credit_code IS NOT NULL AND kind IN
         ('university', 'research_institute', 'enterprise') ORDER BY id" >"$OUT/credit-codes.txt"
    say "writing $ROWS rows (XLSX, UTF-8 CSV, GBK CSV)"
    python3 "$ROOT/bench/import/generate.py" "$ROWS" "$OUT/credit-codes.txt" "$OUT"
  fi
  # The demo's own drafts are set aside (returned) so that the export of status=draft is exactly the
  # imported rows (an export answers at most 100,000 rows).
  sql "$ENGINE" "$DB_URL" "UPDATE instruments SET status = 'returned' WHERE status = 'draft'" >/dev/null
  columns=$(cat "$OUT/baseline-columns.txt")
  say "$ENGINE: baseline (a plain table loaded from CSV)"
  case $ENGINE in
    sqlite)
      sql sqlite "$DB_URL" "CREATE TABLE bench_instruments ($(sed 's/,/ TEXT, /g; s/$/ TEXT/' <<<"$columns"))"
      timed baseline sqlite3 "${DB_URL#sqlite:}" ".import --csv $OUT/baseline.csv bench_instruments"
      ;;
    postgres)
      sql postgres "$DB_URL" "CREATE TABLE bench_instruments ($(sed 's/,/ TEXT, /g; s/$/ TEXT/' <<<"$columns"))"
      timed baseline psql -X -q -v ON_ERROR_STOP=1 "$DB_URL" -c "\\copy bench_instruments FROM '$OUT/baseline.csv' CSV"
      ;;
  esac
  [[ $(sql "$ENGINE" "$DB_URL" "SELECT count(*) FROM bench_instruments") == "$ROWS" ]] || die "$ENGINE: the baseline did not load $ROWS rows"
  sql "$ENGINE" "$DB_URL" "DROP TABLE bench_instruments"
  [[ $ENGINE == postgres ]] && sql postgres "$DB_URL" "VACUUM (ANALYZE)" >/dev/null

  say "$ENGINE: keyuan import (XLSX)"
  LAST=import_xlsx
  timed import_xlsx "$KEYUAN" import --db "$DB_URL" --kind instrument "$OUT/instruments.xlsx"
  [[ $(count_of created) == "$ROWS" ]] || die "$ENGINE: created $(count_of created) of $ROWS (see $OUT/$ENGINE/import_xlsx.out)"
  say "$ENGINE: the same XLSX again (every row unchanged)"
  LAST=reimport_xlsx
  timed reimport_xlsx "$KEYUAN" import --db "$DB_URL" --kind instrument "$OUT/instruments.xlsx"
  [[ $(count_of unchanged) == "$ROWS" ]] || die "$ENGINE: unchanged $(count_of unchanged) of $ROWS"
  say "$ENGINE: the GBK CSV, dry run"
  LAST=dry_run_gbk_csv
  timed dry_run_gbk_csv "$KEYUAN" import --db "$DB_URL" --kind instrument --dry-run "$OUT/instruments-gbk.csv"
  [[ $(count_of unchanged) == "$ROWS" ]] || die "$ENGINE: dry run: unchanged $(count_of unchanged) of $ROWS"
  say "$ENGINE: keyuan export (XLSX, CSV)"
  timed export_xlsx "$KEYUAN" export --db "$DB_URL" --kind instrument --filter status=draft --format xlsx --out "$OUT/$ENGINE/export.xlsx"
  timed export_csv "$KEYUAN" export --db "$DB_URL" --kind instrument --filter status=draft --format csv --out "$OUT/$ENGINE/export.csv"
  exported=$(($(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8-sig'))))" "$OUT/$ENGINE/export.csv") - 1))
  ((exported == ROWS)) || die "$ENGINE: the CSV export has $exported rows"

  baseline=$(awk '$1 == "baseline" {print $2}' "$TIMES")
  awk -v engine="$ENGINE" -v rows="$ROWS" -v base="$baseline" '{
      ratio = ($1 == "baseline") ? "1" : sprintf("%.1f", $2 / base)
      printf "| %s | %s | %.1f | %.0f | %s | %.1f | %.0f |\n", engine, $1, $2, rows / ($2 > 0 ? $2 : 0.01), ratio, $4, $3 / 1024
    }' "$TIMES" >>"$RESULTS"
  close_demo_database
done
echo >>"$RESULTS"
echo "Reproduce: ROWS=$ROWS ENGINES=\"$ENGINES\" bench/import/run.sh (exported CSV rows: $exported)" >>"$RESULTS"
cat "$RESULTS"
