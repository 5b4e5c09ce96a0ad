#!/usr/bin/env bash
# Achievement statistics benchmark (issue 14, "Performance"): GET /api/v1/achievements/statistics
# for each grouping at the `national` demo scale (≈ 500,000 achievements, 200,000 talents besides
# the catalog), on SQLite and on PostgreSQL; side by side in the same run, the GROUP BY that
# answered the page before the counters (docs/design/achievements.md, "Statistics"), sent straight
# to the same database.
#
#   bench/achievements/run.sh                 # national: about an hour on a 2-core machine (two demo loads)
#   SCALE=city bench/achievements/run.sh      # city (50,000 achievements): a few minutes
#
# For each engine it
#   1. creates an empty database (a SQLite file, or a throw-away PostgreSQL 15 server started with
#      tests/pg_server.sh, fsync on) and times `keyuan demo --scale $SCALE` filling it (the
#      statistics' counters included: the demo recounts them at its end); PostgreSQL is then
#      vacuumed and analysed, as a server in steady state;
#   2. starts `keyuan serve` with an empty search index whose watermark is current (built on an
#      empty database) and an emptied search_outbox, so that no index rebuild (44 min at national
#      scale, docs/BENCHMARKS.md) competes with the measurement: the statistics do not search.
#      With INDEX_DIR (an index of the same demo) the outbox is left alone;
#   3. per grouping: WARMUP requests unmeasured, then REQUESTS sequential requests with curl (one
#      client, keep-alive off: each a new connection, as a page load), time_total of each;
#   4. baseline: the same grouping's two queries of the former route (the total, then the groups,
#      LIMIT 200) run BASELINE_RUNS times in one sqlite3 / psql session, each run timed by the
#      client (.timer real / \timing), after one unmeasured run.
# Reported: p50 and p95 (ms) of each; the 1-minute load before each grouping.
#
# Knobs (environment): SCALE=national, ENGINES="sqlite postgres", REQUESTS=100, WARMUP=10,
# BASELINE_RUNS=10, KEYUAN_BIN (default build-bench/keyuan, Release, built if missing), OUT_DIR
# (default: a new mktemp directory; logs and results.md), SQLITE_DB=FILE (reuse a filled SQLite
# database: the demo is then not timed), INDEX_DIR, KEEP_DATA=0 (1: keep the SQLite file),
# QUIET_WAIT=30 and QUIET_PERCENT=20 (bench/lib/measure.sh).
#
# Exits non-zero only when the benchmark cannot run; the target (< 200 ms) is reported, not asserted.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=achievements
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
SCALE=${SCALE:-national}
ENGINES=${ENGINES:-sqlite postgres}
REQUESTS=${REQUESTS:-100}
WARMUP=${WARMUP:-10}
BASELINE_RUNS=${BASELINE_RUNS:-10}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build-bench/keyuan}
SQLITE_DB=${SQLITE_DB:-}
INDEX_DIR=${INDEX_DIR:-}
KEEP_DATA=${KEEP_DATA:-0}
GROUPINGS="class status industry organization department year"
TARGET_MS=200

# ---------------------------------------------------------------- process bookkeeping
# Only processes started here are ever signalled, and only by their recorded ids.
KEYUAN_PID=""
PG_DIR=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $KEYUAN_PID ]]; then stop_pid "$KEYUAN_PID"; fi
  if [[ -n $PG_DIR ]]; then "$ROOT/tests/pg_server.sh" stop "$PG_DIR" || true; fi
  if [[ $KEEP_DATA != 1 && -n ${OUT:-} ]]; then rm -f "$OUT"/sqlite/keyuan.db* 2>/dev/null || true; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

need_tools curl python3 sqlite3 psql
# shellcheck disable=SC2119  # keyuan alone, no bench program
bench_binary
bench_out "logs and results"


# ---------------------------------------------------------------- the former route's SQL
# src/modules/achievements/statistics.cpp before the counters, as it was sent.
PUBLIC="(SELECT a.id, a.org_id, a.class, a.registration_no, CASE WHEN EXISTS (SELECT 1 FROM achievement_statuses x WHERE x.achievement_id = a.id AND x.code IN ('1', '2', '3')) THEN 1 ELSE 0 END AS transformed FROM achievements a WHERE a.status = 'approved' AND a.secret = 0) p"
SECTIONS="SELECT DISTINCT l.achievement_id, i1.code AS section FROM achievement_industries l JOIN industry_codes i4 ON i4.code = l.code JOIN industry_codes i3 ON i3.code = i4.parent_code JOIN industry_codes i2 ON i2.code = i3.parent_code JOIN industry_codes i1 ON i1.code = i2.parent_code"
baseline_sql() {  # grouping: the two statements, each ending in ;
  local key from by
  case $1 in
    class) key="p.class, p.class" from="" by="p.class" ;;
    status) key="s.code, c.name_zh" from=" JOIN achievement_statuses s ON s.achievement_id = p.id JOIN achievement_status_codes c ON c.code = s.code" by="s.code, c.name_zh" ;;
    industry) key="i1.code, i1.name" from=" JOIN ($SECTIONS) d ON d.achievement_id = p.id JOIN industry_codes i1 ON i1.code = d.section" by="i1.code, i1.name" ;;
    organization) key="o.id, o.name" from=" JOIN organizations o ON o.id = p.org_id" by="o.id, o.name" ;;
    department) key="COALESCE(o.department_code, ''), COALESCE(dp.name, '')" from=" JOIN organizations o ON o.id = p.org_id LEFT JOIN departments dp ON dp.code = o.department_code" by="COALESCE(o.department_code, ''), COALESCE(dp.name, '')" ;;
    year) key="SUBSTR(p.registration_no, 4, 4), SUBSTR(p.registration_no, 4, 4)" from="" by="SUBSTR(p.registration_no, 4, 4)" ;;
  esac
  echo "SELECT COUNT(*), COALESCE(SUM(p.transformed), 0) FROM $PUBLIC;"
  echo "SELECT $key, COUNT(*), COALESCE(SUM(p.transformed), 0) FROM $PUBLIC$from GROUP BY $by ORDER BY 3 DESC, 1 LIMIT 200;"
}

# Milliseconds of each run of the two statements (their sum), one per line; the first run unmeasured.
baseline_times() {  # engine url grouping
  local engine=$1 url=$2 stmts i
  stmts=$(baseline_sql "$3")
  if [[ $engine == sqlite ]]; then
    { echo ".timer on"; for ((i = 0; i <= BASELINE_RUNS; i++)); do echo "$stmts"; done; } |
      sqlite3 "${url#sqlite:}" 2>&1 | awk '/^Run Time/ {n++; t += $4; if (n % 2 == 0) {if (n > 2) printf "%.2f\n", t * 1000; t = 0}}'
  else
    { echo '\timing on'; for ((i = 0; i <= BASELINE_RUNS; i++)); do echo "$stmts"; done; } |
      psql -X -q -At "$url" 2>&1 | awk '/^Time:/ {n++; t += $2; if (n % 2 == 0) {if (n > 2) printf "%.2f\n", t; t = 0}}'
  fi
}

# p50 and p95 of milliseconds on stdin, as "p50 p95".
percentiles() {
  sort -g | awk '{v[NR] = $1} END {
    if (NR == 0) { print "- -"; exit }
    i50 = int(NR * 0.5 + 0.5); i95 = int(NR * 0.95 + 0.5); if (i50 < 1) i50 = 1; if (i95 < 1) i95 = 1
    printf "%.1f %.1f\n", v[i50], v[i95] }'
}

# ---------------------------------------------------------------- engines
DEMO_ROWS=()
RESULT_ROWS=()
WARNINGS=()

load_demo() {  # engine url
  local engine=$1 url=$2 l0 t0 t1
  l0=$(load1)
  say "$engine: keyuan demo --scale $SCALE (load $l0)"
  t0=$(date +%s)
  "$KEYUAN" demo --db "$url" --scale "$SCALE" >"$OUT/$engine/demo.log" 2>&1 ||
    { cat "$OUT/$engine/demo.log" >&2; die "$engine: keyuan demo failed"; }
  t1=$(date +%s)
  say "$engine: demo loaded in $((t1 - t0)) s"
  DEMO_ROWS+=("| $engine | $((t1 - t0)) s | $l0 |")
}

start_keyuan() {  # engine url dir
  local engine=$1 url=$2 dir=$3 port="" i index=$dir/index
  if [[ -n $INDEX_DIR ]]; then
    index=$INDEX_DIR
  else
    # An empty index, current as of an empty outbox: the server's indexer has nothing to do.
    "$KEYUAN" migrate --db "sqlite:$dir/empty.db" >"$dir/empty.log" 2>&1 || die "$engine: migrate of the empty database failed"
    "$KEYUAN" index rebuild --db "sqlite:$dir/empty.db" --index "$index" >>"$dir/empty.log" 2>&1 || die "$engine: empty index failed"
    sql "$engine" "$url" "DELETE FROM search_outbox" >/dev/null
  fi
  printf '[server]\naccess_log = false\n' >"$dir/keyuan.toml"
  "$KEYUAN" serve --db "$url" --listen 127.0.0.1:0 --no-access-log --index "$index" \
    --config "$dir/keyuan.toml" >"$dir/keyuan.log" 2>&1 &
  KEYUAN_PID=$!
  for ((i = 0; i < 600; i++)); do
    port=$(sed -n 's/.*"msg":"listening".*"port":\([0-9][0-9]*\).*/\1/p' "$dir/keyuan.log")
    [[ -n $port ]] && break
    kill -0 "$KEYUAN_PID" 2>/dev/null || { cat "$dir/keyuan.log" >&2; die "$engine: keyuan exited at startup"; }
    sleep 0.1
  done
  [[ -n $port ]] || die "$engine: keyuan did not start listening (see $dir/keyuan.log)"
  BASE_URL="http://127.0.0.1:$port"
}

run_engine() {  # engine
  local engine=$1 dir=$OUT/$1 url g l0 route base total
  mkdir -p "$dir"
  open_demo_database "$engine" "$dir"
  url=$DB_URL
  total=$(sql "$engine" "$url" "SELECT COUNT(*) FROM achievements")
  say "$engine: $total achievements, $(sql "$engine" "$url" "SELECT COUNT(*) FROM achievements WHERE status = 'approved' AND secret = 0") public, $(sql "$engine" "$url" "SELECT COUNT(*) FROM talents") talents"
  start_keyuan "$engine" "$url" "$dir"
  for g in $GROUPINGS; do
    local path="/api/v1/achievements/statistics?group=$g" i
    curl -sf -o "$dir/$g.json" "$BASE_URL$path" || die "$engine: $path does not answer 200"
    for ((i = 0; i < WARMUP; i++)); do curl -sf -o /dev/null "$BASE_URL$path"; done
    wait_quiet
    l0=$(load1)
    for ((i = 0; i < REQUESTS; i++)); do
      curl -sf -o /dev/null -w '%{time_total}\n' "$BASE_URL$path"
    done | awk '{printf "%.3f\n", $1 * 1000}' >"$dir/route-$g.ms"
    route=$(percentiles <"$dir/route-$g.ms")
    baseline_times "$engine" "$url" "$g" >"$dir/baseline-$g.ms"
    base=$(percentiles <"$dir/baseline-$g.ms")
    local verdict=misses
    awk -v p="${route#* }" -v t="$TARGET_MS" 'BEGIN {exit !(p < t)}' && verdict=meets
    printf 'bench/achievements: %-8s %-12s route p50 %7s ms p95 %7s ms | GROUP BY p50 %8s ms p95 %8s ms (load %s)\n' \
      "$engine" "$g" "${route% *}" "${route#* }" "${base% *}" "${base#* }" "$l0"
    RESULT_ROWS+=("| $engine | $g | ${route% *} ms | ${route#* } ms | ${base% *} ms | ${base#* } ms | $l0 | $verdict |")
  done
  if grep -q '"search index rebuilt"' "$dir/keyuan.log"; then
    WARNINGS+=("$engine: the server rebuilt its search index during the run; measurements may be disturbed")
  fi
  stop_pid "$KEYUAN_PID"
  KEYUAN_PID=""
  close_demo_database
}

for engine in $ENGINES; do run_engine "$engine"; done

# ---------------------------------------------------------------- report
{
  echo "Command: bench/achievements/run.sh (SCALE=$SCALE REQUESTS=$REQUESTS WARMUP=$WARMUP BASELINE_RUNS=$BASELINE_RUNS)"
  machine_line
  echo
  if ((${#DEMO_ROWS[@]})); then
    echo "| engine | keyuan demo --scale $SCALE | load before |"
    echo "|---|---:|---:|"
    printf '%s\n' "${DEMO_ROWS[@]}"
    echo
  fi
  echo "| engine | group | route p50 | route p95 | GROUP BY p50 | GROUP BY p95 | load before | route p95 < ${TARGET_MS} ms |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${RESULT_ROWS[@]}"
  if ((${#WARNINGS[@]})); then
    echo
    echo "Warnings:"
    printf -- '- %s\n' "${WARNINGS[@]}"
  fi
} | tee "$OUT/results.md"
say "results in $OUT/results.md"
