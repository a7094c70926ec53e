#!/bin/sh
# test-disk-full.sh CLI — a write that fills the disk fails whole, saying so, and leaves the file as it was.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A real full disk: a small tmpfs, mounted in a mount namespace of its own
# (unshare), so neither root nor the machine's disks are needed. The
# database is made on it, the rest of the space filled up but for a little,
# then a large import runs out of space in the middle of its transaction.
set -u
cli=$1
if [ -z "${KLYNGE_DISK_FULL_NAMESPACE:-}" ]; then
  if unshare -rm true 2> /dev/null; then
    KLYNGE_DISK_FULL_NAMESPACE=1 exec unshare -rm sh "$0" "$@"
  fi
  echo "1..0 # SKIP no mount namespace (unshare -rm) here"
  exit 0
fi
. "$(dirname "$0")/tap.sh"
disk="$tmp/disk"
mkdir "$disk"
mount -t tmpfs -o size=6m tmpfs "$disk" || { echo "1..0 # SKIP tmpfs cannot be mounted"; exit 0; }
trap 'umount "$disk"; rm -rf "$tmp"' EXIT
db="$disk/k.sqlite"
"$cli" --db "$db" demo > /dev/null

# 9 clinics × 3,000 days: some megabytes of pages to write.
python3 - "$tmp/days.csv" <<'PY'
import datetime, sys
clinics = ["012345", "023456", "034567", "045678", "056789", "067890", "078901", "089012", "090123"]
day = datetime.date(2010, 1, 1)
with open(sys.argv[1], "w") as out:
    out.write("clinic_number,indicator,period,numerator,denominator\n")
    for i in range(3000):
        for clinic in clinics:
            out.write("%s,HbA1c measured in last 12 months,%s,%d,100\n" % (clinic, day + datetime.timedelta(days=i), i % 100))
PY

count () { "$cli" --db "$db" info | awk '/Measurements:/ { print $2; exit }'; }
integrity () { python3 -c 'import sqlite3, sys; sys.exit(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0] != "ok")' "$db"; }
before=$(count)
rm -rf "${db%.sqlite}.backups"
dd if=/dev/zero of="$disk/filler" bs=64k 2> /dev/null
rm "$disk/filler"
# Room for the backup a writing command makes first, and 256 KB more.
keep=$(( $(du -k "$db" | cut -f1) + 256 ))
dd if=/dev/zero of="$disk/filler" bs=64k count=$(( ($(df -k --output=avail "$disk" | tail -1) - keep) / 64 )) 2> /dev/null

"$cli" --db "$db" import "$tmp/days.csv" > "$tmp/out" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "The disk is full" "$tmp/err" && ! grep -q "imported" "$tmp/out"
ok $? "an import that fills the disk fails, saying the disk is full"

integrity && [ "$(count)" = "$before" ]
ok $? "the file is whole and holds what it held before ($before measurements)"

rm "$disk/filler"
"$cli" --db "$db" import "$tmp/days.csv" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 0 ] && integrity && [ "$(count)" != "$before" ]
ok $? "with space again, the same import lands"

echo "1..$n"
exit $fail
