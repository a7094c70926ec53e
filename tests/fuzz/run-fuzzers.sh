#!/bin/sh
# run-fuzzers.sh [SECONDS] — builds the fuzz targets with clang and libFuzzer
# (with AddressSanitizer and UBSan) and runs each for SECONDS (default 60) on
# a copy of its seed corpus. Exit status non-zero when a target crashed; the
# crashing input is left in build-fuzz/ to be added to the corpus once fixed.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
build="$top/build-fuzz"

command -v clang > /dev/null || { echo "run-fuzzers.sh: clang is not installed; skipped"; exit 0; }

if [ ! -d "$build" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link > /dev/null
fi
meson compile -C "$build" fuzz-csv fuzz-xlsx > /dev/null

status=0
for target in csv xlsx; do
  work="$build/tests/fuzz/corpus-$target"
  mkdir -p "$work"
  cp "$top/tests/fuzz/corpus-$target/"* "$work/"
  echo "fuzz-$target: $seconds s"
  (cd "$build/tests/fuzz" && ASAN_OPTIONS=detect_leaks=0 "./fuzz-$target" -max_total_time="$seconds" \
     -rss_limit_mb=1024 -timeout=10 "$work" > "$build/fuzz-$target.log" 2>&1) || status=1
  tail -n 3 "$build/fuzz-$target.log"
done
exit $status
