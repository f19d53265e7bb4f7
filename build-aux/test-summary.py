#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test cases in a meson testlog.json: each GTest subtest from the TAP output, or
the test itself when it prints no TAP. Prints "N passed, N failed, N skipped" and exits 1
when a case failed or none ran."""

import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")

passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    test = json.loads(line)
    result = test["result"]
    cases = [TAP_LINE.match(l) for l in (test.get("stdout") or "").splitlines()]
    cases = [m for m in cases if m]
    for m in cases:
        rest = m.group(2)
        if "# SKIP" in rest.upper():
            skipped += 1
        elif m.group(1) == "ok" or "# TODO" in rest.upper():
            passed += 1
        else:
            failed += 1
    if not cases:
        if result == "OK":
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
    elif result not in ("OK", "SKIP") and not any(m.group(1) == "not ok" for m in cases):
        # It crashed or timed out after its last reported case.
        failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(0 if failed == 0 and passed > 0 else 1)
