#!/usr/bin/env python3
"""Pictures: what drawing a page's pictures costs (docs/BENCHMARKS.md, "Pictures").

  1. decode + convert time per picture: `pivot-tui frames FILE --charset blocks` (a 100 KB
     PNG, a 1 MB JPEG, an animated GIF) less the same command on a 1x1 PNG (process start and
     loading libpivot-pictures.so), the fastest of --repeats runs;
  2. bytes of the first screen of a page with one picture: cells, sixel, kitty (80x24, cells
     of 10x20 pixels as the pty reports them);
  3. first paint of a page with five pictures against the same page without them (the title on
     screen; pivot-tui and less in turns), and when the pictures have filled in (all five are
     drawn in one request: the first pane's frame on screen).

    python bench/pictures.py --pivot-tui PATH [--repeats 9]

Fixtures are written to bench/out/pictures/ (noise, so the files have their sizes; cjpeg
from libjpeg-turbo-progs makes the JPEG).
"""

import argparse
import fcntl
import os
import pty
import random
import select
import statistics
import struct
import subprocess
import termios
import time
import zlib
from pathlib import Path

import termbench as tb

OUT = Path(__file__).resolve().parent / "out" / "pictures"


def png(path, width, height, pixel):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def gif(path, side, frames):
    """An animated GIF of a disc moving across, uncompressed LZW (a clear code every 250
    codes keeps them 9 bits), 4 colours in an 8-bit palette."""
    palette = bytes([255, 255, 255, 200, 30, 30, 30, 60, 220, 0, 0, 0]) + bytes(3 * 252)
    out = bytearray(b"GIF89a" + struct.pack("<HH", side, side) + b"\xf7\x00\x00" + palette)
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    for f in range(frames):
        cx = side // 4 + f * side // (2 * frames)
        pixels = [1 if (x - cx) ** 2 + (y - side // 2) ** 2 < (side // 4) ** 2 else 0 for y in range(side) for x in range(side)]
        out += b"\x21\xf9\x04\x00" + struct.pack("<H", 8) + b"\x00\x00"
        out += b"\x2c" + struct.pack("<HHHH", 0, 0, side, side) + b"\x00\x08"
        codes = []
        for i, p in enumerate(pixels):
            if i % 250 == 0:
                codes.append(256)
            codes.append(p)
        codes.append(257)
        bits, nbits, data = 0, 0, bytearray()
        for code in codes:
            bits |= code << nbits
            nbits += 9
            while nbits >= 8:
                data.append(bits & 0xFF)
                bits >>= 8
                nbits -= 8
        if nbits:
            data.append(bits & 0xFF)
        for i in range(0, len(data), 255):
            block = data[i:i + 255]
            out += bytes([len(block)]) + block
        out += b"\x00"
    out += b"\x3b"
    path.write_bytes(bytes(out))


def fixtures():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    files = {}
    files["tiny.png"] = OUT / "tiny.png"
    png(files["tiny.png"], 1, 1, lambda x, y: (0, 0, 0))
    # About 100 KB: a gradient with noise, 250x220 RGB.
    files["100 KB PNG"] = OUT / "noise.png"
    png(files["100 KB PNG"], 250, 220, lambda x, y: (x // 2 + rng.randrange(40), y // 2 + rng.randrange(40), 128))
    # About 1 MB: a 1600x1200 photo-like picture (gradient and noise) at quality 95.
    ppm = OUT / "photo.ppm"
    w, h = 1600, 1200
    rows = bytearray()
    for y in range(h):
        for x in range(w):
            n = rng.randrange(48)
            rows += bytes((x * 200 // w + n, y * 200 // h + n, 90 + n))
    ppm.write_bytes(b"P6\n%d %d\n255\n" % (w, h) + bytes(rows))
    files["1 MB JPEG"] = OUT / "photo.jpg"
    subprocess.run(["cjpeg", "-quality", "95", "-outfile", str(files["1 MB JPEG"]), str(ppm)], check=True)
    ppm.unlink()
    files["animated GIF"] = OUT / "disc.gif"
    gif(files["animated GIF"], 96, 8)
    return files


def timed(argv, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1e3)
    # The fastest run: process start-up on a busy machine is noisy, and the slowest part of
    # every run here is what is measured (the noise only adds).
    return min(times)


def screen_bytes(pivot, page, graphics):
    """Bytes written until the screen with its picture is quiet, then q."""
    pid, master = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(pivot, [pivot, "--graphics", graphics, str(page)])
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 800, 480))
    out = bytearray()
    last = time.perf_counter()
    while time.perf_counter() - last < 0.8:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            out += data
            last = time.perf_counter()
    os.write(master, b"q")
    os.waitpid(pid, 0)
    return len(out)


def first_paints(argv, marker, repeats, filled=None):
    paints, fills = [], []
    for _ in range(repeats):
        s = tb.Session(argv, 80, 40, env=tb.bench_env(), measure_rss=False)
        try:
            fp = s.first_paint(marker, 0.05, 10)
            paints.append(fp["marker_ms"])
            if filled:
                t = s.wait_for(filled, 5)
                fills.append((t - s.t0) * 1e3 if t else float("nan"))
        finally:
            s.close()
    return statistics.median(paints), (statistics.median(fills) if fills else None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pivot-tui", required=True)
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    pivot = os.path.abspath(args.pivot_tui)
    files = fixtures()

    print("## Decode and convert, per picture (`pivot-tui frames FILE --charset blocks --width 76 --height 12`)\n")
    print("| picture | file | fastest of the runs, ms | less the 1x1 PNG |")
    print("|---|---|---|---|")
    base = timed([pivot, "frames", str(files["tiny.png"]), "--charset", "blocks", "--width", "76", "--height", "12"], args.repeats)
    print(f"| 1x1 PNG (process start, library load, drawing 76x12 cells) | 69 B | {base:.1f} | 0 |")
    for name in ("100 KB PNG", "1 MB JPEG", "animated GIF"):
        path = files[name]
        ms = timed([pivot, "frames", str(path), "--charset", "blocks", "--width", "76", "--height", "12"], args.repeats)
        print(f"| {name} | {path.stat().st_size // 1024} KiB | {ms:.1f} | {ms - base:.1f} |")

    one = OUT / "one.md"
    one.write_text("# One Picture\n\n![a photo](photo.jpg)\n\nAfter the picture.\n")
    print("\n## Bytes of the first screen with one picture (80x24, 10x20-pixel cells)\n")
    print("| drawn as | bytes |")
    print("|---|---|")
    for graphics in ("off", "sixel", "kitty"):
        print(f"| {'cells' if graphics == 'off' else graphics} | {screen_bytes(pivot, one, graphics)} |")

    body = "\n\n".join(f"Paragraph {i} of the page, some words to wrap around the pictures." for i in range(40))
    five = OUT / "five.md"
    five.write_text("# Five Pictures\n\n" + "".join(f"![picture {i}](noise.png)\n\n" if i % 2 else f"![picture {i}](photo.jpg)\n\n"
                                                    for i in range(5)) + body + "\n")
    none = OUT / "none.md"
    none.write_text("# Five Pictures\n\n" + body + "\n")
    print(f"\n## First paint with five pictures (80x40, medians of {args.repeats}, ms from spawn to the title)\n")
    print("| page | pivot-tui | less | pictures filled in |")
    print("|---|---|---|---|")
    for name, page in (("without pictures", none), ("with five pictures", five)):
        ours, filled = first_paints([pivot, "--graphics", "off", str(page)], "Five Pictures", args.repeats,
                                    filled="┌" if page == five else None)
        theirs, _ = first_paints(["less", str(page)], "Five Pictures", args.repeats)
        print(f"| {name} | {ours:.1f} | {theirs:.1f} | {'' if filled is None else f'{filled:.1f}'} |")


if __name__ == "__main__":
    main()
