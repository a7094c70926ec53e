#!/bin/sh
# check-po.sh — every user-visible string reaches the translators, and the
# Danish translation is complete: a string added without a translation fails.
#
# Copyright 2026 The Klynge authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top" || exit 1

echo "1..4"

# 1. A source file with marked strings that POTFILES.in leaves out.
missing=$(grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext)[[:space:]]*\(|translatable="yes"' src data \
            --include='*.c' --include='*.ui' --include='*.xml' --include='*.in' |
          sort | comm -23 - "$(sort po/POTFILES.in > "$tmp/potfiles"; echo "$tmp/potfiles")")
if [ -z "$missing" ]; then
  echo "ok 1 every file with translatable strings is in po/POTFILES.in"
else
  echo "not ok 1 missing from po/POTFILES.in:"; echo "$missing" | sed 's/^/# /'
fi

# 2. The strings of today's sources, extracted as meson's glib preset does.
if xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
     --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
     --files-from=po/POTFILES.in --directory="$top" -o "$tmp/klynge.pot" 2>"$tmp/err"; then
  echo "ok 2 strings extracted"
else
  echo "not ok 2 xgettext failed"; sed 's/^/# /' "$tmp/err"
fi

# 3. Each of them has a Danish translation that is neither empty nor fuzzy.
msgmerge --quiet --no-fuzzy-matching -o "$tmp/da.po" po/da.po "$tmp/klynge.pot" 2>"$tmp/err"
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/da.po" 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*|*rror*)
    echo "not ok 3 po/da.po is incomplete: $stats"
    msgattrib --untranslated --only-fuzzy "$tmp/da.po" 2>/dev/null | grep '^msgid' | head -20 | sed 's/^/# /'
    msgattrib --untranslated "$tmp/da.po" 2>/dev/null | grep '^msgid' | head -20 | sed 's/^/# /' ;;
  *) echo "ok 3 po/da.po is complete: $stats" ;;
esac

# 4. A Danish label that opens a dialog keeps the ellipsis as the English
#    one does, written the same way everywhere: "Åbn…", not "Åbn …".
spaced=$(msgcat --no-wrap po/da.po | awk '
  /^msgid "/ { id = $0; next }
  /^msgstr "/ { if (id ~ /…"$/ && $0 != "msgstr \"\"" && $0 !~ /[^ ]…"$/) print id " => " $0 }')
if [ -z "$spaced" ]; then
  echo "ok 4 Danish ellipses follow the English ones"
else
  echo "not ok 4 Danish ellipses differ from the English ones:"; echo "$spaced" | sed 's/^/# /'
fi
