#!/bin/sh
# test-cli-meetings.sh CLI LOCALEDIR — `meetings` and the meeting kinds of `export` as scripts use them.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
localedir=$2
. "$(dirname "$0")/../cli/tap.sh"
db="$tmp/k.sqlite"

"$cli" --db "$db" demo > /dev/null
"$cli" --db "$db" meetings > "$tmp/list"; rc=$?
[ $rc -eq 0 ] && [ "$(wc -l < "$tmp/list")" -eq 7 ] && grep -q '^6	2026-06-09T17:00	held	' "$tmp/list" \
  && grep -q '^7	2026-12-08T17:00	planned	' "$tmp/list"
ok $? "meetings lists the demo's six past meetings and the planned one"

"$cli" --db "$db" meetings extra 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'extra' "$tmp/err"
ok $? "meetings with an unexpected argument is a usage error naming it"

"$cli" --db "$db" meetings --cluster 99 2> /dev/null; rc=$?
[ $rc -eq 1 ]
ok $? "meetings of a cluster that does not exist fails"

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

# The Danish papers: headings and agenda types whole, a clinic's name on one line.
KLYNGE_LOCALEDIR=$localedir LANGUAGE=da LC_ALL=da_DK.UTF-8 "$cli" --db "$db" export agenda --meeting 6 --output "$tmp/da-agenda.pdf" &&
  pdftotext -layout "$tmp/da-agenda.pdf" "$tmp/da-agenda.txt"
grep -q 'Minutter$' "$tmp/da-agenda.txt" && grep -q 'Præsentation af data' "$tmp/da-agenda.txt"
ok $? "the Danish agenda keeps “Minutter” and “Præsentation af data” whole"
KLYNGE_LOCALEDIR=$localedir LANGUAGE=da LC_ALL=da_DK.UTF-8 "$cli" --db "$db" export sign-in --meeting 6 --output "$tmp/da-sign-in.pdf" &&
  pdftotext -layout "$tmp/da-sign-in.pdf" "$tmp/da-sign-in.txt"
grep -q 'Anne Nielsen  *Lægehuset Østergade' "$tmp/da-sign-in.txt"
ok $? "the sign-in sheet shows a clinic's name on one line"

echo "1..$n"
exit $fail
