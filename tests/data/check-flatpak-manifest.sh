#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Parses the Flatpak manifest offline; any warning is an error.
set -eu
out=$(G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$1")
echo "$out" | grep -q '"id" *: *"io.github.impactdashboard.ImpactDashboard"'
echo "manifest ok: $1"
