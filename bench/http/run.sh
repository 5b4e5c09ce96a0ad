#!/usr/bin/env bash
# HTTP benchmark: keyuan against nginx on GET /api/v1/health, measured with wrk over loopback.
#
#   bench/http/run.sh          # about 3 minutes on a 2-core machine
#
# nginx (Debian's /usr/sbin/nginx) serves the very body keyuan answers, as a static file with
# Content-Type application/json, from a throw-away prefix with its own minimal nginx.conf.
# Both servers run side by side and are measured alternately, round after round, so that
# they see the same machine state; the table reports the median of the rounds.
#
# Two setups:
#   pinned   each server on CPU 0 (taskset -c 0) with one thread / one worker process,
#            wrk on CPU 1 with one thread: the same single core for both servers.
#   natural  no pinning, keyuan io_threads = nproc, nginx worker_processes = nproc,
#            wrk -t nproc: what a default deployment on this machine looks like.
#
# Knobs (environment): DURATION=10 (seconds per measurement), WARMUP=3 (seconds),
# ROUNDS=3, CONNECTIONS=64, SETUPS="pinned natural", KEYUAN_BIN=build/keyuan,
# OUT_DIR (defaults to a new mktemp directory; raw wrk outputs and logs are kept there),
# QUIET_PERCENT=10 and QUIET_BUDGET=300 (see below), NGINX_PROFILE=tuned.
#
# NGINX_PROFILE=tuned (default) gives nginx its best shot at a tiny static file: descriptors
# cached (open_file_cache), no sendfile/TCP_CORK, so a request costs it a read, a pread and a
# writev. NGINX_PROFILE=stock uses Debian's stock file settings (sendfile on, tcp_nopush on,
# no open_file_cache: open, fstat, cork, writev, sendfile, uncork, close per request).
#
# Other work on the machine (a compiler, say) would skew the numbers, so before each
# measurement the script waits, up to QUIET_BUDGET seconds in total, for the CPUs to be
# less than QUIET_PERCENT busy; and during each measurement it accounts the CPU time used
# by processes other than the two servers and wrk ("other CPU"), which the table reports
# and which raises a warning above 5% of the machine.
#
# Exits non-zero only when the benchmark cannot run; missing the 70% target is reported.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-64}
SETUPS=${SETUPS:-pinned natural}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build/keyuan}
NGINX_BIN=/usr/sbin/nginx
TARGET_PERCENT=70
QUIET_PERCENT=${QUIET_PERCENT:-10}
QUIET_BUDGET=${QUIET_BUDGET:-300}
NGINX_PROFILE=${NGINX_PROFILE:-tuned}
case $NGINX_PROFILE in
  tuned) NGINX_FILE_SETTINGS="sendfile off; tcp_nopush off; open_file_cache max=64 inactive=60s; open_file_cache_valid 60s;" ;;
  stock) NGINX_FILE_SETTINGS="sendfile on; tcp_nopush on;" ;;
  *) echo "bench/http: NGINX_PROFILE must be tuned or stock" >&2; exit 2 ;;
esac
PATH_UNDER_TEST=/api/v1/health

die() {
  echo "bench/http: $*" >&2
  exit 1
}

# ---------------------------------------------------------------- process bookkeeping
# Only processes started here are ever signalled, by their recorded ids.
SERVER_PIDS=()
CURRENT_WRK=""

stop_pid() {  # TERM, wait up to 5 s, then KILL the process and any children left behind
  local pid=$1 i children
  kill -0 "$pid" 2>/dev/null || return 0
  children=$(pgrep -P "$pid" 2>/dev/null || true)
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  for c in $children; do kill -KILL "$c" 2>/dev/null || true; done
}

stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do stop_pid "$pid"; done
  SERVER_PIDS=()
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $CURRENT_WRK ]]; then stop_pid "$CURRENT_WRK"; fi
  stop_servers
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- preparation
"$ROOT/scripts/install-deps.sh"
for tool in wrk taskset curl python3; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
[[ -x $NGINX_BIN ]] || die "$NGINX_BIN not found"

if [[ ! -x $KEYUAN_BIN ]]; then
  echo "bench/http: building keyuan in $ROOT/build" >&2
  cmake -S "$ROOT" -B "$ROOT/build" -G Ninja -DKEYUAN_TESTS=OFF >/dev/null
  cmake --build "$ROOT/build"
  KEYUAN_BIN=$ROOT/build/keyuan
fi

NCPU=$(nproc)
OUT=${OUT_DIR:-$(mktemp -d /tmp/keyuan-bench-http.XXXXXX)}
mkdir -p "$OUT"
echo "bench/http: raw wrk outputs and logs in $OUT"

CPU_MODEL=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
NGINX_VERSION=$("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: //')
WRK_VERSION=$(wrk -v 2>&1 | head -n1 | awk '{print $1, $2}' || true)
KEYUAN_REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$ROOT" status --porcelain -- src 2>/dev/null || true) ]]; then KEYUAN_REV+=" (src modified)"; fi
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$ROOT/build/CMakeCache.txt" 2>/dev/null || true)

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_http() {  # url pid: until the url answers 200, or fail if the process died / 15 s passed
  local url=$1 pid=$2 i
  for ((i = 0; i < 150; i++)); do
    if curl -sf -o /dev/null --max-time 1 "$url"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# ---------------------------------------------------------------- servers
KEYUAN_PORT=""
NGINX_PORT=""

start_keyuan() {  # dir io_threads pin...
  local dir=$1 io=$2 pid i
  shift 2
  mkdir -p "$dir"
  printf '[server]\nio_threads = %d\n' "$io" >"$dir/keyuan.toml"
  "$@" "$KEYUAN_BIN" serve --listen 127.0.0.1:0 --db "sqlite:$dir/keyuan.db" --no-access-log \
    --config "$dir/keyuan.toml" >"$dir/keyuan.log" 2>&1 &
  pid=$!
  SERVER_PIDS+=("$pid")
  KEYUAN_PORT=""
  for ((i = 0; i < 150; i++)); do
    KEYUAN_PORT=$(sed -n 's/.*"msg":"listening".*"port":\([0-9][0-9]*\).*/\1/p' "$dir/keyuan.log")
    [[ -n $KEYUAN_PORT ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$dir/keyuan.log" >&2; die "keyuan exited at startup"; }
    sleep 0.1
  done
  [[ -n $KEYUAN_PORT ]] || die "keyuan did not start listening (see $dir/keyuan.log)"
  wait_http "http://127.0.0.1:$KEYUAN_PORT$PATH_UNDER_TEST" "$pid" || die "keyuan does not answer (see $dir/keyuan.log)"
}

start_nginx() {  # prefix workers body_file pin...
  local prefix=$1 workers=$2 body=$3 pid user_line=""
  shift 3
  mkdir -p "$prefix/html${PATH_UNDER_TEST%/*}" "$prefix/tmp" "$prefix/logs"
  cp "$body" "$prefix/html$PATH_UNDER_TEST"
  if [[ $(id -u) -eq 0 ]]; then user_line="user root;"; fi
  for _ in 1 2 3 4 5; do
    NGINX_PORT=$(free_port)
    cat >"$prefix/nginx.conf" <<EOF
# Minimal configuration for the benchmark; generated by bench/http/run.sh.
$user_line
daemon off;
master_process on;
worker_processes $workers;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events {
    worker_connections 4096;
}
http {
    access_log off;
    server_tokens off;
    $NGINX_FILE_SETTINGS
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    client_body_temp_path $prefix/tmp/body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $prefix/html;
        location = $PATH_UNDER_TEST {
            default_type application/json;
            charset utf-8;
            charset_types application/json;
        }
    }
}
EOF
    "$@" "$NGINX_BIN" -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf" >"$prefix/logs/stdout.log" 2>&1 &
    pid=$!
    SERVER_PIDS+=("$pid")
    if wait_http "http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST" "$pid"; then return 0; fi
    stop_pid "$pid"
    grep -q 'Address already in use' "$prefix/logs/error.log" 2>/dev/null || break
  done
  cat "$prefix/logs/error.log" >&2 || true
  die "nginx did not start (see $prefix/logs)"
}

# ---------------------------------------------------------------- measurement
OTHER_CPU=""   # percent of the whole machine used by other processes during the last run
STEAL_CPU=""   # percent stolen by the hypervisor during the last run

run_wrk() {  # outfile seconds threads url pin...
  local out=$1 seconds=$2 threads=$3 url=$4
  shift 4
  local c0 c1 s0 s1 w0 w1 start_ns end_ns
  c0=$(cpu_counters) s0=$(server_jiffies) w0=$(children_ms) start_ns=$(date +%s%N)
  timeout --kill-after=5 $((seconds + 30)) "$@" wrk -t"$threads" -c"$CONNECTIONS" -d"${seconds}s" --latency "$url" \
    >"$out" 2>&1 &
  CURRENT_WRK=$!
  if ! wait "$CURRENT_WRK"; then
    CURRENT_WRK=""
    cat "$out" >&2
    die "wrk failed (see $out)"
  fi
  CURRENT_WRK=""
  c1=$(cpu_counters) s1=$(server_jiffies) w1=$(children_ms) end_ns=$(date +%s%N)
  grep -q '^Requests/sec:' "$out" || die "no Requests/sec in $out"
  # Process CPU (user+nice+system) of the machine minus that of the servers and wrk.
  read -r OTHER_CPU STEAL_CPU < <(awk -v c0="$c0" -v c1="$c1" -v s="$((s1 - s0))" -v w="$((w1 - w0))" \
    -v hz="$CLK_TCK" -v ns="$((end_ns - start_ns))" -v n="$NCPU" 'BEGIN {
      split(c0, a, " "); split(c1, b, " ")
      wall = ns / 1e9 * n
      other = ((b[2] - a[2]) / hz - s / hz - w / 1000) / wall * 100
      if (other < 0) other = 0
      printf "%.1f %.1f\n", other, (b[4] - a[4]) / hz / wall * 100 }')
  printf '# bench/http: other processes %s%% CPU, steal %s%% during this run\n' "$OTHER_CPU" "$STEAL_CPU" >>"$out"
}

# ---- CPU accounting, from /proc (jiffies) and the shell's `times` (reaped children)
CLK_TCK=$(getconf CLK_TCK)

cpu_counters() {  # "busy_all busy_process total steal" in jiffies, all CPUs
  awk '$1 == "cpu" {
         t = 0; for (i = 2; i <= 9; i++) t += $i
         print t - $5 - $6, $2 + $3 + $4, t, $9; exit
       }' /proc/stat
}

server_jiffies() {  # user+system time of the servers and their children (nginx workers)
  local pids=() p total=0
  for p in "${SERVER_PIDS[@]}"; do
    pids+=("$p")
    # shellcheck disable=SC2207
    pids+=($(pgrep -P "$p" || true))
  done
  for p in "${pids[@]}"; do
    if [[ -r /proc/$p/stat ]]; then total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); fi
  done
  echo "$total"
}

children_ms() {  # CPU time of reaped children of this shell (wrk via timeout), in ms
  times | awk 'NR == 2 {
    t = 0
    for (i = 1; i <= 2; i++) { split($i, a, "m"); sub(/s$/, "", a[2]); t += a[1] * 60 + a[2] }
    printf "%d\n", t * 1000 }'
}

QUIET_SPENT=0
wait_quiet() {  # label: wait until the machine is idle (bounded by QUIET_BUDGET overall)
  local before after t0 t1 busy announced=""
  while :; do
    read -r before _ t0 _ <<<"$(cpu_counters)"
    sleep 1
    read -r after _ t1 _ <<<"$(cpu_counters)"
    busy=$(( (after - before) * 100 / ((t1 - t0) > 0 ? (t1 - t0) : 1) ))
    ((busy <= QUIET_PERCENT)) && return 0
    if ((QUIET_SPENT >= QUIET_BUDGET)); then
      WARNINGS+=("$1: machine $busy% busy before the run; quiet-wait budget (${QUIET_BUDGET}s) used up")
      return 0
    fi
    if [[ -z $announced ]]; then
      echo "bench/http:   machine $busy% busy, waiting for it to settle ($1)" >&2
      announced=1
    fi
    QUIET_SPENT=$((QUIET_SPENT + 1))
  done
}

rps_of() { awk '/^Requests\/sec:/ {print $2}' "$1"; }

p99_ms_of() {  # wrk prints 99% as e.g. 812.00us, 1.93ms or 1.02s
  awk '$1 == "99%" {
         v = $2
         if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
         else if (v ~ /ms$/) { sub(/ms$/, "", v); v = v + 0 }
         else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
         printf "%.3f\n", v; exit
       }' "$1"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

ROWS=()
WARNINGS=()

check_errors() {  # outfile label
  local line
  line=$(grep -E 'Non-2xx|Socket errors' "$1" | tr -s ' ' | paste -sd ';' - || true)
  if [[ -n $line ]]; then WARNINGS+=("$2: $line ($1)"); fi
}

run_setup() {  # name
  local name=$1 dir=$OUT/$1 io threads server_pin=() wrk_pin=() desc
  case $name in
    pinned)
      ((NCPU >= 2)) || {
        echo "bench/http: skipping 'pinned' (needs 2 CPUs)" >&2
        return 0
      }
      io=1 threads=1 server_pin=(taskset -c 0) wrk_pin=(taskset -c 1)
      desc="pinned: servers on CPU 0, wrk -t1 on CPU 1"
      ;;
    natural)
      io=$NCPU threads=$NCPU
      desc="natural: no pinning, $NCPU threads each, wrk -t$NCPU"
      ;;
    *) die "unknown setup '$name' (pinned, natural)" ;;
  esac
  mkdir -p "$dir/raw"
  echo "bench/http: setup $desc"

  start_keyuan "$dir/keyuan" "$io" "${server_pin[@]}"
  local keyuan_url="http://127.0.0.1:$KEYUAN_PORT$PATH_UNDER_TEST"
  curl -sf "$keyuan_url" -o "$dir/body.json"
  start_nginx "$dir/nginx" "$io" "$dir/body.json" "${server_pin[@]}"
  local nginx_url="http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST"

  curl -si "$keyuan_url" >"$dir/keyuan.response.txt"
  curl -si "$nginx_url" >"$dir/nginx.response.txt"
  curl -sf "$nginx_url" | cmp -s - "$dir/body.json" || die "nginx and keyuan bodies differ (see $dir)"
  echo "bench/http:   body $(cat "$dir/body.json") ($(wc -c <"$dir/body.json") bytes), keyuan :$KEYUAN_PORT, nginx :$NGINX_PORT"

  local server
  for server in nginx keyuan; do
    local url=$nginx_url
    [[ $server == keyuan ]] && url=$keyuan_url
    echo "bench/http:   warm-up $server ${WARMUP}s"
    wait_quiet "$name/$server/warm-up"
    run_wrk "$dir/raw/warmup-$server.txt" "$WARMUP" "$threads" "$url" "${wrk_pin[@]}"
  done

  local -a nginx_rps=() nginx_p99=() keyuan_rps=() keyuan_p99=() nginx_other=() keyuan_other=()
  local round order f
  for ((round = 1; round <= ROUNDS; round++)); do
    # Alternate who goes first so that drift in machine state hits both alike.
    if ((round % 2)); then order="nginx keyuan"; else order="keyuan nginx"; fi
    for server in $order; do
      local url=$nginx_url
      [[ $server == keyuan ]] && url=$keyuan_url
      f=$dir/raw/round$round-$server.txt
      wait_quiet "$name/$server/round$round"
      run_wrk "$f" "$DURATION" "$threads" "$url" "${wrk_pin[@]}"
      check_errors "$f" "$name/$server/round$round"
      if awk -v o="$OTHER_CPU" 'BEGIN {exit !(o > 5)}'; then
        WARNINGS+=("$name/$server/round$round: other processes used $OTHER_CPU% of the machine during the run")
      fi
      if [[ $server == nginx ]]; then
        nginx_rps+=("$(rps_of "$f")") nginx_p99+=("$(p99_ms_of "$f")") nginx_other+=("$OTHER_CPU")
      else
        keyuan_rps+=("$(rps_of "$f")") keyuan_p99+=("$(p99_ms_of "$f")") keyuan_other+=("$OTHER_CPU")
      fi
      printf 'bench/http:   round %d %-6s %10.0f req/s  p99 %7.2f ms  (other CPU %s%%, steal %s%%)\n' \
        "$round" "$server" "$(rps_of "$f")" "$(p99_ms_of "$f")" "$OTHER_CPU" "$STEAL_CPU"
    done
  done
  stop_servers

  local n_rps n_p99 k_rps k_p99 ratio verdict
  n_rps=$(median "${nginx_rps[@]}") n_p99=$(median "${nginx_p99[@]}")
  k_rps=$(median "${keyuan_rps[@]}") k_p99=$(median "${keyuan_p99[@]}")
  ratio=$(awk -v k="$k_rps" -v n="$n_rps" 'BEGIN {printf "%.1f", 100 * k / n}')
  verdict=$(awk -v r="$ratio" -v t="$TARGET_PERCENT" 'BEGIN {print (r >= t) ? "meets" : "misses"}')
  local rounds_n rounds_k
  rounds_n=$(printf '%.0f / ' "${nginx_rps[@]}") rounds_k=$(printf '%.0f / ' "${keyuan_rps[@]}")
  local n_other k_other
  n_other=$(printf '%s\n' "${nginx_other[@]}" | sort -g | tail -n1)
  k_other=$(printf '%s\n' "${keyuan_other[@]}" | sort -g | tail -n1)
  ROWS+=("| $name | nginx, worker_processes $io | $(printf '%.0f' "$n_rps") | $(printf '%.2f' "$n_p99") ms | | ${rounds_n% / } | $n_other% |")
  ROWS+=("| $name | keyuan, io_threads $io | $(printf '%.0f' "$k_rps") | $(printf '%.2f' "$k_p99") ms | **$ratio%** ($verdict ≥ $TARGET_PERCENT%) | ${rounds_k% / } | $k_other% |")
}

for setup in $SETUPS; do run_setup "$setup"; done

# ---------------------------------------------------------------- report
{
  echo "Command: bench/http/run.sh (DURATION=$DURATION WARMUP=$WARMUP ROUNDS=$ROUNDS CONNECTIONS=$CONNECTIONS NGINX_PROFILE=$NGINX_PROFILE)"
  echo "Machine: $NCPU CPUs, $CPU_MODEL, Linux $(uname -r)"
  echo "Versions: nginx $NGINX_VERSION; $WRK_VERSION; keyuan $KEYUAN_REV${BUILD_TYPE:+, $BUILD_TYPE build}"
  echo "Load: wrk -c$CONNECTIONS -d${DURATION}s --latency GET $PATH_UNDER_TEST, keep-alive; median of $ROUNDS alternating rounds"
  echo
  echo "| setup | server | req/s | p99 latency | keyuan / nginx req/s | req/s per round | other CPU (max) |"
  echo "|---|---|---:|---:|---|---|---:|"
  printf '%s\n' "${ROWS[@]}"
  if ((${#WARNINGS[@]})); then
    echo
    echo "Warnings:"
    printf -- '- %s\n' "${WARNINGS[@]}"
  fi
} | tee "$OUT/results.md"
echo
echo "bench/http: raw wrk outputs in $OUT (results.md, <setup>/raw/*.txt)"
