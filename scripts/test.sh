#!/usr/bin/env bash
# Runs every test: the formatting check; the build with warnings as errors; unit, storage and
# HTTP tests against SQLite and against a PostgreSQL server that the run starts and removes
# itself; the web UI's type check, build and component tests; browser tests in Debian's Chromium (the
# end-to-end booking and order flows on both engines); each libFuzzer target
# for 30 s (scripts/fuzz.sh, Debian's clang); and the unit
# and HTTP tests again under AddressSanitizer + UndefinedBehaviorSanitizer; the concurrency
# suite again against a server built with ThreadSanitizer (Debian's clang).
#   KEYUAN_SKIP_ASAN=1 / KEYUAN_SKIP_TSAN=1 skip those passes (for quick local runs; CI never sets them).
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step says when it starts and how long the run has taken so far (CI's budget is per run).
STARTED=$(date +%s)
step() { printf '\n== %s (%s UTC, %d min in)\n' "$*" "$(date -u +%H:%M:%S)" $((($(date +%s) - STARTED) / 60)) >&2; }

step "install the dependencies (Debian packages)"
scripts/install-deps.sh

step "format check and module boundaries"
scripts/check-format.sh
scripts/check-boundaries.sh

step "build (warnings are errors)"
cmake --preset dev >/dev/null
cmake --build --preset dev

step "tests: unit, storage and HTTP on SQLite and PostgreSQL"
ctest --preset dev

step "web UI: type check and build"
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build)
step "web UI: component tests (Vitest)"
(cd web && npm run test)

step "browser tests (Debian's Chromium)"
KEYUAN_BINARY=build/keyuan WEB_DIST=web/dist tests/browser/run.sh
step "browser tests of the end-to-end flows on PostgreSQL"
KEYUAN_BROWSER_ENGINE=postgresql KEYUAN_BROWSER_TESTS="./bookings.test.mjs ./orders.test.mjs ./achievements.test.mjs ./evaluations.test.mjs ./vouchers.test.mjs ./assessment.test.mjs ./annual_reports.test.mjs ./purchase_checks.test.mjs ./tech_platforms.test.mjs ./tech_demands.test.mjs ./challenges.test.mjs ./tech_contracts.test.mjs ./matching.test.mjs" KEYUAN_BINARY=build/keyuan \
  WEB_DIST=web/dist tests/browser/run.sh

step "fuzzing: 30 s for each libFuzzer target (scripts/fuzz.sh 3600 for a longer run)"
scripts/fuzz.sh 30

if [[ ${KEYUAN_SKIP_ASAN:-0} != 1 ]]; then
  step "build with AddressSanitizer + UndefinedBehaviorSanitizer"
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  step "tests under the sanitizers"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset asan
fi

if [[ ${KEYUAN_SKIP_TSAN:-0} != 1 ]]; then
  step "build with ThreadSanitizer (clang): the server and the HTTP tests"
  cmake --preset tsan >/dev/null
  cmake --build --preset tsan
  step "concurrency, slow-client and edge tests under ThreadSanitizer, both engines"
  ctest --preset tsan
fi

step "all tests passed"
