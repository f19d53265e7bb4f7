#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up, builds and starts Impact Dashboard from the build tree. Arguments go to the
# application, for example: build-aux/run.sh --database ~/test.sqlite
set -eu
cd "$(dirname "$0")/.."

build-aux/setup.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

# The application runs from the build tree: `meson devenv` points it at the schemas and
# translations there.
run_app() {
  if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    exec dbus-run-session -- meson devenv -C build ./src/impact-dashboard "$@"
  fi
  exec meson devenv -C build ./src/impact-dashboard "$@"
}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting on a virtual X display (Xvfb)."
  echo "See it with build-aux/screenshot.sh; stop it with Ctrl+C."
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

run_app "$@"
