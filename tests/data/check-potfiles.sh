#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with translatable strings must be listed in po/POTFILES.in, and every listed
# file must exist.
set -eu
cd "$1"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$( (grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_) ?\(' src --include='*.c';
          grep -rl 'translatable="yes"' ui data --include='*.ui' --include='*.xml' --include='*.in';
          ls data/*.desktop.in data/*.gschema.xml data/*.metainfo.xml.in) | sort -u)
for f in $found; do
  echo "$listed" | grep -qx "$f" || { echo "missing from po/POTFILES.in: $f"; status=1; }
done
for f in $listed; do
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; status=1; }
done
[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(echo "$found" | wc -l) files with strings"
exit $status
