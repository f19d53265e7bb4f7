#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the arrows between the files of src/: no layer includes a layer above it (core is
below render, render below cli, cli below gui), no two files include each other, directly or
through other files or headers, and no file under src/ is over 700 lines.

A file A.c points at B.c when A.c includes B.h, B-private.h, or a header that includes one of
them. `check-arrows.py SOURCE_ROOT` prints each problem and exits 1 when there is one."""

import os
import re
import sys

LAYERS = ["core", "render", "cli", "gui"]
MAX_LINES = 700
INCLUDE = re.compile(r'^#include "([^"]+)"', re.M)


def main(root):
    src = os.path.join(root, "src")
    sources, headers = [], {}
    for folder, _, names in os.walk(src):
        for name in names:
            path = os.path.join(folder, name)
            if name.endswith(".c"):
                sources.append(path)
            elif name.endswith(".h"):
                headers[name] = path
    problems = []

    def layer(path):
        parts = os.path.relpath(path, src).split(os.sep)
        return parts[0] if len(parts) > 1 and parts[0] in LAYERS else None

    def includes(path):
        with open(path, encoding="utf-8") as f:
            return [os.path.basename(h) for h in INCLUDE.findall(f.read())]

    # The .c file each header belongs to.
    owner = {}
    for c in sources:
        base = os.path.basename(c)[:-2]
        for h in (base + ".h", base + "-private.h"):
            if h in headers:
                owner.setdefault(h, c)

    def reach(header, seen):
        """The .c files a header points at, itself and through the headers it includes."""
        if header in seen or header not in headers:
            return set()
        seen.add(header)
        found = {owner[header]} if header in owner else set()
        for h in includes(headers[header]):
            found |= reach(h, seen)
        return found

    edges = {}
    for c in sources:
        edges[c] = set()
        for h in includes(c):
            if h in headers and LAYERS.index(layer(headers[h]) or "core") > LAYERS.index(layer(c) or "gui"):
                problems.append("%s includes %s, a layer above it" % (os.path.relpath(c, root), h))
            edges[c] |= reach(h, set()) - {c}
        with open(c, encoding="utf-8") as f:
            n = sum(1 for _ in f)
        if n > MAX_LINES:
            problems.append("%s has %d lines (at most %d)" % (os.path.relpath(c, root), n, MAX_LINES))

    # Strongly connected components (Tarjan): each of more than one file is a loop.
    index, low, stack, on, counter = {}, {}, [], set(), [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            loop = []
            while True:
                w = stack.pop()
                on.discard(w)
                loop.append(w)
                if w == v:
                    break
            if len(loop) > 1:
                problems.append("these files include each other: " +
                                ", ".join(sorted(os.path.relpath(x, root) for x in loop)))

    for v in sources:
        if v not in index:
            visit(v)

    for p in problems:
        print(p)
    if problems:
        return 1
    print("%d files under src/: every arrow points one way, none over %d lines" % (len(sources), MAX_LINES))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
