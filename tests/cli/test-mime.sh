#!/bin/sh
# test-mime.sh CLI SRCDATA — a Klynge database is recognised as application/x-klynge
# by its header (what the desktop file opens), any other SQLite file is not.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
srcdata=$2
. "$(dirname "$0")/tap.sh"

mkdir -p "$tmp/share/mime/packages"
cp "$srcdata/io.github.klynge.Klynge.mime.xml" "$tmp/share/mime/packages/io.github.klynge.Klynge.xml"
cp /usr/share/mime/packages/freedesktop.org.xml "$tmp/share/mime/packages/"
update-mime-database "$tmp/share/mime" > /dev/null 2>&1; ok $? "update-mime-database takes the definition"

type_of() {
  XDG_DATA_HOME="$tmp/share" XDG_DATA_DIRS="$tmp/share" gio info -a standard::content-type "$1" \
    | sed -n 's/^ *standard::content-type: //p'
}

"$cli" --db "$tmp/cluster.db" demo > /dev/null
[ "$(type_of "$tmp/cluster.db")" = application/x-klynge ]; ok $? "a Klynge database is application/x-klynge, whatever its name"
"$cli" --db "$tmp/empty.sqlite" init > /dev/null
[ "$(type_of "$tmp/empty.sqlite")" = application/x-klynge ]; ok $? "a new, empty Klynge database is too"
sqlite3 "$tmp/other.sqlite" 'CREATE TABLE t (x); INSERT INTO t VALUES (1);'
[ "$(type_of "$tmp/other.sqlite")" = application/vnd.sqlite3 ]; ok $? "another program's SQLite file is not Klynge's"
grep -q '^MimeType=application/x-klynge;$' "$srcdata/io.github.klynge.Klynge.desktop.in.in"
ok $? "the desktop file opens Klynge's own type only"

echo "1..$n"
exit $fail
