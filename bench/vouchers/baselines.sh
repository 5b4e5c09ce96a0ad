# The direct-SQL baselines of bench/vouchers/run.sh (sourced; see its header, step 4): the
# database work of a spend and of its release, as keyuan's vouchers::Reserve / Release and
# ledger::Post do it, without the booking around them. Only spends that succeed: the vouchers used
# are the large ones, released after each spend.
# shellcheck shell=bash

# What both baselines need from the prepared database: the programme, an admitted provider, and
# the large vouchers with their organisations.
baseline_inputs() {  # engine url dir: sets PROG, PROV, VIDS, VORGS, NV
  PROG=$(sql "$1" "$2" "SELECT id FROM voucher_programmes ORDER BY id DESC LIMIT 1")
  PROV=$(sql "$1" "$2" "SELECT org_id FROM voucher_providers WHERE programme_id = $PROG ORDER BY org_id LIMIT 1")
  VIDS=$(awk '$2 == 0 {print $1}' "$3/vouchers.txt" | paste -sd, -)
  VORGS=$(sql "$1" "$2" "SELECT org_id FROM vouchers WHERE id IN ($VIDS) ORDER BY id" | paste -sd, -)
  VIDS=$(sql "$1" "$2" "SELECT id FROM vouchers WHERE id IN ($VIDS) ORDER BY id" | paste -sd, -)
  NV=$(tr ',' '\n' <<<"$VIDS" | wc -l)
}

# One ledger movement of F fen from $1 to $2 (SQL expressions), cause the use $3, after the
# chain's lock: the row hashed as changes::ChainHash does (fields joined by U+001F after the
# previous hash; no actor: "").
pg_movement() {  # from to use movement
  local now="to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24' || chr(58) || 'MI' || chr(58) || 'SS\"Z\"')"
  cat <<EOF
SELECT pg_advisory_xact_lock(7253003);
UPDATE ledger_balances SET balance_fen = balance_fen - $SPEND_FEN WHERE account = $1 AND balance_fen >= $SPEND_FEN;
INSERT INTO ledger_balances (account, balance_fen) VALUES ($2, $SPEND_FEN) ON CONFLICT (account) DO UPDATE SET balance_fen = ledger_balances.balance_fen + excluded.balance_fen;
WITH m AS (SELECT $now AS at, $1 AS f, $2 AS t, CAST($3 AS text) AS cause, COALESCE((SELECT hash FROM voucher_ledger ORDER BY id DESC LIMIT 1), repeat('0', 64)) AS prev) INSERT INTO voucher_ledger (at, from_account, to_account, amount_fen, movement, cause_type, cause_id, programme_id, actor_user_id, reason, prev_hash, hash) SELECT m.at, m.f, m.t, $SPEND_FEN, '$4', 'use', m.cause, $PROG, NULL, '', m.prev, encode(sha256(convert_to(concat_ws(chr(31), m.prev, m.at, m.f, m.t, '$SPEND_FEN', '$4', 'use', m.cause, '$PROG', '', ''), 'UTF8')), 'hex') FROM m;
EOF
}

pgbench_script() {  # isolation: a spend (reserve) and its release, two transactions as in keyuan
  local v="(('{$VIDS}'::bigint[])[:v])"
  # chr(58), not ':' before a name, which pgbench would take for one of its variables.
  local available="'voucher' || chr(58) || $v || chr(58) || 'available'"
  local reserved="'voucher' || chr(58) || $v || chr(58) || 'reserved'"
  cat <<EOF
\set v random(1, $NV)
BEGIN ISOLATION LEVEL $1;
INSERT INTO voucher_uses (voucher_id, object_kind, object_id, provider_org_id, client_org_id, service_kind, fee_fen, amount_fen, created_at, updated_at) VALUES ($v, 'order', nextval('bench_voucher_object'), $PROV, ('{$VORGS}'::bigint[])[:v], 'testing', 30000, $SPEND_FEN, 'bench', 'bench') RETURNING id AS use_id \gset
$(pg_movement "$available" "$reserved" ":use_id" reserve)
COMMIT;
BEGIN ISOLATION LEVEL $1;
UPDATE voucher_uses SET status = 'released', version = version + 1, updated_at = 'bench' WHERE id = :use_id AND version = 1 AND status = 'reserved';
$(pg_movement "$reserved" "$available" ":use_id" release)
COMMIT;
EOF
}

# pgbench retries a script that met a serialization failure from its start with the same random
# draws: the object paid for comes from a sequence so that a retry is a new one (a spend whose
# release failed after it committed stays reserved, as a failed cancellation would).
pgbench_run() {  # dir url isolation name
  local dir=$1 url=$2 name=$4
  psql -X -q "$url" -c "CREATE SEQUENCE IF NOT EXISTS bench_voucher_object START 2000000000"
  pgbench_script "$3" >"$dir/$name.sql"
  pgbench -n -M prepared -c "$PG_CLIENTS" -j 2 -T "$DURATION" --max-tries 20 -f "$dir/$name.sql" "$url" \
    >"$dir/$name.out" 2>&1 || { tail "$dir/$name.out" >&2; return 1; }
  awk -v d="$DURATION" '
    /^number of transactions actually processed/ { n = $NF }
    /^number of failed transactions/ { f = $5 }
    /^number of transactions retried/ { r = $5 }
    /^latency average/ { lat = $4 }
    END { printf "seconds=%s\nok=%d\nok_per_s=%.1f\ncancels_per_s=%.1f\nanswers_per_s=%.1f\nconflict_share=0\n", d, n, n / d, n / d, n / d
          printf "p99_all_ms=— (mean %s)\nother=%d\nnet_errors=0\nretried=%d\n", lat, f, r }' "$dir/$name.out" >"$dir/$name.txt"
}

sqlite_script() {  # the sqlite3 shell's input: SQLITE_BASE_N spends and releases
  local ids orgs
  ids=$VIDS orgs=$VORGS
  awk -v n="$SQLITE_BASE_N" -v ids="$ids" -v orgs="$orgs" -v f="$SPEND_FEN" -v p="$PROG" -v prov="$PROV" 'BEGIN {
    nv = split(ids, id, ","); split(orgs, org, ",")
    print "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16384;"
    srand(15)
    for (i = 1; i <= n; i++) {
      k = int(rand() * nv) + 1; v = id[k]; av = "'\''voucher:" v ":available'\''"; rs = "'\''voucher:" v ":reserved'\''"
      print "BEGIN IMMEDIATE;"
      printf "INSERT INTO voucher_uses (voucher_id, object_kind, object_id, provider_org_id, client_org_id, service_kind, fee_fen, amount_fen, created_at, updated_at) VALUES (%s, '\''order'\'', %d, %s, %s, '\''testing'\'', 30000, %d, '\''bench'\'', '\''bench'\'');\n", v, 2000000000 + i, prov, org[k], f
      move(av, rs, "reserve")
      print "COMMIT;"
      print "BEGIN IMMEDIATE;"
      print "UPDATE voucher_uses SET status = '\''released'\'', version = version + 1 WHERE id = (SELECT MAX(id) FROM voucher_uses) AND status = '\''reserved'\'';"
      move(rs, av, "release")
      print "COMMIT;"
    }
  }
  function move(from, to, kind) {
    printf "UPDATE ledger_balances SET balance_fen = balance_fen - %d WHERE account = %s AND balance_fen >= %d;\n", f, from, f
    printf "INSERT INTO ledger_balances (account, balance_fen) VALUES (%s, %d) ON CONFLICT (account) DO UPDATE SET balance_fen = balance_fen + excluded.balance_fen;\n", to, f
    printf "INSERT INTO voucher_ledger (at, from_account, to_account, amount_fen, movement, cause_type, cause_id, programme_id, reason, prev_hash, hash) SELECT strftime('\''%%Y-%%m-%%dT%%H:%%M:%%SZ'\'', '\''now'\''), %s, %s, %d, '\''%s'\'', '\''use'\'', (SELECT MAX(id) FROM voucher_uses), %s, '\'''\'', h, lower(hex(sha3(h || %s || %s, 256))) FROM (SELECT hash AS h FROM voucher_ledger ORDER BY id DESC LIMIT 1);\n", from, to, f, kind, p, from, to
  }'
}

sqlite_run() {  # dir copy
  local t0 t1
  t0=$(date +%s%N)
  sqlite3 -batch "$2" <"$1/sqlite-baseline.sql" >"$1/sqlite-baseline.out" 2>&1 || { tail "$1/sqlite-baseline.out" >&2; return 1; }
  t1=$(date +%s%N)
  awk -v n="$SQLITE_BASE_N" -v ns="$((t1 - t0))" 'BEGIN { s = ns / 1e9
    printf "seconds=%.2f\nok=%d\nok_per_s=%.1f\ncancels_per_s=%.1f\nanswers_per_s=%.1f\nconflict_share=0\n", s, n, n / s, n / s, n / s
    printf "p99_all_ms=—\nother=0\nnet_errors=0\n" }' >"$1/sqlite-baseline.txt"
}

measure_baselines() {  # engine url dir
  local engine=$1 url=$2 dir=$3 k b
  baseline_inputs "$engine" "$url" "$dir"
  k=$(val "$dir/keyuan.txt" ok_per_s)
  case $engine in
    sqlite)
      say "sqlite: measuring the direct-SQL baseline ($SQLITE_BASE_N spends and releases, sqlite3 shell, on a copy)"
      sqlite3 "${url#sqlite:}" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
      cp "${url#sqlite:}" "$dir/keyuan-baseline.db"
      sqlite_script >"$dir/sqlite-baseline.sql"
      measure sqlite_run "$dir" "$dir/keyuan-baseline.db" || die "sqlite baseline failed"
      row sqlite "direct SQL: sqlite3 shell, one connection (keyuan's single writer)" "$dir/sqlite-baseline.txt"
      b=$(val "$dir/sqlite-baseline.txt" ok_per_s)
      ;;
    postgres)
      local level
      for level in "READ COMMITTED" SERIALIZABLE; do
        say "postgres: measuring the direct-SQL baseline at $level (${DURATION} s)"
        measure pgbench_run "$dir" "$url" "$level" "pgbench-${level// /-}" || die "pgbench failed"
        row postgres "direct SQL: pgbench, $PG_CLIENTS connections, $level ($(val "$dir/pgbench-${level// /-}.txt" retried) retried)" \
          "$dir/pgbench-${level// /-}.txt"
      done
      b=$(val "$dir/pgbench-READ-COMMITTED.txt" ok_per_s)
      ;;
  esac
  VERDICTS+=("$engine: keyuan spends at $(awk -v k="$k" -v b="$b" 'BEGIN {printf "%.0f", (b > 0) ? 100 * k / b : 0}')% of the direct-SQL rate of the same ledger work (no target; the rest is the booking around the spend)")
  if [[ $engine == postgres ]]; then after_run_check postgres "$url" "$dir" "after the pgbench baselines"; fi
}
