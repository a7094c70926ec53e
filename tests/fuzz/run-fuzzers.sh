#!/bin/sh
# run-fuzzers.sh [SECONDS [TARGET…]] — builds the fuzz targets with clang and
# libFuzzer (with AddressSanitizer and UBSan) and runs each for SECONDS
# (default 60) on a copy of its seed corpus: csv, xlsx (the import readers),
# ics (the meetings' .ics writer), ics-names (its file names and the names
# and addresses in the calendar and mail) and csv-writer (the exports' CSV),
# or the TARGETs named. The corpus grows in build-fuzz/, so a later run goes
# on where the last one stopped.
# Exit status non-zero when a target crashed; the crashing input is left in
# build-fuzz/tests/fuzz/ (crash-…) to be added to tests/fuzz/corpus-TARGET/
# once fixed, which makes it a regression test of the ordinary build.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-csv xlsx ics csv-writer ics-names}
build="$top/build-fuzz"

command -v clang > /dev/null || { echo "run-fuzzers.sh: clang is not installed; skipped"; exit 0; }

if [ ! -d "$build" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link > /dev/null
fi
for target in $targets; do
  meson compile -C "$build" "fuzz-$target" > /dev/null
done

status=0
total=0
for target in $targets; do
  work="$build/tests/fuzz/corpus-$target"
  mkdir -p "$work"
  cp "$top/tests/fuzz/corpus-$target/"* "$work/"
  echo "fuzz-$target: $seconds s"
  (cd "$build/tests/fuzz" && ASAN_OPTIONS=detect_leaks=0 "./fuzz-$target" -max_total_time="$seconds" \
     -rss_limit_mb=1024 -timeout=10 "$work" > "$build/fuzz-$target.log" 2>&1) || status=1
  tail -n 3 "$build/fuzz-$target.log"
  runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$build/fuzz-$target.log")
  total=$((total + ${runs:-0}))
done
echo "fuzz: $total executions, $([ $status -eq 0 ] && echo "no crash" || echo "a crash (see above)")"
exit $status
