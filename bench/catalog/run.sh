#!/usr/bin/env bash
# Catalog read benchmark: keyuan's public instrument API on SQLite and on PostgreSQL, at the
# `city` demo scale (5,000 organizations, 100,000 instruments), measured with wrk over loopback.
#
#   bench/catalog/run.sh            # about 15 minutes on a 2-core machine (two demo loads included)
#
# For each engine it
#   1. creates an empty database (a SQLite file, or a throw-away PostgreSQL 15 server started
#      with tests/pg_server.sh) and times `keyuan demo --scale $SCALE` filling it;
#   2. reads every approved instrument for DURATION seconds, unmeasured, to warm the database;
#      serves it with `keyuan serve` (search indexer idle: the index is built before the server
#      starts, so no rebuild competes with the measurement);
#   3. runs wrk -c$CONNECTIONS for each scenario, each request a path picked at random from a
#      list (bench/catalog/random_path.lua):
#        id             GET /api/v1/instruments/{id}, a random approved instrument, all equally likely
#        id-popular     the same, drawn by popularity: Zipf with exponent 1 over the approved
#                       instruments in a fixed shuffled order (the most read 1 % get 59 % of reads)
#        list           a random filtered page, equally from the four kinds below
#        list-district  ?district_code=D&open_status=S&page=P&page_size=20 (16 districts, open or
#                       partially_open, pages 1-3)
#        list-class     ?class_code=C&page=P&page_size=20 (every class in use, pages 1-3)
#        list-industry  ?industry=II&page=P&page_size=20 (every 2-digit industry in use, pages 1-3)
#        list-sort      ?sort=-original_value_fen&page=P&page_size=20, with and without a district
#   4. writes the SQL plans of the list queries (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE) to
#      OUT/<engine>/explain.txt.
#
# Other work on the machine (a compiler, say) skews the numbers. The script accounts the CPU
# that processes other than keyuan, PostgreSQL and wrk used during each measurement ("other
# CPU", % of the whole machine); a measurement with more than OTHER_LIMIT% is repeated, up to
# RETRIES times, and the least disturbed run is kept (and flagged if still disturbed). The
# 1-minute load average before each run is printed with it.
#
# Knobs (environment): SCALE=city, ENGINES="sqlite postgres", SCENARIOS="id id-popular list
# list-district list-class list-industry list-sort", DURATION=10 (seconds per measurement), WARMUP=3,
# CONNECTIONS=64, THREADS=2 (wrk threads), OTHER_LIMIT=10, RETRIES=1, QUIET_WAIT=30 (seconds to
# wait before each measurement for the machine to be less than QUIET_PERCENT=20% busy),
# KEYUAN_BIN=build-bench/keyuan, OUT_DIR (default: a new mktemp directory; raw wrk outputs,
# logs, plans and results.md stay there), KEEP_DATA=0 (1: keep the SQLite file; the PostgreSQL
# server is always stopped and removed), SQLITE_DB=FILE (reuse a filled SQLite database instead
# of loading one; the demo is then not timed on SQLite), INDEX_DIR=DIR (a search index of the same
# demo data, already built, for both engines instead of building one: the seed is fixed),
# CACHE_MODES="on off" (each engine is measured with keyuan's cache of public answers, as it
# ships, and without it: the side-by-side baseline of the same queries), CACHE_MB=16,
# WORKERS (server.worker_threads; default: keyuan's own).
#
# Exits non-zero only when the benchmark cannot run; targets are reported, not asserted.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=catalog
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
HERE=$ROOT/bench/catalog
SCALE=${SCALE:-city}
ENGINES=${ENGINES:-sqlite postgres}
SCENARIOS=${SCENARIOS:-id id-popular list list-district list-class list-industry list-sort}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
OTHER_LIMIT=${OTHER_LIMIT:-10}
RETRIES=${RETRIES:-1}
KEEP_DATA=${KEEP_DATA:-0}
SQLITE_DB=${SQLITE_DB:-}
INDEX_DIR=${INDEX_DIR:-}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build-bench/keyuan}
CACHE_MODES=${CACHE_MODES:-on off}
CACHE_MB=${CACHE_MB:-16}
WORKERS=${WORKERS:-}
TARGET_P99_MS=10
TARGET_DEMO_S=120

# ---------------------------------------------------------------- process bookkeeping
# Only processes started here are ever signalled, and only by their recorded ids.
KEYUAN_PID=""
WRK_PID=""
PG_DIR=""


cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $WRK_PID ]]; then stop_pid "$WRK_PID"; fi
  if [[ -n $KEYUAN_PID ]]; then stop_pid "$KEYUAN_PID"; fi
  if [[ -n $PG_DIR ]]; then "$ROOT/tests/pg_server.sh" stop "$PG_DIR" || true; fi
  if [[ $KEEP_DATA != 1 && -n ${OUT:-} ]]; then rm -f "$OUT"/sqlite/keyuan.db* 2>/dev/null || true; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- preparation
need_tools wrk curl python3 sqlite3 psql pgrep timeout
# shellcheck disable=SC2119  # keyuan alone, no bench program
bench_binary
bench_out "raw outputs, logs and plans"

# ---------------------------------------------------------------- CPU accounting


# When wrk stops, the requests it had in flight are still being answered (a slow scenario can
# leave 64 of them, seconds of work); waits (60 s at most) until the servers' CPU time stops
# growing, so that this backlog does not fall into the next measurement.
wait_servers_idle() {
  local a b i
  for ((i = 0; i < 60; i++)); do
    a=$(tree_jiffies "$KEYUAN_PID" "$(pg_postmaster)")
    sleep 1
    b=$(tree_jiffies "$KEYUAN_PID" "$(pg_postmaster)")
    ((b - a < CLK_TCK / 20)) && return 0
  done
}


# Measures the command "$@" (run in the foreground): sets ELAPSED (s), OTHER (% of the machine
# used by processes other than ours), OURS_CPU (s of CPU of the command, keyuan and PostgreSQL).
ELAPSED="" OTHER="" OURS_CPU=""
measure() {
  local c0 c1 s0 s1 w0 w1 t0 t1 rc=0
  children_ms
  c0=$(proc_counters) s0=$(tree_jiffies "$KEYUAN_PID" "$(pg_postmaster)") w0=$CHILDREN_MS t0=$(date +%s%N)
  "$@" &
  WRK_PID=$!
  wait "$WRK_PID" || rc=$?
  WRK_PID=""
  children_ms
  c1=$(proc_counters) s1=$(tree_jiffies "$KEYUAN_PID" "$(pg_postmaster)") w1=$CHILDREN_MS t1=$(date +%s%N)
  read -r ELAPSED OTHER OURS_CPU < <(awk -v c="$((c1 - c0))" -v s="$((s1 - s0))" -v w="$((w1 - w0))" \
    -v hz="$CLK_TCK" -v ns="$((t1 - t0))" -v n="$NCPU" 'BEGIN {
      wall = ns / 1e9; ours = s / hz + w / 1000
      other = (c / hz - ours) / (wall * n) * 100; if (other < 0) other = 0
      printf "%.1f %.1f %.1f\n", wall, other, ours }')
  return "$rc"
}

# ---------------------------------------------------------------- databases

DEMO_ROWS=()
load_demo() {  # engine url
  local engine=$1 url=$2 l0
  l0=$(load1)
  say "$engine: keyuan demo --scale $SCALE (load $l0)"
  if ! measure "$KEYUAN" demo --db "$url" --scale "$SCALE" >"$OUT/$engine/demo.log" 2>&1; then
    cat "$OUT/$engine/demo.log" >&2
    die "$engine: keyuan demo failed"
  fi
  local verdict="meets"
  awk -v e="$ELAPSED" -v t="$TARGET_DEMO_S" 'BEGIN {exit !(e > t)}' && verdict="misses"
  local flag=""
  awk -v o="$OTHER" -v l="$OTHER_LIMIT" 'BEGIN {exit !(o > l)}' && flag=" (disturbed: other processes used $OTHER% of the machine)"
  say "$engine: demo loaded in ${ELAPSED} s, ${OURS_CPU} s CPU (keyuan + database), other CPU $OTHER%$flag"
  DEMO_ROWS+=("| $engine | ${ELAPSED} s | ${OURS_CPU} s | $l0 | $OTHER% | $verdict (< ${TARGET_DEMO_S} s) |")
}

# ---------------------------------------------------------------- paths
write_paths() {  # engine url dir
  local engine=$1 url=$2 dir=$3 d s p c i
  sql "$engine" "$url" "SELECT id FROM instruments WHERE status = 'approved' ORDER BY id" |
    sed 's|^|/api/v1/instruments/|' >"$dir/paths-id.txt"
  shuf --random-source=<(yes) "$dir/paths-id.txt" >"$dir/paths-id-popular.txt"
  : >"$dir/paths-list-district.txt"
  for d in $(sql "$engine" "$url" "SELECT code FROM districts ORDER BY code"); do
    for s in open partially_open; do
      for p in 1 2 3; do
        echo "/api/v1/instruments?district_code=$d&open_status=$s&page=$p&page_size=20" >>"$dir/paths-list-district.txt"
      done
    done
  done
  : >"$dir/paths-list-class.txt"
  for c in $(sql "$engine" "$url" "SELECT DISTINCT class_code FROM instruments WHERE status = 'approved' ORDER BY 1"); do
    for p in 1 2 3; do echo "/api/v1/instruments?class_code=$c&page=$p&page_size=20" >>"$dir/paths-list-class.txt"; done
  done
  : >"$dir/paths-list-industry.txt"
  for i in $(sql "$engine" "$url" "SELECT DISTINCT substr(code, 1, 2) FROM instrument_industries ORDER BY 1"); do
    for p in 1 2 3; do echo "/api/v1/instruments?industry=$i&page=$p&page_size=20" >>"$dir/paths-list-industry.txt"; done
  done
  : >"$dir/paths-list-sort.txt"
  for p in 1 2 3 4 5; do echo "/api/v1/instruments?sort=-original_value_fen&page=$p&page_size=20" >>"$dir/paths-list-sort.txt"; done
  for d in $(sql "$engine" "$url" "SELECT code FROM districts ORDER BY code"); do
    echo "/api/v1/instruments?district_code=$d&sort=-original_value_fen&page=1&page_size=20" >>"$dir/paths-list-sort.txt"
  done
  # The mix: 100 paths of each kind, drawn with a fixed seed.
  python3 - "$dir" <<'EOF'
import random, sys
d = sys.argv[1]
rng = random.Random(7)
out = []
for kind in ("district", "class", "industry", "sort"):
    paths = [l.strip() for l in open(f"{d}/paths-list-{kind}.txt") if l.strip()]
    out += [rng.choice(paths) for _ in range(100)]
rng.shuffle(out)
open(f"{d}/paths-list.txt", "w").write("\n".join(out) + "\n")
EOF
}

# ---------------------------------------------------------------- plans
explain() {  # engine url file
  # The SQL that src/modules/catalog/resource_list.cpp sends for one page (its count is capped at
  # 10,001 rows, the organisation is joined only for o.* filters), then the rewrites proposed in
  # docs/BENCHMARKS.md ("proposed:"), literal values in place of the bound parameters.
  local engine=$1 url=$2 file=$3 name q
  local w="t.status = 'approved'"
  local by_value="ORDER BY (t.original_value_fen IS NULL), t.original_value_fen DESC, t.id DESC"
  local industry="EXISTS (SELECT 1 FROM instrument_industries x WHERE x.instrument_id = t.id AND x.code LIKE '27%')"
  local industry_range="t.id IN (SELECT x.instrument_id FROM instrument_industries x WHERE x.code >= '27' AND x.code < '28')"
  local -a cases=(
    "district count|SELECT COUNT(*) FROM (SELECT 1 FROM instruments t WHERE $w AND t.district_code = '110108' AND t.open_status = 'open' LIMIT 10001) c"
    "district page|SELECT t.id FROM instruments t WHERE $w AND t.district_code = '110108' AND t.open_status = 'open' ORDER BY t.id DESC LIMIT 20 OFFSET 40"
    "class count|SELECT COUNT(*) FROM (SELECT 1 FROM instruments t WHERE $w AND t.class_code = '0102' LIMIT 10001) c"
    "class page|SELECT t.id FROM instruments t WHERE $w AND t.class_code = '0102' ORDER BY t.id DESC LIMIT 20 OFFSET 40"
    "industry count|SELECT COUNT(*) FROM (SELECT 1 FROM instruments t WHERE $w AND $industry LIMIT 10001) c"
    "industry page|SELECT t.id FROM instruments t WHERE $w AND $industry ORDER BY t.id DESC LIMIT 20 OFFSET 40"
    "sort count|SELECT COUNT(*) FROM (SELECT 1 FROM instruments t WHERE $w LIMIT 10001) c"
    "sort page|SELECT t.id FROM instruments t WHERE $w $by_value LIMIT 20 OFFSET 40"
    "proposed: industry count|SELECT COUNT(*) FROM (SELECT 1 FROM instruments t WHERE $w AND $industry_range LIMIT 10001) c"
    "proposed: sort page|SELECT t.id FROM instruments t WHERE $w ORDER BY t.original_value_fen DESC, t.id DESC LIMIT 20 OFFSET 40"
  )
  : >"$file"
  for c in "${cases[@]}"; do
    name=${c%%|*} q=${c#*|}
    {
      echo "== $name: $q"
      if [[ $engine == sqlite ]]; then
        sql sqlite "$url" "EXPLAIN QUERY PLAN $q"
        # .timer prints user CPU; the median of 5 runs after one that warms the cache.
        { echo ".timer on"; for _ in 1 2 3 4 5 6; do echo "$q;"; done; } | sqlite3 "${url#sqlite:}" |
          awk '/^Run Time/ {n++; if (n > 1) print $6}' | sort -g |
          awk '{t[NR] = $1} END {printf "-- sqlite3 CLI: user CPU %.1f ms (median of 5)\n", t[3] * 1000}'
      else
        sql postgres "$url" "EXPLAIN (ANALYZE, BUFFERS) $q"
      fi
      echo
    } >>"$file" 2>&1
  done
}

# ---------------------------------------------------------------- server
# The index is built before any server starts, so that the server's indexer finds it current
# and stays idle.
build_index() {  # engine url dir -> INDEX
  local engine=$1 url=$2 dir=$3 t0
  INDEX=$dir/index
  if [[ -n $INDEX_DIR ]]; then
    INDEX=$INDEX_DIR
    return 0
  fi
  t0=$(date +%s)
  "$KEYUAN" index rebuild --db "$url" --index "$INDEX" >"$dir/index.log" 2>&1 ||
    { cat "$dir/index.log" >&2; die "$engine: index rebuild failed"; }
  say "$engine: search index built in $(($(date +%s) - t0)) s (not part of the measurement)"
}

start_keyuan() {  # engine url dir cache(on|off)
  local engine=$1 url=$2 dir=$3 cache=$4 port="" i index=$INDEX
  local mb=$CACHE_MB
  [[ $cache == off ]] && mb=0
  {
    printf '[server]\naccess_log = false\n'
    [[ -z $WORKERS ]] || printf 'worker_threads = %d\n' "$WORKERS"
    printf '[catalog]\npublic_cache_mb = %d\n' "$mb"
  } >"$dir/keyuan.toml"
  "$KEYUAN" serve --db "$url" --listen 127.0.0.1:0 --no-access-log --index "$index" \
    --config "$dir/keyuan.toml" >"$dir/keyuan.log" 2>&1 &
  KEYUAN_PID=$!
  for ((i = 0; i < 300; i++)); do
    port=$(sed -n 's/.*"msg":"listening".*"port":\([0-9][0-9]*\).*/\1/p' "$dir/keyuan.log")
    [[ -n $port ]] && break
    kill -0 "$KEYUAN_PID" 2>/dev/null || { cat "$dir/keyuan.log" >&2; die "$engine: keyuan exited at startup"; }
    sleep 0.1
  done
  [[ -n $port ]] || die "$engine: keyuan did not start listening (see $dir/keyuan.log)"
  BASE_URL="http://127.0.0.1:$port"
  for ((i = 0; i < 150; i++)); do
    curl -sf -o /dev/null --max-time 2 "$BASE_URL/api/v1/health" && return 0
    sleep 0.1
  done
  die "$engine: keyuan does not answer (see $dir/keyuan.log)"
}

# Reads every approved instrument for DURATION seconds through an uncached server, unmeasured.
# Without it the first scenario measured on PostgreSQL ran 15-25 % slower than the same one later
# (database pages still cold after the load), whichever cache mode came first.
warm_database() {  # engine url dir
  local engine=$1 url=$2 dir=$3
  start_keyuan "$engine" "$url" "$dir" off
  PATHS_FILE=$dir/paths-id.txt POPULARITY=uniform timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" \
    -d"${DURATION}s" --timeout 30s -s "$HERE/random_path.lua" "$BASE_URL" >"$dir/raw/warm-database.txt" 2>&1 || true
  stop_pid "$KEYUAN_PID"
  KEYUAN_PID=""
}

# Fails if the server's indexer rebuilt the index after all (it would have competed for the CPU).
check_index_idle() {  # dir
  if grep -q '"search index rebuilt"' "$1/keyuan.log"; then
    WARNINGS+=("$1: the server rebuilt its search index during the run; measurements may be disturbed")
  fi
}

# ---------------------------------------------------------------- measurement
ms_of() {  # wrk latency text (812.00us, 1.93ms, 1.02s) -> ms
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); v = v + 0 }
    else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } else if (v ~ /m$/) { sub(/m$/, "", v); v = v * 60000 }
    printf "%.2f\n", v }'
}
pct_of() { ms_of "$(awk -v p="$2" '$1 == p {print $2; exit}' "$1")"; }
rps_of() { awk '/^Requests\/sec:/ {printf "%.0f\n", $2}' "$1"; }

RESULT_ROWS=()
WARNINGS=()

run_scenario() {  # engine scenario dir cache(on|off)
  local engine=$1 scenario=$2 dir=$3 cache=$4 try best="" best_other=1000 f l0 errors
  local label=$scenario
  [[ $cache == off ]] && label="$scenario (no cache)"
  local paths=$dir/paths-$scenario.txt
  [[ -s $paths ]] || die "no paths for scenario $scenario"
  export POPULARITY=uniform
  [[ $scenario == id-popular ]] && POPULARITY=zipf
  # Every path of the list answers 200 (checked on a sample).
  local sample
  for sample in $(shuf -n 5 --random-source=<(yes) "$paths"); do
    curl -sf -o /dev/null "$BASE_URL$sample" || die "$engine: $sample does not answer 200"
  done
  PATHS_FILE=$paths timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" \
    --timeout 30s -s "$HERE/random_path.lua" "$BASE_URL" >"$dir/raw/warmup-$scenario.txt" 2>&1 || true
  for ((try = 0; try <= RETRIES; try++)); do
    f=$dir/raw/$scenario-cache-$cache.try$try.txt
    wait_servers_idle
    wait_quiet
    l0=$(load1)
    export PATHS_FILE=$paths
    measure timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" \
      --timeout 30s --latency -s "$HERE/random_path.lua" "$BASE_URL" >"$f" 2>&1 || { cat "$f" >&2; die "wrk failed ($f)"; }
    grep -q '^Requests/sec:' "$f" || die "no Requests/sec in $f"
    echo "# load average (1 min) before: $l0; other processes used $OTHER% of the machine" >>"$f"
    printf 'bench/catalog:   %-8s %-14s %7s req/s  p50 %7s ms  p99 %7s ms  (load %s, other CPU %s%%)\n' \
      "$engine" "$label" "$(rps_of "$f")" "$(pct_of "$f" 50%)" "$(pct_of "$f" 99%)" "$l0" "$OTHER"
    if awk -v o="$OTHER" -v b="$best_other" 'BEGIN {exit !(o < b)}'; then best=$f best_other=$OTHER best_load=$l0; fi
    awk -v o="$OTHER" -v l="$OTHER_LIMIT" 'BEGIN {exit !(o > l)}' || break
    [[ $try -lt $RETRIES ]] && say "  disturbed (other processes $OTHER% > $OTHER_LIMIT%), repeating"
  done
  cp "$best" "$dir/raw/$scenario-cache-$cache.txt"
  if awk -v o="$best_other" -v l="$OTHER_LIMIT" 'BEGIN {exit !(o > l)}'; then
    WARNINGS+=("$engine/$scenario: other processes used $best_other% of the machine even in the least disturbed run")
  fi
  errors=$(grep -E 'Non-2xx|Socket errors' "$best" | tr -s ' ' | paste -sd ';' - || true)
  [[ -z $errors ]] || WARNINGS+=("$engine/$scenario: wrk reported $errors")
  local p99 verdict=""
  p99=$(pct_of "$best" 99%)
  if [[ $scenario == id || $scenario == id-popular || $scenario == list ]]; then
    if awk -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN {exit !(p < t)}'; then verdict="meets"; else verdict="misses"; fi
  fi
  RESULT_ROWS+=("| $engine | $label | $(rps_of "$best") | $(pct_of "$best" 50%) ms | $(pct_of "$best" 90%) ms | $(pct_of "$best" 99%) ms | $best_load | $best_other% | ${verdict:-—} |")
}

run_engine() {  # engine
  local engine=$1 dir=$OUT/$1 url
  mkdir -p "$dir/raw"
  open_demo_database "$engine" "$dir"
  url=$DB_URL
  say "$engine: $(sql "$engine" "$url" "SELECT COUNT(*) FROM instruments") instruments, $(sql "$engine" "$url" "SELECT COUNT(*) FROM instruments WHERE status = 'approved'") approved"
  write_paths "$engine" "$url" "$dir"
  explain "$engine" "$url" "$dir/explain.txt"
  build_index "$engine" "$url" "$dir"
  warm_database "$engine" "$url" "$dir"
  local cache
  for cache in $CACHE_MODES; do
    start_keyuan "$engine" "$url" "$dir" "$cache"
    for scenario in $SCENARIOS; do run_scenario "$engine" "$scenario" "$dir" "$cache"; done
    check_index_idle "$dir"
    stop_pid "$KEYUAN_PID"
    KEYUAN_PID=""
  done
  close_demo_database
}

for engine in $ENGINES; do run_engine "$engine"; done

# ---------------------------------------------------------------- report
{
  echo "Command: bench/catalog/run.sh (SCALE=$SCALE DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS THREADS=$THREADS CACHE_MODES=\"$CACHE_MODES\" CACHE_MB=$CACHE_MB)"
  machine_line "$(wrk -v 2>&1 | head -n1 | awk '{print $1, $2}')"
  echo
  if ((${#DEMO_ROWS[@]})); then
    echo "| engine | keyuan demo --scale $SCALE | CPU (keyuan + database) | load before | other CPU | target |"
    echo "|---|---:|---:|---:|---:|---|"
    printf '%s\n' "${DEMO_ROWS[@]}"
    echo
  fi
  echo "| engine | scenario | req/s | p50 | p90 | p99 | load before | other CPU | p99 < ${TARGET_P99_MS} ms |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${RESULT_ROWS[@]}"
  if ((${#WARNINGS[@]})); then
    echo
    echo "Warnings:"
    printf -- '- %s\n' "${WARNINGS[@]}"
  fi
} | tee "$OUT/results.md"
say "results in $OUT/results.md; plans in $OUT/<engine>/explain.txt"
