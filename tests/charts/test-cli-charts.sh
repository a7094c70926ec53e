#!/bin/sh
# test-cli-charts.sh CLI — `export chart|slides|deck|pack|workbook|key` as scripts use them.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
. "$(dirname "$0")/../cli/tap.sh"
db="$tmp/k.sqlite"

# Width and height from a PNG's header (bytes 16–23, big-endian).
png_size () {
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

"$cli" --db "$db" demo > /dev/null

"$cli" --db "$db" export chart --indicator 1 --kind funnel --output "$tmp/f.png"; rc=$?
[ $rc -eq 0 ] && [ "$(png_size "$tmp/f.png")" = 1920x1080 ]
ok $? "export chart writes a 1920×1080 PNG by default"

"$cli" --db "$db" export chart --indicator 1 --size 3840x2160 --theme dark --output "$tmp/f4k.png"; rc=$?
[ $rc -eq 0 ] && [ "$(png_size "$tmp/f4k.png")" = 3840x2160 ]
ok $? "--size 3840x2160 writes a 4K slide"

"$cli" --db "$db" export chart --indicator 2 --kind run --output "$tmp/r.svg" &&
  "$cli" --db "$db" export chart --kind attendance --output "$tmp/a.pdf" &&
  grep -q '<svg' "$tmp/r.svg" && head -c 4 "$tmp/a.pdf" | grep -q '%PDF'
ok $? "SVG and PDF follow the file name"

"$cli" --db "$db" export slides --meeting 4 --format pdf --output "$tmp/slides" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && [ "$(ls "$tmp/slides" | wc -l)" -eq 13 ] && grep -q '13 slides' "$tmp/out"
ok $? "export slides writes every slide of a follow-up meeting into a folder"

"$cli" --db "$db" export deck --meeting 4 --theme dark --output "$tmp/deck.pdf" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && [ "$(pdfinfo "$tmp/deck.pdf" | awk '/^Pages:/ { print $2 }')" -eq 15 ] && grep -q '15 pages' "$tmp/out" &&
  [ "$(stat -c %a "$tmp/deck.pdf")" = 600 ]
ok $? "export deck writes one PDF: a title page, the 13 slides of a follow-up meeting, a closing page"

"$cli" --db "$db" export pack --meeting 2 --output "$tmp/pack.pdf" &&
  "$cli" --db "$db" export workbook --meeting 2 --output "$tmp/m.xlsx" &&
  head -c 4 "$tmp/pack.pdf" | grep -q '%PDF' && head -c 2 "$tmp/m.xlsx" | grep -q 'PK'
ok $? "export pack and workbook write a PDF and an XLSX"

"$cli" --db "$db" export key --meeting 2 --output "$tmp/key.csv" &&
  "$cli" --db "$db" export key --output "$tmp/key.xlsx" &&
  grep -q '^A,' "$tmp/key.csv" && grep -q 'Private:' "$tmp/key.csv" && head -c 2 "$tmp/key.xlsx" | grep -q 'PK' &&
  [ "$(stat -c %a "$tmp/key.csv")" = 600 ] && [ "$(stat -c %a "$tmp/key.xlsx")" = 600 ]
ok $? "export key writes the private letter key, of a meeting or without one, readable by its owner only"

"$cli" --db "$db" export chart --kind funnel --output "$tmp/x.png" 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- '--indicator' "$tmp/err"
ok $? "a chart without --indicator is a usage error (exit 2)"

"$cli" --db "$db" export chart --indicator 1 --names nobody --output "$tmp/x.png" 2> /dev/null; rc=$?
[ $rc -eq 2 ] && [ ! -e "$tmp/x.png" ]
ok $? "an unknown --names is a usage error and writes nothing"

"$cli" --db "$db" export chart --indicator 999 --output "$tmp/x.png" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q '999' "$tmp/err" && [ ! -e "$tmp/x.png" ]
ok $? "an unknown indicator exits 1 with a message naming it"

"$cli" --db "$db" export chart --indicator 1 --output "$tmp/x.doc" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q '.png' "$tmp/err"
ok $? "an unknown file type exits 1 and says which are known"

"$cli" --db "$db" export chart --indicator 1 --kind funnel --adjust always --around reference --output "$tmp/w.png" &&
  "$cli" --db "$db" export chart --indicator 1 --kind funnel --adjust never --output "$tmp/n.png" &&
  ! cmp -s "$tmp/w.png" "$tmp/n.png"
ok $? "--adjust and --around choose the funnel's limits"

"$cli" --db "$db" export chart --indicator 1 --adjust sometimes --output "$tmp/x.png" 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- '--adjust' "$tmp/err" && [ ! -e "$tmp/x.png" ]
ok $? "an unknown --adjust is a usage error and writes nothing"

"$cli" --db "$db" export chart --indicator 1 --kind p-chart --output "$tmp/p.pdf" &&
  pdftotext "$tmp/p.pdf" "$tmp/p.txt" && grep -q 'Laney’s σz' "$tmp/p.txt" && grep -q 'Q1 2026' "$tmp/p.txt" &&
  ! grep -q '2026-Q1' "$tmp/p.txt"
ok $? "--kind p-chart draws Laney's P′ chart, its periods as people read them"

echo "1..$n"
exit $fail
