#!/usr/bin/env python3
"""Compare the first paint and peak memory of two or more pivot-tui builds, interleaved.

Timings on a shared machine drift between runs of `make bench`; spawning the builds in turn,
many times, puts the same drift on each, so a start-up change's effect on the wall clock can be
told from noise. Each spawn is the harness's own (`termbench.Session`: a pty, `/usr/bin/time`),
on the given page (default: content/pivot.md) at 80x24, animations off; the binaries are dropped
from the page cache first, so each is read from disk as after a boot (see run.py).

Usage: .build-bench-venv/bin/python bench/first-paint-ab.py [--page FILE] [--runs N] [--keep-page-cache] BINARY...
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import termbench as tb  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binaries", nargs="+")
    ap.add_argument("--page", default=str(Path(__file__).resolve().parent.parent / "content" / "pivot.md"))
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--keep-page-cache", action="store_true",
                    help="leave the binaries in the page cache as they are (a copy just written: as the linker wrote it)")
    args = ap.parse_args()
    env = dict(tb.bench_env(), PIVOT_TUI_NO_ANIMATION="1")
    if not args.keep_page_cache:
        os.sync()
        for binary in args.binaries:  # read from disk, as after a boot (see run.py)
            tb.drop_from_page_cache(binary)
    paints = {b: [] for b in args.binaries}
    peaks = {b: [] for b in args.binaries}
    for _ in range(args.runs):
        for binary in args.binaries:
            session = tb.Session([binary, args.page], 80, 24, env=env)
            painted = session.first_paint("", 0.05, 10)
            session.send(b"q")
            time.sleep(0.05)
            peak = session.close()
            if painted:
                paints[binary].append(painted["first_paint_ms"])
            if peak:
                peaks[binary].append(peak)
    for binary in args.binaries:
        xs = sorted(paints[binary])
        quartiles = statistics.quantiles(xs, n=4) if len(xs) > 1 else [xs[0]] * 3
        print(f"{binary}: first paint median {statistics.median(xs):.2f} ms "
              f"(quartiles {quartiles[0]:.2f}-{quartiles[2]:.2f}, {len(xs)} spawns), "
              f"peak memory median {statistics.median(peaks[binary]):.0f} KiB")


if __name__ == "__main__":
    main()
