#!/usr/bin/env bash
# Browser tests of the web UI: a throw-away database with an operator, a unit administrator
# and a department reviewer, the server on a free loopback port serving WEB_DIST, then
# `node --test` driving Debian's Chromium through playwright-core. Builds nothing.
#
#   KEYUAN_BINARY=build/keyuan WEB_DIST=web/dist tests/browser/run.sh
#   KEYUAN_BROWSER_ENGINE=postgresql …   the same on a throw-away PostgreSQL (tests/pg_server.sh)
#
# Optional: KEYUAN_BROWSER_TESTS (files to run, default all), CHROMIUM (default /usr/bin/chromium), KEYUAN_SCREENSHOTS (folder for screenshots,
# default a temporary folder under /tmp), KEEP_SERVER=1 (leave the server running and print its URL).
set -euo pipefail

: "${KEYUAN_BINARY:?set KEYUAN_BINARY to the built keyuan server}"
: "${WEB_DIST:?set WEB_DIST to the built web UI (web/dist)}"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KEYUAN_BINARY=$(realpath "$KEYUAN_BINARY")
WEB_DIST=$(realpath "$WEB_DIST")
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

[[ -x $KEYUAN_BINARY ]] || { echo "browser tests: $KEYUAN_BINARY is not an executable" >&2; exit 2; }
[[ -f $WEB_DIST/index.html ]] || { echo "browser tests: $WEB_DIST/index.html missing (cd web && npm ci && npm run build)" >&2; exit 2; }
[[ -x $CHROMIUM ]] || { echo "browser tests: $CHROMIUM missing (apt-get install chromium)" >&2; exit 2; }
command -v node >/dev/null || { echo "browser tests: node missing (apt-get install nodejs npm)" >&2; exit 2; }

if [[ ! -d $HERE/node_modules/playwright-core ]]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi

WORK=$(mktemp -d /tmp/keyuan-browser.XXXXXX)
SERVER_PID=""
PG_DIR=""
cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  [[ -n $PG_DIR ]] && "$HERE/../pg_server.sh" stop "$PG_DIR" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The database, for the server and for tests that let time pass by moving a booking into the past
# (support.mjs runSql).
case ${KEYUAN_BROWSER_ENGINE:-sqlite} in
  sqlite) DB="sqlite:$WORK/keyuan.db" ;;
  postgresql)
    # Beside WORK, not in it: the server runs as postgres when we are root, and WORK is ours alone.
    PG_DIR=$(mktemp -u /tmp/keyuan-browser-pg.XXXXXX)
    DB=$("$HERE/../pg_server.sh" start "$PG_DIR") ;;
  *) echo "browser tests: KEYUAN_BROWSER_ENGINE is sqlite or postgresql" >&2; exit 2 ;;
esac
export KEYUAN_DB_URL="$DB"
CONFIG="$WORK/keyuan.toml"
# Every test signs in from 127.0.0.1, more than the default 20 times a minute for the whole suite: the
# per-address login limit is raised here (it is tested in tests/http/accounts, LoginLimitTest).
printf '[security]\nrequire_second_factor = false\nlogin_attempts_per_minute_per_ip = 1000\n' >"$CONFIG"
export KEYUAN_PASSWORD='Str0ng!Passphrase'

create_user() { # username role [extra flags…]
  local username=$1 role=$2
  shift 2
  "$KEYUAN_BINARY" user create --db "$DB" --config "$CONFIG" --username "$username" --password "$KEYUAN_PASSWORD" \
    --role "$role" --display-name "$username" --no-password-change "$@" >"$WORK/cli.log" 2>&1 ||
    { echo "browser tests: could not create user $username:" >&2; cat "$WORK/cli.log" >&2; exit 1; }
}

create_user operator1 operator

# The log exists before the server starts: the loop below reads it at once, and the background
# server may not have opened it yet.
: >"$WORK/server.log"
"$KEYUAN_BINARY" serve --db "$DB" --listen 127.0.0.1:0 --web "$WEB_DIST" --config "$CONFIG" --no-access-log \
  2>"$WORK/server.log" &
SERVER_PID=$!

PORT=""
for _ in $(seq 1 150); do
  PORT=$(sed -n 's/.*"msg":"listening".*"port":\([0-9][0-9]*\).*/\1/p' "$WORK/server.log" | head -n 1)
  [[ -n $PORT ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "browser tests: the server exited:" >&2; cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n $PORT ]] || { echo "browser tests: the server did not report its port:" >&2; cat "$WORK/server.log" >&2; exit 1; }
export KEYUAN_URL="http://127.0.0.1:$PORT"

# The organisation through the API, as the operator (session cookie + X-CSRF-Token).
JAR="$WORK/cookies"
LOGIN=$(curl -sSf -c "$JAR" -H 'Content-Type: application/json' \
  -d "{\"username\":\"operator1\",\"password\":\"$KEYUAN_PASSWORD\"}" "$KEYUAN_URL/api/v1/auth/login")
CSRF=$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).csrf_token)' "$LOGIN")
ORG=$(curl -sSf -b "$JAR" -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF" \
  -d '{"name":"北京示范大学","credit_code":"121100004000000014","kind":"university","district_code":"110108","department_code":"edu"}' \
  "$KEYUAN_URL/api/v1/organizations")
ORG_ID=$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).id)' "$ORG")
# A company that books instrument time (bookings.test.mjs).
COMPANY=$(curl -sSf -b "$JAR" -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF" \
  -d '{"name":"北京示范科技有限公司","credit_code":"91110108MA0000001D","kind":"enterprise","district_code":"110108"}' \
  "$KEYUAN_URL/api/v1/organizations")
COMPANY_ID=$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).id)' "$COMPANY")
curl -sSf -b "$JAR" -H "X-CSRF-Token: $CSRF" -X POST "$KEYUAN_URL/api/v1/auth/logout" >/dev/null

create_user unit1 unit_admin --org "$ORG_ID"
create_user reviewer1 department_reviewer --department edu
create_user sec1 security_admin
create_user sec2 security_admin
create_user grantee expert
create_user company1 enterprise --org "$COMPANY_ID"
# Evaluators of another unit's achievements (evaluations.test.mjs).
for e in expert1 expert2 expert3; do create_user "$e" expert; done
create_user agency1 evaluation_agency
# The finance bureau of the innovation vouchers (vouchers.test.mjs).
create_user finance1 finance_reviewer
# The second person of the finance bureau, who approves what finance1 recommends (assessment.test.mjs).
create_user finance2 finance_reviewer
# The panel of a purchase check (purchase_checks.test.mjs): three experts of no organisation, and
# one of unit1's organisation, whom the panel must never offer (a conflict of interest).
for e in pcexpert1 pcexpert2 pcexpert3; do create_user "$e" expert; done
create_user pcexpert_own expert --org "$ORG_ID"
# The district officer of 海淀区, who recommends the unit's platform (tech_platforms.test.mjs).
create_user district1 district_officer --district 110108
# A technology broker who registers a profile and handles company1's demand (tech_demands.test.mjs).
create_user broker1 broker
# The broker of the market's end-to-end test (matching.test.mjs), apart from broker1's profile steps.
create_user broker2 broker
# The audit and system administrators of the consoles (consoles.test.mjs).
create_user audit1 audit_admin
create_user sysadmin1 system_admin

export KEYUAN_SCREENSHOTS=${KEYUAN_SCREENSHOTS:-$(mktemp -d /tmp/keyuan-screens.XXXXXX)}
echo "browser tests: server $KEYUAN_URL on ${KEYUAN_BROWSER_ENGINE:-sqlite}, organisation $ORG_ID, screenshots in $KEYUAN_SCREENSHOTS" >&2

status=0
(cd "$HERE" && node --test ${KEYUAN_BROWSER_TESTS:-./*.test.mjs}) || status=$?

if [[ $status -ne 0 ]]; then
  echo "browser tests: server log (last 40 lines):" >&2
  tail -n 40 "$WORK/server.log" >&2
fi
if [[ ${KEEP_SERVER:-} == 1 ]]; then
  echo "browser tests: KEEP_SERVER=1, server still at $KEYUAN_URL (pid $SERVER_PID); press Ctrl-C to stop" >&2
  wait "$SERVER_PID" || true
fi
exit $status
