# The keyuan servers of bench/*/run.sh (sourced after measure.sh): started on free ports, their
# ids and ports kept (KPID, KPORT), stopped by those ids only, and measure(), which runs a
# measurement and reports what else used the machine meanwhile. Uses the caller's KEYUAN, OUT,
# POOL_SIZE, INDEX (a search index; a second keyuan, "b", gets a copy of its own) and die().
# shellcheck shell=bash
# shellcheck disable=SC2034  # KPORT and the measurement's results are read by the callers
# shellcheck disable=SC2153  # INDEX is the caller's

# Only processes started here are ever signalled, and only by their recorded ids.
declare -A KPID=() KPORT=()
PG_DIR=""

stop_all_keyuan() {
  local name
  for name in "${!KPID[@]}"; do stop_pid "${KPID[$name]}"; done
  KPID=()
  KPORT=()
}

# Runs "$@" in the foreground; sets OTHER (% of the machine used by processes other than keyuan,
# PostgreSQL and the command), OURS_CPU (CPU seconds of keyuan, PostgreSQL and the command) and
# LOAD_BEFORE.
OTHER="" OURS_CPU="" LOAD_BEFORE=""
measure() {
  local c0 c1 s0 s1 w0 w1 t0 t1 rc=0
  wait_quiet
  LOAD_BEFORE=$(load1)
  children_ms
  c0=$(proc_counters) s0=$(tree_jiffies "${KPID[@]}" "$(pg_postmaster)") w0=$CHILDREN_MS t0=$(date +%s%N)
  "$@" || rc=$?
  children_ms
  c1=$(proc_counters) s1=$(tree_jiffies "${KPID[@]}" "$(pg_postmaster)") w1=$CHILDREN_MS t1=$(date +%s%N)
  OTHER=$(awk -v c="$((c1 - c0))" -v s="$((s1 - s0))" -v w="$((w1 - w0))" -v hz="$CLK_TCK" -v ns="$((t1 - t0))" \
    -v n="$NCPU" 'BEGIN { o = (c / hz - s / hz - w / 1000) / (ns / 1e9 * n) * 100; if (o < 0) o = 0; printf "%.0f", o }')
  OURS_CPU=$(awk -v s="$((s1 - s0))" -v w="$((w1 - w0))" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", s / hz + w / 1000 }')
  return "$rc"
}

start_keyuan() {  # name url dir: a keyuan on a free port, into KPID[name] and KPORT[name]
  local name=$1 url=$2 dir=$3 port="" i log skip=0 index=$INDEX
  log=$dir/keyuan-$name.log
  # A search index belongs to one process (Xapian's write lock): the second keyuan gets a copy.
  if [[ $name == b ]]; then
    index=$OUT/index-b
    [[ -d $index ]] || cp -r "$INDEX" "$index"
  fi
  # A restart appends to the same log: look only at what this start writes.
  [[ -f $log ]] && skip=$(wc -l <"$log")
  printf '[server]\naccess_log = false\n[database]\npool_size = %d\n' "$POOL_SIZE" >"$dir/keyuan.toml"
  "$KEYUAN" serve --db "$url" --listen 127.0.0.1:0 --no-access-log --index "$index" --config "$dir/keyuan.toml" \
    >>"$log" 2>&1 &
  KPID[$name]=$!
  for ((i = 0; i < 300; i++)); do
    port=$(tail -n +$((skip + 1)) "$log" 2>/dev/null | sed -n 's/.*"msg":"listening".*"port":\([0-9][0-9]*\).*/\1/p' | tail -n1 || true)
    [[ -n $port ]] && break
    kill -0 "${KPID[$name]}" 2>/dev/null || { tail -n 20 "$log" >&2; die "keyuan $name exited at startup"; }
    sleep 0.1
  done
  [[ -n $port ]] || die "keyuan $name did not start listening (see $log)"
  KPORT[$name]=$port
  for ((i = 0; i < 150; i++)); do
    curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/api/v1/health" && return 0
    sleep 0.1
  done
  die "keyuan $name does not answer (see $log)"
}

targets() {  # --target flags for every running keyuan
  local name
  for name in $(printf '%s\n' "${!KPORT[@]}" | sort); do printf -- '--target 127.0.0.1:%s ' "${KPORT[$name]}"; done
}


# The crash loops' kill: SIGKILL keyuan `name` at a random moment between 25 % and 75 % of a run
# of `seconds` that the load generator `pid` is doing, wait for the run to end, restart the server.
KILLED_AFTER=""
kill_mid_run() {  # name url dir seconds pid: false when the load generator failed
  local rc=0
  KILLED_AFTER=$(awk -v r="$RANDOM" -v d="$4" 'BEGIN {printf "%.2f", d * (0.25 + 0.5 * r / 32767)}')
  sleep "$KILLED_AFTER"
  kill -KILL "${KPID[$1]}"
  wait "${KPID[$1]}" 2>/dev/null || true
  wait "$5" || rc=$?
  start_keyuan "$1" "$2" "$3"
  return "$rc"
}

# The clean-up on exit, interrupt or termination: the keyuan servers started here, the run's
# PostgreSQL, and the scratch files named (globs under OUT: the databases and indexes, gigabytes at
# full scale) unless KEEP_DATA=1.
BENCH_SCRATCH=()
bench_cleanup_on_exit() {  # glob...
  BENCH_SCRATCH=("$@")
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
bench_cleanup() {
  local rc=$? glob
  trap - EXIT INT TERM
  stop_all_keyuan
  if [[ -n $PG_DIR ]]; then "$ROOT/tests/pg_server.sh" stop "$PG_DIR" || true; fi
  if [[ ${KEEP_DATA:-0} != 1 && -n ${OUT:-} ]]; then
    # shellcheck disable=SC2086  # the globs are meant to expand
    for glob in "${BENCH_SCRATCH[@]}"; do rm -rf "$OUT"/$glob 2>/dev/null || true; done
  fi
  exit "$rc"
}
