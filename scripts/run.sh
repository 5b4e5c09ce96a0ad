#!/usr/bin/env bash
# Builds keyuan and serves it on SQLite at http://127.0.0.1:8080, with demo data on first start.
#   KEYUAN_DB (default sqlite:var/keyuan.db) and KEYUAN_LISTEN override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target keyuan

db_url=${KEYUAN_DB:-sqlite:var/keyuan.db}
listen=${KEYUAN_LISTEN:-127.0.0.1:8080}
# The web UI, built when its sources are newer than the last build.
if [[ ! -f web/node_modules/.package-lock.json || web/package-lock.json -nt web/node_modules/.package-lock.json ]]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
if [[ ! -f web/dist/index.html || -n $(find web/src web/index.html web/package.json -newer web/dist/index.html -print -quit) ]]; then
  (cd web && npm run build)
fi

args=(serve --db "$db_url" --listen "$listen")
if [[ -f web/dist/index.html ]]; then args+=(--web web/dist); fi

# Demo data is loaded once, into a database that does not exist yet.
if [[ $db_url == sqlite:* && ! -f ${db_url#sqlite:} ]] && build/keyuan demo --help >/dev/null 2>&1; then
  build/keyuan demo --db "$db_url" --scale small
fi

echo "keyuan: serving on http://$listen (database $db_url); Ctrl-C stops it" >&2
exec build/keyuan "${args[@]}"
