#!/usr/bin/env python3
"""pivot-tui against less (and w3m / lynx when installed), in the same run.

For every document x terminal size x repetition, each reader gets a fresh pty
and this sequence (bench/termbench.py does the measuring):

  first paint -> (late startup output) -> 10 x line key -> 5 x page key
  -> [pivot-tui: Tab, Enter, Enter] -> end key -> resize -> quit key

and, on the generated pages, a second spawn that presses the end key at first paint and
times spawn -> the page's last words on screen ("open and reach the end").

The readers take turns inside every repetition (the order rotates), so drift on
a busy machine hits them alike. Then the animation section (bench/animation.py):
pivot-tui alone on its embedded page, with its animation playing, at the same
sizes and repetitions. Writes bench/results.json (every sample and the
summaries) and bench/results.md (printed at the end). See docs/BENCHMARKS.md.

    python bench/run.py --pivot-tui PATH [--repeats 5] [--sizes 80x24,200x60]
                        [--animation-section on|off|only]
"""

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import animation
import pages
import sites as site_bench
import termbench as tb

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"

KEYS = {"line": "j", "line_back": "k", "page": "<Space>", "end": "G", "quit": "q", "search": "/"}


def readers(pivot_bin, peers, animate):
    rs = [
        {"name": "less", "argv": ["less", "{doc}"], "keys": KEYS,
         "version": ["less", "--version"]},
        # Animations off unless --animation: frames at random moments would land in the key figures.
        {"name": "pivot-tui", "argv": [pivot_bin, "{doc}"], "keys": KEYS,
         "env": {} if animate else {"PIVOT_TUI_NO_ANIMATION": "1"},
         "version": [pivot_bin, "--version"],
         "extra": [("focus", "<Tab>"), ("fold", "<Enter>"), ("unfold", "<Enter>")]},
    ]
    if peers and shutil.which("w3m"):     # J scrolls one line (j moves the cursor); q asks, Q does not
        rs.append({"name": "w3m", "argv": ["w3m", "{doc}"], "version": ["w3m", "-version"],
                   "keys": dict(KEYS, line="J", line_back="K", quit="Q")})
    if peers and shutil.which("lynx"):    # Ctrl-N scrolls two lines; G is "go to URL", End ends
        rs.append({"name": "lynx", "argv": ["lynx", f"-cfg={BENCH / 'lynx.cfg'}", "{doc}"],
                   "version": ["lynx", "-version"], "lines_per_press": 2,
                   "keys": dict(KEYS, line="<C-n>", line_back="<C-p>", end="<End>", quit="Q")})
    return rs


# (key, label, unit). Units: ms, B (bytes), KiB, % (share of presses).
FIGURES = [
    ("first_paint_ms", "first paint", "ms"),
    ("first_paint_bytes", "first paint bytes", "B"),
    ("first_byte_ms", "spawn → first output byte", "ms"),
    ("screen_rows_used", "lowest row painted (first and last screen)", "row"),
    ("idle_bytes_per_s", "output while idle after first paint", "B/s"),
    ("line_bytes", "bytes per line scroll (j)", "B"),
    ("whole_line_bytes", "bytes per line scroll (j), every line from the top to the end (Pivot page)", "B"),
    ("line_lat_ms", "line scroll key→settled", "ms"),
    ("line_moved", "line presses that moved the screen", "%"),
    ("line_back_bytes", "bytes per line scroll back (k)", "B"),
    ("page_bytes", "bytes per page down (space)", "B"),
    ("page_lat_ms", "page down key→settled", "ms"),
    ("page_moved", "page presses that moved the screen", "%"),
    ("focus_bytes", "focus (Tab) bytes", "B"),
    ("focus_lat_ms", "focus (Tab) key→settled", "ms"),
    ("fold_bytes", "fold (Enter) bytes", "B"),
    ("fold_lat_ms", "fold (Enter) key→settled", "ms"),
    ("unfold_bytes", "unfold (Enter) bytes", "B"),
    ("unfold_lat_ms", "unfold (Enter) key→settled", "ms"),
    ("end_bytes", "jump to end (G) bytes", "B"),
    ("end_lat_ms", "jump to end (G) key→settled", "ms"),
    ("resize_bytes", "resize bytes", "B"),
    ("resize_ms", "resize → settled", "ms"),
    ("open_end_ms", "open and reach the end (spawn → last words on screen)", "ms"),
    ("search_end_rss_kb", "peak memory after searching for the last words (max RSS)", "KiB"),
    ("quit_ms", "quit (q) → exit", "ms"),
    ("peak_rss_kb", "peak memory (max RSS)", "KiB"),
    ("private_kb", "memory written by the reader before quitting (Private_Dirty: one more reader's cost)", "KiB"),
]

# The targets: pivot-tui's median / less's median in the same run, for one document
# (None: every document). Pivot page at 80x24 unless a size is given. Absolute targets in ms.
TARGETS = {
    "first_paint_ms": [("≤1×", 1.0, "pivot"), ("≤2×", 2.0, "big")],
    "line_bytes": [("≤1×", 1.0, "pivot")],
    "page_bytes": [("≤1.2×", 1.2, "medium")],
    "line_lat_ms": [("≤2×", 2.0, "pivot")],
    "page_lat_ms": [("≤2×", 2.0, "pivot")],
    "peak_rss_kb": [("≤3×", 3.0, "pivot")],
    "open_end_ms": [("≤4×", 4.0, "big")],
}
ABSOLUTE_TARGETS = {"resize_ms": [("≤50 ms", 50.0, "big")],
                    # Issue 14: a 10 MiB page in lynx's memory, and a search to its end in half again.
                    "peak_rss_kb": [("≤32 MB", 32768, "big")],
                    "search_end_rss_kb": [("≤48 MB", 49152, "big")]}


def mean(xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else None


def series(s, key, n, cfg, lines_per_press=1):
    """Press `key` up to n times; stop after 2 presses in a row that change nothing
    (end of the document, or it fits on the screen). Bytes and latency are the
    means over the presses that moved the screen; no-op presses are kept apart."""
    presses, still = [], 0
    for _ in range(n):
        r = s.press(tb.key_bytes(key), cfg.settle, cfg.key_timeout)
        presses.append(r)
        still = 0 if r["changed"] else still + 1
        if still >= 2:
            break
    moved = [p for p in presses if p["changed"]]
    noop = [p for p in presses if not p["changed"]]
    per_line = mean(p["bytes"] for p in moved)
    return {"bytes": per_line / lines_per_press if per_line is not None else None,
            "lat_ms": mean(p["lat_ms"] for p in moved),
            "moved": 100.0 * len(moved) / len(presses),
            "noop_bytes": mean(p["bytes"] for p in noop),
            "presses": presses}


def run_once(reader, doc, cols, rows, cfg):
    """One spawn of one reader on one document; returns a sample dict."""
    argv = [a.replace("{doc}", str(doc["path"])) for a in reader["argv"]]
    keys = reader["keys"]
    s = tb.Session(argv, cols, rows, env=dict(tb.bench_env(), **reader.get("env", {})))
    out = {"reader": reader["name"]}
    try:
        fp = s.first_paint(doc["marker"], cfg.settle, cfg.startup_timeout)
        if fp is None:
            out["error"] = "marker not on screen"
            out["screen"] = s.screen.text()
            return out
        out.update(fp)
        n, _, _ = s.collect(cfg.post_startup, cfg.post_startup, max_time=cfg.post_startup)
        out["post_startup_bytes"], out["idle_bytes_per_s"] = n, n / cfg.post_startup
        s.collect(cfg.settle, cfg.settle)   # let a frame that is still arriving finish
        s.feed()
        out["first_screen"] = s.screen.text()
        raw_presses = {}
        # Back a line at a time from where the pages left off.
        for name, n in (("line", cfg.line_presses), ("page", cfg.page_presses), ("line_back", cfg.line_presses)):
            r = series(s, keys[name], n, cfg, reader.get("lines_per_press", 1) if name.startswith("line") else 1)
            for f in ("bytes", "lat_ms", "moved", "noop_bytes"):
                out[f"{name}_{f}"] = r[f]
            raw_presses[name] = r["presses"]
        for name, key in reader.get("extra", []):
            r = s.press(tb.key_bytes(key), cfg.settle, cfg.key_timeout)
            out[f"{name}_bytes"], out[f"{name}_lat_ms"], out[f"{name}_changed"] = r["bytes"], r["lat_ms"], r["changed"]
            raw_presses[name] = [r]
        r = s.press(tb.key_bytes(keys["end"]), cfg.settle, cfg.end_timeout)
        out["end_bytes"], out["end_lat_ms"] = r["bytes"], r["lat_ms"]
        raw_presses["end"] = [r]
        out["last_screen"] = s.screen.text()
        # A different window: wider and taller at 80x24, narrower and shorter at 200x60.
        r = s.resize(*(resized(cols, rows)), cfg.settle, cfg.end_timeout)
        out["resize_bytes"], out["resize_ms"] = r["bytes"], r["lat_ms"]
        out["screen_rows_used"] = max([out["screen_rows_used"]] +
                                      [i + 1 for i, line in enumerate(out["last_screen"]) if line])
        out["hwm_kb"] = s.reader_hwm_kb()
        out["private_kb"] = s.reader_private_kb()
        out["quit_ms"] = s.quit(tb.key_bytes(keys["quit"]), cfg.quit_timeout)
        out["presses"] = {k: [{f: p[f] for f in ("bytes", "lat_ms", "first_byte_ms", "changed")} for p in v]
                          for k, v in raw_presses.items()}
        first_line = raw_presses["line"][0]
        end = first_line["start"] + first_line["bytes"]
        out["first_line_press_raw"] = bytes(s.raw[first_line["start"]:end]).decode("utf-8", "backslashreplace")
        out["first_line_press_bytes"] = first_line["bytes"]
        out["queries_answered"] = s.queries
        out["emulator_errors"] = s.stream.errors
        out["_raw"] = bytes(s.raw)
    finally:
        rss = s.close()
    out["peak_rss_kb"] = rss if rss is not None else out.get("hwm_kb")
    return out


def resized(cols, rows):
    return (cols + 20, rows + 6) if cols < 120 else (cols - 50, rows - 15)


def open_and_end(reader, doc, cols, rows, cfg):
    """A fresh spawn: the end key as soon as the page is painted; spawn -> the page's last words
    on screen. Returns ms or None."""
    argv = [a.replace("{doc}", str(doc["path"])) for a in reader["argv"]]
    s = tb.Session(argv, cols, rows, env=dict(tb.bench_env(), **reader.get("env", {})), measure_rss=False)
    try:
        if s.wait_for(doc["marker"], cfg.startup_timeout) is None:
            return None
        s.send(tb.key_bytes(reader["keys"]["end"]))
        hit = s.wait_for(doc["end_marker"], cfg.startup_timeout)
        return (hit - s.t0) * 1e3 if hit is not None else None
    finally:
        s.close()


def line_scrolls_to_end(reader, doc, cols, rows, cfg):
    """A fresh spawn: `j` from the top until the screen stops moving; the mean bytes of the
    presses that moved it. The first-ten figure above depends on which lines those ten are
    (less's raw long lines end in short remainders); this one reads every line once."""
    argv = [a.replace("{doc}", str(doc["path"])) for a in reader["argv"]]
    s = tb.Session(argv, cols, rows, env=dict(tb.bench_env(), **reader.get("env", {})), measure_rss=False)
    try:
        if s.wait_for(doc["marker"], cfg.startup_timeout) is None:
            return None
        s.collect(cfg.post_startup, cfg.post_startup, max_time=cfg.post_startup)
        r = series(s, reader["keys"]["line"], 1000, cfg, reader.get("lines_per_press", 1))
        return r["bytes"]
    finally:
        s.close()


def search_near_end(reader, doc, cols, rows, cfg):
    """A fresh spawn: search for the page's last words (`/WORDS` Enter) as soon as it is painted;
    the reader's peak memory (max RSS) once they are on screen. Returns KiB or None."""
    if "search" not in reader["keys"]:
        return None
    argv = [a.replace("{doc}", str(doc["path"])) for a in reader["argv"]]
    s = tb.Session(argv, cols, rows, env=dict(tb.bench_env(), **reader.get("env", {})))
    found = None
    try:
        if s.wait_for(doc["marker"], cfg.startup_timeout) is not None:
            s.send(tb.key_bytes(reader["keys"]["search"]) + doc["end_marker"].encode() + b"\r")
            found = s.wait_for(doc["end_marker"], cfg.startup_timeout)
            s.collect(cfg.settle, cfg.settle)
            s.quit(tb.key_bytes(reader["keys"]["quit"]), cfg.quit_timeout)
    finally:
        rss = s.close()
    return rss if found is not None else None


def summarize(values):
    xs = [v for v in values if v is not None]
    if not xs:
        return None
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "n": len(xs)}


def version(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
        return (p.stdout or p.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return None


def machine():
    info = {"platform": platform.platform(), "python": platform.python_version(),
            "pyte": importlib.metadata.version("pyte"),
            "cpus": os.cpu_count(), "loadavg_at_start": os.getloadavg()}
    try:
        cpu = [l for l in open("/proc/cpuinfo") if l.startswith("model name")]
        info["cpu"] = cpu[0].split(":", 1)[1].strip() if cpu else None
        mem = [l for l in open("/proc/meminfo") if l.startswith("MemTotal")]
        info["mem_total"] = mem[0].split(":", 1)[1].strip() if mem else None
    except OSError:
        pass
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "Sources", "Package.swift"],
                           capture_output=True, text=True).stdout.strip()
    info["git_commit"] = commit + (" (Sources modified)" if dirty else "")
    return info


# -- markdown ------------------------------------------------------------------

def fmt(v, unit):
    if v is None:
        return "—"
    if unit == "ms":
        return f"{v:.2f}" if v < 10 else f"{v:.1f}"
    if unit == "%":
        return f"{v:.0f}%"
    if unit == "row":
        return f"{v:.0f}"
    return f"{v:.0f}"


def target_note(key, doc_name, ratio, median=None):
    notes = []
    for label, limit, doc in TARGETS.get(key, []):
        if doc is not None and doc != doc_name:
            continue
        ok = "—" if ratio is None else ("met" if ratio <= limit else "**missed**")
        notes.append(f"{label}: {ok}")
    for label, limit, doc in ABSOLUTE_TARGETS.get(key, []):
        if doc is not None and doc != doc_name:
            continue
        ok = "—" if median is None else ("met" if median <= limit else "**missed**")
        notes.append(f"{label}: {ok}")
    return "; ".join(notes)


def render(results):
    names = results["readers"]
    markers = ", ".join(f"{n}: “{d['marker']}”" for n, d in results["docs"].items())
    out = [f"# pivot-tui benchmark results\n",
           f"{results['date']} · {results['machine'].get('cpu')} · {results['machine']['cpus']} CPUs · "
           f"repeats {results['config']['repeats']} · pivot-tui {results['versions'].get('pivot-tui')} · "
           f"{results['versions'].get('less')}\n",
           "Cells: median (min–max) over the repetitions, and ×ratio to less's median in the same run. "
           f"First-paint markers: {markers}. "
           f"Reader environment: {results['config']['reader_env'] or 'as given'}.\n"
           if results["cells"] else ""]
    for cell in results["cells"]:
        doc = results["docs"][cell["doc"]]
        out.append(f"\n## {cell['doc']} ({doc['bytes']} bytes), {cell['size']}\n")
        out.append("| figure | " + " | ".join(names) + " | pivot-tui target |")
        out.append("|---|" + "---|" * len(names) + "---|")
        for key, label, unit in FIGURES:
            row, any_value = [], False
            for n in names:
                f = cell["readers"].get(n, {}).get("figures", {}).get(key)
                if not f:
                    row.append("—")
                    continue
                any_value = True
                text = f"{fmt(f['median'], unit)} ({fmt(f['min'], unit)}–{fmt(f['max'], unit)})"
                if f.get("ratio") is not None and n != "less" and unit not in ("%", "row"):
                    text += f" ×{f['ratio']:.2f}"
                row.append(text)
            if any_value:
                ratio = cell["readers"].get("pivot-tui", {}).get("figures", {}).get(key, {}) or {}
                note = target_note(key, cell["doc"], ratio.get("ratio"), ratio.get("median"))
                out.append(f"| {label} ({unit}) | " + " | ".join(row) + f" | {note} |")
        rows = int(cell["size"].split("x")[1])
        for n in names:
            figs = cell["readers"].get(n, {}).get("figures", {})
            used, paged = figs.get("screen_rows_used"), figs.get("page_moved")
            if used and used["max"] < rows and paged and paged["max"] > 0:   # longer than its screen
                out.append(f"\n**Warning:** {n} painted only rows 1–{used['max']} of {rows}, though "
                           f"the page scrolled: its figures at {cell['size']} are for a smaller screen than the terminal's.")
        errors = {n: r["errors"] for n, r in cell["readers"].items() if r.get("errors")}
        if errors:
            out.append(f"\nErrors: {errors}")
    if results.get("animation"):
        out.append(animation.render(results["animation"]))
    if results.get("site"):
        out.append(site_bench.render(results["site"]))
    if not results["cells"]:
        return "\n".join(out) + "\n"
    out.append("\n## Bytes written for the first line scroll (first repetition)\n")
    for cell in results["cells"]:
        for n in ("less", "pivot-tui"):
            slot = cell["readers"].get(n, {})
            raw = slot.get("first_line_press_raw")
            if raw is not None:
                out.append(f"- {cell['doc']} {cell['size']} **{n}** ({slot['first_line_press_bytes']} bytes): "
                           f"`{json.dumps(raw)[1:-1][:700]}`")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pivot-tui", required=True, help="path to the release binary")
    ap.add_argument("--repeats", type=int, default=int(os.environ.get("REPEATS") or 5))
    ap.add_argument("--sizes", default=os.environ.get("SIZES") or "80x24,200x60")
    ap.add_argument("--docs", default=os.environ.get("DOCS") or "pivot,medium,big",
                    help="pivot (content/pivot.md), medium (128 KiB page), big (10 MiB page)")
    ap.add_argument("--marker", action="append", default=[], metavar="DOC=TEXT",
                    help="first-paint marker for a document (default: pages.marker_for)")
    ap.add_argument("--peers", choices=["auto", "none"], default="auto",
                    help="auto: add w3m and lynx when installed")
    ap.add_argument("--animation", action="store_true",
                    help="run pivot-tui with its animations (default: PIVOT_TUI_NO_ANIMATION=1)")
    ap.add_argument("--animation-section", choices=["on", "off", "only"], default="on",
                    help="the animation section (pivot-tui on its embedded page): "
                         "on (after the documents), off, or only it")
    animation.add_options(ap)
    site_bench.add_options(ap)
    ap.add_argument("--site-section", choices=["on", "off"], default="on",
                    help="the site section (bench/sites.py): a generated site of --pages pages")
    ap.add_argument("--settle-ms", type=float, default=50)
    ap.add_argument("--line-presses", type=int, default=10)
    ap.add_argument("--page-presses", type=int, default=5)
    ap.add_argument("--out", default=str(BENCH))
    cfg = ap.parse_args()
    cfg.settle = cfg.settle_ms / 1e3
    cfg.post_startup, cfg.key_timeout, cfg.end_timeout = 0.3, 0.5, 10.0
    cfg.startup_timeout, cfg.quit_timeout = 15.0, 5.0
    cfg.out = Path(cfg.out).resolve()
    cfg.out.mkdir(parents=True, exist_ok=True)
    if not os.access(cfg.pivot_tui, os.X_OK):
        sys.exit(f"not an executable: {cfg.pivot_tui} (make bench builds it)")
    # A binary just linked sits in the page cache unwritten: its pages then count as the
    # reader's own dirty memory (Private_Dirty) until written back.
    os.sync()

    scratch = BENCH / "out"
    (scratch / "captures").mkdir(parents=True, exist_ok=True)
    docs = {}
    for name in cfg.docs.split(","):
        if name == "pivot":
            path, manifest = ROOT / "content" / "pivot.md", None
        elif name == "medium":
            path = scratch / "medium.md"
            manifest = pages.build_medium(path)
        elif name == "big":
            # The 10 MB page of the speed targets, built the same way as the 128 KiB one.
            path = scratch / "big.md"
            manifest = pages.build_medium(path, size=10 * 1024 * 1024)
        else:
            sys.exit(f"unknown document {name}")
        docs[name] = {"path": str(path.relative_to(ROOT)), "bytes": path.stat().st_size,
                      "marker": pages.marker_for(path), "manifest": manifest,
                      "end_marker": pages.END_MARKER if manifest else None}
    for m in cfg.marker:
        name, text = m.split("=", 1)
        docs[name]["marker"] = text
    os.chdir(ROOT)

    rs = readers(str(Path(cfg.pivot_tui).resolve()), cfg.peers == "auto", cfg.animation)
    # Every reader's program starts as an installed program does after a boot, read from disk:
    # a binary the linker has just written peaked 0.5-0.6 MB higher (docs/BENCHMARKS.md).
    for r in rs:
        tb.drop_from_page_cache(shutil.which(r["argv"][0]) or r["argv"][0])
    sizes = [tuple(map(int, s.split("x"))) for s in cfg.sizes.split(",")]
    results = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
               "machine": machine(),
               "versions": {r["name"]: version(r["version"]) for r in rs},
               "config": {k: getattr(cfg, k) for k in ("repeats", "sizes", "settle_ms", "line_presses",
                                                       "page_presses", "post_startup", "key_timeout",
                                                       "animation_section")},
               "readers": [r["name"] for r in rs], "docs": docs, "cells": []}
    results["config"].update(TERM="xterm-256color", LANG="C.UTF-8", reader_env={r["name"]: r["env"] for r in rs if r.get("env")},
                             page_cache="each reader's program file dropped from the page cache before the runs")
    t_start = time.time()
    for doc_name, doc in (docs.items() if cfg.animation_section != "only" else ()):
        for cols, rows in sizes:
            size = f"{cols}x{rows}"
            cell = {"doc": doc_name, "size": size, "readers": {r["name"]: {"samples": [], "errors": []} for r in rs}}
            for rep in range(cfg.repeats):
                order = rs[rep % len(rs):] + rs[:rep % len(rs)]
                for r in order:
                    slot = cell["readers"][r["name"]]
                    if len(slot["errors"]) and not slot["samples"]:
                        continue            # never showed the marker: do not repeat
                    sample = run_once(r, doc, cols, rows, cfg)
                    if doc_name == "pivot" and "error" not in sample:
                        sample["whole_line_bytes"] = line_scrolls_to_end(r, doc, cols, rows, cfg)
                    if doc.get("end_marker") and "error" not in sample:
                        sample["open_end_ms"] = open_and_end(r, doc, cols, rows, cfg)
                        sample["search_end_rss_kb"] = search_near_end(r, doc, cols, rows, cfg)
                    raw = sample.pop("_raw", None)
                    if raw is not None and rep == 0:
                        (scratch / "captures" / f"{doc_name}-{size}-{r['name']}.raw").write_bytes(raw)
                    if rep > 0:                 # screens of the first repetition are enough
                        sample.pop("first_screen", None)
                        sample.pop("last_screen", None)
                    if "error" in sample:
                        slot["errors"].append(sample["error"])
                    slot["samples"].append(sample)
                print(f"  {doc_name} {size} rep {rep + 1}/{cfg.repeats} done", file=sys.stderr)
            for name, slot in cell["readers"].items():
                good = [s for s in slot["samples"] if "error" not in s]
                slot["figures"] = {k: summarize([s.get(k) for s in good]) for k, _, _ in FIGURES}
                slot["figures"] = {k: v for k, v in slot["figures"].items() if v}
                for k in ("first_line_press_raw", "first_line_press_bytes"):
                    slot[k] = good[0][k] if good else None
            base = cell["readers"]["less"]["figures"]
            for name, slot in cell["readers"].items():
                for k, f in slot["figures"].items():
                    b = base.get(k)
                    f["ratio"] = f["median"] / b["median"] if b and b["median"] else None
            results["cells"].append(cell)
    if cfg.animation_section != "off":
        results["animation"] = animation.run(str(Path(cfg.pivot_tui).resolve()), sizes, cfg.repeats, cfg)
    if cfg.site_section == "on" and cfg.animation_section != "only":
        cfg.timeout, cfg.scratch = cfg.startup_timeout, str(scratch)
        results["site"] = site_bench.run(str(Path(cfg.pivot_tui).resolve()), sizes, cfg.repeats, cfg)
    results["elapsed_s"] = round(time.time() - t_start, 1)

    out = cfg.out
    (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    md = render(results)
    (out / "results.md").write_text(md)
    print(md)
    print(f"wrote {out / 'results.json'} and {out / 'results.md'} ({results['elapsed_s']} s); "
          f"raw byte streams in {scratch / 'captures'}", file=sys.stderr)


if __name__ == "__main__":
    main()
