#!/usr/bin/env bash
# The dashboards' statistics at city scale (issue 20): how long GET /api/v1/dashboards/overview takes
# to count a scope the first time (no cached answer: each scope is counted once per 5 s), for the
# whole city, a district, a department and one unit, beside the public home page's figures (the
# baseline: the same kind of counting over every kind, fewer groupings) on the same database; then
# wrk on the cached answer beside GET /api/v1/health (the server's floor).
#
#   bench/dashboards/run.sh                 # SCALE=city ENGINE=sqlite; about 3 minutes with the demo load
#   ENGINE=postgresql bench/dashboards/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${KEYUAN_BINARY:-build/keyuan}
SCALE=${SCALE:-city}
ENGINE=${ENGINE:-sqlite}
DURATION=${DURATION:-10}
WORK=$(mktemp -d /tmp/keyuan-bench-dash.XXXXXX)
PG_DIR=""
SERVER=""
cleanup() {
  [[ -n $SERVER ]] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  [[ -n $PG_DIR ]] && tests/pg_server.sh stop "$PG_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT
if [[ $ENGINE == postgresql ]]; then
  PG_DIR=$WORK/pg
  DB=$(tests/pg_server.sh start "$PG_DIR")
else
  DB=sqlite:$WORK/keyuan.db
fi
printf '[security]\nrequire_second_factor = false\nlogin_attempts_per_minute_per_ip = 1000\n' >"$WORK/keyuan.toml"
start=$(date +%s.%N)
"$BIN" demo --db "$DB" --scale "$SCALE" --config "$WORK/keyuan.toml" >"$WORK/demo.log" 2>&1
printf 'demo --scale %s on %s: %.1f s\n' "$SCALE" "$ENGINE" "$(echo "$(date +%s.%N) - $start" | bc)"
"$BIN" user create --db "$DB" --config "$WORK/keyuan.toml" --username benchop --password 'Str0ng!Passphrase' \
  --role operator --display-name benchop --no-password-change >/dev/null
"$BIN" serve --db "$DB" --listen 127.0.0.1:0 --config "$WORK/keyuan.toml" --no-access-log 2>"$WORK/server.log" &
SERVER=$!
for _ in $(seq 300); do
  PORT=$(sed -n 's/.*"msg":"listening".*"port":\([0-9][0-9]*\).*/\1/p' "$WORK/server.log" | head -n 1)
  [[ -n $PORT ]] && break
  sleep 0.1
done
URL=http://127.0.0.1:$PORT
JAR=$WORK/cookies
curl -sf -c "$JAR" -H 'Content-Type: application/json' -d '{"username":"benchop","password":"Str0ng!Passphrase"}' \
  "$URL/api/v1/auth/login" >/dev/null
# A district, a department and the busiest unit of this database.
CITY=$(curl -sf -b "$JAR" "$URL/api/v1/dashboards/overview?year=2024")
DISTRICT=$(node -e 'const o=JSON.parse(process.argv[1]);process.stdout.write(o.by_district[0].code)' "$CITY")
DEPARTMENT=$(node -e 'const o=JSON.parse(process.argv[1]);process.stdout.write(o.by_department[0].code)' "$CITY")
UNIT=$(node -e 'const o=JSON.parse(process.argv[1]);process.stdout.write(o.units[0].id)' "$CITY")
units=$(node -e 'process.stdout.write(String(JSON.parse(process.argv[1]).units_total))' "$CITY")
echo "units in the city: $units"
cold() { # label path: the first answer of a scope (a year not asked before: nothing cached)
  curl -sf -b "$JAR" -o /dev/null -w "%{time_total}" "$URL$2" | awk -v l="$1" '{printf "  %-34s %6.0f ms\n", l, $1 * 1000}'
}
echo "first answer of a scope (counted, not cached):"
cold "home (baseline, public)" "/api/v1/dashboards/home"
cold "overview: the city" "/api/v1/dashboards/overview?year=2026"
cold "overview: district $DISTRICT" "/api/v1/dashboards/overview?year=2026&district=$DISTRICT"
cold "overview: department $DEPARTMENT" "/api/v1/dashboards/overview?year=2026&department=$DEPARTMENT"
cold "overview: unit $UNIT" "/api/v1/dashboards/overview?year=2026&org_id=$UNIT"
cold "overview: the city as xlsx (all units)" "/api/v1/dashboards/overview?year=2025&format=xlsx"
if command -v wrk >/dev/null; then
  COOKIE=$(awk '$6 ~ /session/ {print $6"="$7}' "$JAR" | head -n 1)
  echo "cached answers, wrk -t2 -c16 -d${DURATION}s:"
  for path in /api/v1/health "/api/v1/dashboards/overview?year=2026"; do
    wrk -t2 -c16 -d"${DURATION}s" -H "Cookie: $COOKIE" "$URL$path" | awk -v p="$path" '/Requests\/sec/ {printf "  %-40s %8.0f req/s\n", p, $2}'
  done
fi
