#!/usr/bin/env python3
"""The site section of the benchmark: pivot-tui reading a generated site of PAGES pages.

For each terminal size and repetition (see docs/BENCHMARKS.md, "Sites"):

  index       pivot-tui SITE/: spawn -> the index painted (its "1/PAGES" counter on screen);
              then a filter typed one character at a time: bytes and key -> settled per key.
  follow      pivot-tui SITE/page-0001.md: first paint; `f 1 Enter` -> the next page's title in the
              header (settled); `B` -> the first page's title again. Compared with the first paint
              of the same pages (the issue's target: each below 2x).
  history     in the same session, 50 follows (each page's first link is the next page); the
              reader's memory (VmHWM and VmRSS) before and after.
  less        less on the same first page: first paint (reference for the same-run ratio).

    python bench/sites.py --pivot-tui PATH [--sizes 80x24] [--repeats 3] [--pages 1000]
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
from pathlib import Path

import termbench as tb

now = tb.now
SEED = 20201115
WORDS = ("orchard apple pear plum cherry river stone garden meadow hill valley forest lantern harbour "
         "window market bridge candle letter journey winter summer autumn spring").split()
SITE_TITLE = "Bench Orchard Site"
FILTER = "page 07"

FIGURES = [
    ("index_first_paint_ms", "site index: spawn → painted ({pages} pages)", "ms"),
    ("filter_key_ms", "site index: typed filter character → settled (median of the keys)", "ms"),
    ("filter_key_bytes", "site index: bytes per typed filter character", "B"),
    ("page_first_paint_ms", "a page of the site: spawn → painted", "ms"),
    ("follow_ms", "f 1 Enter → the linked page painted", "ms"),
    ("follow_ratio", "follow / first paint of that page (target < 2)", "×"),
    ("back_ms", "B → the previous page painted", "ms"),
    ("back_ratio", "back / first paint of that page (target < 2)", "×"),
    ("follow_bytes", "bytes sent for a follow", "B"),
    ("rss_start_kb", "memory after the first page (VmRSS)", "KiB"),
    ("rss_after_50_kb", "memory after 50 follows (VmRSS)", "KiB"),
    ("hwm_after_50_kb", "peak memory after 50 follows (VmHWM)", "KiB"),
    ("less_first_paint_ms", "reference: less on the same page, first paint", "ms"),
]


def build_site(root, pages):
    """PAGES pages, each with a title, three paragraphs and links: the first to the next page."""
    rng = random.Random(SEED)
    root.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(f"title: {SITE_TITLE}\npermalink: pretty\n")
    for n in range(1, pages + 1):
        following = n % pages + 1
        others = [rng.randint(1, pages) for _ in range(3)]
        body = [f"---\ntitle: Page {n:04d} {rng.choice(WORDS)}\n---\n",
                f"Go on to [the next page](page-{following:04d}.md) or to "
                + ", ".join(f"[page {o}](page-{o:04d}.md)" for o in others) + ".\n"]
        for section in range(1, 4):
            body.append(f"## Part {section}\n")
            for _ in range(3):
                body.append(" ".join(rng.choice(WORDS) for _ in range(60)) + ".\n")
        (root / f"page-{n:04d}.md").write_text("\n".join(body))
    return root


def title_of(root, n):
    head = (root / f"page-{n:04d}.md").read_text().split("\n", 3)[1]
    return head.split(": ", 1)[1]


def env():
    return dict(tb.bench_env(), PIVOT_TUI_NO_ANIMATION="1")


def rss_kb(session, field):
    pid = session.proc.pid
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            pid = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        pass
    try:
        with open(f"/proc/{pid}/status") as f:
            m = re.search(rf"^{field}:\s+(\d+)", f.read(), re.M)
        return int(m.group(1)) if m else None
    except OSError:
        return None


def header_shows(session, text):
    return text in (session.screen.display[0] if session.screen.display else "")


def until_header(session, text, timeout, settle):
    """Reads until the header shows `text` and the output settled; returns the last byte's time."""
    deadline = now() + timeout
    while not session.eof and now() < deadline:
        session.collect(settle, first_timeout=max(0.0, deadline - now()))
        session.feed()
        if header_shows(session, text):
            return session.last_t
    return None


def run_once(pivot, site, pages, cols, rows, cfg):
    out = {}
    # The index, and a filter typed a character at a time.
    s = tb.Session([pivot, str(site)], cols, rows, env=env(), measure_rss=False)
    try:
        fp = s.first_paint(f"1/{pages}", cfg.settle, cfg.timeout)
        out["index_first_paint_ms"] = fp["first_paint_ms"] if fp else None
        keys = [s.press(c.encode(), cfg.settle, cfg.key_timeout) for c in FILTER]
        out["filter_key_ms"] = statistics.median([k["lat_ms"] for k in keys if k["lat_ms"] is not None] or [0])
        out["filter_key_bytes"] = statistics.median([k["bytes"] for k in keys])
    finally:
        s.close()
    first, second = title_of(site, 1), title_of(site, 2)
    # The second page's own first paint, for the ratio.
    s = tb.Session([pivot, str(site / "page-0002.md")], cols, rows, env=env(), measure_rss=False)
    try:
        fp2 = s.first_paint(second, cfg.settle, cfg.timeout)
    finally:
        s.close()
    # Follow and back, then 50 follows.
    s = tb.Session([pivot, str(site / "page-0001.md")], cols, rows, env=env(), measure_rss=False)
    try:
        fp1 = s.first_paint(first, cfg.settle, cfg.timeout)
        out["page_first_paint_ms"] = fp1["first_paint_ms"] if fp1 else None
        s.collect(0.3, 0.3)   # the site is read after the first paint
        s.feed()
        out["rss_start_kb"] = rss_kb(s, "VmRSS")
        s.send(b"f1")
        s.collect(cfg.settle, cfg.key_timeout)
        s.feed()
        start = len(s.raw)
        t = s.send(b"\r")
        done = until_header(s, second, cfg.timeout, cfg.settle)
        out["follow_ms"] = (done - t) * 1e3 if done else None
        out["follow_bytes"] = len(s.raw) - start
        t = s.send(b"B")
        done = until_header(s, first, cfg.timeout, cfg.settle)
        out["back_ms"] = (done - t) * 1e3 if done else None
        if fp2 and out["follow_ms"]:
            out["follow_ratio"] = out["follow_ms"] / fp2["first_paint_ms"]
        if fp1 and out["back_ms"]:
            out["back_ratio"] = out["back_ms"] / fp1["first_paint_ms"]
        for n in range(50):
            s.send(b"f1\r")
            until_header(s, title_of(site, (n + 1) % pages + 1), cfg.timeout, cfg.settle)
        out["rss_after_50_kb"] = rss_kb(s, "VmRSS")
        out["hwm_after_50_kb"] = rss_kb(s, "VmHWM")
    finally:
        s.close()
    s = tb.Session(["less", str(site / "page-0001.md")], cols, rows, env=env(), measure_rss=False)
    try:
        fp = s.first_paint("Go on to", cfg.settle, cfg.timeout)
        out["less_first_paint_ms"] = fp["first_paint_ms"] if fp else None
    finally:
        s.close()
    return out


def summarize(values):
    xs = [v for v in values if v is not None]
    if not xs:
        return None
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "n": len(xs)}


def run(pivot, sizes, repeats, cfg):
    site = build_site(Path(cfg.scratch) / f"site{cfg.pages}", cfg.pages)
    cells = []
    for cols, rows in sizes:
        samples = [run_once(pivot, site, cfg.pages, cols, rows, cfg) for _ in range(repeats)]
        cells.append({"size": f"{cols}x{rows}",
                      "figures": {k: summarize([s.get(k) for s in samples]) for k, _, _ in FIGURES},
                      "samples": samples})
        print(f"  site {cols}x{rows} done", file=sys.stderr)
    return {"pages": cfg.pages, "cells": cells}


def render(section):
    lines = [f"## Sites ({section['pages']} generated pages)", "",
             "| figure | " + " | ".join(c["size"] for c in section["cells"]) + " |",
             "|---|" + "---|" * len(section["cells"])]
    for key, label, unit in FIGURES:
        row = []
        for cell in section["cells"]:
            f = cell["figures"].get(key)
            row.append("—" if not f else f"{f['median']:.2f} {unit} ({f['min']:.2f}–{f['max']:.2f})")
        lines.append(f"| {label.format(pages=section['pages'])} | " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def add_options(ap):
    ap.add_argument("--pages", type=int, default=1000, help="pages of the generated site")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pivot-tui", required=True)
    ap.add_argument("--sizes", default="80x24")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--settle-ms", type=float, default=50)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "out"))
    add_options(ap)
    cfg = ap.parse_args()
    cfg.settle, cfg.key_timeout, cfg.timeout = cfg.settle_ms / 1e3, 1.0, 15.0
    cfg.scratch = cfg.out
    sizes = [tuple(map(int, s.split("x"))) for s in cfg.sizes.split(",")]
    section = run(str(Path(cfg.pivot_tui).resolve()), sizes, cfg.repeats, cfg)
    Path(cfg.out).mkdir(parents=True, exist_ok=True)
    (Path(cfg.out) / "site-results.json").write_text(json.dumps(section, indent=1) + "\n")
    md = render(section)
    (Path(cfg.out) / "site-results.md").write_text(md)
    print(md)


if __name__ == "__main__":
    main()
