#!/bin/sh
# test-cli-import.sh CLI DATA — `import`, `import-batches`, `import-undo` as scripts use them.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
data=$2
. "$(dirname "$0")/../cli/tap.sh"
db="$tmp/k.sqlite"

"$cli" --db "$db" demo > /dev/null
sum () { sha256sum "$db" | cut -d' ' -f1; }
before=$(sum)

"$cli" --db "$db" import "$data/bad-long.csv" > "$tmp/out" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ "$(sum)" = "$before" ] && grep -q "^$data/bad-long.csv:4:5: The numerator (300) is greater" "$tmp/err" &&
  [ "$(grep -c "^$data/bad-long.csv:[0-9]" "$tmp/err")" -eq 7 ]
ok $? "a file with problems exits 1, lists each as FILE:LINE:COLUMN and leaves the database unchanged"

"$cli" --db "$db" import "$data/diabetes-long-utf8bom.csv" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ "$(sum)" = "$before" ] && grep -q -- "--replace or --keep" "$tmp/err"
ok $? "measurements already stored are refused unless --replace or --keep is given"

for broken in truncated.xlsx no-shared-strings.xlsx garbage.bin empty.csv; do
  "$cli" --db "$db" import "$data/$broken" > /dev/null 2> "$tmp/err"; rc=$?
  [ $rc -eq 1 ] && [ -s "$tmp/err" ] && [ "$(sum)" = "$before" ]
  ok $? "$broken is refused with a message and the database unchanged"
done

"$cli" --db "$db" import --dry-run --replace "$data/diabetes-long-utf8bom.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && [ "$(sum)" = "$before" ] && grep -q "27 measurements can be imported" "$tmp/out"
ok $? "--dry-run checks and writes nothing"

"$cli" --db "$db" import --replace --clinic Ydernummer --period Periode \
  --wide "Patients prescribed an NSAID=NSAID-brugere:Patienter i alt" \
  --wide "NSAID users aged 65 or more=NSAID-brugere >65 år:NSAID-brugere" \
  --save-mapping "Region Midt NSAID" "$data/nsaid-region-wide-cp1252.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "54 measurements imported as batch 1" "$tmp/out"
ok $? "a wide cp1252 file imports with a mapping given on the command line"

"$cli" --db "$db" import --replace --mapping "Region Midt NSAID" "$data/nsaid-region-wide-cp1252.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "batch 2" "$tmp/out"
ok $? "the saved mapping imports the next file in one command"

"$cli" --db "$db" import-batches > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && [ "$(wc -l < "$tmp/out")" -eq 3 ] && head -n 1 "$tmp/out" | grep -q "^batch	imported_at	file	rows	checksum	left_out$" \
  && grep -q "nsaid-region-wide-cp1252.csv	54	" "$tmp/out"
ok $? "import-batches lists both batches with their row counts under a header"

"$cli" --db "$db" import-batches --format csv > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && head -n 1 "$tmp/out" | grep -q "^batch,imported_at,file,rows,checksum,left_out$" \
  && grep -q ",nsaid-region-wide-cp1252.csv,54," "$tmp/out"
ok $? "import-batches --format csv writes the same list as CSV"

"$cli" --db "$db" import-batches --format json > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); assert len(b)==2 and b[0]["rows"]==54, b' "$tmp/out"
ok $? "import-batches --format json is an array of objects with numbers as numbers"

"$cli" --db "$db" import-batches --format xml 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q "xml" "$tmp/err"; ok $? "an unknown format is a usage error naming it"

"$cli" --db "$db" import-undo 2 && "$cli" --db "$db" import-undo 1; rc=$?
[ $rc -eq 0 ] && [ "$("$cli" --db "$db" import-batches | wc -l)" -eq 1 ]
ok $? "import-undo removes batches as a whole"

"$cli" --db "$db" import-undo 1 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "no imported batch 1: it was undone" "$tmp/err"; ok $? "undoing a batch twice fails, naming the batch"

"$cli" --db "$db" import --dry-run --clinic Code --fixed-period 2022-05 \
  --wide "Conjunctivitis consultations per 1,000 children=Registered patients (1 May 2022)" \
  "$data/registered-report.xlsx" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "registered-report.xlsx:6:1: There is no clinic “X84101”" "$tmp/err" &&
  ! grep -q "no column" "$tmp/err" && ! grep -q "not a number" "$tmp/err"
ok $? "the header under a title and a merged group row is found, the repeated name told apart by the date above it; formulas without values are empty"

printf 'clinic_number,indicator,period,numerator,denominator\n012345,HbA1c measured in last 12 months,2031-10-01,1,2\n023456,HbA1c measured in last 12 months,01OCT2031,3,4\n012345,HbA1c measured in last 12 months,4. kvartal 2031,5,6\n' > "$tmp/days.csv"
"$cli" --db "$db" import --period-granularity month "$tmp/days.csv" > /dev/null &&
  "$cli" --db "$db" periods > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && [ "$(tail -n 2 "$tmp/out")" = "$(printf '2031-Q4\tQ4 2031\t1\n2031-10\tOctober 2031\t2')" ] &&
  [ "$(head -n 2 "$tmp/out")" = "$(printf 'period\tlabel\tmeasurements\n2025-Q3\tQ3 2025\t54')" ]
ok $? "periods as publishers write them are stored as keys, days as months with --period-granularity month, and listed by time"

printf 'clinic_number,indicator,period,numerator,denominator\n012345,HbA1c measured in last 12 months,2026-13,1,2\n' > "$tmp/bad-period.csv"
before=$(sum)
"$cli" --db "$db" import "$tmp/bad-period.csv" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ "$(sum)" = "$before" ] && grep -q "^$tmp/bad-period.csv:2:3: “2026-13” has no month 13" "$tmp/err"
ok $? "a period that is none is refused at its line and column"

"$cli" --db "$db" import --period-granularity fortnight "$tmp/days.csv" 2> /dev/null; rc=$?
[ $rc -eq 2 ]; ok $? "an unknown period length is a usage error"

"$cli" --db "$db" import 2> /dev/null; rc=$?
[ $rc -eq 2 ]; ok $? "import without a file is a usage error"

echo "1..$n"
exit $fail
