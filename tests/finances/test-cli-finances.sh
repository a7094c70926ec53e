#!/bin/sh
# test-cli-finances.sh CLI — `ledger list|add` and `export accounts` as scripts use them.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
. "$(dirname "$0")/../cli/tap.sh"
db="$tmp/k.sqlite"

"$cli" --db "$db" demo > /dev/null
"$cli" --db "$db" ledger list > "$tmp/before"; rc=$?
[ $rc -eq 0 ] && [ "$(wc -l < "$tmp/before")" -eq 32 ] && tail -n 1 "$tmp/before" | grep -q 'DKK 140,110.00$'
ok $? "ledger list prints the demo's 32 entries and the running balance"

"$cli" --db "$db" ledger add --year 2026 --date 2026-12-01 --amount "1,234.50" --category catering \
  --counterparty "Café Fjorden" > /dev/null; rc=$?
"$cli" --db "$db" ledger list --year 2026 | tail -n 1 | grep -q 'Café Fjorden.*-DKK 1,234.50.*DKK 138,875.50$'
[ $? -eq 0 ] && [ $rc -eq 0 ]; ok $? "ledger add books an expense and the balance falls by it"

LC_ALL=da_DK.UTF-8 "$cli" --db "$db" ledger list | tail -n 1 | grep -q -- '-1.234,50 kr.'
ok $? "amounts follow a Danish locale"

for bad in "--amount 12,34,5 --category catering" "--amount 10 --category nonsense" "--amount 10 --year 2025 --category venue"; do
  # shellcheck disable=SC2086
  "$cli" --db "$db" ledger add --date 2026-12-02 $bad 2> "$tmp/err"; rc=$?
  [ $rc -eq 1 ] && [ -s "$tmp/err" ] && [ "$("$cli" --db "$db" ledger list | wc -l)" -eq 33 ]
  ok $? "bad input ($bad) exits 1 with a message and saves nothing"
done
"$cli" --db "$db" ledger add --date 2026-12-02 --amount 10 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q category "$tmp/err"; ok $? "an entry without a category is refused"

if "$cli" export --help > /dev/null 2>&1; then
  "$cli" --db "$db" export accounts --year 2026 --output "$tmp/a.xlsx"; rc=$?
  [ $rc -eq 0 ] && unzip -p "$tmp/a.xlsx" xl/worksheets/sheet1.xml | grep -q '<f>SUM('
  ok $? "export accounts writes a workbook with formulas"
  "$cli" --db "$db" export accounts --year 2026 --format pdf --output "$tmp/a.pdf"; rc=$?
  [ $rc -eq 0 ] && head -c 5 "$tmp/a.pdf" | grep -q '%PDF-'; ok $? "export accounts --format pdf writes a PDF"
  "$cli" --db "$db" export accounts --year 2026 --output "$tmp/c.pdf"; rc=$?
  [ $rc -eq 0 ] && head -c 5 "$tmp/c.pdf" | grep -q '%PDF-'; ok $? "export accounts to a .pdf name writes a PDF"
  "$cli" --db "$db" export accounts --output "$tmp/b.xlsx" 2> /dev/null; rc=$?
  [ $rc -eq 2 ] && [ ! -e "$tmp/b.xlsx" ]; ok $? "export accounts without --year is a usage error"
else
  for what in workbook pdf usage; do n=$((n + 1)); echo "ok $n # SKIP export accounts ($what): the export command is not wired yet"; done
fi

echo "1..$n"
exit $fail
