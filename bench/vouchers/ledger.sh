# The national-scale ledger of bench/vouchers/run.sh (sourced; see its header, step 6): a new
# empty database of the engine, keyuan's schema (`keyuan migrate`), one open programme whose budget
# is what the generated ledger gave it, LEDGER_MOVEMENTS movements and their balances loaded in
# bulk (not measured), then `keyuan vouchers verify` timed.
# shellcheck shell=bash

LEDGER_TARGET_S=60
LEDGER_TARGET_MOVEMENTS=10000000

VERIFY_NS=0
timed_verify() {  # url out: `keyuan vouchers verify`, its wall time into VERIFY_NS
  local t0 rc=0
  t0=$(date +%s%N)
  "$KEYUAN" vouchers verify --db "$1" >"$2" 2>&1 || rc=$?
  VERIFY_NS=$(($(date +%s%N) - t0))
  return "$rc"
}

national_ledger() {  # engine url dir
  local engine=$1 url=$2 dir=$3 lurl t0 load_s budget verify_s verdict said
  case $engine in
    sqlite) lurl="sqlite:$dir/keyuan-ledger.db" ;;
    postgres)
      psql -X -q "$url" -c "CREATE DATABASE keyuan_ledger"
      lurl="${url%/*}/keyuan_ledger"
      ;;
  esac
  say "$engine: national-scale ledger: generating $LEDGER_MOVEMENTS movements"
  t0=$(date +%s)
  "$KEYUAN" migrate --db "$lurl" >"$dir/ledger-migrate.log" 2>&1 || die "$engine: migrate failed (see $dir/ledger-migrate.log)"
  "$OUT/vouchers_ledger_gen" --movements "$LEDGER_MOVEMENTS" --programme 1 --ledger "$dir/ledger.csv" \
    --balances "$dir/balances.csv" >"$dir/ledger-gen.txt" || die "$engine: vouchers_ledger_gen failed"
  budget=$(val "$dir/ledger-gen.txt" budget_fen)
  sql "$engine" "$lurl" "INSERT INTO voucher_programmes (id, year, name, budget_fen, share_percent,
    cap_per_enterprise_fen, cap_per_order_fen, co_approval_fen, use_by_days, redeem_by_days, max_staff,
    max_revenue_fen, max_registered_capital_fen, kinds, status, created_at, updated_at) VALUES (1, 2026,
    '全国创新券', $budget, 50, 10000000, 5000000, 5000000, 365, 425, 100, 1000000000, 2000000000,
    '[\"testing\"]', 'open', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')" >/dev/null
  case $engine in
    sqlite)
      sqlite3 -batch "${lurl#sqlite:}" ".import --csv $dir/ledger.csv voucher_ledger" \
        ".import --csv $dir/balances.csv ledger_balances" "ANALYZE" || die "sqlite: ledger import failed"
      ;;
    postgres)
      psql -X -q "$lurl" -c "\\copy voucher_ledger FROM '$dir/ledger.csv' WITH (FORMAT csv)" \
        -c "\\copy ledger_balances FROM '$dir/balances.csv' WITH (FORMAT csv)" -c "VACUUM (ANALYZE)" ||
        die "postgres: ledger load failed"
      ;;
  esac
  rm -f "$dir/ledger.csv" "$dir/balances.csv"
  load_s=$(($(date +%s) - t0))
  say "$engine: $(val "$dir/ledger-gen.txt" movements) movements generated and loaded in $load_s s; timing keyuan vouchers verify"
  measure timed_verify "$lurl" "$dir/ledger-verify.txt" && verdict=passed || verdict=FAILED
  verify_s=$(awk -v ns="$VERIFY_NS" 'BEGIN {printf "%.1f", ns / 1e9}')
  said=$(head -1 "$dir/ledger-verify.txt")
  say "$engine: $said in $verify_s s (load $LOAD_BEFORE, other CPU $OTHER%)"
  LEDGER_ROWS+=("| $engine | $(val "$dir/ledger-gen.txt" movements) | $(val "$dir/ledger-gen.txt" accounts) | $load_s s | $verify_s s (load $LOAD_BEFORE, other CPU $OTHER%) | $verdict |")
  local target=misses per10m
  per10m=$(awk -v s="$(awk -v ns="$VERIFY_NS" 'BEGIN {print ns / 1e9}')" -v n="$(val "$dir/ledger-gen.txt" movements)" -v m="$LEDGER_TARGET_MOVEMENTS" 'BEGIN {printf "%.0f", s * m / n}')
  ((per10m < LEDGER_TARGET_S)) && [[ $verdict == passed ]] && target=meets
  # Below a million movements the process's start dominates: no extrapolation.
  (($(val "$dir/ledger-gen.txt" movements) < 900000)) && target="not judged against"
  local note=""
  ((LEDGER_MOVEMENTS < LEDGER_TARGET_MOVEMENTS)) && note=" (extrapolated: run LEDGER_MOVEMENTS=10000000 to measure it)"
  VERDICTS+=("$engine: vouchers verify of $(val "$dir/ledger-gen.txt" movements) movements $verdict in $verify_s s (≈ $per10m s per 10 million): $target the target of 10 million in under ${LEDGER_TARGET_S} s$note")
  [[ $engine == sqlite ]] && rm -f "${lurl#sqlite:}"*
  return 0
}
