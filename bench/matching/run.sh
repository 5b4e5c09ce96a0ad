#!/usr/bin/env bash
# Matching benchmark (issue 18 §Performance): how fast one demand's ranked suggestions come
# (target: under 100 ms) over the demo data plus many technology demands, beside what a team
# would write in SQL over the same rows.
#
#   bench/matching/run.sh [--scale ci|city|national] [--engine sqlite|postgresql|both]
#     ci        `keyuan demo --scale small` + 5,000 demands (the default; minutes)
#     city      `keyuan demo --scale city` + 100,000 demands (index rebuild: minutes)
#     national  `keyuan demo --scale national` + 100,000 demands (hours, GBs)
# For each engine it
#   1. fills a database: the demo, then DEMANDS approved demands with open deadlines written by
#      bench/matching/generate.py from the demo's own achievement, service and instrument names
#      and texts (enterprises as publishers); the search index rebuilt by the server at its start
#      (timed; see run_engine for why not `keyuan index rebuild`);
#   2. the baseline: one table of the same public resources (bench/matching/docs.sql), SQLite FTS5
#      trigram or PostgreSQL pg_trgm GIN (build timed), and per demand an OR of its trigrams, top 20
#      (bench/matching/baseline.py), BASELINE_COUNT demands, each query timed by sqlite3's .timer /
#      psql's \timing: p50, p99;
#   3. keyuan: a server; GET /api/v1/tech-demands/{id}/matches for COUNT random demands as the
#      operator, one keep-alive client (bench/matching/latency.py), 30 unmeasured first: p50, p95,
#      p99, max; GET /api/v1/tech-market/matching-demands as the unit admins of up to 100 random
#      universities; GET /api/v1/search?q=<the demand's title> as a second reference.
# The load average and the share of the machine other processes used are recorded with each.
# Knobs: DEMANDS COUNT=300 BASELINE_COUNT=100 WARMUP=30 KEYUAN_BIN OUT_DIR QUIET_WAIT POOL_SIZE=8.
set -euo pipefail

SCALE=ci

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=matching
HERE=$ROOT/bench/matching
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
bench_options "bench/matching/run.sh [--scale ci|city|national] [--engine sqlite|postgresql|both]" "ci city national" "$@"
if [[ -n ${SCALE_OPTION:-} ]]; then SCALE=$SCALE_OPTION; fi
ENGINES=${ENGINES:-sqlite postgres}
case $SCALE in ci) DEMO_SCALE=small ;; *) DEMO_SCALE=$SCALE ;; esac
case $SCALE in ci) DEMANDS=${DEMANDS:-5000} ;; *) DEMANDS=${DEMANDS:-100000} ;; esac
COUNT=${COUNT:-300}
BASELINE_COUNT=${BASELINE_COUNT:-100}
WARMUP=${WARMUP:-30}
POOL_SIZE=${POOL_SIZE:-8}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build-bench/keyuan}
# shellcheck source=bench/lib/servers.sh
source "$ROOT/bench/lib/servers.sh"
INDEX=""
bench_cleanup_on_exit '*/keyuan.db*' '*/baseline.db' '*/index'

need_tools python3 sqlite3 psql curl
bench_binary
bench_out "logs and raw outputs"

now_s() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now_s)" 'BEGIN {printf "%.1f", b - a}'; }

run_sql_file() {  # engine url file
  case $1 in
    sqlite) sqlite3 -bail "${2#sqlite:}" <"$3" ;;
    postgres) psql -X -q -v ON_ERROR_STOP=1 "$2" -f "$3" ;;
  esac
}

load_demo() {  # engine url (open_demo_database calls it)
  local engine=$1 url=$2 dir=$OUT/$1 t0
  t0=$(now_s)
  "$KEYUAN" demo --db "$url" --scale "$DEMO_SCALE" >"$dir/demo.log" 2>&1 || die "$engine: demo failed (see $dir/demo.log)"
  say "$engine: demo --scale $DEMO_SCALE in $(since "$t0") s"
  # The generator's words: what the demo's institutes offer, ordered so both engines get the same.
  sql "$engine" "$url" "SELECT name, description FROM achievements WHERE status = 'approved' AND secret = 0
    UNION ALL SELECT name, content FROM services WHERE status = 'approved'
    UNION ALL SELECT name, functions FROM instruments WHERE status = 'approved' ORDER BY 1, 2" |
    tr '|' '\t' | tr -d '\r' >"$dir/vocab.tsv"
  sql "$engine" "$url" "SELECT id, district_code FROM organizations WHERE kind = 'enterprise'
    AND district_code IS NOT NULL ORDER BY id" | tr '|' '\t' >"$dir/orgs.tsv"
  sql "$engine" "$url" "SELECT DISTINCT code FROM achievement_industries UNION SELECT code FROM service_industries
    ORDER BY 1" >"$dir/codes.txt"
  python3 "$HERE/generate.py" "$DEMANDS" "$dir/vocab.tsv" "$dir/orgs.tsv" "$dir/codes.txt" >"$dir/demands.sql"
  t0=$(now_s)
  run_sql_file "$engine" "$url" "$dir/demands.sql" >/dev/null
  say "$engine: $DEMANDS demands inserted in $(since "$t0") s"
}

baseline_build() {  # engine url: the baseline's table and index; prints the seconds it took
  local engine=$1 url=$2 dir=$OUT/$1 t0
  t0=$(now_s)
  case $engine in
    sqlite)
      {
        echo "ATTACH '${url#sqlite:}' AS src;"
        echo "CREATE TABLE docs (id INTEGER PRIMARY KEY, type TEXT NOT NULL, obj_id INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL);"
        cat "$HERE/docs.sql"
        echo "CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content='docs', content_rowid='id', tokenize='trigram');"
        echo "INSERT INTO docs_fts (docs_fts) VALUES ('rebuild');"
      } >"$dir/baseline-build.sql"
      sqlite3 -bail "$dir/baseline.db" <"$dir/baseline-build.sql"
      ;;
    postgres)
      {
        echo "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
        echo "CREATE TABLE docs (id BIGSERIAL PRIMARY KEY, type TEXT NOT NULL, obj_id BIGINT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL);"
        sed 's/src\.//g' "$HERE/docs.sql"
        echo "CREATE TABLE baseline_docs AS SELECT id, type, obj_id, title || ' ' || body AS doc FROM docs;"
        echo "CREATE INDEX baseline_docs_trgm ON baseline_docs USING gin (doc gin_trgm_ops);"
        echo "VACUUM ANALYZE baseline_docs;"
      } >"$dir/baseline-build.sql"
      run_sql_file postgres "$url" "$dir/baseline-build.sql" >/dev/null
      ;;
  esac
  since "$t0"
}

baseline_run() {  # engine url: prints "p50_ms p99_ms mean_rows"
  local engine=$1 url=$2 dir=$OUT/$1 file=$OUT/$1/baseline-run.sql
  head -n "$BASELINE_COUNT" "$dir/sample.txt" >"$dir/baseline-sample.txt"
  python3 "$HERE/baseline.py" "$engine" "$dir/baseline-sample.txt" >"$dir/baseline-queries.sql"
  : >"$file"
  [[ $engine == sqlite ]] && echo ".timer on" >>"$file"
  [[ $engine == postgres ]] && echo '\timing on' >>"$file"
  cat "$dir/baseline-queries.sql" >>"$file"
  case $engine in
    sqlite) sqlite3 -bail "$dir/baseline.db" <"$file" >"$dir/baseline.out" ;;
    postgres) psql -X -q -At -v ON_ERROR_STOP=1 "$url" -f "$file" >"$dir/baseline.out" ;;
  esac
  sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p; s/^Time: \([0-9.]*\) ms.*/\1/p' "$dir/baseline.out" |
    awk -v engine="$engine" '{ print (engine == "sqlite" ? $1 * 1000 : $1) }' | sort -g |
    awk '{ v[NR] = $1 } END { k = int(NR * 0.99); if (k < 1) k = NR; printf "%.1f %.1f\n", v[int((NR + 1) / 2)], v[k] }'
}

token() {  # engine-url username
  "$KEYUAN" token create --db "$1" --username "$2" --days 1 2>>"$OUT/token.log"
}

ROWS=()
run_engine() {  # engine
  local engine=$1 dir=$OUT/$1 t0 docs index_s base_s demands resources base port operator m md s n_admins
  mkdir -p "$dir"
  open_demo_database "$engine" "$dir"
  demands=$(sql "$engine" "$DB_URL" "SELECT COUNT(*) FROM tech_demands WHERE status = 'approved'")
  # The index is built by the server itself (an empty index folder: it rebuilds at start) and not by
  # `keyuan index rebuild`: that command sees only the sources declared before registration
  # (catalog, challenges), so achievements, talents and demands would be missing.
  INDEX=$dir/index
  wait_quiet
  t0=$(now_s)
  start_keyuan a "$DB_URL" "$dir"
  until grep -q '"msg":"search index rebuilt"' "$dir/keyuan-a.log"; do
    grep -q '"msg":"search index rebuild failed"' "$dir/keyuan-a.log" && die "$engine: index rebuild failed (see $dir/keyuan-a.log)"
    sleep 0.2
  done
  index_s=$(since "$t0")
  docs=$(sed -n 's/.*"msg":"search index rebuilt".*"documents":\([0-9]*\).*/\1/p' "$dir/keyuan-a.log" | tail -n1)
  say "$engine: $demands approved demands; the server's index rebuild: $docs documents in $index_s s"
  wait_quiet
  base_s=$(baseline_build "$engine" "$DB_URL")
  resources=$(sql "$engine" "$DB_URL" "SELECT (SELECT COUNT(*) FROM achievements WHERE status = 'approved' AND secret = 0)
    + (SELECT COUNT(*) FROM services WHERE status = 'approved') + (SELECT COUNT(*) FROM instruments WHERE status = 'approved')
    + (SELECT COUNT(*) FROM labs WHERE status = 'approved') + (SELECT COUNT(*) FROM talents WHERE status = 'approved')")
  say "$engine: baseline table and index ($resources resources) in $base_s s"

  # The demands measured: the generated ones (ids from 20,000,000), a fixed random sample.
  sql "$engine" "$DB_URL" "SELECT id, title, description FROM tech_demands WHERE id >= 20000000 AND status = 'approved'" |
    python3 -c "import random, sys; rows = sys.stdin.read().splitlines(); random.Random(18).shuffle(rows); print('\n'.join(rows[:$COUNT]))" \
      >"$dir/sample.txt"
  measure baseline_run "$engine" "$DB_URL" >"$dir/baseline.res"
  read -r b50 b99 <"$dir/baseline.res"
  local b_load=$LOAD_BEFORE b_other=$OTHER

  port=${KPORT[a]}
  operator=$(token "$DB_URL" demo_operator)
  cut -d'|' -f1 "$dir/sample.txt" | awk -v t="$operator" '{ print t "\t/api/v1/tech-demands/" $1 "/matches" }' >"$dir/matches.tsv"
  python3 - "$dir/sample.txt" "$operator" >"$dir/search.tsv" <<'EOF'
import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.rstrip("\n").split("|", 2)
    if len(parts) >= 2:
        print(sys.argv[2] + "\t/api/v1/search?q=" + urllib.parse.quote(parts[1]))
EOF
  sql "$engine" "$DB_URL" "SELECT u.username FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'unit_admin'
    JOIN organizations o ON o.id = u.org_id AND o.kind = 'university' WHERE u.disabled = 0 ORDER BY u.id" |
    python3 -c "import random, sys; rows = sys.stdin.read().split(); random.Random(18).shuffle(rows); print('\n'.join(rows[:100]))" \
      >"$dir/admins.txt"
  : >"$dir/provider.tsv"
  while read -r user; do
    [[ -n $user ]] && printf '%s\t/api/v1/tech-market/matching-demands\n' "$(token "$DB_URL" "$user")" >>"$dir/provider.tsv"
  done <"$dir/admins.txt"
  n_admins=$(wc -l <"$dir/provider.tsv")
  ((n_admins > 0)) || die "$engine: no unit admin of a university to ask as"

  measure python3 "$HERE/latency.py" "$port" "$dir/matches.tsv" "$WARMUP" "$COUNT" >"$dir/matches.res"
  read -r m50 m95 m99 mmax merr mitems <"$dir/matches.res"
  local m_load=$LOAD_BEFORE m_other=$OTHER
  measure python3 "$HERE/latency.py" "$port" "$dir/provider.tsv" "$WARMUP" "$COUNT" >"$dir/provider.res"
  read -r p50 p95 p99 pmax perr pitems <"$dir/provider.res"
  local p_load=$LOAD_BEFORE p_other=$OTHER
  measure python3 "$HERE/latency.py" "$port" "$dir/search.tsv" "$WARMUP" "$COUNT" >"$dir/search.res"
  read -r s50 s95 s99 smax serr sitems <"$dir/search.res"
  local s_load=$LOAD_BEFORE s_other=$OTHER
  stop_all_keyuan

  ROWS+=("| $engine | keyuan GET …/tech-demands/{id}/matches (operator, $COUNT demands) | $m50 / $m95 / $m99 / $mmax | $mitems | $merr | $m_load / $m_other % |")
  ROWS+=("| $engine | keyuan GET …/tech-market/matching-demands ($n_admins university admins) | $p50 / $p95 / $p99 / $pmax | $pitems | $perr | $p_load / $p_other % |")
  ROWS+=("| $engine | reference: keyuan GET /api/v1/search?q=<the demand's title> | $s50 / $s95 / $s99 / $smax | $sitems | $serr | $s_load / $s_other % |")
  ROWS+=("| $engine | baseline: $( [[ $engine == sqlite ]] && echo "FTS5 trigram, OR of ≤48 trigrams, bm25 top 20" || echo "pg_trgm GIN, ILIKE OR of ≤48 trigrams, word_similarity top 20") ($BASELINE_COUNT demands) | $b50 / — / $b99 / — | ≤ 20 | — | $b_load / $b_other % |")
  SETUP+=("$engine: $demands approved demands, $resources public resources; index ($docs documents) rebuilt by the server in $index_s s; baseline table + index $base_s s")
  say "$engine: matches p50 $m50 p95 $m95 p99 $m99 max $mmax ms; provider p50 $p50 p99 $p99; search p50 $s50; baseline p50 $b50 p99 $b99"
  close_demo_database
}

SETUP=()
for engine in $ENGINES; do run_engine "$engine"; done

{
  echo "Command: bench/matching/run.sh --scale $SCALE (ENGINES=\"$ENGINES\" DEMANDS=$DEMANDS COUNT=$COUNT BASELINE_COUNT=$BASELINE_COUNT WARMUP=$WARMUP), $(date -u +%Y-%m-%dT%H:%MZ)"
  machine_line "$(sqlite3 --version | cut -d' ' -f1-2)" "$(psql --version)"
  printf '%s\n' "${SETUP[@]}"
  echo
  echo "| engine | what | p50 / p95 / p99 / max ms | items per answer | errors | load avg before / other CPU |"
  echo "|---|---|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
} | tee "$OUT/results.md"
