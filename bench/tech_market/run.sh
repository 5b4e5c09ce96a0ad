#!/usr/bin/env bash
# Technology-market benchmark (issue 18 "Performance"): the public statistics and transaction map at national
# scale — CONTRACTS registered contracts (300,000 for the issue's scale; 30,000 by default, the CI size) on top
# of `keyuan demo --scale small` — against the same figures as plain SQL aggregates on the same database.
#
#   bench/tech_market/run.sh [--engine sqlite|postgresql|both]
# For each engine it
#   1. fills a new database (a SQLite file, or a throw-away PostgreSQL of tests/pg_server.sh) with the demo and
#      generate.py's contracts, parties and IP types (not timed), then `keyuan tech-contracts recount` (the
#      tallies a registration keeps, counted for the bulk load; its time is reported); PostgreSQL is analysed;
#   2. the baseline: baseline.sql (contracts by type, flows seller → buyer region: aggregates over the raw
#      tables) by sqlite3 / psql, RUNS times, the median wall time (client start and connection included);
#   3. keyuan: a server and RUNS requests (curl, one at a time) of each of statistics?group=type,
#      statistics?group=buyer_district, statistics?group=month&from=2025-01&to=2025-12 and map: p50 and max;
#      check.py compares the type statistics and the map's flows with the baseline's rows (they must agree).
# Knobs: CONTRACTS=30000 RUNS=20 ENGINES="sqlite postgres" KEYUAN_BIN (default build/keyuan) OUT_DIR.
set -euo pipefail


ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/tech_market
BENCH=tech_market
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
bench_options "bench/tech_market/run.sh [--engine sqlite|postgresql|both]" "" "$@"
CONTRACTS=${CONTRACTS:-30000}
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
  local dir=$OUT/$1
  "$KEYUAN" demo --db "$2" --scale small >"$dir/demo.log" 2>&1 || die "keyuan demo failed (see $dir/demo.log)"
  sql "$1" "$2" "SELECT id, credit_code, district_code, kind FROM organizations WHERE district_code LIKE '1101%'" >"$dir/orgs.txt"
  sql "$1" "$2" "SELECT id, type FROM contract_types ORDER BY id" >"$dir/types.txt"
  user=$(sql "$1" "$2" "SELECT MIN(id) FROM users")
  python3 "$HERE/generate.py" "$1" "$CONTRACTS" "$dir/orgs.txt" "$dir/types.txt" "$user" >"$dir/rows.sql"
  case $1 in
    sqlite) sqlite3 -batch "${2#sqlite:}" <"$dir/rows.sql" >/dev/null ;;
    postgres) psql -X -q -v ON_ERROR_STOP=1 "$2" -f "$dir/rows.sql" >/dev/null ;;
  esac
  t0=$(date +%s%N)
  "$KEYUAN" tech-contracts recount --db "$2" >>"$dir/demo.log" 2>&1 || die "recount failed (see $dir/demo.log)"
  echo "recount: $((($(date +%s%N) - t0) / 1000000)) ms" >>"$dir/demo.log"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for engine in $ENGINES; do
  mkdir -p "$OUT/$engine"
  INDEX=$OUT/$engine/index
  open_demo_database "$engine" "$OUT/$engine"
  contracts=$(sql "$engine" "$DB_URL" "SELECT COUNT(*) FROM tech_contracts WHERE status = 'registered'")
  say "$engine: $contracts registered contracts; $(grep '^recount' "$OUT/$engine/demo.log")"

  baseline_ms=$(for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N)
    case $engine in
      sqlite) sqlite3 -batch -noheader -separator '|' "${DB_URL#sqlite:}" <"$HERE/baseline.sql" >"$OUT/$engine/baseline.txt" ;;
      postgres) psql -X -q -At -F '|' "$DB_URL" -f "$HERE/baseline.sql" >"$OUT/$engine/baseline.txt" ;;
    esac
    echo $((($(date +%s%N) - t0) / 1000000))
  done | median)

  start_keyuan a "$DB_URL" "$OUT/$engine"
  base="http://127.0.0.1:${KPORT[a]}/api/v1/tech-market"
  report="$engine: baseline.sql median ${baseline_ms} ms"
  for target in "statistics?group=type" "statistics?group=buyer_district" "statistics?group=month&from=2025-01&to=2025-12" "map"; do
    name=$(echo "$target" | tr -c 'a-z0-9\n' '_')
    times=$OUT/$engine/$name.times
    : >"$times"
    for ((i = 0; i < RUNS; i++)); do
      curl -sSf -o "$OUT/$engine/$name.json" -w '%{time_total}\n' "$base/$target" | awk '{ printf "%d\n", $1 * 1000 }' >>"$times"
    done
    report+="; $target p50 $(median <"$times") ms, max $(sort -n "$times" | tail -n1) ms"
  done
  agree=$(python3 "$HERE/check.py" "$OUT/$engine/statistics_group_type.json" "$OUT/$engine/map.json" "$OUT/$engine/baseline.txt")
  say "$report ($RUNS each); $agree"
  stop_all_keyuan
  close_demo_database
done
