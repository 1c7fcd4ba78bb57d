#!/usr/bin/env python3
"""Where a reader's resident memory is, after its first paint: each mapping's resident and
written (copied on write) KiB, and whose code the binary's resident code pages hold.

The kernel maps up to 16 pages around each page fault of a file (fault-around, 64 KiB), so a
binary's resident code is the 64 KiB windows its start-up touched, not the functions it ran.
The owners of the resident code come from the binary's symbols (`nm`): our modules, the Swift
standard library, the Swift runtime, swift-argument-parser, ... A binary without symbols
gives the mappings only.

Reads /proc/PID/smaps and /proc/PID/pagemap (the present bit needs no privilege).
Usage: .build-bench-venv/bin/python bench/resident-pages.py BINARY [--page FILE] [--size 80x24]
"""
import argparse
import bisect
import collections
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import termbench as tb  # noqa: E402

PAGE = 4096
WINDOW = 65536


def mappings(pid):
    """[(start, end, perms, path)] of /proc/PID/maps."""
    rows = []
    with open(f"/proc/{pid}/maps") as f:
        for line in f:
            parts = line.split(None, 5)
            start, end = (int(x, 16) for x in parts[0].split("-"))
            rows.append((start, end, parts[1], parts[5].strip() if len(parts) > 5 else ""))
    return rows


def smaps(pid):
    """{(start, perms, path): (rss_kb, anonymous_kb)}."""
    result, key = {}, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = re.match(r"^([0-9a-f]+)-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$", line)
            if head:
                key = (int(head.group(1), 16), head.group(2), head.group(3).strip())
                result[key] = [0, 0]
            elif line.startswith("Rss:"):
                result[key][0] = int(line.split()[1])
            elif line.startswith("Anonymous:"):
                result[key][1] = int(line.split()[1])
    return result


def present_pages(pid, start, end):
    """Addresses of the resident pages in [start, end)."""
    with open(f"/proc/{pid}/pagemap", "rb") as f:
        f.seek(start // PAGE * 8)
        data = f.read((end - start) // PAGE * 8)
    return [start + i * PAGE for i in range(len(data) // 8) if struct.unpack_from("<Q", data, i * 8)[0] >> 63]


def owner(symbol):
    """Who a function belongs to, from its name."""
    if symbol.startswith(("$ss", "$sS")):
        return "Swift standard library"
    m = re.match(r"^\$s(\d+)", symbol)
    if m:
        module = symbol[m.end():m.end() + int(m.group(1))]
        return "pivot-tui (" + module + ")" if module.startswith("Pivot") else module
    if symbol.startswith(("swift_", "_swift", "_ZN5swift", "_ZN7__swift", "_ZNK5swift", "_ZL")):
        return "Swift runtime (C++)"
    if "dispatch" in symbol:
        return "libdispatch"
    if symbol.startswith("_Z"):
        return "C++ (libstdc++ and others)"
    return "C"


def functions(binary):
    """Sorted [(address, name)] of the binary's code symbols (empty when stripped)."""
    out = subprocess.run(["nm", "-n", "--defined-only", binary], capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[1] in "tTwW":
            rows.append((int(parts[0], 16), parts[2]))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("--page", default=str(Path(__file__).resolve().parent.parent / "content" / "pivot.md"))
    ap.add_argument("--size", default="80x24")
    args = ap.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    env = dict(tb.bench_env(), PIVOT_TUI_NO_ANIMATION="1")
    session = tb.Session([args.binary, args.page], cols, rows, env=env, measure_rss=False)
    try:
        if not session.first_paint("", 0.3, 10):
            sys.exit("no first paint within 10 s")
        pid = session.reader_pid()
        if pid is None or session.proc.poll() is not None:
            shown = " ".join(line for line in session.screen.text() if line)
            sys.exit("the reader exited before it could be measured: " + shown[:200])
        maps, sizes = mappings(pid), smaps(pid)
        name = os.path.basename(args.binary)
        print(f"{args.binary} on {args.page} at {args.size}, after its first paint")
        print(f"{'mapping':44} {'resident KiB':>12} {'written KiB':>12}")
        total = 0
        for (start, perms, path), (rss, anon) in sorted(sizes.items(), key=lambda kv: -kv[1][0]):
            total += rss
            if rss >= 64:
                print(f"{(os.path.basename(path) or '[anonymous]') + ' ' + perms:44} {rss:12,} {anon:12,}")
        print(f"{'all':44} {total:12,}")

        code = [(s, e) for s, e, p, path in maps if p.startswith("r-x") and path.endswith(name)]
        if not code:
            return
        # A position-independent binary's symbols are offsets from where it is loaded.
        with open(args.binary, "rb") as f:
            is_position_independent = f.read(18)[16] == 3  # e_type ET_DYN
        load = min(s for s, e, p, path in maps if path.endswith(name)) if is_position_independent else 0
        start, end = code[0]
        pages = present_pages(pid, start, end)
        windows = {a // WINDOW for a in pages}  # fault-around windows are aligned in memory
        print(f"\ncode of {name}: {len(pages) * 4:,} KiB resident in {len(windows)} of "
              f"{(end - 1) // WINDOW - start // WINDOW + 1} windows of 64 KiB")
        symbols = functions(args.binary)
        if not symbols:
            print("(no symbols: owners not shown)")
            return
        addresses = [a for a, _ in symbols]
        owners = collections.Counter()
        for page in pages:
            offset = page - load
            i = max(bisect.bisect_right(addresses, offset) - 1, 0)
            while i < len(symbols) and symbols[i][0] < offset + PAGE:
                next_address = symbols[i + 1][0] if i + 1 < len(symbols) else offset + PAGE
                covered = min(next_address, offset + PAGE) - max(symbols[i][0], offset)
                if covered > 0:
                    owners[owner(symbols[i][1])] += covered
                i += 1
        for who, size in owners.most_common(12):
            print(f"  {who:42} {size // 1024:8,} KiB")
    finally:
        session.close()


if __name__ == "__main__":
    main()
