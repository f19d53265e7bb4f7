#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the built application on a virtual display and writes a PNG of its window.
#
#   build-aux/screenshot.sh [-l en|nl] [-s light|dark] [-g WIDTHxHEIGHT] [-p welcome|overview] [-f FILE] OUT.png
#
# -p overview (the default) shows the demo data; -p welcome shows a new, empty database;
# -f FILE opens the import dialog for FILE on top.
set -euo pipefail
cd "$(dirname "$0")/.."

lang=en
scheme=light
geometry=1100x760
page=overview
import_file=
while getopts "l:s:g:p:f:" opt; do
  case "$opt" in
    l) lang=$OPTARG ;;
    s) scheme=$OPTARG ;;
    g) geometry=$OPTARG ;;
    p) page=$OPTARG ;;
    f) import_file=$(realpath "$OPTARG") ;;
    *) sed -n '4,9p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
out=${1:?"usage: see the top of $0"}
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
width=${geometry%x*}
height=${geometry#*x}

[ -x build/src/impact-dashboard ] || { echo "Build first: meson setup build && meson compile -C build"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$PWD/build/data"
export IMPACT_DASHBOARD_LOCALEDIR="$PWD/build/po" GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
if [ "$lang" = nl ]; then
  export LANGUAGE=nl LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8
else
  export LANGUAGE=en LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8
fi

# As on GNOME: only a close button in the title bar.
mkdir -p "$XDG_CONFIG_HOME/gtk-4.0"
printf '[Settings]\ngtk-decoration-layout=appmenu:close\n' >"$XDG_CONFIG_HOME/gtk-4.0/settings.ini"

schema=io.github.impactdashboard.ImpactDashboard
gsettings set $schema window-width "$width"
gsettings set $schema window-height "$height"
[ "$scheme" = dark ] && gsettings set $schema color-scheme dark

database="$tmp/impact.sqlite"
if [ "$page" = overview ]; then
  build/src/impact-dashboard --database "$database" --demo >/dev/null
fi

# The screen is exactly the window's size: without a window manager the window sits at the
# top left, so a picture of the screen is a picture of the window.
# dbus-run-session wraps the whole script so that its bus stops with it (a bus started for
# the application alone outlives it and keeps this script's output open).
xvfb-run -a -s "-screen 0 ${SCREEN:-${width}x${height}}x24" dbus-run-session -- bash -c '
  build/src/impact-dashboard --database "$1" ${3:+"$3"} &
  app=$!
  sleep 6
  import -window root "$2"
  kill $app
  wait $app || true
' _ "$database" "$out" "$import_file"
echo "Wrote $out (${width}x${height}, $lang, $scheme, $page)"
