#!/usr/bin/env bash
# HTTP benchmark: keyuan against nginx on GET /api/v1/health, measured with wrk over loopback.
#
#   bench/http/run.sh          # about 7 minutes on a 2-core machine
#
# Debian's nginx (/usr/sbin/nginx) serves the very body keyuan answers, as a static file with
# Content-Type application/json, from a throw-away prefix with its own minimal nginx.conf.
# Two nginx configurations run next to keyuan:
#   nginx        "tuned": descriptors cached (open_file_cache), no sendfile, no TCP_CORK, so
#                a request costs it one recv, one pread and one writev. The bar for the target.
#   nginx-stock  Debian's stock file settings (sendfile on, tcp_nopush on, no open_file_cache):
#                open, fstat, cork, writev, sendfile, uncork and close on every request.
# All servers run at the same time and are measured in turn, round after round, with the
# order rotated, so that they see the same machine state; the table gives the medians.
#
# Two setups:
#   pinned   every server on CPU 0 (taskset -c 0) with one thread / one worker process,
#            wrk on CPU 1 with one thread: the same single core for each server.
#   natural  no pinning, keyuan io_threads = nproc, nginx worker_processes = nproc,
#            wrk -t nproc: what a default deployment on this machine looks like.
#
# Other work on the machine (a compiler, say) would skew the numbers. Run as root, the
# servers and wrk get nice -20 (NICE; each in a session and autogroup of its own), so that
# other processes mostly get the idle time.
# Before each measurement the script waits for two seconds in a row with the CPUs less
# than QUIET_PERCENT busy (waiting QUIET_BUDGET seconds at most over the whole run), and
# it accounts the CPU time that processes other than the servers and wrk used during each
# measurement ("other CPU"): a measurement during which they used more than OTHER_MAX% of
# the machine is repeated, up to RETRIES times, and then kept with a warning.
#
# Knobs (environment): DURATION=10 (seconds per measurement), WARMUP=3, ROUNDS=5,
# CONNECTIONS=64, SETUPS="pinned natural", SERVERS="nginx nginx-stock keyuan",
# KEYUAN_BIN=build/keyuan, NICE=-20, QUIET_PERCENT=10, QUIET_BUDGET=120, RETRIES=2, OTHER_MAX=5, OUT_DIR
# (default: a new mktemp directory; raw wrk outputs, configurations and logs stay there).
#
# Exits non-zero only when the benchmark cannot run; the 70% target is reported, not asserted.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-64}
SETUPS=${SETUPS:-pinned natural}
SERVERS=${SERVERS:-nginx nginx-stock keyuan}
KEYUAN_BIN=${KEYUAN_BIN:-$ROOT/build/keyuan}
QUIET_PERCENT=${QUIET_PERCENT:-10}
QUIET_BUDGET=${QUIET_BUDGET:-120}
RETRIES=${RETRIES:-2}
OTHER_MAX=${OTHER_MAX:-5}
if [[ $(id -u) -eq 0 ]]; then NICE=${NICE:--20}; else NICE=${NICE:-0}; fi
PRIO=()  # command prefix giving a process priority NICE
if ((NICE != 0)); then
  # With autogroup scheduling (kernel.sched_autogroup_enabled), nice only weighs within a
  # session's group, so each process gets a session of its own and that group the priority.
  # shellcheck disable=SC2016
  PRIO=(setsid sh -c 'echo "$0" >/proc/self/autogroup 2>/dev/null; exec nice -n "$0" "$@"' "$NICE")
fi
NGINX_BIN=/usr/sbin/nginx
TARGET_PERCENT=70
TARGET_PATH=/api/v1/health

die() {
  echo "bench/http: $*" >&2
  exit 1
}

for server in $SERVERS; do
  case $server in nginx | nginx-stock | keyuan) ;; *) die "unknown server '$server'" ;; esac
done
[[ " $SERVERS " == *" keyuan "* ]] || die "SERVERS must include keyuan"

# ---------------------------------------------------------------- process bookkeeping
# Only processes started here are ever signalled, and only by their recorded ids.
declare -A SERVER_PID=() SERVER_URL=()
CURRENT_WRK=""

stop_pid() {  # TERM, wait up to 5 s, then KILL it and any child it left behind
  local pid=$1 i children c
  kill -0 "$pid" 2>/dev/null || return 0
  children=$(pgrep -P "$pid" 2>/dev/null || true)
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for c in $children; do kill -KILL "$c" 2>/dev/null || true; done
}

stop_servers() {
  local name
  for name in "${!SERVER_PID[@]}"; do stop_pid "${SERVER_PID[$name]}"; done
  SERVER_PID=()
  SERVER_URL=()
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
for tool in wrk taskset curl python3 pgrep timeout; do
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
CLK_TCK=$(getconf CLK_TCK)
OUT=${OUT_DIR:-$(mktemp -d /tmp/keyuan-bench-http.XXXXXX)}
mkdir -p "$OUT"
echo "bench/http: raw wrk outputs, configurations and logs in $OUT"

CPU_MODEL=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
NGINX_VERSION=$("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: //')
WRK_VERSION=$(wrk -v 2>&1 | head -n1 | awk '{print $1, $2}' || true)
KEYUAN_REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$ROOT" status --porcelain -- src 2>/dev/null || true) ]]; then KEYUAN_REV+=" + uncommitted src changes"; fi
KEYUAN_BUILT=$(date -u -r "$KEYUAN_BIN" +%Y-%m-%dT%H:%MZ)
KEYUAN_ORIGIN=$KEYUAN_BIN
# Run a private copy, so that a rebuild of build/ during the benchmark changes nothing.
cp "$KEYUAN_BIN" "$OUT/keyuan"
KEYUAN_BIN=$OUT/keyuan
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$(dirname "$KEYUAN_ORIGIN")/CMakeCache.txt" 2>/dev/null || true)

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_http() {  # url pid: until the url answers 2xx; fails if the process died or after 15 s
  local url=$1 pid=$2 i
  for ((i = 0; i < 150; i++)); do
    if curl -sf -o /dev/null --max-time 1 "$url"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# ---------------------------------------------------------------- servers
start_keyuan() {  # dir io_threads pin...
  local dir=$1 io=$2 pid i port=""
  shift 2
  mkdir -p "$dir"
  printf '[server]\nio_threads = %d\n' "$io" >"$dir/keyuan.toml"
  "$@" "$KEYUAN_BIN" serve --listen 127.0.0.1:0 --db "sqlite:$dir/keyuan.db" --no-access-log \
    --config "$dir/keyuan.toml" >"$dir/keyuan.log" 2>&1 &
  pid=$!
  SERVER_PID[keyuan]=$pid
  for ((i = 0; i < 150; i++)); do
    port=$(sed -n 's/.*"msg":"listening".*"port":\([0-9][0-9]*\).*/\1/p' "$dir/keyuan.log")
    [[ -n $port ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$dir/keyuan.log" >&2; die "keyuan exited at startup"; }
    sleep 0.1
  done
  [[ -n $port ]] || die "keyuan did not start listening (see $dir/keyuan.log)"
  SERVER_URL[keyuan]="http://127.0.0.1:$port$TARGET_PATH"
  wait_http "${SERVER_URL[keyuan]}" "$pid" || die "keyuan does not answer (see $dir/keyuan.log)"
}

start_nginx() {  # name prefix workers body_file pin...
  local name=$1 prefix=$2 workers=$3 body=$4 pid port file_settings user_line=""
  shift 4
  case $name in
    nginx) file_settings="sendfile off; tcp_nopush off; open_file_cache max=64 inactive=60s; open_file_cache_valid 60s;" ;;
    nginx-stock) file_settings="sendfile on; tcp_nopush on;" ;;
  esac
  mkdir -p "$prefix/html${TARGET_PATH%/*}" "$prefix/tmp" "$prefix/logs"
  cp "$body" "$prefix/html$TARGET_PATH"
  if [[ $(id -u) -eq 0 ]]; then user_line="user root;"; fi
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    cat >"$prefix/nginx.conf" <<EOF
# Generated by bench/http/run.sh ($name).
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
    $file_settings
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    client_body_temp_path $prefix/tmp/body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    server {
        listen 127.0.0.1:$port;
        root $prefix/html;
        location = $TARGET_PATH {
            default_type application/json;
            charset utf-8;
            charset_types application/json;
        }
    }
}
EOF
    "$@" "$NGINX_BIN" -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf" >"$prefix/logs/stdout.log" 2>&1 &
    pid=$!
    SERVER_PID[$name]=$pid
    SERVER_URL[$name]="http://127.0.0.1:$port$TARGET_PATH"
    if wait_http "${SERVER_URL[$name]}" "$pid"; then return 0; fi
    stop_pid "$pid"
    unset "SERVER_PID[$name]"
    grep -q 'Address already in use' "$prefix/logs/error.log" 2>/dev/null || break  # else retry on another port
  done
  cat "$prefix/logs/error.log" >&2 || true
  die "$name did not start (see $prefix/logs)"
}

# ---------------------------------------------------------------- CPU accounting
cpu_counters() {  # "busy process total steal" in jiffies over all CPUs, from /proc/stat
  awk '$1 == "cpu" {
         t = 0; for (i = 2; i <= 9; i++) t += $i
         print t - $5 - $6, $2 + $3 + $4, t, $9; exit
       }' /proc/stat
}

proc_jiffies() {  # pid...: user+system time of these processes and their children (nginx workers)
  local p total=0 pids=()
  for p in "$@"; do
    pids+=("$p")
    # shellcheck disable=SC2207
    pids+=($(pgrep -P "$p" || true))
  done
  for p in "${pids[@]}"; do
    if [[ -r /proc/$p/stat ]]; then total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); fi
  done
  echo "$total"
}

CHILDREN_MS=0
children_ms() {  # CPU time of this shell's reaped children (wrk, via timeout) into CHILDREN_MS
  # `times` must run in this shell itself, not in a subshell, to see this shell's children.
  times >"$OUT/.times"
  CHILDREN_MS=$(awk 'NR == 2 {
    t = 0
    for (i = 1; i <= 2; i++) { split($i, a, "m"); sub(/s$/, "", a[2]); t += a[1] * 60 + a[2] }
    printf "%d\n", t * 1000 }' "$OUT/.times")
}

QUIET_SPENT=0
QUIET_GAVE_UP=""
wait_quiet() {  # label: wait for 2 quiet seconds in a row, within QUIET_BUDGET seconds overall
  local before after t0 t1 busy quiet=0 announced=""
  while ((quiet < 2)); do
    read -r before _ t0 _ <<<"$(cpu_counters)"
    sleep 1
    read -r after _ t1 _ <<<"$(cpu_counters)"
    busy=$(((after - before) * 100 / ((t1 - t0) > 0 ? (t1 - t0) : 1)))
    if ((busy <= QUIET_PERCENT)); then
      quiet=$((quiet + 1))
      continue
    fi
    quiet=0
    if ((QUIET_SPENT >= QUIET_BUDGET)); then
      if [[ -z $QUIET_GAVE_UP ]]; then
        WARNINGS+=("from $1 on, runs started on a busy machine (quiet-wait budget of ${QUIET_BUDGET}s used up); see the other CPU column")
        QUIET_GAVE_UP=1
      fi
      return 0
    fi
    if [[ -z $announced ]]; then
      echo "bench/http:   machine $busy% busy, waiting for it to settle ($1)" >&2
      announced=1
    fi
    QUIET_SPENT=$((QUIET_SPENT + 1))
  done
}

# ---------------------------------------------------------------- measurement
OTHER_CPU=""   # % of the whole machine used by other processes during the last run
STEAL_CPU=""   # % stolen by the hypervisor during the last run
SERVER_US=""   # CPU microseconds the measured server spent per request during the last run
WRK_CPU=""     # % of one CPU that wrk used during the last run

run_wrk() {  # outfile seconds threads server pin...
  local out=$1 seconds=$2 threads=$3 server=$4
  shift 4
  local c0 c1 s0 s1 m0 m1 w0 w1 t0 t1
  children_ms
  c0=$(cpu_counters) s0=$(proc_jiffies "${SERVER_PID[@]}") m0=$(proc_jiffies "${SERVER_PID[$server]}")
  w0=$CHILDREN_MS t0=$(date +%s%N)
  timeout --kill-after=5 $((seconds + 30)) "$@" wrk -t"$threads" -c"$CONNECTIONS" -d"${seconds}s" --latency \
    "${SERVER_URL[$server]}" >"$out" 2>&1 &
  CURRENT_WRK=$!
  if ! wait "$CURRENT_WRK"; then
    CURRENT_WRK=""
    cat "$out" >&2
    die "wrk failed (see $out)"
  fi
  CURRENT_WRK=""
  children_ms
  c1=$(cpu_counters) s1=$(proc_jiffies "${SERVER_PID[@]}") m1=$(proc_jiffies "${SERVER_PID[$server]}")
  w1=$CHILDREN_MS t1=$(date +%s%N)
  grep -q '^Requests/sec:' "$out" || die "no Requests/sec in $out"
  # Process CPU (user+nice+system) of the machine minus that of the servers and of wrk.
  read -r OTHER_CPU STEAL_CPU SERVER_US WRK_CPU < <(awk -v c0="$c0" -v c1="$c1" -v s="$((s1 - s0))" -v m="$((m1 - m0))" \
    -v w="$((w1 - w0))" -v hz="$CLK_TCK" -v ns="$((t1 - t0))" -v n="$NCPU" -v rps="$(rps_of "$out")" 'BEGIN {
      split(c0, a, " "); split(c1, b, " ")
      wall = ns / 1e9
      other = ((b[2] - a[2]) / hz - s / hz - w / 1000) / (wall * n) * 100
      if (other < 0) other = 0
      printf "%.1f %.1f %.1f %.0f\n", other, (b[4] - a[4]) / hz / (wall * n) * 100, m / hz / (rps * wall) * 1e6,
        w / 1000 / wall * 100 }')
  {
    echo "# bench/http: $server used $SERVER_US us of CPU per request (user+system, excluding softirq)"
    echo "# bench/http: wrk used $WRK_CPU% of one CPU"
    echo "# bench/http: other processes used $OTHER_CPU% of the machine, steal $STEAL_CPU%"
  } >>"$out"
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
maximum() { printf '%s\n' "$@" | sort -g | tail -n1; }

ROWS=()
VERDICTS=()
WARNINGS=()

check_errors() {  # outfile label
  local line
  line=$(grep -E 'Non-2xx|Socket errors' "$1" | tr -s ' ' | paste -sd ';' - || true)
  if [[ -n $line ]]; then WARNINGS+=("$2: wrk reported $line ($1)"); fi
}

run_setup() {  # name
  local name=$1 dir=$OUT/$1 io threads server_pin=() wrk_pin=() desc
  case $name in
    pinned)
      if ((NCPU < 2)); then
        echo "bench/http: skipping 'pinned', it needs 2 CPUs" >&2
        return 0
      fi
      io=1 threads=1 server_pin=("${PRIO[@]}" taskset -c 0) wrk_pin=("${PRIO[@]}" taskset -c 1)
      desc="servers on CPU 0, one thread or worker each; wrk -t1 on CPU 1"
      ;;
    natural)
      io=$NCPU threads=$NCPU server_pin=("${PRIO[@]}") wrk_pin=("${PRIO[@]}")
      desc="no pinning; $NCPU io threads / worker processes; wrk -t$NCPU"
      ;;
    *) die "unknown setup '$name' (pinned, natural)" ;;
  esac
  mkdir -p "$dir/raw"
  echo "bench/http: setup $name: $desc"

  start_keyuan "$dir/keyuan" "$io" "${server_pin[@]}"
  curl -sf "${SERVER_URL[keyuan]}" -o "$dir/body.json"
  local server
  for server in $SERVERS; do
    [[ $server == keyuan ]] || start_nginx "$server" "$dir/$server" "$io" "$dir/body.json" "${server_pin[@]}"
  done
  for server in $SERVERS; do
    curl -si "${SERVER_URL[$server]}" >"$dir/$server.response.txt"
    curl -sf "${SERVER_URL[$server]}" | cmp -s - "$dir/body.json" || die "$server answers a different body (see $dir)"
  done
  echo "bench/http:   body $(cat "$dir/body.json") ($(wc -c <"$dir/body.json") bytes) from: ${SERVER_URL[*]}"

  for server in $SERVERS; do
    echo "bench/http:   warm-up $server ${WARMUP}s"
    wait_quiet "$name/$server/warm-up"
    run_wrk "$dir/raw/warmup-$server.txt" "$WARMUP" "$threads" "$server" "${wrk_pin[@]}"
  done

  local -a order
  read -r -a order <<<"$SERVERS"
  declare -A rps=() p99=() other=() cpu_us=() wrk_cpu=()
  local round i f try
  for ((round = 1; round <= ROUNDS; round++)); do
    # Rotate who goes first so that drift in machine state hits every server alike.
    for ((i = 0; i < ${#order[@]}; i++)); do
      server=${order[$(((i + round - 1) % ${#order[@]}))]}
      f=$dir/raw/round$round-$server.txt
      for ((try = 0; ; try++)); do
        wait_quiet "$name/$server/round$round"
        run_wrk "$f" "$DURATION" "$threads" "$server" "${wrk_pin[@]}"
        # A run that other processes disturbed is repeated, up to RETRIES times.
        if ((try >= RETRIES)) || ! awk -v o="$OTHER_CPU" -v m="$OTHER_MAX" 'BEGIN {exit !(o > m)}'; then break; fi
        printf 'bench/http:   round %d %-11s disturbed (other processes %s%% CPU), repeating\n' "$round" "$server" "$OTHER_CPU"
        mv "$f" "${f%.txt}.disturbed$((try + 1)).txt"
      done
      check_errors "$f" "$name/$server/round$round"
      rps[$server]+=" $(rps_of "$f")"
      p99[$server]+=" $(p99_ms_of "$f")"
      other[$server]+=" $OTHER_CPU"
      cpu_us[$server]+=" $SERVER_US"
      wrk_cpu[$server]+=" $WRK_CPU"
      if awk -v o="$OTHER_CPU" -v m="$OTHER_MAX" 'BEGIN {exit !(o > m)}'; then
        WARNINGS+=("$name/$server/round$round: other processes used $OTHER_CPU% of the machine during the run")
      fi
      printf 'bench/http:   round %d %-11s %8.0f req/s  p99 %6.2f ms  %5.1f us CPU/req  (wrk %s%% CPU, other %s%%, steal %s%%)\n' \
        "$round" "$server" "$(rps_of "$f")" "$(p99_ms_of "$f")" "$SERVER_US" "$WRK_CPU" "$OTHER_CPU" "$STEAL_CPU"
    done
  done
  stop_servers

  local label ratio med_rps keyuan_rps rounds
  # shellcheck disable=SC2086
  keyuan_rps=$(median ${rps[keyuan]})
  for server in $SERVERS; do
    case $server in
      keyuan) label="keyuan, io_threads $io" ;;
      nginx) label="nginx (tuned), worker_processes $io" ;;
      nginx-stock) label="nginx (Debian stock file settings), worker_processes $io" ;;
    esac
    # shellcheck disable=SC2086
    med_rps=$(median ${rps[$server]})
    ratio=$(awk -v k="$keyuan_rps" -v n="$med_rps" 'BEGIN {printf "%.0f%%", 100 * k / n}')
    # shellcheck disable=SC2086
    rounds=$(printf '%.0f / ' ${rps[$server]})
    # shellcheck disable=SC2086
    ROWS+=("| $name | $label | $(printf '%.0f' "$med_rps") | $(printf '%.2f' "$(median ${p99[$server]})") ms | $ratio | $(printf '%.1f' "$(median ${cpu_us[$server]})") µs | $(printf '%.0f' "$(median ${wrk_cpu[$server]})")% | ${rounds% / } | $(maximum ${other[$server]})% |")
    # shellcheck disable=SC2086
    if awk -v c="$(median ${wrk_cpu[$server]})" -v t="$threads" 'BEGIN {exit !(c >= 95 * t)}'; then
      VERDICTS+=("$name: wrk's threads were saturated against $server, so $server's req/s is a floor set by the client; compare CPU per request too")
    fi
    if [[ $server == nginx ]]; then
      if awk -v k="$keyuan_rps" -v n="$med_rps" -v t="$TARGET_PERCENT" 'BEGIN {exit !(100 * k >= t * n)}'; then
        VERDICTS+=("$name: keyuan at $ratio of tuned nginx's throughput: meets the ${TARGET_PERCENT}% target")
      else
        VERDICTS+=("$name: keyuan at $ratio of tuned nginx's throughput: misses the ${TARGET_PERCENT}% target")
      fi
      # Rounds measure the servers back to back, so each round's ratio is a paired comparison.
      local -a k_rounds n_rounds
      read -r -a k_rounds <<<"${rps[keyuan]}"
      read -r -a n_rounds <<<"${rps[nginx]}"
      local paired=() j
      for ((j = 0; j < ${#k_rounds[@]}; j++)); do
        paired+=("$(awk -v k="${k_rounds[$j]}" -v n="${n_rounds[$j]}" 'BEGIN {printf "%.0f", 100 * k / n}')")
      done
      VERDICTS+=("$name: keyuan / tuned nginx round by round: $(printf '%s%% / ' "${paired[@]}" | sed 's| / $||') (median $(median "${paired[@]}")%)")
      # shellcheck disable=SC2086
      VERDICTS+=("$name: CPU per request, keyuan $(median ${cpu_us[keyuan]}) µs against tuned nginx $(median ${cpu_us[nginx]}) µs: keyuan at $(awk -v k="$(median ${cpu_us[keyuan]})" -v n="$(median ${cpu_us[nginx]})" 'BEGIN {printf "%.0f%%", 100 * n / k}') of nginx's efficiency")
    fi
  done
}

for setup in $SETUPS; do run_setup "$setup"; done

# ---------------------------------------------------------------- report
{
  echo "Command: bench/http/run.sh (DURATION=$DURATION WARMUP=$WARMUP ROUNDS=$ROUNDS CONNECTIONS=$CONNECTIONS NICE=$NICE)"
  echo "Machine: $NCPU CPUs, $CPU_MODEL, Linux $(uname -r)"
  echo "Versions: nginx $NGINX_VERSION; $WRK_VERSION; keyuan $KEYUAN_ORIGIN built $KEYUAN_BUILT${BUILD_TYPE:+ ($BUILD_TYPE)}, repository at $KEYUAN_REV"
  echo "Load: wrk -c$CONNECTIONS -d${DURATION}s --latency, GET $TARGET_PATH over keep-alive connections; medians of $ROUNDS rounds"
  echo
  echo "| setup | server | req/s | p99 latency | keyuan / this | server CPU per request | wrk CPU (of one core) | req/s per round | other CPU (max) |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  if ((${#VERDICTS[@]})); then printf -- "- %s\n" "${VERDICTS[@]}"; fi
  if ((${#WARNINGS[@]})); then
    echo
    echo "Warnings:"
    printf -- '- %s\n' "${WARNINGS[@]}"
  fi
} | tee "$OUT/results.md"
echo
echo "bench/http: raw wrk outputs in $OUT (results.md, <setup>/raw/*.txt, <setup>/<server>/)"
