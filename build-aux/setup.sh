#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what building, running and testing Impact Dashboard needs on Debian 12, and
# generates the Dutch and English locales. Quick and silent when all is there already.
set -eu

PACKAGES="meson ninja-build pkg-config gcc clang clang-format libclang-rt-14-dev
libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev libgsf-1-dev libxml2-dev
libcsv-dev libxlsxwriter-dev nettle-dev gettext desktop-file-utils appstream libglib2.0-bin
xvfb xauth dbus dbus-x11 locales flatpak-builder imagemagick sqlite3 python3 poppler-utils
postgresql libpq-dev libsecret-1-dev"
LOCALES="nl_NL.UTF-8 en_US.UTF-8"

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
else
  SUDO="sudo"
fi

missing=""
for package in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi

generate=""
for loc in $LOCALES; do
  short=$(echo "$loc" | sed 's/UTF-8/utf8/')
  if ! locale -a 2>/dev/null | grep -qx "$short"; then
    generate="$generate $loc"
  fi
done

if [ -n "$generate" ]; then
  echo "Generating locales:$generate"
  for loc in $generate; do
    if grep -q "^# *$loc UTF-8" /etc/locale.gen; then
      $SUDO sed -i "s/^# *$loc UTF-8/$loc UTF-8/" /etc/locale.gen
    elif ! grep -q "^$loc UTF-8" /etc/locale.gen; then
      echo "$loc UTF-8" | $SUDO tee -a /etc/locale.gen >/dev/null
    fi
  done
  $SUDO locale-gen
fi
