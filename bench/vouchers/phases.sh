# The phases of bench/vouchers/run.sh (sourced by it; see its header): preparation, the measured
# runs, the ledger's checks and the crash loop. The direct-SQL baselines are in baselines.sh, the
# national-scale ledger in ledger.sh, the servers in bench/lib/servers.sh.
# shellcheck shell=bash

# shellcheck source=bench/vouchers/ledger.sh
source "$ROOT/bench/vouchers/ledger.sh"

servers() {  # engine url dir: one keyuan on SQLite, two on PostgreSQL
  start_keyuan a "$2" "$3"
  if [[ $1 == postgres ]]; then start_keyuan b "$2" "$3"; fi
}

prepare() {  # engine url dir
  local engine=$1 url=$2 dir=$3 t0 i orgs operator
  t0=$(date +%s)
  "$KEYUAN" demo --db "$url" --scale "$SCALE" >"$dir/demo.log" 2>&1 || { tail "$dir/demo.log" >&2; die "$engine: demo failed"; }
  INDEX=$OUT/index
  if [[ ! -d $INDEX ]]; then
    "$KEYUAN" index rebuild --db "$url" --index "$INDEX" >"$OUT/index.log" 2>&1 || die "index rebuild failed"
  fi
  say "$engine: demo --scale $SCALE and index in $(($(date +%s) - t0)) s (not measured)"
  # Instruments of research organisations, so that no client books its own organisation's.
  sql "$engine" "$url" "SELECT i.id FROM instruments i JOIN organizations o ON o.id = i.org_id
    WHERE i.status = 'approved' AND i.open_status IN ('open', 'partially_open') AND o.kind <> 'enterprise'
    ORDER BY i.id LIMIT $CLIENTS" >"$dir/instruments.txt"
  (($(wc -l <"$dir/instruments.txt") == CLIENTS)) || die "$engine: fewer than $CLIENTS bookable instruments"
  sql "$engine" "$url" "SELECT DISTINCT org_id FROM instruments WHERE id IN ($(paste -sd, "$dir/instruments.txt"))" \
    >"$dir/providers.txt"
  mapfile -t orgs < <(sql "$engine" "$url" "SELECT id FROM organizations WHERE kind = 'enterprise' ORDER BY id")
  ((${#orgs[@]} > DRAIN_ORGS)) || die "$engine: only ${#orgs[@]} enterprises"
  : >"$dir/clients.tsv"
  for ((i = 1; i <= CLIENTS; i++)); do
    local org=${orgs[$(((i - 1) % ${#orgs[@]}))]}
    "$KEYUAN" user create --db "$url" --username "bench_voucher_$i" --password 'Bench#Voucher2026' --role enterprise \
      --org "$org" --no-password-change >>"$dir/users.log" 2>&1 || die "$engine: user create failed (see $dir/users.log)"
    echo "$("$KEYUAN" token create --db "$url" --username "bench_voucher_$i" --days 2 2>>"$dir/users.log") $org" \
      >>"$dir/clients.tsv"
  done
  operator=$("$KEYUAN" token create --db "$url" --username demo_operator --days 2 2>>"$dir/users.log")
  start_keyuan a "$url" "$dir"
  python3 "$ROOT/bench/vouchers/setup.py" "${KPORT[a]}" "$operator" "$dir/clients.tsv" "$dir/instruments.txt" \
    "$dir/providers.txt" "$DRAIN_ORGS" "$DRAIN_FEN" "$dir/clients.txt" "$dir/vouchers.txt" >"$dir/setup.log" 2>&1 ||
    { cat "$dir/setup.log" >&2; die "$engine: setup through the API failed"; }
  say "$engine: $(tail -1 "$dir/setup.log"); $CLIENTS clients ($(awk '$4 == 1' "$dir/clients.txt" | wc -l) drain) in $(($(date +%s) - t0)) s"
  stop_all_keyuan
  if [[ $engine == postgres ]]; then psql -X -q "$url" -c "VACUUM (ANALYZE)" >/dev/null; fi
}

val() { sed -n "s/^$2=//p" "$1" | head -n1; }

spend_load() {  # dir hours out seconds [flags]
  local dir=$1 hours=$2 out=$3 seconds=$4
  shift 4
  # shellcheck disable=SC2046
  "$OUT/vouchers_spend_load" $(targets) --clients-file "$dir/clients.txt" --base-minute "$BASE_MINUTE" \
    --hour-from "${hours% *}" --hour-to "${hours#* }" --duration "$seconds" --voucher-fen "$SPEND_FEN" "$@" \
    >"$out" 2>"$out.err"
}

row() {  # engine label file
  local f=$3 cpu answers
  answers=$(awk -v a="$(val "$f" answers_per_s)" -v c="$(val "$f" cancels_per_s)" 'BEGIN {print a + c}')
  cpu=$(awk -v c="$OURS_CPU" -v s="$(val "$f" seconds)" -v r="$answers" 'BEGIN {printf "%.2f", (s * r > 0) ? c * 1000 / (s * r) : 0}')
  ROWS+=("| $1 | $2 | $(printf '%.0f' "$(val "$f" ok_per_s)") | $(printf '%.0f' "$(val "$f" cancels_per_s)") | $(printf '%.0f' "$answers") | $(awk -v s="$(val "$f" conflict_share)" 'BEGIN {printf "%.0f%%", s * 100}') | $(val "$f" p99_all_ms) ms | $(val "$f" other) / $(val "$f" net_errors) | $cpu ms | $LOAD_BEFORE | $OTHER% |")
  say "  $2: $(val "$f" ok_per_s) spends/s, $(val "$f" cancels_per_s) cancels/s, refused share $(val "$f" conflict_share), p99 $(val "$f" p99_all_ms) ms, other $(val "$f" other) $(grep '^status_' "$f" | paste -sd' ' -), network errors $(val "$f" net_errors), CPU $cpu ms per answer (load $LOAD_BEFORE, other CPU $OTHER%)"
}

measure_keyuan() {  # engine url dir
  local engine=$1 url=$2 dir=$3 name=keyuan label="keyuan"
  servers "$engine" "$url" "$dir"
  [[ $engine == postgres ]] && label="keyuan ×2"
  say "$engine: measuring $label (${DURATION} s, $CLIENTS clients)"
  spend_load "$dir" "$WARM_HOURS" "$dir/$name-warmup.txt" "$WARMUP" || die "$engine: warm-up failed"
  measure spend_load "$dir" "$RUN_HOURS" "$dir/$name.txt" "$DURATION" --acked "$dir/acked-$name.txt" ||
    die "$engine: load failed (see $dir/$name.txt.err)"
  row "$engine" "$label, $CLIENTS clients" "$dir/$name.txt"
  stop_all_keyuan
}

# The ledger's invariants from outside: verify, and no balance below zero but the funding's.
ledger_ok() {  # engine url dir: true when both hold; says what it found
  local below
  below=$(sql "$1" "$2" "SELECT COUNT(*) FROM ledger_balances WHERE balance_fen < 0 AND account NOT LIKE 'funding:%'")
  local rc=0
  "$KEYUAN" vouchers verify --db "$2" >"$3/verify.txt" 2>&1 || rc=$?
  LEDGER_SAID="$(head -1 "$3/verify.txt"); balances below zero: $below"
  ((rc == 0 && below == 0))
}

after_run_check() {  # engine url dir when
  local verdict=misses
  ledger_ok "$1" "$2" "$3" && verdict=meets
  say "$1: $4: $LEDGER_SAID"
  VERDICTS+=("$1: $4: $LEDGER_SAID: $verdict the target (verify passes, nothing below zero)")
  drain_check "$@"
}

# Each drain voucher, spent by several clients at once and never given back, covers exactly
# DRAIN_FEN / SPEND_FEN spends: that many uses live, nothing left available.
drain_check() {  # engine url dir when
  local ids wrong verdict=misses
  ids=$(awk '$2 == 1 {print $1}' "$3/vouchers.txt" | paste -sd, -)
  wrong=$(sql "$1" "$2" "SELECT COUNT(*) FROM vouchers v WHERE v.id IN ($ids) AND ((SELECT COUNT(*) FROM voucher_uses u
    WHERE u.voucher_id = v.id AND u.status = 'reserved') <> $((DRAIN_FEN / SPEND_FEN)) OR (SELECT balance_fen FROM
    ledger_balances WHERE account = 'voucher:' || v.id || ':available') <> $((DRAIN_FEN % SPEND_FEN)))")
  ((wrong == 0)) && verdict=meets
  VERDICTS+=("$1: $4: $wrong of $(tr ',' '\n' <<<"$ids" | wc -l) drain vouchers with other than $((DRAIN_FEN / SPEND_FEN)) spends and nothing left: $verdict the target (0)")
}

# shellcheck source=bench/vouchers/baselines.sh
source "$ROOT/bench/vouchers/baselines.sh"

missing() {  # engine url file query-with-acked: how many acknowledged ids the query finds wrong
  case $1 in
    sqlite)
      sqlite3 -batch -noheader :memory: "CREATE TABLE acked (id INTEGER)" ".import $3 acked" \
        "ATTACH '${2#sqlite:}' AS k" "${4//voucher_uses/k.voucher_uses}"
      ;;
    postgres) psql -X -q -At "$2" -c "CREATE TEMP TABLE acked (id bigint)" -c "\\copy acked FROM '$3'" -c "$4" ;;
  esac
}

crash_loop() {  # engine url dir
  local engine=$1 url=$2 dir=$3 k victim lost=0 unreleased=0 names=(a) verify_ok=0
  [[ $engine == postgres ]] && names=(a b)
  say "$engine: crash loop ($KILLS × SIGKILL)"
  servers "$engine" "$url" "$dir"
  : >"$dir/acked-crash.txt"
  : >"$dir/cancelled-crash.txt"
  for ((k = 1; k <= KILLS; k++)); do
    victim=${names[$(((k - 1) % ${#names[@]}))]}
    # Hours of their own: a spend acknowledged but not cancelled before the kill keeps its hour.
    spend_load "$dir" "$((${CRASH_HOURS% *} + (k - 1) * 300)) ${CRASH_HOURS#* }" "$dir/crash-$k.txt" "$KILL_RUN" --acked "$dir/acked-crash.txt" \
      --acked-cancels "$dir/cancelled-crash.txt" &
    kill_mid_run "$victim" "$url" "$dir" "$KILL_RUN" $! || die "$engine: load failed in crash run $k (see $dir/crash-$k.txt.err)"
    lost=$(missing "$engine" "$url" "$dir/acked-crash.txt" "SELECT COUNT(*) FROM acked a WHERE NOT EXISTS
      (SELECT 1 FROM voucher_uses u WHERE u.object_kind = 'booking' AND u.object_id = a.id)")
    unreleased=$(missing "$engine" "$url" "$dir/cancelled-crash.txt" "SELECT COUNT(*) FROM acked a WHERE NOT EXISTS
      (SELECT 1 FROM voucher_uses u WHERE u.object_kind = 'booking' AND u.object_id = a.id AND u.status = 'released')")
    if ledger_ok "$engine" "$url" "$dir"; then verify_ok=$((verify_ok + 1)); fi
    say "  crash $k: SIGKILL to keyuan $victim after $KILLED_AFTER s of $KILL_RUN; $(wc -l <"$dir/acked-crash.txt") spends and $(wc -l <"$dir/cancelled-crash.txt") cancellations acknowledged so far; lost $lost, not released $unreleased; $LEDGER_SAID"
  done
  stop_all_keyuan
  local acked cancelled verdict=misses
  acked=$(wc -l <"$dir/acked-crash.txt") cancelled=$(wc -l <"$dir/cancelled-crash.txt")
  CRASH_ROWS+=("| $engine | $KILLS | $acked | $lost | $cancelled | $unreleased | passed $verify_ok of $KILLS |")
  ((lost == 0 && unreleased == 0 && verify_ok == KILLS)) && verdict=meets
  drain_check "$engine" "$url" "$dir" "after the crash loop"
  VERDICTS+=("$engine: after $KILLS SIGKILLs: $lost of $acked acknowledged spends lost, $unreleased of $cancelled acknowledged cancellations not released, verify passed $verify_ok of $KILLS times: $verdict the target (0, 0, every time)")
}
