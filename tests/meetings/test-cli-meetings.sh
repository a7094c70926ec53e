#!/bin/sh
# test-cli-meetings.sh CLI — `meetings` and the meeting kinds of `export` as scripts use them.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/k.sqlite"
n=0

ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

echo "1..8"
"$cli" --db "$db" demo > /dev/null
"$cli" --db "$db" meetings > "$tmp/list"; rc=$?
[ $rc -eq 0 ] && [ "$(wc -l < "$tmp/list")" -eq 7 ] && grep -q '^6	2026-06-09T17:00	held	' "$tmp/list" \
  && grep -q '^7	2026-12-08T17:00	planned	' "$tmp/list"
ok $? "meetings lists the demo's six past meetings and the planned one"

"$cli" --db "$db" export ics --meeting 6 --output "$tmp/ics" > /dev/null; rc=$?
[ $rc -eq 0 ] && [ "$(ls "$tmp/ics" | wc -l)" -ge 20 ] && grep -q '^DTSTART;TZID=Europe/Copenhagen:20260609T170000' "$tmp/ics/"*.ics
ok $? "export ics writes one calendar file per invited member"

for kind in agenda invitation sign-in; do
  "$cli" --db "$db" export "$kind" --meeting 6 --output "$tmp/$kind.pdf"; rc=$?
  [ $rc -eq 0 ] && head -c 5 "$tmp/$kind.pdf" | grep -q '%PDF-'; ok $? "export $kind writes a PDF"
done

"$cli" --db "$db" export attendance --meeting 6 --output "$tmp/a.xlsx"; rc=$?
[ $rc -eq 0 ] && ! unzip -p "$tmp/a.xlsx" xl/workbook.xml | grep -q 'Attendance rates'
ok $? "export attendance leaves the private attendance rates out"

"$cli" --db "$db" export attendance --meeting 99 --output "$tmp/b.xlsx" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ -s "$tmp/err" ] && [ ! -e "$tmp/b.xlsx" ]; ok $? "an unknown meeting exits 1 with a message"

"$cli" --db "$db" export agenda --output "$tmp/c.pdf" 2> /dev/null; rc=$?
[ $rc -eq 2 ] && [ ! -e "$tmp/c.pdf" ]; ok $? "export agenda without --meeting is a usage error"
