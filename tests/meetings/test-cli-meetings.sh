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

"$cli" --db "$db" export ics --meeting 6 --output "$tmp/ics" > "$tmp/written"; rc=$?
[ $rc -eq 0 ] && [ "$(ls "$tmp/ics" | wc -l)" -eq 2 ] && [ "$(wc -l < "$tmp/written")" -eq 2 ] \
  && grep -q '^DTSTART;TZID=Europe/Copenhagen:20260609T170000' "$tmp/ics/"*.ics && [ -f "$tmp/ics/"*.eml ]
ok $? "export ics writes one calendar for all and its mail draft"

# The planned meeting: invited, moved, cancelled, as calendars must see it (RFC 5546).
check=$(dirname "$0")/check-invitation.py
# Debian's python3-icalendar, whatever other Python comes first on PATH.
python3=/usr/bin/python3; [ -x "$python3" ] || python3=python3
"$cli" --db "$db" meetings invite 7 > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q '^Invited [0-9][0-9]* members\.$' "$tmp/out"
ok $? "meetings invite invites every active member"
"$cli" --db "$db" export ics --meeting 7 --output "$tmp/m0" > /dev/null &&
  uid=$("$python3" "$check" "$tmp/m0/"*.ics "$tmp/m0/"*.eml 0 REQUEST)
ok $? "the invitation is METHOD:REQUEST, SEQUENCE 0, everyone an attendee with RSVP and in BCC"
"$cli" --db "$db" meetings reschedule 7 --start 2026-12-15T17:00 && "$cli" --db "$db" meetings | grep -q '^7	2026-12-15T17:00	invited	' &&
  "$cli" --db "$db" export ics --meeting 7 --output "$tmp/m1" > /dev/null &&
  "$python3" "$check" "$tmp/m1/"*.ics "$tmp/m1/"*.eml 1 REQUEST "$uid" > /dev/null && grep -q '^DTSTART;TZID=Europe/Copenhagen:20261215T170000' "$tmp/m1/"*.ics &&
  grep -q '^DTEND;TZID=Europe/Copenhagen:20261215T200000' "$tmp/m1/"*.ics && grep -q '^Subject: Changed: ' "$tmp/m1/"*.eml
ok $? "after meetings reschedule the update has the same UID, SEQUENCE 1 and the new time"
"$cli" --db "$db" export ics --meeting 7 --mail reminder --output "$tmp/m1" > /dev/null &&
  [ "$(ls "$tmp/m1" | wc -l)" -eq 4 ] && grep -q '^Subject: Reminder: ' "$tmp/m1/"*"(2).eml"
ok $? "the reminder is written beside the update without overwriting it"
"$cli" --db "$db" meetings cancel 7 && "$cli" --db "$db" meetings | grep -q '^7	2026-12-15T17:00	cancelled	' &&
  "$cli" --db "$db" export ics --meeting 7 --output "$tmp/m2" > /dev/null &&
  "$python3" "$check" "$tmp/m2/"*.ics "$tmp/m2/"*.eml 2 CANCEL "$uid" > /dev/null && grep -q '^Subject: Cancelled: ' "$tmp/m2/"*.eml
ok $? "after meetings cancel the cancellation is METHOD:CANCEL with SEQUENCE 2"
"$cli" --db "$db" export ics --meeting 7 --mail invitation --output "$tmp/m3" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q 'cancelled' "$tmp/err" && [ ! -e "$tmp/m3" ]
ok $? "a cancelled meeting sends nothing but its cancellation"
"$cli" --db "$db" meetings reschedule 7 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- '--start' "$tmp/err"; ok $? "meetings reschedule without --start is a usage error"
"$cli" --db "$db" meetings cancel seven 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'seven' "$tmp/err"; ok $? "meetings cancel names a meeting by number"
"$cli" --db "$db" meetings invite 6 --member 99999 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q '99999' "$tmp/err"; ok $? "meetings invite of an unknown member fails naming it"

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
