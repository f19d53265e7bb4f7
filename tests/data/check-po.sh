#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails unless the translation compiles and has no fuzzy or untranslated messages.
set -eu
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$1" 2>&1)
echo "$stats"
case "$stats" in
  *fuzzy*|*untranslated*|*error*) exit 1 ;;
esac
