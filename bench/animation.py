#!/usr/bin/env python3
"""The animation section of the benchmark: pivot-tui only, on its embedded page.

pivot-tui with no file argument opens the built-in Pivot page, whose animation pane
(a framed 46x14 ASCII animation, 17 frames, 120-1500 ms a frame) plays from a timer.
For each terminal size and repetition this module runs (see docs/BENCHMARKS.md):

  in view     default settings: after the first paint has settled, count the
              bytes written in WINDOW s (no key); then press G, let the output
              settle, and count WINDOW s again (pane scrolled out of view).
  paused      press p, let the output settle, count WINDOW s.
  idle stop   --idle-stop 2: wait 3 s after the first paint, count WINDOW s.
              (--anim-idle-stop, --anim-idle-wait change the 2 and the 3.)
  less        less content/pivot.md: WINDOW s after its first paint (reference).
  latency     j -> first output chunk that shows the scroll, animating (defaults)
              and still (--no-animation), PRESSES presses each; k after every j
              puts the page back, so the pane stays in view.

The four counting runs are idle and run at the same time, one thread each; the
two latency runs follow, one after the other, with nothing else running.

    python bench/animation.py --pivot-tui PATH [--sizes 80x24] [--repeats 1]
"""

import argparse
import concurrent.futures
import json
import os
import random
import statistics
import sys

import termbench as tb

now = tb.now
MARKER = "Pivot"
SEED = 20201115
GAP_MAX_S = 0.1          # random pause after each k: the next j lands at a random frame phase
EFFECT_TIMEOUT_S = 1.0   # a press not visible within this is "not answered"

# (key, label, unit, check). check "zero": the figure is expected to be exactly 0;
# "all": every press answered (the value is the count, out of the presses made).
FIGURES = [
    ("in_view_bps", "output while the pane animates in view, {w} s after the first paint", "B/s", None),
    ("in_view_updates", "screen updates (write bursts) in those {w} s", "", None),
    ("in_view_bytes_per_update", "bytes per screen update", "B", None),
    ("out_of_view_bps", "output after G (end of the page), {w} s", "B/s", "zero"),
    ("out_of_view_pane_rows", "pane rows on screen after G (0: the pane is out of view)", "rows", "zero"),
    ("paused_bps", "output after p (paused), {w} s", "B/s", "zero"),
    ("idle_stop_at_ms", "`--idle-stop {s}`: last output before the count, from spawn", "ms", None),
    ("idle_stopped_bps", "`--idle-stop {s}`: output from {iw} s after the first paint, {w} s", "B/s", "zero"),
    ("j_anim_ms", "j → first output showing the scroll, animating (median of the presses)", "ms", None),
    ("j_anim_max_ms", "j → first output showing the scroll, animating (slowest press)", "ms", None),
    ("j_anim_frame", "animating presses during which a new frame was drawn (by the time the scroll showed)", "", None),
    ("j_anim_answered", "animating presses answered (the screen scrolled)", "", "all"),
    ("j_still_ms", "j → first output showing the scroll, still `--no-animation` (median of the presses)", "ms", None),
    ("j_still_max_ms", "j → first output showing the scroll, still (slowest press)", "ms", None),
    ("j_still_answered", "still presses answered (the screen scrolled)", "", "all"),
    ("less_idle_bps", "reference: less, output while idle, {w} s after its first paint", "B/s", "zero"),
]


FIGURE_KEYS = {k for k, *_ in FIGURES}


def anim_env():
    """bench_env without any PIVOT_TUI_NO_ANIMATION the caller may have set."""
    env = tb.bench_env()
    env.pop("PIVOT_TUI_NO_ANIMATION", None)
    return env


def count_window(s, secs):
    """Read for exactly `secs` s from now. Returns (bytes, bursts, [(t, n)]), t from the
    window's start. A burst is a run of chunks less than 20 ms apart: one screen update."""
    start, chunks = now(), []
    while not s.eof:
        left = start + secs - now()
        if left <= 0:
            break
        n = s._read(left)
        if n and s.last_t - start < secs:
            chunks.append((s.last_t - start, n))
    bursts = sum(1 for i, (t, _) in enumerate(chunks) if i == 0 or t - chunks[i - 1][0] > 0.02)
    return sum(n for _, n in chunks), bursts, [(round(t, 4), n) for t, n in chunks]


# -- the pane on the emulated screen ---------------------------------------------

def cell(screen, y, x):
    return screen.buffer[y][x].data if 0 <= x < screen.columns else ""


def pane_columns(screen):
    """(left, right) columns of the pane's frame (its top border ┌ ... ┐), or None."""
    for y in range(screen.lines):
        row = [cell(screen, y, x) for x in range(screen.columns)]
        if "┌" in row and "┐" in row:
            return row.index("┌"), len(row) - 1 - row[::-1].index("┐")
    return None


def pane_rows(screen, cols):
    """Rows that show part of the pane's frame: borders or frame sides."""
    if not cols:
        return []
    left, right = cols
    return [y for y in range(screen.lines)
            if cell(screen, y, left) in "┌│└" and cell(screen, y, left) != ""
            and cell(screen, y, right) in "┐│┘" and cell(screen, y, right) != ""]


def interior_rows(screen, cols):
    """Rows inside the frame (│ ... │): the rows an animation frame changes."""
    if not cols:
        return set()
    left, right = cols
    return {y for y in range(screen.lines) if cell(screen, y, left) == "│" and cell(screen, y, right) == "│"}


def shifted(old, old_interior, new, by):
    """True when every page row (not inside the pane) of the old screen shows `by`
    rows higher (by=1: j) or lower (by=-1: k) on the new screen. Rows 0 (header)
    and the last (status) do not scroll; the row the scroll reveals is not known."""
    last = len(old) - 2                      # the last page row; the status row is below it
    pairs = [(y, y - by) for y in range(1, last + 1)
             if y not in old_interior and 1 <= y - by <= last]
    return all(new[ny] == old[y] for y, ny in pairs)


def press_effect(s, key, by, cols, settle):
    """Write one key; read until the page rows have scrolled by `by` rows (or
    EFFECT_TIMEOUT_S passed). The emulator is fed only once the output has been
    quiet for `settle` s, so it is not inside the timed span unless the answer is
    later than that. Latency = key write -> read time of the chunk after which the
    emulated page rows show the scroll."""
    s.feed()
    old = s.screen.text()
    interior = interior_rows(s.screen, cols)
    if shifted(old, interior, old, by):
        return {"ambiguous": True, "answered": False, "lat_ms": None, "bytes_total": 0, "chunks_before_effect": None, "frame_drawn": None}
    start = len(s.raw)
    state = {}

    def check():
        new = s.screen.text()
        if not shifted(old, interior, new, by):
            return False
        # Rows inside the pane, moved by the scroll: different once a new frame is drawn.
        state["frame"] = any(new[y - by] != old[y] for y in interior if 1 <= y - by < len(old) - 1)
        return True

    t_key = s.send(key)
    seen, hit = [], None                     # every chunk read after the key; index of the effect
    while hit is None and not s.eof:
        left = t_key + EFFECT_TIMEOUT_S - now()
        if left <= 0:
            break
        s.collect(settle, first_timeout=left, max_time=left)
        first = len(seen)
        seen += s.pending
        hit_t = s.feed(check)
        if hit_t is not None:
            hit = next(i for i in range(first, len(seen)) if seen[i][0] == hit_t)
    out = {"answered": hit is not None, "bytes_total": len(s.raw) - start,
           "lat_ms": (seen[hit][0] - t_key) * 1e3 if hit is not None else None,
           "first_byte_ms": (seen[0][0] - t_key) * 1e3 if seen else None,
           "chunks_before_effect": hit, "bytes_to_effect": None, "frame_drawn": state.get("frame")}
    if hit is not None:
        out["bytes_to_effect"] = sum(len(d) for _, d in seen[:hit + 1])
    return out


# -- one run of each kind --------------------------------------------------------

def spawn(argv, cols, rows, env):
    return tb.Session(argv, cols, rows, env=env, measure_rss=False)


def settle_first_paint(s, settle, out):
    fp = s.first_paint(MARKER, settle, 15.0)
    if fp is None:
        out["error"] = "marker not on screen"
        out["screen"] = s.screen.text()
        return False
    out["first_paint_ms"] = fp["first_paint_ms"]
    return True


def run_in_view(s, cfg):
    """Pane in view for a window, then G, settle, a window with the pane out of view."""
    out = {}
    try:
        if not settle_first_paint(s, cfg.settle, out):
            return out
        cols = pane_columns(s.screen)
        out["pane_columns"] = cols
        out["pane_rows_at_start"] = len(pane_rows(s.screen, cols))
        n, bursts, chunks = count_window(s, cfg.window)
        out.update(in_view_bytes=n, in_view_bps=n / cfg.window, in_view_updates=bursts,
                   in_view_bytes_per_update=n / bursts if bursts else None, in_view_chunks=chunks)
        s.feed()
        r = s.press(tb.key_bytes("G"), cfg.settle, 0.5)
        out["G_bytes"], out["G_changed"] = r["bytes"], r["changed"]
        out["out_of_view_pane_rows"] = len(pane_rows(s.screen, cols))
        out["screen_after_G"] = s.screen.text()
        n, bursts, chunks = count_window(s, cfg.window)
        out.update(out_of_view_bytes=n, out_of_view_bps=n / cfg.window, out_of_view_chunks=chunks)
        out["quit_ms"] = s.quit(b"q", 5.0)
    finally:
        s.close()
    return out


def run_paused(s, cfg):
    out = {}
    try:
        if not settle_first_paint(s, cfg.settle, out):
            return out
        r = s.press(tb.key_bytes("p"), cfg.settle, 0.5)
        out["p_bytes"] = r["bytes"]
        out["status_after_p"] = s.screen.text()[-1]
        n, _, chunks = count_window(s, cfg.window)
        out.update(paused_bytes=n, paused_bps=n / cfg.window, paused_chunks=chunks)
        out["quit_ms"] = s.quit(b"q", 5.0)
    finally:
        s.close()
    return out


def run_idle_stop(s, cfg):
    out = {}
    try:
        if not settle_first_paint(s, cfg.settle, out):
            return out
        n, _, _ = count_window(s, cfg.idle_wait)
        out["wait_bytes"] = n
        out["idle_stop_at_ms"] = (s.last_t - s.t0) * 1e3
        n, _, chunks = count_window(s, cfg.window)
        out.update(idle_stopped_bytes=n, idle_stopped_bps=n / cfg.window, idle_stopped_chunks=chunks)
        out["quit_ms"] = s.quit(b"q", 5.0)
    finally:
        s.close()
    return out


def run_less(s, cfg):
    out = {}
    try:
        if not settle_first_paint(s, cfg.settle, out):
            return out
        n, _, _ = count_window(s, cfg.window)
        out.update(less_idle_bytes=n, less_idle_bps=n / cfg.window)
        out["quit_ms"] = s.quit(b"q", 5.0)
    finally:
        s.close()
    return out


def run_latency(argv, cols, rows, cfg, rng):
    """PRESSES x (j, then k back), a random pause after each k. Returns the j presses."""
    s = spawn(argv, cols, rows, anim_env())
    out = {}
    try:
        if not settle_first_paint(s, cfg.settle, out):
            return out
        s.collect(cfg.settle, cfg.settle)   # a frame still arriving
        s.feed()
        pane = pane_columns(s.screen)
        out["pane_columns"] = pane
        presses, resets = [], []
        t_start = now()
        for _ in range(cfg.presses):
            presses.append(press_effect(s, b"j", 1, pane, cfg.settle))
            resets.append(press_effect(s, b"k", -1, pane, cfg.settle))
            gap = rng.uniform(0, GAP_MAX_S)
            s.collect(gap, gap, max_time=gap)
            s.feed()
        out["series_s"] = now() - t_start
        out["series_bytes"] = sum(p["bytes_total"] for p in presses + resets)
        lat = [p["lat_ms"] for p in presses if p["answered"]]
        out["presses"] = presses
        out["k_answered"] = sum(p["answered"] for p in resets)
        out["answered"] = len(lat)
        out["made"] = len(presses)
        out["ambiguous"] = sum(1 for p in presses if p.get("ambiguous"))
        out["median_ms"] = statistics.median(lat) if lat else None
        out["max_ms"] = max(lat) if lat else None
        out["frame_drawn"] = sum(1 for p in presses if p["answered"] and p["frame_drawn"])
        out["quit_ms"] = s.quit(b"q", 5.0)
    finally:
        s.close()
    return out


def run_repetition(pivot, cols, rows, rep, cfg):
    """One repetition at one size: the four counting runs at once, then the two
    latency runs (their order alternates with the repetition)."""
    env = anim_env()
    sample = {"rep": rep}
    # Spawn every counting run here, before any thread starts (Popen's preexec_fn
    # is not safe while other threads run); each thread then reads its own pty.
    jobs = {"in_view": (run_in_view, spawn([pivot], cols, rows, env)),
            "paused": (run_paused, spawn([pivot], cols, rows, env)),
            "idle_stop": (run_idle_stop, spawn([pivot, "--idle-stop", str(cfg.idle_stop)], cols, rows, env)),
            "less": (run_less, spawn(["less", cfg.less_doc], cols, rows, tb.bench_env()))}
    with concurrent.futures.ThreadPoolExecutor(len(jobs)) as pool:
        futures = {name: pool.submit(fn, s, cfg) for name, (fn, s) in jobs.items()}
        for name, f in futures.items():
            try:
                sample[name] = f.result()
            except Exception as e:          # noqa: BLE001 -- keep the run going, report it
                sample[name] = {"error": f"{type(e).__name__}: {e}"}
    rng = random.Random(SEED + rep)
    order = [("anim", [pivot]), ("still", [pivot, "--no-animation"])]
    for name, argv in (order if rep % 2 == 0 else order[::-1]):
        sample[f"latency_{name}"] = run_latency(argv, cols, rows, cfg, rng)
    return sample


def flatten(sample):
    """The figures of one repetition, keyed as in FIGURES."""
    f = {}
    for part in ("in_view", "paused", "idle_stop", "less"):
        for k, v in sample.get(part, {}).items():
            if k in FIGURE_KEYS:
                f[k] = v
    for name in ("anim", "still"):
        lat = sample.get(f"latency_{name}", {})
        if "made" in lat:
            f[f"j_{name}_ms"] = lat["median_ms"]
            f[f"j_{name}_max_ms"] = lat["max_ms"]
            f[f"j_{name}_answered"] = lat["answered"]
            f[f"j_{name}_frame"] = lat["frame_drawn"]
    return f


def summarize(values):
    xs = [v for v in values if v is not None]
    if not xs:
        return None
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "n": len(xs)}


def errors_of(sample):
    return {k: v["error"] for k, v in sample.items() if isinstance(v, dict) and "error" in v}


def run(pivot, sizes, repeats, cfg, log=sys.stderr):
    """Every size x repetition. Returns the 'animation' part of results.json."""
    section = {"config": {"argv": [pivot], "page": "embedded Pivot page (no file argument)",
                          "window_s": cfg.window, "presses": cfg.presses, "idle_stop_s": cfg.idle_stop,
                          "idle_wait_s": cfg.idle_wait, "settle_ms": cfg.settle * 1e3,
                          "gap_max_ms": GAP_MAX_S * 1e3, "effect_timeout_ms": EFFECT_TIMEOUT_S * 1e3,
                          "less_doc": cfg.less_doc, "seed": SEED},
               "cells": []}
    for cols, rows in sizes:
        size = f"{cols}x{rows}"
        cell_ = {"size": size, "samples": [], "errors": []}
        for rep in range(repeats):
            sample = run_repetition(pivot, cols, rows, rep, cfg)
            if rep > 0:                              # screens of the first repetition are enough
                sample.get("in_view", {}).pop("screen_after_G", None)
            err = errors_of(sample)
            if err:
                cell_["errors"].append(err)
            cell_["samples"].append(sample)
            print(f"  animation {size} rep {rep + 1}/{repeats} done", file=log)
        flat = [flatten(s) for s in cell_["samples"]]
        cell_["figures"] = {k: v for k, v in ((k, summarize([f.get(k) for f in flat])) for k, *_ in FIGURES) if v}
        cell_["presses_made"] = {n: [s.get(f"latency_{n}", {}).get("made") for s in cell_["samples"]]
                                 for n in ("anim", "still")}
        section["cells"].append(cell_)
    return section


# -- markdown --------------------------------------------------------------------

def num(v, unit):
    """Exact for byte rates (bytes / window: at most one decimal); ms as in run.py."""
    if v is None:
        return "—"
    if unit == "ms":
        return f"{v:.2f}" if v < 10 else f"{v:.1f}"
    if unit == "B":
        return f"{v:.0f}"
    if float(v).is_integer():
        return f"{v:.0f}"
    return f"{v:.2f}".rstrip("0").rstrip(".")


def check_note(key, check, f, presses, pane_left):
    """pane_left: the most pane rows still on screen after G in this cell."""
    if key == "out_of_view_pane_rows" and pane_left:
        return "**G cannot take the pane out of view at this size**"
    if key == "out_of_view_bps" and pane_left:
        return "not a 0 case here: part of the pane is in view"
    if check == "zero":
        return "expected 0: ok" if f["max"] == 0 else "**expected 0: not met**"
    if check == "all":
        return "all answered: ok" if f["min"] == presses else "**not all answered**"
    return ""


def render(section, heading="##"):
    c = section["config"]
    w = c["window_s"]
    out = [f"\n{heading} Animation (pivot-tui only)\n",
           f"pivot-tui with no file argument (the embedded Pivot page and its animation pane), its "
           f"defaults unless the row says otherwise; {w:g} s counting windows; {c['presses']} `j` presses "
           f"per run, each followed by `k`. Cells: median (min–max) over the repetitions; a latency "
           f"cell is the median (or the slowest) of one run's presses, summarized over the repetitions. "
           f"Byte rates are exact (bytes / {w:g} s). No ratios to less: less has nothing to animate, and "
           f"its 0 B/s is the reference for the idle rows only. Latency here is key → the first output "
           f"chunk after which the page rows have scrolled (docs/BENCHMARKS.md), not key → settled.\n"]
    for cell_ in section["cells"]:
        presses = c["presses"]
        out.append(f"\n{heading}# Animation, {cell_['size']}\n")
        pane_left = (cell_["figures"].get("out_of_view_pane_rows") or {}).get("max", 0)
        out.append("| figure | pivot-tui | check |")
        out.append("|---|---|---|")
        for key, label, unit, check in FIGURES:
            f = cell_["figures"].get(key)
            if not f:
                continue
            text = f"{num(f['median'], unit)} ({num(f['min'], unit)}–{num(f['max'], unit)})"
            if check == "all":
                text += f" of {presses}"
            note = check_note(key, check, f, presses, pane_left)
            unit_txt = f" ({unit})" if unit else ""
            label = label.format(w=f"{w:g}", s=c["idle_stop_s"], iw=f"{c['idle_wait_s']:g}")
            out.append(f"| {label}{unit_txt} | {text} | {note} |")
        if pane_left:
            out.append(f"\n**Note:** at {cell_['size']} the page is too short for G to take the pane "
                       f"out of view ({pane_left:.0f} pane rows stay on screen), so the G row is "
                       f"the rate of a partly visible pane, not of a hidden one.")
        if cell_["errors"]:
            out.append(f"\nErrors: {cell_['errors']}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pivot-tui", required=True)
    ap.add_argument("--sizes", default="80x24")
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--settle-ms", type=float, default=50)
    ap.add_argument("--json", help="also write the section as JSON here")
    add_options(ap)
    a = ap.parse_args()
    a.settle = a.settle_ms / 1e3
    sizes = [tuple(map(int, s.split("x"))) for s in a.sizes.split(",")]
    pivot = os.path.abspath(a.pivot_tui)
    os.chdir(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    section = run(pivot, sizes, a.repeats, a)
    print(render(section))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(section, f, indent=1, ensure_ascii=False)


def add_options(ap):
    """The section's options, shared with run.py."""
    ap.add_argument("--anim-window", dest="window", type=float, default=5.0,
                    help="animation section: seconds each byte count lasts (5)")
    ap.add_argument("--anim-presses", dest="presses", type=int, default=20,
                    help="animation section: j presses per latency run (20)")
    ap.add_argument("--anim-idle-stop", dest="idle_stop", type=int, default=2,
                    help="animation section: the --idle-stop seconds of the idle-stop run (2)")
    ap.add_argument("--anim-idle-wait", dest="idle_wait", type=float, default=3.0,
                    help="animation section: seconds after the first paint before that run's count (3)")
    ap.add_argument("--anim-less-doc", dest="less_doc", default="content/pivot.md",
                    help="animation section: the file less shows for the reference row")


if __name__ == "__main__":
    main()
