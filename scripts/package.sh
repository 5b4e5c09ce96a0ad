#!/usr/bin/env bash
# Builds the Debian package for release: an optimised build without tests, the web UI, cpack.
# Writes build-release/keyuan_VERSION_amd64.deb (docs/OPERATIONS.md "Installing the package").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build)
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DKEYUAN_TESTS=OFF -DKEYUAN_WERROR=ON \
  -DCMAKE_UNITY_BUILD=ON -DKEYUAN_WEB_DIST="$PWD/web/dist" >/dev/null
cmake --build build-release --target keyuan
(cd build-release && cpack -G DEB)
ls build-release/keyuan_*_amd64.deb
