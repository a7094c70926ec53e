#!/bin/sh
# test-cli-hostile.sh CLI MAKE-HOSTILE — hostile files are refused within a memory and time budget.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each file of make-hostile.py goes through `import --dry-run` with its
# address space limited to 256 MB above what the program itself maps, and
# 5 seconds per MB of input (at least 10). AddressSanitizer maps terabytes
# of shadow memory and runs slower: under it only the time is limited, five
# times more loosely.
set -u
cli=$1
. "$(dirname "$0")/../cli/tap.sh"
db="$tmp/k.sqlite"
files="$tmp/files"
mkdir "$files"
python3 "$2" "$files" || exit 1
"$cli" --db "$db" demo > /dev/null
indicator="Conjunctivitis consultations per 1,000 children"

if ldd "$cli" | grep -q libasan; then
  limit=""; slow=5
else
  limit="prlimit --as=$(((192 + 256) << 20))"; slow=1
fi

# import FILE: runs the import of FILE's "count" column; stderr in $tmp/err.
import () {
  mb=$(( $(wc -c < "$files/$1") >> 20 ))
  seconds=$(( (mb * 5 > 10 ? mb * 5 : 10) * slow ))
  timeout "$seconds" $limit "$cli" --db "$db" import --dry-run --clinic clinic --fixed-period 2024 \
    --wide "$indicator=count" "$files/$1" > /dev/null 2> "$tmp/err"
}

refused () {
  import "$1"; rc=$?
  [ $rc -eq 1 ] && grep -q "$2" "$tmp/err"
  ok $? "$1 is refused: $2"
}

refused amplified.xlsx "amplified.xlsx:2:1: the cell A2 holds more than 32767 characters"
refused repeated.xlsx "repeated the workbook’s shared texts to more than 64 MB"
refused inflated.xlsx "inflated.xlsx: the workbook expands to more than 16 MB"
refused laughs.xlsx "laughs.xlsx: the part “xl/sharedStrings.xml” of the workbook is damaged"
refused external-entity.xlsx "external-entity.xlsx: the part “xl/sharedStrings.xml” of the workbook is damaged"
refused beyond-xfd.xlsx "beyond-xfd.xlsx:2: the row has a cell beyond column XFD"
refused long-names.csv "long-names.csv:2:1: the field is longer than 32767 characters"
refused open-quote.csv "open-quote.csv:2: a field is longer than 32767 characters; is a closing quote missing?"
refused nul.csv "nul.csv:8002:2: the field holds a NUL character"
refused range.csv "range.csv:2:2: “1e-400” is not a number"
grep -q "range.csv:3:2: “1e400” is not a number" "$tmp/err"
ok $? "1e400 is no number either"

import far-column.xlsx; rc=$?
[ $rc -eq 1 ] && grep -q "far-column.xlsx:2:1: There is no clinic “Nowhere 2”" "$tmp/err"
ok $? "a count at column XFD on 100,000 rows is read in time"

import longish-names.csv; rc=$?
[ $rc -eq 1 ] && [ "$(grep -c "There is no clinic" "$tmp/err")" -eq 3 ] && [ "$(awk '{ if (length ($0) > m) m = length ($0) } END { print m }' "$tmp/err")" -lt 200 ]
ok $? "messages quote at most 80 characters of a 30,000-character clinic name"

echo "1..$n"
exit $fail
