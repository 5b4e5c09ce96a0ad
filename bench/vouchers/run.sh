#!/usr/bin/env bash
# Voucher benchmark (issue 15): spends per second through keyuan's API, the same database work
# sent straight to the database, a crash loop, and the verification of a national-scale ledger.
#
#   bench/vouchers/run.sh                                   # small sizes, about 5 minutes
#   DURATION=60 KILLS=10 LEDGER_MOVEMENTS=10000000 bench/vouchers/run.sh   # the full sizes
#
# For each engine it
#   1. creates an empty database (a SQLite file, or a throw-away PostgreSQL 15 server of
#      tests/pg_server.sh, fsync on), fills it with `keyuan demo --scale $SCALE`, builds the search
#      index once; creates CLIENTS enterprise users (round-robin over the demo's enterprises) and
#      tokens with `keyuan user create` / `token create`;
#   2. prepares the spends through the API (bench/vouchers/setup.py): an open programme, the
#      providers of CLIENTS instruments admitted, booking rules with a price per hour, one voucher
#      per enterprise applied for and approved; DRAIN_ORGS enterprises get a voucher of DRAIN_FEN
#      that their clients spend without cancelling, so that it runs out (the refusals of the mix);
#   3. measures keyuan for DURATION seconds after WARMUP (SQLite: one keyuan; PostgreSQL: two on
#      one database, the clients split between them): vouchers_spend_load, CLIENTS keep-alive
#      clients, each booking hours of its own instrument with voucher_fen=SPEND_FEN of its
#      enterprise's voucher (POST /api/v1/bookings: the reserve movement) and cancelling it at once
#      (POST /api/v1/bookings/{id}/cancel: the release) unless it is a drain client;
#   4. the baseline, the spend's and the release's database work sent straight to the database:
#      PostgreSQL: pgbench -M prepared, PG_CLIENTS connections, per spend two transactions as keyuan
#      does them (the voucher_uses INSERT, the ledger's chain lock and last hash, the conditional
#      UPDATE of the voucher's available balance, the upsert of its reserved balance, the ledger
#      row hashed in SQL exactly as changes::ChainHash; then the release), at READ COMMITTED (keyuan's
#      level) and at SERIALIZABLE (--max-tries 20: serialization failures retried and counted);
#      SQLite: the sqlite3 shell running SQLITE_BASE_N such pairs on a copy of the database, with
#      keyuan's pragmas (sha3() of the shell for the hash: the cost of a hash, not keyuan's value);
#      keyuan itself is measured at READ COMMITTED only: it begins every write transaction with an
#      explicit ISOLATION LEVEL (store::WriteOptions, READ COMMITTED unless a caller asks), so the
#      database's default_transaction_isolation cannot raise it;
#   5. crash loop: KILLS times, spend for KILL_RUN seconds, SIGKILL a keyuan (on PostgreSQL each of
#      the two in turn) at a random moment in the middle, restart it, then check that every spend
#      acknowledged with 201 has its voucher_uses row, every cancellation acknowledged with 200 its
#      use released, no balance below zero, and `keyuan vouchers verify` passes;
#   6. the national-scale ledger: vouchers_ledger_gen writes LEDGER_MOVEMENTS movements (issue /
#      reserve / consume / release / claim / settle / refuse / expire chains over a tenth as many
#      vouchers, hashes by keyuan's own code) into a new empty database, and `keyuan vouchers verify`
#      is timed on it (target: 10 million in under 60 s).
#
# Knobs: DURATION=20 WARMUP=3 CLIENTS=64 ENGINES="sqlite postgres" KILLS=3 KILL_RUN=4 SCALE=small
# DRAIN_ORGS=2 DRAIN_FEN=50000 SPEND_FEN=10000 POOL_SIZE=8 PG_CLIENTS=2*POOL_SIZE SQLITE_BASE_N=2000
# LEDGER_MOVEMENTS=1000000 QUIET_WAIT / QUIET_PERCENT (bench/lib/measure.sh)
# KEYUAN_BIN (default build-bench/keyuan, Release, built if missing with the bench programs beside
# it in bench/) OUT_DIR (default a new mktemp folder: logs, raw outputs, results.md).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=vouchers
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
CLIENTS=${CLIENTS:-64}
ENGINES=${ENGINES:-sqlite postgres}
KILLS=${KILLS:-3}
KILL_RUN=${KILL_RUN:-4}
SCALE=${SCALE:-small}
DRAIN_ORGS=${DRAIN_ORGS:-2}
DRAIN_FEN=${DRAIN_FEN:-50000}
SPEND_FEN=${SPEND_FEN:-10000}
POOL_SIZE=${POOL_SIZE:-8}
PG_CLIENTS=${PG_CLIENTS:-$((2 * POOL_SIZE))}
SQLITE_BASE_N=${SQLITE_BASE_N:-2000}
LEDGER_MOVEMENTS=${LEDGER_MOVEMENTS:-1000000}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build-bench/keyuan}
# Hours after tomorrow 00:00 (Asia/Shanghai) each phase books: disjoint, within the 366-day horizon.
WARM_HOURS="24 600" RUN_HOURS="600 5000" CRASH_HOURS="5000 8700"

# shellcheck source=bench/lib/servers.sh
source "$ROOT/bench/lib/servers.sh"
INDEX=""  # built by prepare, for both engines (the demo's seed is fixed)
bench_cleanup_on_exit '*/keyuan*.db*' '*/ledger*.csv' '*/balances.csv'

need_tools curl python3 sqlite3 psql pgrep pgbench
bench_binary vouchers_spend_load vouchers_ledger_gen
BENCH_DIR=$(dirname "$KEYUAN_BIN")/bench
bench_out "logs and raw outputs"
cp "$BENCH_DIR/vouchers_spend_load" "$BENCH_DIR/vouchers_ledger_gen" "$OUT/"
NOW_MIN=$(($(date +%s) / 60))
BASE_MINUTE=$((((NOW_MIN + 480) / 1440 + 1) * 1440 - 480))

# shellcheck source=bench/vouchers/phases.sh
source "$ROOT/bench/vouchers/phases.sh"

ROWS=() VERDICTS=() CRASH_ROWS=() LEDGER_ROWS=()
run_engine() {  # engine
  local engine=$1 dir=$OUT/$1 url
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
  measure_keyuan "$engine" "$url" "$dir"
  after_run_check "$engine" "$url" "$dir" "after the measured run"
  measure_baselines "$engine" "$url" "$dir"
  ((KILLS > 0)) && crash_loop "$engine" "$url" "$dir"
  ((LEDGER_MOVEMENTS > 0)) && national_ledger "$engine" "$url" "$dir"
  close_demo_database
}

for engine in $ENGINES; do run_engine "$engine"; done

{
  echo "Command: bench/vouchers/run.sh (DURATION=$DURATION CLIENTS=$CLIENTS ENGINES=\"$ENGINES\" KILLS=$KILLS KILL_RUN=$KILL_RUN SCALE=$SCALE DRAIN_ORGS=$DRAIN_ORGS DRAIN_FEN=$DRAIN_FEN SPEND_FEN=$SPEND_FEN POOL_SIZE=$POOL_SIZE PG_CLIENTS=$PG_CLIENTS SQLITE_BASE_N=$SQLITE_BASE_N LEDGER_MOVEMENTS=$LEDGER_MOVEMENTS), started $(date -u -d "@$((NOW_MIN * 60))" +%Y-%m-%dT%H:%MZ)"
  machine_line "$(pgbench --version)"
  echo
  echo "| engine | client | spends/s (201) | cancels/s | answers/s | refused (422) share | p99 (all) | other / network errors | CPU per answer | load before | other CPU |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  if ((${#CRASH_ROWS[@]})); then
    echo
    echo "| engine | SIGKILLs | spends acknowledged | lost | cancellations acknowledged | not released | verify after each |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    printf '%s\n' "${CRASH_ROWS[@]}"
  fi
  if ((${#LEDGER_ROWS[@]})); then
    echo
    echo "| engine | movements | accounts | load (not measured) | keyuan vouchers verify | verdict |"
    echo "|---|---:|---:|---:|---:|---|"
    printf '%s\n' "${LEDGER_ROWS[@]}"
  fi
  echo
  printf -- '- %s\n' "${VERDICTS[@]}"
} | tee "$OUT/results.md"
say "results in $OUT/results.md"
