#!/usr/bin/env bash
# Fails when a C++ file differs from what .clang-format asks for. `--fix` rewrites them.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' \
  'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp' 'tools/*.cpp' 'tools/*.hpp')
if [[ ${1:-} == --fix ]]; then
  clang-format -i "${files[@]}"
else
  clang-format --dry-run --Werror "${files[@]}"
fi
