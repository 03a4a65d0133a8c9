#!/usr/bin/env bash
# Builds the fuzz targets on the stable toolchain (libfuzzer-sys with the
# coverage instrumentation cargo-fuzz would pass) and runs each for
# SECONDS_PER_TARGET seconds (default 30) from a corpus seeded with the
# repository's own inputs. Any crash fails the script and leaves its input
# in fuzz/artifacts/<target>/. See docs/fuzzing.md.
#
#   fuzz/smoke.sh                 # build, then every target
#   fuzz/smoke.sh duration run_lines
#   BUILD_ONLY=1 fuzz/smoke.sh
set -euo pipefail
cd "$(dirname "$0")"

TARGET_TRIPLE=x86_64-unknown-linux-gnu
SECONDS_PER_TARGET=${SECONDS_PER_TARGET:-30}
# `smoke` (quick to build) by default; PROFILE=release for long campaigns.
PROFILE=${PROFILE:-smoke}
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module \
-Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares"
export CARGO_INCREMENTAL=0

ALL=(policy_toml policy_json duration calendar_data command_decide event_replay penalty_facts run_lines)
if [ "$#" -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL[@]}"); fi

cargo build --profile "$PROFILE" --target "$TARGET_TRIPLE" "${TARGETS[@]/#/--bin=}"
[ -n "${BUILD_ONLY:-}" ] && exit 0

# Seeds: the repository's own files of each kind.
seed() {
  local target=$1
  mkdir -p "corpus/$target"
  case "$target" in
    policy_toml) cp ../policies/*.toml "corpus/$target/" ;;
    calendar_data) for f in ../crates/tousu-calendar/data/*.toml; do [ -e "$f" ] && { printf '\0'; cat "$f"; } > "corpus/$target/$(basename "$f")"; done ;;
    run_lines) cp ../docs/examples/run.jsonl "corpus/$target/" ;;
  esac
  return 0
}

for target in "${TARGETS[@]}"; do
  seed "$target"
  mkdir -p "artifacts/$target"
  echo "== fuzz $target for ${SECONDS_PER_TARGET}s"
  "target/$TARGET_TRIPLE/$PROFILE/$target" "corpus/$target" \
    -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 \
    -artifact_prefix="artifacts/$target/" -print_final_stats=1 2>&1 \
    | grep -E '^(#[0-9]+[[:space:]]+DONE|stat::|==|SUMMARY)|panicked|crash-' || true
  if [ -n "$(ls -A "artifacts/$target")" ]; then
    echo "fuzz target $target found a crash: $(ls "artifacts/$target")"
    exit 1
  fi
done
