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

# One target per core at a time (FUZZ_JOBS, default nproc): each fuzzer is one process on one core,
# so two cores fuzz two targets side by side, each for its whole SECONDS, in half the wall time.
FUZZ_JOBS=${FUZZ_JOBS:-$(nproc)}

# Runs one target; its summary line goes to build-fuzz/<target>.result, its log to build-fuzz/<target>.log.
fuzz_target() {
  local target=$1 work=build-fuzz/corpus/$1 findings=build-fuzz/findings/$1 log=build-fuzz/$1.log
  mkdir -p "$work" "$findings"
  local seeds=(tests/fuzz/corpus/"$target")
  [[ -d tests/fuzz/regressions/$target ]] && seeds+=(tests/fuzz/regressions/"$target")
  # Longest input per target: a request head and a small body; a search query as the route
  # allows (1,000 bytes); a workbook's parts or a small zip.
  local max_len
  case $target in
    search_query) max_len=1100 ;;
    xlsx) max_len=65536 ;;
    cells) max_len=300 ;;
    *) max_len=4096 ;;
  esac
  local extra=() result=ok
  [[ -f tests/fuzz/$target.dict ]] && extra+=(-dict=tests/fuzz/"$target".dict)
  build-fuzz/tests/fuzz/"${target}"_fuzz "$work" "${seeds[@]}" -max_total_time="$SECONDS_PER_TARGET" \
    -max_len=$max_len -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "${extra[@]}" \
    -artifact_prefix="$findings/" >"$log" 2>&1 || result=FAILED
  local runs speed cov
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  printf 'fuzz %-13s %s: %s runs, %s/s, coverage %s edges, corpus %s inputs\n' "$target" "$result" "$runs" \
    "$speed" "$cov" "$(ls "$work" | wc -l)" >"build-fuzz/$target.result"
}

mkdir -p build-fuzz
rm -f build-fuzz/*.result
for target in "${TARGETS[@]}"; do
  while (($(jobs -rp | wc -l) >= FUZZ_JOBS)); do wait -n || true; done
  fuzz_target "$target" &
done
wait

passed=0
failed=0
for target in "${TARGETS[@]}"; do
  cat "build-fuzz/$target.result" 2>/dev/null || echo "fuzz $target: no result"
  if grep -qs ' ok:' "build-fuzz/$target.result"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    tail -40 "build-fuzz/$target.log" >&2
  fi
done
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
