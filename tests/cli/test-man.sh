#!/bin/sh
# test-man.sh CLI BUILDDATA SRCDATA — the man pages render cleanly and name every
# command klynge-cli has; the bash completion completes commands, kinds and options.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
builddata=$2
srcdata=$3
. "$(dirname "$0")/tap.sh"

for page in klynge.1 klynge-cli.1; do
  LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$builddata/$page" > "$tmp/warnings" 2>&1
  [ $? -eq 0 ] && [ ! -s "$tmp/warnings" ]; ok $? "$page renders without a warning"
  [ "$(MANWIDTH=80 man -l "$builddata/$page" 2> /dev/null | wc -l)" -gt 20 ]; ok $? "man -l $page shows the page"
done

MANWIDTH=200 man -l "$builddata/klynge-cli.1" > "$tmp/page" 2> /dev/null
missing=""
for command in $(LC_ALL=C "$cli" --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do
  grep -Eq "^ +$command( |$)" "$tmp/page" || missing="$missing $command"
done
for kind in $(LC_ALL=C "$cli" export --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do
  grep -q "$kind" "$tmp/page" || missing="$missing export-$kind"
done
[ -z "$missing" ]; ok $? "klynge-cli.1 documents every command and export kind${missing:+ (missing:$missing)}"

grep -q "$("$cli" --version | cut -d' ' -f2)" "$tmp/page"; ok $? "the page carries the program's version"

# The completion, as bash-completion loads it.
complete_line() {
  bash -c '. /usr/share/bash-completion/bash_completion; . "$1"; shift
           PATH="$(dirname "$1"):$PATH"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
           COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; _klynge_cli; printf "%s\n" "${COMPREPLY[@]}"' \
    sh "$srcdata/completions/klynge-cli" "$@"
}
if [ -r /usr/share/bash-completion/bash_completion ]; then
  complete_line "$cli" im > "$tmp/c"
  grep -qx import "$tmp/c" && grep -qx import-batches "$tmp/c" && grep -qx import-undo "$tmp/c"
  ok $? "completion offers the commands"
  complete_line "$cli" export at > "$tmp/c"
  grep -qx attendance "$tmp/c"; ok $? "completion offers export kinds"
  complete_line "$cli" --db x.sqlite import-batches --fo > "$tmp/c"
  grep -qx -- --format "$tmp/c"; ok $? "completion offers a command's options after --db FILE"
else
  echo "ok $((n + 1)) # SKIP bash-completion is not installed"; n=$((n + 1))
fi

echo "1..$n"
exit $fail
