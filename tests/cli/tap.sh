# tap.sh — sourced by the CLI test scripts: a temporary folder removed on
# exit, and ok STATUS DESCRIPTION printing TAP.
# Copyright 2026 The Klynge authors
# SPDX-License-Identifier: GPL-3.0-or-later
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0

ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}
