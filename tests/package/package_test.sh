#!/usr/bin/env bash
# The Debian package (issue 20): builds it with cpack from BUILD_DIR (with the web UI of web/dist),
# checks its control data (dependencies, conffile, maintainer scripts), unpacks it into a throwaway
# root, checks the unit file and the nginx example, and runs the packaged binary with the packaged
# configuration: `check-config` passes it as production, a server started from it serves the web UI
# and the API, the first security administrator is created with the packaged binary and signs in
# with a Secure __Host- cookie. Installing with dpkg into / (the postinst's user and systemd unit)
# needs root on a machine of its own: docs/OPERATIONS.md "Installing the package" says how.
#   tests/package/package_test.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${1:?usage: package_test.sh BUILD_DIR}
fail() {
  echo "package test: $*" >&2
  exit 1
}

WORK=$(mktemp -d /tmp/keyuan-package.XXXXXX)
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f web/dist/index.html ]] || fail "web/dist is not built (cd web && npm run build)"
(cd "$BUILD_DIR" && cmake -DKEYUAN_WEB_DIST="$PWD/../web/dist" . >/dev/null && cpack -G DEB -B "$WORK/out" >/dev/null)
DEB=$(ls "$WORK"/out/keyuan_*_amd64.deb) || fail "cpack made no package"
echo "package: $(basename "$DEB") ($(du -h "$DEB" | cut -f1))"

# Control data: what dpkg will act on.
INFO=$(dpkg-deb -I "$DEB")
for dep in adduser libsqlite3-0 libpq5 libxapian30 libsodium23 libboost-json1.81.0; do
  grep -q "^ Depends:.*$dep" <<<"$INFO" || fail "Depends lacks $dep"
done
[[ $(dpkg-deb -f "$DEB" Package) == keyuan ]] || fail "package name"
# Each listing is read whole before it is searched: `producer | grep -q` under pipefail fails at
# random when grep stops reading at its match and the producer dies of SIGPIPE.
CONTROL_FILES=$(dpkg-deb --ctrl-tarfile "$DEB" | tar -tf -)
grep -qx './conffiles' <<<"$CONTROL_FILES" || fail "no conffiles"
CONFFILES=$(dpkg-deb --ctrl-tarfile "$DEB" | tar -xOf - ./conffiles)
grep -qx /etc/keyuan/keyuan.toml <<<"$CONFFILES" ||
  fail "/etc/keyuan/keyuan.toml is not a conffile (an upgrade would overwrite the site's settings)"
for script in postinst prerm postrm; do
  grep -qx "./$script" <<<"$CONTROL_FILES" || fail "no $script"
done

ROOT=$WORK/root
dpkg-deb -x "$DEB" "$ROOT"
for f in usr/bin/keyuan usr/share/keyuan/web/index.html etc/keyuan/keyuan.toml lib/systemd/system/keyuan.service \
  usr/share/doc/keyuan/examples/nginx-keyuan.conf usr/share/doc/keyuan/OPERATIONS.md; do
  [[ -e $ROOT/$f ]] || fail "the package lacks /$f"
done
[[ $(stat -c %a "$ROOT/etc/keyuan/keyuan.toml") == 640 ]] || fail "keyuan.toml is not mode 640"
grep -q '^User=keyuan$' "$ROOT/lib/systemd/system/keyuan.service" || fail "the service does not run as keyuan"
if command -v systemd-analyze >/dev/null && systemd-analyze --version >/dev/null 2>&1; then
  # Checks the unit's syntax and directives against this systemd (the ExecStart path is the root's).
  sed "s|/usr/bin/keyuan|$ROOT/usr/bin/keyuan|g" "$ROOT/lib/systemd/system/keyuan.service" >"$WORK/keyuan.service"
  systemd-analyze verify "$WORK/keyuan.service" 2>&1 | grep -v "Failed to .*bus\|No such file\|root\b" |
    grep -i "unknown\|invalid\|error" && fail "systemd-analyze found problems in keyuan.service"
fi

KEYUAN=$ROOT/usr/bin/keyuan
CONFIG=$ROOT/etc/keyuan/keyuan.toml
CHECK=$("$KEYUAN" check-config --config "$CONFIG") || fail "check-config refuses the packaged configuration: $CHECK"
grep -q '^checked as: production' <<<"$CHECK" || fail "the packaged configuration is not checked as production"
grep -q '^REFUSED' <<<"$CHECK" && fail "the packaged configuration has a refused setting"

# The packaged binary and configuration, with the state in the throwaway root (flags win over the file).
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
STATE=(--db "sqlite:$WORK/state/keyuan.db" --media "$WORK/state/media" --index "$WORK/state/index")
mkdir -p "$WORK/state"
"$KEYUAN" user create --config "$CONFIG" "${STATE[@]:0:2}" --username first_secadmin --role security_admin \
  --password 'Anquan@Guanli2026' --no-password-change >/dev/null 2>"$WORK/create.log" ||
  fail "cannot create the first security administrator: $(cat "$WORK/create.log")"
"$KEYUAN" serve --config "$CONFIG" "${STATE[@]}" --web "$ROOT/usr/share/keyuan/web" --listen "127.0.0.1:$PORT" \
  2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$PORT/api/v1/health/ready" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/api/v1/health/ready" >/dev/null || fail "the packaged server did not start: $(cat "$WORK/server.log")"
grep -q '<div id="app"' <<<"$(curl -sf "http://127.0.0.1:$PORT/")" || fail "the packaged web UI is not served"
HEADERS=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"first_secadmin","password":"Anquan@Guanli2026"}' "http://127.0.0.1:$PORT/api/v1/auth/login")
grep -qi '^set-cookie: __Host-keyuan_session=.*; Secure' <<<"$HEADERS" ||
  fail "signing in did not set a Secure __Host- cookie: $HEADERS"
grep -qi '^strict-transport-security:' <<<"$HEADERS" || fail "no HSTS header with cookie_secure on"

# The nginx example is valid nginx, with a throwaway certificate, in front of the packaged server.
if command -v nginx >/dev/null && command -v openssl >/dev/null; then
  NGINX_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$WORK/nginx/logs"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout "$WORK/nginx/key.pem" \
    -out "$WORK/nginx/cert.pem" 2>/dev/null
  sed -e "s|/etc/ssl/keyuan/fullchain.pem|$WORK/nginx/cert.pem|; s|/etc/ssl/keyuan/privkey.pem|$WORK/nginx/key.pem|" \
    -e "s|127.0.0.1:8080|127.0.0.1:$PORT|; s|listen 443 ssl http2;|listen 127.0.0.1:$NGINX_PORT ssl http2;|" \
    -e "/listen \[::\]/d; s|listen 80;|listen 127.0.0.1:$((NGINX_PORT + 1));|" \
    "$ROOT/usr/share/doc/keyuan/examples/nginx-keyuan.conf" >"$WORK/nginx/site.conf"
  cat >"$WORK/nginx/nginx.conf" <<EOF
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
daemon off;
events {}
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  include $WORK/nginx/site.conf;
}
EOF
  nginx -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2>"$WORK/nginx/t.log" || fail "nginx -t: $(cat "$WORK/nginx/t.log")"
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2>/dev/null &
  NGINX_PID=$!
  for _ in $(seq 50); do
    curl -skf "https://127.0.0.1:$NGINX_PORT/api/v1/health" >/dev/null && break
    sleep 0.1
  done
  grep -q '"status":"ok"' <<<"$(curl -skf "https://127.0.0.1:$NGINX_PORT/api/v1/health")" || fail "nginx does not pass the API"
  [[ $(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$NGINX_PORT/metrics") == 404 ]] ||
    fail "nginx passes /metrics (every request would come from 127.0.0.1)"
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/metrics") == 200 ]] ||
    fail "the monitoring host on this machine does not read /metrics"
  echo "package test: the nginx example passes the API over TLS and keeps /metrics out"
fi
echo "package test: passed"
