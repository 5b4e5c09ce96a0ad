#!/usr/bin/env bash
# Installs every system dependency of keyuan from Debian 12 (bookworm) packages.
# Idempotent: when everything is present it returns in about a second without touching apt.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config git clang-format
  # ThreadSanitizer and libFuzzer builds (Debian's clang with its compiler-rt)
  clang libclang-rt-14-dev
  # HTTP and JSON
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  # storage
  libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-contrib
  # search, text, security, files, config
  libxapian-dev libopencc-dev opencc libsodium-dev libxlsxwriter-dev libzip-dev libexpat1-dev
  libtomlplusplus-dev
  # e-mail of notifications: SMTP through libcurl
  libcurl4-openssl-dev
  # the Debian package (cpack: dpkg-shlibdeps works out its dependencies)
  dpkg-dev fakeroot
  # tests and benchmarks (Groonga: a baseline of the search benchmark)
  libgtest-dev libgmock-dev curl wrk nginx-light openssl python3 groonga-bin libgroonga-dev
  # the mail tests' SMTP server (tests/support/smtp_sink.py)
  python3-aiosmtpd
  # browser tests of the web UI (Debian's Chromium; CJK fonts so screenshots show Chinese)
  chromium fonts-noto-cjk
)
# The web UI is built with node and npm: Debian's nodejs (18) when no node is installed at all.
if ! command -v node >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
