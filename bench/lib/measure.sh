# Shared by bench/*/run.sh (sourced): process and CPU bookkeeping for measurements on a machine
# that other work may share. Uses the caller's OUT (a scratch folder), PG_DIR (a PostgreSQL
# server of tests/pg_server.sh, or empty), QUIET_WAIT and QUIET_PERCENT.
# shellcheck shell=bash

stop_pid() {  # TERM, wait up to 10 s, then KILL
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Waits (QUIET_WAIT seconds at most) for two seconds in a row with the machine less than
# QUIET_PERCENT busy, so that a measurement does not start in the middle of someone's build.
wait_quiet() {
  local waited=0 quiet=0 a b t0 t1 busy
  while ((quiet < 2 && waited < QUIET_WAIT)); do
    read -r a t0 < <(awk '$1 == "cpu" {t = 0; for (i = 2; i <= 9; i++) t += $i; print $2 + $3 + $4, t; exit}' /proc/stat)
    sleep 1
    read -r b t1 < <(awk '$1 == "cpu" {t = 0; for (i = 2; i <= 9; i++) t += $i; print $2 + $3 + $4, t; exit}' /proc/stat)
    busy=$(((b - a) * 100 / ((t1 - t0) > 0 ? (t1 - t0) : 1)))
    if ((busy < QUIET_PERCENT)); then quiet=$((quiet + 1)); else quiet=0; fi
    waited=$((waited + 1))
  done
}

proc_counters() {  # user+nice+system jiffies of the whole machine
  awk '$1 == "cpu" {print $2 + $3 + $4; exit}' /proc/stat
}

tree_jiffies() {  # pid...: CPU (own + reaped children) of these processes and their live children
  local p total=0 pids=()
  for p in "$@"; do
    [[ -n $p ]] || continue
    pids+=("$p")
    # shellcheck disable=SC2207
    pids+=($(pgrep -P "$p" 2>/dev/null || true))
  done
  for p in "${pids[@]}"; do
    if [[ -r /proc/$p/stat ]]; then
      total=$((total + $(awk '{sub(/^.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    fi
  done
  echo "$total"
}

pg_postmaster() { [[ -n $PG_DIR && -r $PG_DIR/data/postmaster.pid ]] && head -n1 "$PG_DIR/data/postmaster.pid" || true; }

# shellcheck disable=SC2034  # read by the scripts that source this
CHILDREN_MS=0
children_ms() {  # CPU time of this shell's reaped children (the load generators), into CHILDREN_MS
  # `times` must run in this shell itself, not in a subshell, to see this shell's children.
  times >"$OUT/.times"
  CHILDREN_MS=$(awk 'NR == 2 {
    t = 0
    for (i = 1; i <= 2; i++) { split($i, a, "m"); sub(/s$/, "", a[2]); t += a[1] * 60 + a[2] }
    printf "%d\n", t * 1000 }' "$OUT/.times")
}
