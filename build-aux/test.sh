#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up, builds with warnings as errors and runs every test suite (the GUI suite on a
# virtual display). Arguments go to `meson test`, for example: build-aux/test.sh --suite core
set -eu
cd "$(dirname "$0")/.."

build-aux/setup.sh
if [ -f build/build.ninja ]; then
  meson configure build -Dwerror=true
else
  meson setup build -Dwerror=true
fi
meson compile -C build
exec xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
  meson test -C build --print-errorlogs "$@"
