#!/bin/sh
# test-cli-real-files.sh CLI DATA — files shaped as publishers and Danish
# registers publish them go in with one command each, and every stored number
# is the file's (DATA/NAME.expected.csv, written by make-lookalikes.py).
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
data=$2
. "$(dirname "$0")/../cli/tap.sh"

# A database with one empty cluster, as a new user starts.
fresh () {
  db="$tmp/$1.sqlite"
  "$cli" --db "$db" init > /dev/null
  sqlite3 "$db" "INSERT INTO cluster (name) VALUES ('Look-alike cluster')"
}

# The stored measurements equal the expected ones, row by row.
stored_equals () {
  "$cli" --db "$db" measurements --format csv > "$tmp/stored.csv" || return 1
  head -n 1 "$tmp/stored.csv" | grep -qx 'clinic_number,clinic_name,indicator,period,numerator,denominator,value,status' || return 1
  { head -n 1 "$tmp/stored.csv"; tail -n +2 "$tmp/stored.csv" | LC_ALL=C sort; } > "$tmp/sorted.csv"
  { head -n 1 "$1"; tail -n +2 "$1" | LC_ALL=C sort; } > "$tmp/expected.csv"
  diff "$tmp/expected.csv" "$tmp/sorted.csv" >&2
}

# --- Public Health Scotland ------------------------------------------------------
fresh phs
"$cli" --db "$db" clinics import "$data/phs-contactdetails.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "6 clinics created, 0 updated" "$tmp/out" &&
  "$cli" --db "$db" clinics --format csv > "$tmp/clinics" &&
  grep -qx '[0-9]*,41402,St Ninian'"'"'s Practice,3000' "$tmp/clinics" &&
  [ "$(sqlite3 "$db" "SELECT sum(listed_patients) FROM clinic")" -eq 34298 ] &&
  [ "$(sqlite3 "$db" "SELECT phone FROM clinic WHERE provider_number = '41101'")" = "01786 830 210" ]
ok $? "a PHS practice list (CRLF) creates the clinics with number, name, listed patients and phone"

"$cli" --db "$db" clinics import "$data/phs-contactdetails.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "0 clinics created, 6 updated" "$tmp/out" && [ "$(sqlite3 "$db" "SELECT count(*) FROM clinic")" -eq 6 ]
ok $? "the same practice list again updates the clinics instead of doubling them"

"$cli" --db "$db" import --clinic PracticeCode --period Date --add-indicators \
  --wide "List size (all ages)=AllAges" --wide "Patients aged 85+=Ages85plus" "$data/phs-listsizes.csv" > "$tmp/out" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q ":3: The same clinic, indicator (“List size (all ages)”) and period are already on line 2" "$tmp/err"
ok $? "three rows per practice are refused, naming the indicator, until a row filter picks one"

"$cli" --db "$db" import --clinic PracticeCode --period Date --add-indicators --where Sex=All \
  --wide "List size (all ages)=AllAges" --wide "Patients aged 85+=Ages85plus" "$data/phs-listsizes.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "12 rows did not match --where" "$tmp/out" && grep -q "1 value is suppressed" "$tmp/out" &&
  grep -q "12 measurements imported" "$tmp/out" && stored_equals "$data/phs-listsizes.csv.expected.csv"
ok $? "--where Sex=All keeps one row per practice; an empty cell flagged c in its QF column is stored as suppressed"

# --- NHS Digital ----------------------------------------------------------------------
fresh nhsd
"$cli" --db "$db" clinics import "$data/nhsd-cluster-practices.csv" > /dev/null &&
"$cli" --db "$db" import --add-indicators --wide "Registered patients=NUMBER_OF_PATIENTS" "$data/nhsd-gp-reg-jan2021.csv" > "$tmp/out" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "nhsd-gp-reg-jan2021.csv:3:6: There is no clinic “B81003” in this cluster" "$tmp/err" &&
  grep -q -- "--skip-unknown" "$tmp/err" && ! grep -q "B81001" "$tmp/err"
ok $? "codes with letters match clinics numbered in another case; a practice outside the cluster is named"

"$cli" --db "$db" import --skip-unknown --add-indicators --wide "Registered patients=NUMBER_OF_PATIENTS" \
  "$data/nhsd-gp-reg-jan2021.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "clinics not in this cluster: 2 rows left out" "$tmp/out" && grep -q "^  B81043	1$" "$tmp/out" &&
  stored_equals "$data/nhsd-gp-reg-jan2021.csv.expected.csv" &&
  "$cli" --db "$db" import-batches --format csv | grep -q ",4,[0-9a-f]*,2$"
ok $? "--skip-unknown leaves out and lists the CCG's other practices; the batch keeps their count"

"$cli" --db "$db" import-undo 1 > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "“B81003” is not a clinic of this cluster (1 row)" "$tmp/out"
ok $? "undoing the batch says what it had left out"

"$cli" --db "$db" import --skip-unknown --wide "Registered patients=NUMBER_OF_PATIENTS" "$data/nhsd-gp-reg-may2022.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && stored_equals "$data/nhsd-gp-reg-may2022.csv.expected.csv" &&
  [ "$("$cli" --db "$db" measurements --format csv | awk -F, 'NR > 1 { s += $7 } END { print s }')" -eq 44565 ]
ok $? "the May file (LF, 01May2022) stores every practice's patients (44,565 in all)"

"$cli" --db "$db" import --layout long --reference --add-indicators "$data/fingertips-imd.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "2 national or regional rows are not clinics" "$tmp/out" &&
  grep -q "reference value of England for 2019: 21.7220870988933 (stored)" "$tmp/out" &&
  [ "$(sqlite3 "$db" "SELECT area, period, value FROM indicator_reference")" = "England|2019|21.7220870988933" ] &&
  "$cli" --db "$db" measurements --format csv | grep "Deprivation" > "$tmp/imd" &&
  [ "$(wc -l < "$tmp/imd")" -eq 4 ] && grep -q ",25.1107340018733,ok$" "$tmp/imd" && ! grep -q "E92000001" "$tmp/imd"
ok $? "Fingertips: guessed columns, England rows never clinics but the indicator's reference value, 13 decimals kept"

"$cli" --db "$db" import --header-row 5 --clinic Code --fixed-period 2022-05 --skip-unknown \
  --wide "Registered patients=Registered patients" "$data/nhsd-report-openpyxl.xlsx" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "More than one column is called “Registered patients” (#3, #4)" "$tmp/err"
ok $? "a mapping by a name that two columns share is refused, asking which by position"

sqlite3 "$db" "DELETE FROM measurement"
"$cli" --db "$db" import --sheet "Registered patients" --header-row 5 --clinic Code --fixed-period 2022-05 --skip-unknown \
  --wide "Registered patients=#4" "$data/nhsd-report-openpyxl.xlsx" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "1 total row is not a clinic" "$tmp/out" && stored_equals "$data/nhsd-report-openpyxl.xlsx.expected.csv"
ok $? "an openpyxl report: sheet by name, header row 5 under the merged rows, column #4, the Total row skipped"

# --- OpenPrescribing ----------------------------------------------------------------------
fresh op
"$cli" --db "$db" import --clinic id --clinic-name name --period date --add-clinics --add-indicators \
  --wide "Antibacterial items per patient=y_items:total_list_size" --wide "Antibacterial actual cost=y_actual_cost" \
  "$data/openprescribing-items.csv" > "$tmp/out" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q ":2:4: The numerator (84) is greater than the denominator (0)." "$tmp/err" && grep -q -- "--skip-bad" "$tmp/err" &&
  [ "$(sqlite3 "$db" "SELECT count(*) FROM clinic")" -eq 0 ]
ok $? "a list size of 0 blocks the file by default, and the message offers --skip-bad"

"$cli" --db "$db" import --clinic id --clinic-name name --period date --add-clinics --add-indicators --skip-bad \
  --wide "Antibacterial items per patient=y_items:total_list_size" --wide "Antibacterial actual cost=y_actual_cost" \
  "$data/openprescribing-items.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "3 new clinics from the file" "$tmp/out" && grep -q "1 row with problems was left out" "$tmp/out" &&
  grep -q "16 measurements imported" "$tmp/out" && stored_equals "$data/openprescribing-items.csv.expected.csv" &&
  [ "$(sqlite3 "$db" "SELECT reason FROM import_left_out")" = "The numerator (84) is greater than the denominator (0)." ]
ok $? "--skip-bad imports the good rows, creates the clinics with code and name, and records the row left out"

"$cli" --db "$db" measurements --format json --indicator "$(sqlite3 "$db" "SELECT id FROM indicator WHERE name = 'Antibacterial actual cost'")" \
  --period 2014-11-01 > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
assert [r["value"] for r in rows] == [790.1, 210.5, 101.25], rows
assert rows[0]["numerator"] is None and rows[0]["status"] == "ok", rows' "$tmp/out"
ok $? "measurements --indicator --period --format json: numbers as numbers, absent ones null"

# --- Danish shapes ------------------------------------------------------------------------
fresh dk
"$cli" --db "$db" clinics import "$data/dk-praksisliste-cp1252.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "4 clinics created" "$tmp/out" &&
  [ "$(sqlite3 "$db" "SELECT provider_number || '|' || name || '|' || listed_patients FROM clinic ORDER BY provider_number LIMIT 1")" = "012345|Lægehuset Nørregade|1650" ]
ok $? "a Danish practice list in cp1252 under a title line creates the clinics with their ydernumre"

"$cli" --db "$db" import --clinic "Ydernr." --period Periode --add-indicators --reference \
  --wide "HbA1c målt=HbA1c målt:Diabetikere" "$data/dk-kvartal-cp1252.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "1 total row is not a clinic" "$tmp/out" && grep -q "reference value of Hele landet for .*181234/229876 (stored)" "$tmp/out" &&
  grep -q "1 value is suppressed" "$tmp/out" && stored_equals "$data/dk-kvartal-cp1252.csv.expected.csv"
ok $? "a region's quarterly report: title lines, Ydernr., <5 stored as suppressed, Klyngen i alt and Hele landet never clinics"

"$cli" --db "$db" import --clinic Praksis --period Måned --add-indicators \
  --wide "Influenzavaccination=Antal:Patienter" "$data/dk-maaned-navne-cp1252.csv" > "$tmp/out"; rc=$?
grep -v "HbA1c" "$data/dk-kvartal-cp1252.csv.expected.csv" > "$tmp/none.csv"
[ $rc -eq 0 ] && grep -q "1 total row" "$tmp/out" && "$cli" --db "$db" measurements --format csv | grep -q "^023456,Ærø Lægepraksis,Influenzavaccination,2025-01,7,22,,ok$" &&
  [ "$("$cli" --db "$db" measurements --format csv | grep -c Influenzavaccination)" -eq 4 ]
ok $? "names match across æ/ø/å and ae/oe/aa, case and punctuation"

sqlite3 "$db" "DELETE FROM measurement"
"$cli" --db "$db" import --sheet Data --clinic Ydernummer --period Måned --wide "Influenzavaccination=Antal:Patienter" \
  "$data/dk-journal-udtraek.xlsx" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && stored_equals "$data/dk-journal-udtraek.xlsx.expected.csv"
ok $? "a record system's workbook: sheet by name after a notes sheet, ydernumre without their leading zeros"

# --- Mappings that remember -------------------------------------------------------------------
fresh remember
"$cli" --db "$db" clinics import "$data/nhsd-cluster-practices.csv" > /dev/null
"$cli" --db "$db" import --skip-unknown --add-indicators --wide "Registered patients=NUMBER_OF_PATIENTS" \
  --save-mapping "NHS Digital patients" "$data/nhsd-gp-reg-jan2021.csv" > /dev/null &&
"$cli" --db "$db" import --skip-unknown "$data/nhsd-gp-reg-may2022.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "fit the saved mapping “NHS Digital patients”, which is used" "$tmp/out" && grep -q "4 measurements imported" "$tmp/out"
ok $? "next month's file fits the saved mapping and imports with no column options"

"$cli" --db "$db" clinics --format json > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
assert sorted(rows[0]) == ["id", "listed_patients", "name", "number"] and len(rows) == 4, rows' "$tmp/out" &&
  "$cli" --db "$db" indicators --format csv | grep -q '^[0-9]*,Registered patients,value,'
ok $? "clinics and indicators list as JSON and CSV for scripts"

# --- clinics created only for rows that are stored ---------------------------------------
fresh only
printf 'Code,Name,Sex,Date,Patients\nX90001,Good Practice,All,20241001,1200\nX90002,Bad Practice,All,20241001,many\nX90003,Filtered Practice,Male,20241001,300\n' \
  > "$tmp/only.csv"
"$cli" --db "$db" import --clinic Code --clinic-name Name --period Date --where Sex=All --add-clinics --add-indicators --skip-bad \
  --wide "Registered patients=Patients" "$tmp/only.csv" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -q "1 new clinic from the file" "$tmp/out" &&
  [ "$(sqlite3 "$db" "SELECT group_concat(provider_number) FROM clinic")" = "X90001" ] &&
  [ "$(sqlite3 "$db" "SELECT count(*) FROM measurement")" -eq 1 ]
ok $? "--add-clinics creates no clinic whose rows were all left out as bad (--skip-bad) or filtered out (--where)"

echo "1..$n"
exit $fail
