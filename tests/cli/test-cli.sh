#!/bin/sh
# test-cli.sh CLI LOCALEDIR — klynge-cli's contract with scripts: commands, exit codes, messages.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
localedir=$2
. "$(dirname "$0")/tap.sh"

"$cli" --help > "$tmp/help" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q demo "$tmp/help" && grep -q info "$tmp/help"; ok $? "--help lists the commands"

"$cli" --version > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && grep -Eq '^klynge-cli [0-9]+\.[0-9]+' "$tmp/out"; ok $? "--version prints the version and exits 0"

"$cli" help > "$tmp/help2"; rc=$?
[ $rc -eq 0 ] && cmp -s "$tmp/help" "$tmp/help2"; ok $? "help is --help"

# Every command explains itself and exits 0, without a database.
all_help=0
for command in $(sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p' "$tmp/help"); do
  "$cli" --db "$tmp/none.sqlite" help "$command" > "$tmp/out" 2>&1 && grep -q . "$tmp/out" \
    && "$cli" --db "$tmp/none.sqlite" "$command" --help > /dev/null 2>&1 || { echo "# $command"; all_help=1; }
done
[ $all_help -eq 0 ] && [ ! -e "$tmp/none.sqlite" ]; ok $? "help COMMAND and COMMAND --help exit 0 for every command"

"$cli" --db "$tmp/typo.sqlite" info 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ ! -e "$tmp/typo.sqlite" ] && grep -q 'init' "$tmp/err"
ok $? "a command that only reads never creates a database"

"$cli" --db "$tmp/init.sqlite" init > "$tmp/out"; rc=$?
[ $rc -eq 0 ] && [ "$(stat -c %a "$tmp/init.sqlite")" = 600 ] && "$cli" --db "$tmp/init.sqlite" info | grep -q 'No clusters yet'
ok $? "init creates an empty database, 0600"

"$cli" --db "$tmp/a.sqlite" frobnicate 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'frobnicate' "$tmp/err"; ok $? "an unknown command exits 2 and names it"

"$cli" --wat info 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- '--wat' "$tmp/err"; ok $? "an unknown option exits 2 and names it"

"$cli" --db 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ]; ok $? "--db without a file exits 2"

"$cli" --db "$tmp/a.sqlite" info extra 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ]; ok $? "a stray argument exits 2"

"$cli" --db "$tmp/a.sqlite" demo > "$tmp/out"; rc=$?
[ $rc -eq 0 ]; ok $? "demo writes the demo cluster"

[ "$(stat -c %a "$tmp/a.sqlite")" = 600 ]; ok $? "the database file is created 0600"

"$cli" --db "$tmp/a.sqlite" info > "$tmp/info"; rc=$?
[ $rc -eq 0 ] && grep -Eq 'Clinics: +9$' "$tmp/info" && grep -Eq 'GPs: +24$' "$tmp/info" \
  && grep -Eq 'Listed patients: +48,000$' "$tmp/info"; ok $? "info prints the demo's counts, grouped as amounts are"

printf 'not a database' > "$tmp/b.sqlite"
"$cli" --db "$tmp/b.sqlite" info 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q 'not a Klynge database' "$tmp/err" && [ "$(cat "$tmp/b.sqlite")" = 'not a database' ]
ok $? "a foreign file is refused, unchanged"

# As the app does, a command that writes keeps a backup of the file as it
# was; one that only reads leaves the backups alone.
cp "$tmp/a.sqlite" "$tmp/c.sqlite"
n_backups() { find "$tmp/c.backups" -name '*.sqlite' 2>/dev/null | wc -l; }
"$cli" --db "$tmp/c.sqlite" info > /dev/null && "$cli" --db "$tmp/c.sqlite" meetings > /dev/null \
  && "$cli" --db "$tmp/c.sqlite" ledger list > /dev/null && [ "$(n_backups)" -eq 0 ]
ok $? "commands that only read make no backup"
"$cli" --db "$tmp/c.sqlite" demo > /dev/null && [ "$(n_backups)" -eq 1 ]
ok $? "a command that writes backs the file up first"
cp "$(find "$tmp/c.backups" -name '*.sqlite')" "$tmp/c-backup.sqlite"
[ "$("$cli" --db "$tmp/c-backup.sqlite" info | grep -c 'Clinics:')" -eq 1 ] \
  && [ "$("$cli" --db "$tmp/c.sqlite" info | grep -c 'Clinics:')" -eq 2 ]
ok $? "the backup holds the database as it was before the command"
"$cli" --db "$tmp/c.sqlite" ledger add --date 2026-12-01 --amount 10 --category catering > /dev/null \
  && [ "$(n_backups)" -eq 2 ]
ok $? "ledger add backs the changed file up again"
# A backup that cannot be made (a file where the folder should be) does
# not stop the command, but it is said.
cp "$tmp/a.sqlite" "$tmp/d.sqlite"
: > "$tmp/d.backups"
"$cli" --db "$tmp/d.sqlite" ledger add --date 2026-12-01 --amount 10 --category catering > /dev/null 2> "$tmp/d.err" \
  && grep -q 'No backup could be made of the file as it was opened' "$tmp/d.err"
ok $? "a backup that cannot be made is said, and the command still runs"

# Messages follow the user's language (the build's translations, as meson devenv sets).
# (locales-all gives the locale; the catalogues are a dependency of this test.)
KLYNGE_LOCALEDIR=$localedir LANGUAGE=da LC_ALL=da_DK.UTF-8 "$cli" --db "$tmp/a.sqlite" frobnicate 2> "$tmp/err"
grep -q 'Ukendt kommando' "$tmp/err"; ok $? "messages are in Danish for a Danish user"
KLYNGE_LOCALEDIR=$localedir LANGUAGE=da LC_ALL=da_DK.UTF-8 "$cli" --db "$tmp/a.sqlite" export slides --meeting 6 \
  --output "$tmp/slides" > "$tmp/out"
grep -q 'dias skrevet til' "$tmp/out"; ok $? "plural messages are in Danish too"
KLYNGE_LOCALEDIR=$localedir LANGUAGE=da LC_ALL=da_DK.UTF-8 "$cli" --db "$tmp/a.sqlite" info > "$tmp/info-da"
# Every count starts in the same column, counted in characters.
[ "$(grep '^  ' "$tmp/info-da" | sed 's/[0-9.]*$//' | while IFS= read -r line; do
        printf '%s' "$line" | LC_ALL=C.UTF-8 wc -m; done | sort -u | wc -l)" -eq 1 ] \
  && grep -q 'Læger' "$tmp/info-da"; ok $? "info's Danish counts line up"
grep -Eq 'Tilmeldte patienter: +48\.000$' "$tmp/info-da"; ok $? "info's numbers are grouped the Danish way"
# A demo made for a Danish user is Danish through and through.
KLYNGE_LOCALEDIR=$localedir LANGUAGE=da LC_ALL=da_DK.UTF-8 "$cli" --db "$tmp/da.sqlite" demo > /dev/null
"$cli" --db "$tmp/da.sqlite" meetings > "$tmp/meetings-da"
grep -q 'Type 2-diabetes: hvor står vi?' "$tmp/meetings-da" && ! grep -q 'where do we stand' "$tmp/meetings-da"
ok $? "the demo cluster is Danish for a Danish user"

echo "1..$n"
exit $fail
