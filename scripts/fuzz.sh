#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: Debian's clang with ASan + UBSan) and runs each
# for SECONDS (default 30), starting from its seed corpus in tests/fuzz/corpus/<target>/ and the
# inputs that once crashed it in tests/fuzz/regressions/<target>/. Any crash, leak, timeout or
# out-of-memory fails the run; its input is kept under build-fuzz/findings/<target>/.
#   scripts/fuzz.sh 3600      one hour per target (see docs/FUZZING.md)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-30}
TARGETS=(request_edge json_body csv xlsx search_query cells)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

# ASan keeps the allocation stack of every heap block (up to 30 frames, in a store that never
# shrinks) and 256 MiB of freed blocks: through Xapian's deep, varied call stacks search_query grew
# by about 0.75 KiB a run and would pass the 2 GiB limit within the hour of a long run. Two frames
# and a 64 MiB quarantine keep it under 100 MiB; replaying a finding (build-fuzz/tests/fuzz/<target>_fuzz
# FILE) shows the full stacks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=2:quarantine_size_mb=64}

passed=0
failed=0
for target in "${TARGETS[@]}"; do
  work=build-fuzz/corpus/$target
  findings=build-fuzz/findings/$target
  mkdir -p "$work" "$findings"
  seeds=(tests/fuzz/corpus/"$target")
  [[ -d tests/fuzz/regressions/$target ]] && seeds+=(tests/fuzz/regressions/"$target")
  log=build-fuzz/$target.log
  # Longest input per target: a request head and a small body; a search query as the route
  # allows (1,000 bytes); a workbook's parts or a small zip.
  case $target in
    search_query) max_len=1100 ;;
    xlsx) max_len=65536 ;;
    cells) max_len=300 ;;
    *) max_len=4096 ;;
  esac
  extra=()
  [[ -f tests/fuzz/$target.dict ]] && extra+=(-dict=tests/fuzz/"$target".dict)
  if build-fuzz/tests/fuzz/"${target}"_fuzz "$work" "${seeds[@]}" -max_total_time="$SECONDS_PER_TARGET" \
      -max_len=$max_len -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "${extra[@]}" \
      -artifact_prefix="$findings/" >"$log" 2>&1; then
    passed=$((passed + 1))
    result=ok
  else
    failed=$((failed + 1))
    result=FAILED
    tail -40 "$log" >&2
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  printf 'fuzz %-13s %s: %s runs, %s/s, coverage %s edges, corpus %s inputs\n' "$target" "$result" "$runs" \
    "$speed" "$cov" "$(ls "$work" | wc -l)"
done
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
