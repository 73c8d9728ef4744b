#!/usr/bin/env bash
# Runs the libFuzzer targets (frames, commands, config) against their seed corpus.
#   Fuzz/run.sh            short run, as `make test` does: FUZZ_SECONDS (default 20) per target
#   FUZZ_SECONDS=3600 Fuzz/run.sh commands     the long run of one target (docs/hardening.md)
# New interesting inputs go to .build-fuzz/corpus/TARGET (never into git); a crash is written to
# .build-fuzz/crash-* and the script fails. Turn every crash into a regression test, then add its
# input to Fuzz/corpus/TARGET so that every later run replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
Fuzz/build.sh
seconds=${FUZZ_SECONDS:-20}
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(frames commands config)
status=0
for target in "${targets[@]}"; do
  work=.build-fuzz/corpus/$target
  mkdir -p "$work"
  echo "fuzz $target: ${seconds}s" >&2
  # -rss_limit_mb: a leak or a blow-up is a finding too. -max_len: frames are ≤ 64 KiB, configs ≤ 1 MiB,
  # but small inputs mutate faster; the seeds set the shape.
  if ! GAVEL_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 .build-fuzz/gavel-fuzz \
      -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix=.build-fuzz/crash-"$target"- -print_final_stats=1 \
      "$work" "Fuzz/corpus/$target" 2> ".build-fuzz/$target.log"; then
    tail -40 ".build-fuzz/$target.log" >&2
    echo "fuzz $target: FAILED (input saved as .build-fuzz/crash-$target-*)" >&2
    status=1
  else
    grep -E "^stat::number_of_executed_units|^Done" ".build-fuzz/$target.log" >&2 || true
  fi
done
exit $status
