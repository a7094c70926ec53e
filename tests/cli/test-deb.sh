#!/bin/sh
# test-deb.sh SRCDIR — the Debian package: builds offline from a copy of the
# source with dpkg-buildpackage, holds what an installed Klynge needs, runs from a
# scratch root, and lintian finds no error.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
src=$1
. "$(dirname "$0")/tap.sh"

if ! command -v dpkg-buildpackage > /dev/null || ! command -v dh > /dev/null; then
  echo "1..0 # SKIP dpkg-dev or debhelper is not installed"
  exit 0
fi

# A copy, so the build's debian/ leftovers never reach the checkout.
mkdir "$tmp/klynge"
tar -C "$src" --exclude=./.git --exclude=./build --exclude='./build-*' --exclude=./_build -cf - . \
  | tar -C "$tmp/klynge" -xf -
(cd "$tmp/klynge" && DEB_BUILD_OPTIONS="parallel=$(nproc) noautodbgsym" dpkg-buildpackage -us -uc -b) \
  > "$tmp/build.log" 2>&1
status=$?
[ $status -eq 0 ] || tail -n 30 "$tmp/build.log" | sed 's/^/# /'
ok $status "dpkg-buildpackage -us -uc -b builds the package"

deb=$(ls "$tmp"/klynge_*_*.deb 2> /dev/null | head -n 1)
mkdir "$tmp/root"
[ -n "$deb" ] && dpkg -x "$deb" "$tmp/root"; ok $? "the package unpacks into a scratch root"

missing=""
for file in usr/bin/klynge usr/bin/klynge-cli \
            usr/share/applications/io.github.klynge.Klynge.desktop \
            usr/share/metainfo/io.github.klynge.Klynge.metainfo.xml \
            usr/share/mime/packages/io.github.klynge.Klynge.xml \
            usr/share/glib-2.0/schemas/io.github.klynge.Klynge.gschema.xml \
            usr/share/icons/hicolor/scalable/apps/io.github.klynge.Klynge.svg \
            usr/share/locale/da/LC_MESSAGES/klynge.mo \
            usr/share/man/man1/klynge.1.gz usr/share/man/man1/klynge-cli.1.gz \
            usr/share/bash-completion/completions/klynge-cli \
            usr/share/doc/klynge/copyright; do
  [ -e "$tmp/root/$file" ] || missing="$missing $file"
done
[ -z "$missing" ]; ok $? "the package holds the programs, desktop files, translations, man pages and completion${missing:+ (missing:$missing)}"

! find "$tmp/root" -path '*/tests/*' -o -name 'test-*' -o -name '*bench*' | grep -q .
ok $? "the package holds no test or benchmark programs"

"$tmp/root/usr/bin/klynge-cli" --db "$tmp/demo.sqlite" demo > /dev/null \
  && "$tmp/root/usr/bin/klynge-cli" --db "$tmp/demo.sqlite" info | grep -Eq 'Clinics: +9$'
ok $? "the installed klynge-cli writes and reads the demo cluster"

LANGUAGE=da LC_ALL=da_DK.UTF-8 "$tmp/root/usr/bin/klynge-cli" --help > /dev/null 2>&1 \
  && "$tmp/root/usr/bin/klynge" --version | grep -qi '^klynge [0-9]'
ok $? "the installed programs start"

# The README's quick start installs .ci/packages: what only the tests need
# stays in .ci/test-packages, or the first command grows again.
both=$(sort "$src/.ci/packages" | comm -12 - "$(sort "$src/.ci/test-packages" > "$tmp/test-packages"; echo "$tmp/test-packages")" | tr '\n' ' ')
[ -z "$both" ]; ok $? "the quick start's packages hold nothing only the tests need${both:+ (in both lists: $both)}"

if command -v lintian > /dev/null; then
  lintian --tag-display-limit 0 "$tmp"/klynge_*.changes > "$tmp/lintian" 2>&1
  sed 's/^/# /' "$tmp/lintian"
  ! grep -q '^E: ' "$tmp/lintian"; ok $? "lintian reports no error"
fi

echo "1..$n"
exit $fail
