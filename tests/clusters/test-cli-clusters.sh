#!/bin/sh
# test-cli-clusters.sh CLI — `clusters` and `export members` as scripts use them.
# Copyright 2026 The Klynge authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/k.sqlite"
n=0
fail=0

ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}

echo "1..15"
"$cli" --db "$db" demo > /dev/null
sqlite3 "$db" "INSERT INTO member (cluster_id, name) VALUES (1, '=cmd|'' /C calc''!A0')"

"$cli" --db "$db" export members --format xlsx --output "$tmp/m.xlsx"; rc=$?
[ $rc -eq 0 ] && unzip -l "$tmp/m.xlsx" | grep -q 'xl/worksheets/sheet2.xml'
ok $? "export members --format xlsx writes a workbook with two sheets"
unzip -p "$tmp/m.xlsx" xl/worksheets/sheet1.xml | grep -q '<f>'; [ $? -ne 0 ]
ok $? "the member sheet holds no formula"

"$cli" --db "$db" export members --format csv --output "$tmp/m.csv"; rc=$?
[ $rc -eq 0 ] && [ "$(head -c 3 "$tmp/m.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] && grep -q "'=cmd" "$tmp/m.csv"
ok $? "export members --format csv writes UTF-8 with a BOM and defuses formulas"

"$cli" --db "$db" export members --format pdf --output "$tmp/m.pdf"; rc=$?
[ $rc -eq 0 ] && [ "$(head -c 5 "$tmp/m.pdf")" = "%PDF-" ] && pdftotext "$tmp/m.pdf" - | grep -q "Address list"
ok $? "export members --format pdf writes the address list to print"

"$cli" --db "$db" export members --output "$tmp/default.xlsx"; rc=$?
[ $rc -eq 0 ] && [ -s "$tmp/default.xlsx" ]; ok $? "xlsx is the default format"

"$cli" --db "$db" export members --format ods --output "$tmp/x.ods" 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && [ ! -e "$tmp/x.ods" ] && [ -s "$tmp/err" ]; ok $? "an unknown format is a usage error"

"$cli" --db "$db" export members --output "$tmp/none/x.csv" --format csv 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ -s "$tmp/err" ]; ok $? "an unwritable file exits 1 with a message"

"$cli" --db "$db" clusters archive 1; rc=$?
[ $rc -eq 0 ] && [ "$(sqlite3 "$db" "SELECT archived_at IS NOT NULL FROM cluster WHERE id = 1")" = 1 ] &&
  "$cli" --db "$db" clusters | grep -q "^1	.*	archived$"
ok $? "clusters archive marks the cluster archived, and clusters lists it so"

before=$(sqlite3 "$db" "SELECT count(*) FROM ledger_entry")
"$cli" --db "$db" ledger add --cluster 1 --date 2026-03-14 --amount 100 --category venue 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "archived" "$tmp/err" && [ "$(sqlite3 "$db" "SELECT count(*) FROM ledger_entry")" = "$before" ]
ok $? "a write to an archived cluster is refused, saying it is archived"
meeting=$(sqlite3 "$db" "SELECT min(id) FROM meeting WHERE status = 'planned'")
"$cli" --db "$db" meetings cancel "$meeting" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "clusters unarchive" "$tmp/err" && [ "$(sqlite3 "$db" "SELECT status FROM meeting WHERE id = $meeting")" = planned ]
ok $? "cancelling a meeting of an archived cluster is refused, saying how to unarchive it"

"$cli" --db "$db" clusters unarchive 1; rc=$?
[ $rc -eq 0 ] && [ "$(sqlite3 "$db" "SELECT archived_at IS NULL FROM cluster WHERE id = 1")" = 1 ] &&
  ! "$cli" --db "$db" clusters | grep -q archived
ok $? "clusters unarchive takes it back into use"

"$cli" --db "$db" clusters archive 99 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ -s "$tmp/err" ]; ok $? "archiving a cluster that does not exist exits 1 with a message"

"$cli" --db "$db" clusters delete x 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && [ "$(sqlite3 "$db" "SELECT count(*) FROM cluster")" = 1 ]; ok $? "a bad id is a usage error and deletes nothing"

"$cli" --db "$db" clusters delete 1 > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && [ "$(sqlite3 "$db" "SELECT (SELECT count(*) FROM cluster) + (SELECT count(*) FROM member) + (SELECT count(*) FROM measurement)")" = 0 ]
ok $? "clusters delete removes the cluster and what belongs to it"
backup=$(sed -n 's/.* to //p' "$tmp/out")
[ -f "$backup" ] && [ "$(sqlite3 "$backup" "SELECT count(*) FROM cluster")" = 1 ]
ok $? "clusters delete backs the file up first and says where"

exit $fail
