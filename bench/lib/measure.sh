# Shared by bench/*/run.sh (sourced): the preamble every script starts with (messages, tools,
# the binary measured, the scratch folder) and process and CPU bookkeeping for measurements on a
# machine that other work may share. Uses the caller's ROOT (the repository), BENCH (its name,
# for messages and the scratch folder), KEYUAN_BIN, OUT_DIR, OUT (the scratch folder, set by
# bench_out) and PG_DIR (a PostgreSQL server of tests/pg_server.sh, or empty).
# shellcheck shell=bash

# Before each measurement wait_quiet waits up to QUIET_WAIT seconds for the machine to be less
# than QUIET_PERCENT busy.
QUIET_WAIT=${QUIET_WAIT:-30}
QUIET_PERCENT=${QUIET_PERCENT:-20}
# shellcheck disable=SC2034  # read by the scripts that source this
NCPU=$(nproc)
# shellcheck disable=SC2034
CLK_TCK=$(getconf CLK_TCK)

die() {
  echo "bench/$BENCH: $*" >&2
  exit 1
}
say() { echo "bench/$BENCH: $*"; }
load1() { cut -d' ' -f1 /proc/loadavg; }

need_tools() {  # tool...: dies naming the first one missing
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "$tool not found (scripts/install-deps.sh installs them)"
  done
}

# Builds keyuan and the bench programs named (Release, tests off, in ROOT/build-bench) unless
# KEYUAN_BIN and the programs (in the bench/ folder beside it) exist; KEYUAN_BIN is then the
# one built.
bench_binary() {  # program...
  local program missing=0
  [[ -x $KEYUAN_BIN ]] || missing=1
  for program in "$@"; do [[ -x $(dirname "$KEYUAN_BIN")/bench/$program ]] || missing=1; done
  ((missing)) || return 0
  say "building keyuan${1:+ and the bench programs} in $ROOT/build-bench (Release)"
  cmake -S "$ROOT" -B "$ROOT/build-bench" -G Ninja -DKEYUAN_TESTS=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$ROOT/build-bench" --target keyuan "$@"
  KEYUAN_BIN=$ROOT/build-bench/keyuan
}

# Makes OUT (OUT_DIR, or a new folder in /tmp), describes the binary measured (BUILD_TYPE,
# KEYUAN_REV: when it was built and the tree it was built from) and copies it there (KEYUAN), so
# that a rebuild during the benchmark changes nothing.
bench_out() {  # what OUT holds, for the message
  OUT=${OUT_DIR:-$(mktemp -d "/tmp/keyuan-bench-$BENCH.XXXXXX")}
  mkdir -p "$OUT"
  say "$1 in $OUT"
  # shellcheck disable=SC2034  # read by the scripts that source this
  BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$(dirname "$KEYUAN_BIN")/CMakeCache.txt" 2>/dev/null || true)
  KEYUAN_REV="binary built $(date -u -r "$KEYUAN_BIN" +%Y-%m-%dT%H:%MZ), tree at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [[ -n $(git -C "$ROOT" status --porcelain -- src 2>/dev/null || true) ]]; then
    KEYUAN_REV+=" + uncommitted src changes"
  fi
  cp "$KEYUAN_BIN" "$OUT/keyuan"
  # shellcheck disable=SC2034
  KEYUAN=$OUT/keyuan
}

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

# ---------------------------------------------------------------- databases
sql() {  # engine url query: rows as a|b|c
  case $1 in
    sqlite) sqlite3 -batch -noheader -separator '|' "${2#sqlite:}" "$3" ;;
    postgres) psql -X -q -At -F '|' "$2" -c "$3" ;;
  esac
}

# The database of `engine` for a run, its URL into DB_URL: the SQLite file SQLITE_DB when set
# (filled already; the demo is not timed), else a new SQLite file in dir or a throw-away
# PostgreSQL server (PG_DIR, under OUT) filled by the script's own load_demo (engine url), and on
# PostgreSQL vacuumed and analysed, as a server in steady state is.
DB_URL=""
open_demo_database() {  # engine dir
  local engine=$1 dir=$2
  case $engine in
    sqlite)
      if [[ -n ${SQLITE_DB:-} ]]; then
        DB_URL="sqlite:$SQLITE_DB"
        say "sqlite: reusing $SQLITE_DB (demo not timed)"
      else
        DB_URL="sqlite:$dir/keyuan.db"
        load_demo sqlite "$DB_URL"
      fi
      ;;
    postgres)
      PG_DIR=$OUT/pg
      DB_URL=$("$ROOT/tests/pg_server.sh" start "$PG_DIR")
      load_demo postgres "$DB_URL"
      psql -X -q "$DB_URL" -c "VACUUM (ANALYZE)" >/dev/null
      ;;
    *) die "unknown engine '$engine' (sqlite, postgres)" ;;
  esac
}

close_demo_database() {  # stops the run's PostgreSQL server, if one is running
  if [[ -n $PG_DIR ]]; then
    "$ROOT/tests/pg_server.sh" stop "$PG_DIR"
    PG_DIR=""
  fi
}

# ---------------------------------------------------------------- report
machine_line() {  # extra…: the report's "Machine:" line, the tools measured beside keyuan after it
  local line extra
  line="Machine: $NCPU CPUs, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), Linux $(uname -r); keyuan $KEYUAN_REV${BUILD_TYPE:+ ($BUILD_TYPE)}"
  for extra in "$@"; do line+="; $extra"; done
  echo "$line"
}

# The options every run.sh takes: --engine sqlite|postgresql|both into ENGINES and, when the script
# names its scales, --scale NAME into SCALE_OPTION (N among the names accepts a number). Anything
# else prints the script's usage and exits 2.
bench_options() {  # "usage" "scale names, or empty" args...
  local usage=$1 scales=$2
  shift 2
  while (($#)); do
    case $1 in
      --engine)
        case ${2:-} in
          sqlite) ENGINES=sqlite ;;
          postgresql | postgres) ENGINES=postgres ;;
          both) ENGINES="sqlite postgres" ;;
          *) echo "--engine: sqlite, postgresql or both" >&2; exit 2 ;;
        esac ;;
      --scale)
        [[ -n $scales ]] || { echo "usage: $usage" >&2; exit 2; }
        if [[ " $scales " == *" ${2:-} "* || (" $scales " == *" N "* && ${2:-} =~ ^[0-9]+(\.[0-9]+)?$) ]]; then
          # shellcheck disable=SC2034  # read by the script
          SCALE_OPTION=$2
        else
          echo "--scale: ${scales// /, }" >&2
          exit 2
        fi ;;
      *) echo "usage: $usage" >&2; exit 2 ;;
    esac
    shift 2
  done
}
