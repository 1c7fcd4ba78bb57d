#!/usr/bin/env python3
"""Run one interactive terminal program in a fresh pseudo-terminal and measure it.

A Session spawns the command on a new pty (given size, TERM=xterm-256color,
LANG=C.UTF-8), records every byte it writes with the time it was read, keeps
an emulated screen (pyte) to know what is shown, answers the terminal queries
a real terminal answers, presses keys and times how long until the output
settles.

The emulator is fed only after the output has settled, so its cost is not
inside any timed window. The exception is a chunk holding a query (DSR/CPR),
which is fed at once so the answer goes out as a terminal's would.

Run it directly to look at a program's screen and raw bytes:

    python bench/termbench.py --size 80x24 --keys 'j j' -- less content/pivot.md
"""

import argparse
import fcntl
import os
import re
import select
import shlex
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

import pyte

now = time.perf_counter

KEYS = {"<Space>": b" ", "<Tab>": b"\t", "<Enter>": b"\r", "<Esc>": b"\x1b",
        "<BS>": b"\x7f", "<End>": b"\x1bOF", "<Home>": b"\x1bOH",
        "<PgDn>": b"\x1b[6~", "<PgUp>": b"\x1b[5~"}


def key_bytes(spec):
    """'j', '<Space>', '<Tab>', '<Enter>', '<C-x>' -> the bytes a terminal sends."""
    if spec in KEYS:
        return KEYS[spec]
    m = re.fullmatch(r"<C-(.)>", spec)
    if m:
        return bytes([ord(m.group(1).lower()) & 0x1F])
    return spec.encode()


def drop_from_page_cache(path):
    """Asks the kernel to forget the file's cached pages (clean ones: sync first), so the next
    run reads it from disk, as after a boot. A file just written (a binary the linker made) sits
    in the page cache in large folios, which the kernel maps whole: its runs look bigger."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def bench_env(term="xterm-256color"):
    """The caller's environment without settings that change a reader's
    behaviour or size (LESS*, COLUMNS, ...), plus TERM and a UTF-8 locale."""
    env = {k: v for k, v in os.environ.items()
           if not (k.startswith(("LESS", "LC_", "TMUX"))
                   or k in ("COLUMNS", "LINES", "COLORTERM", "NO_COLOR", "PAGER"))}
    env.update(TERM=term, LANG="C.UTF-8")
    return env


class Terminal(pyte.Screen):
    """pyte screen plus what ncurses uses with xterm-256color and pyte 0.8
    lacks: scroll up/down (CSI n S / CSI n T) and repeat (CSI n b)."""

    def __init__(self, cols, rows, reply):
        super().__init__(cols, rows)
        self.reply = reply
        self.last_char = " "

    def write_process_input(self, data):      # pyte's answer to DSR / CPR
        self.reply(data.encode())

    def report_device_attributes(self, *args, **kwargs):
        pass                                   # answered from the raw bytes, see Session

    def draw(self, data):
        super().draw(data)
        if data:
            self.last_char = data[-1]

    def repeat_char(self, count=1, *args, **kwargs):
        super().draw(self.last_char * max(1, min(count, 10000)))

    def _scroll(self, count, up):
        top, bottom = (self.margins.top, self.margins.bottom) if self.margins else (0, self.lines - 1)
        saved = self.cursor.y
        for _ in range(max(1, min(count, self.lines))):
            self.cursor.y = bottom if up else top
            self.index() if up else self.reverse_index()
        self.cursor.y = saved

    def scroll_up(self, count=1, *args, **kwargs):
        self._scroll(count, up=True)

    def scroll_down(self, count=1, *args, **kwargs):
        self._scroll(count, up=False)

    def set_margins(self, *args, **kwargs):
        if not kwargs.get("private"):          # CSI ? Pm r is XTRESTORE, not margins
            super().set_margins(*args)

    def cells(self):
        """Characters and their attributes: what a change of colour alone changes too."""
        return [tuple(self.buffer[y][x] for x in range(self.columns)) for y in range(self.lines)]

    def text(self):
        return [line.rstrip() for line in self.display]


class Stream(pyte.ByteStream):
    """Drops a sequence pyte cannot handle (and counts it) instead of stopping."""
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down", b="repeat_char")
    errors = 0

    def _send_to_parser(self, data):
        try:
            return super()._send_to_parser(data)
        except Exception:
            self.errors += 1
            self._initialize_parser()
            return self._taking_plain_text


# Queries a terminal answers: DA1, DA2 (answered here, as xterm does) and
# DSR 5/6 (answered by pyte, which knows the cursor).
QUERY = re.compile(rb"\x1b\[(>?)0?c|\x1b\[\??[56]n")
DA1_REPLY = b"\x1b[?64;1;2;6;9;15;18;21;22c"
DA2_REPLY = b"\x1b[>41;379;0c"


class Session:
    """One program on one pty. Times are perf_counter() seconds."""

    def __init__(self, argv, cols, rows, env=None, measure_rss=True):
        self.cols, self.rows = cols, rows
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.screen = Terminal(cols, rows, self._reply)
        self.stream = Stream(self.screen)
        self.raw = bytearray()        # every byte written by the program
        self.pending = []             # [(t, bytes)] read but not yet fed to the emulator
        self.queries = 0
        self.eof = False
        self.exit_t = None
        self.rss_file = None
        if measure_rss and os.access("/usr/bin/time", os.X_OK):
            # GNU time reports the reader's ru_maxrss. (wait4 on our own child
            # would also count the forked Python before exec.)
            fd, self.rss_file = tempfile.mkstemp(prefix="termbench-rss-")
            os.close(fd)
            argv = ["/usr/bin/time", "-f", "%M", "-o", self.rss_file, "--"] + list(argv)
        self.t0 = now()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env or bench_env(),
            start_new_session=True, close_fds=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        os.close(slave)               # EOF (EIO) on the master once the program exits

    # -- bytes in and out --------------------------------------------------
    def _reply(self, data):
        try:
            os.write(self.master, data)
        except OSError:
            pass

    def send(self, data):
        t = now()
        os.write(self.master, data)
        return t

    def _read(self, timeout):
        """Wait up to timeout s for one chunk. Returns its length (0 on timeout or EOF)."""
        if self.eof:
            return 0
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return 0
        try:
            data = os.read(self.master, 65536)
        except OSError:               # EIO: the program closed the terminal (exited)
            data = b""
        if not data:
            self.eof = True
            return 0
        t = now()
        if not self.raw:
            self.first_t = t
        tail = bytes(self.raw[-8:])
        self.raw += data
        self.pending.append((t, data))
        self.last_t = t
        for m in QUERY.finditer(tail + data):
            if m.end() <= len(tail):
                continue
            self.queries += 1
            if m.group(0).endswith(b"c"):
                self._reply(DA2_REPLY if m.group(1) else DA1_REPLY)
            else:
                self.feed()           # pyte answers DSR/CPR with the right cursor
        return len(data)

    def collect(self, settle, first_timeout, max_time=30.0):
        """Read until output has been quiet for `settle` s after its last byte,
        or nothing came within `first_timeout` s. Returns (nbytes, t_first, t_last)."""
        start = now()
        nbytes, t_first, t_last = 0, None, None
        while not self.eof:
            edge = start + first_timeout if t_last is None else t_last + settle
            wait = min(edge, start + max_time) - now()
            if wait <= 0:
                break
            n = self._read(wait)
            if n:
                nbytes += n
                t_last = self.last_t
                t_first = t_first or t_last
        return nbytes, t_first, t_last

    def feed(self, check=None):
        """Feed pending output to the emulator, chunk by chunk. Returns the read
        time of the first chunk after which check() is true, else None."""
        hit = None
        pending, self.pending = self.pending, []
        for t, data in pending:
            self.stream.feed(data)
            if check and hit is None and check():
                hit = t
        return hit

    def shows(self, marker):
        return any(marker in line for line in self.screen.display)

    # -- measurements --------------------------------------------------------
    def first_paint(self, marker, settle, timeout):
        """Spawn -> the marker is on screen and output settled. Returns a dict or None."""
        t_marker = None
        while not self.eof and now() - self.t0 < timeout:
            self.collect(settle, first_timeout=timeout - (now() - self.t0))
            t_marker = t_marker or self.feed(lambda: self.shows(marker))
            if self.shows(marker):
                text = self.screen.text()
                return {"first_paint_ms": (self.last_t - self.t0) * 1e3,
                        "marker_ms": (t_marker - self.t0) * 1e3,
                        "first_byte_ms": (self.first_t - self.t0) * 1e3,
                        "first_paint_bytes": len(self.raw),
                        "screen_rows_used": max(i + 1 for i, line in enumerate(text) if line)}
        self.feed()
        return None

    def press(self, key, settle, timeout):
        """Write one key; read until the output settles. Latency = key write ->
        last byte before the quiet gap."""
        before = self.screen.cells()
        start = len(self.raw)
        t_key = self.send(key)
        nbytes, t_first, t_last = self.collect(settle, timeout)
        self.feed()
        return {"bytes": nbytes,
                "lat_ms": (t_last - t_key) * 1e3 if t_last else None,
                "first_byte_ms": (t_first - t_key) * 1e3 if t_first else None,
                "changed": self.screen.cells() != before,
                "start": start}

    def resize(self, cols, rows, settle, timeout):
        """Set a new window size (the kernel sends SIGWINCH); read until the output settles.
        Latency = resize -> last byte before the quiet gap."""
        self.feed()
        self.screen.resize(rows, cols)
        self.cols, self.rows = cols, rows
        start = len(self.raw)
        t = now()
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        nbytes, t_first, t_last = self.collect(settle, timeout)
        self.feed()
        return {"bytes": nbytes, "lat_ms": (t_last - t) * 1e3 if t_last else None, "start": start}

    def wait_for(self, marker, timeout):
        """Read until `marker` is on screen; returns the read time of the chunk that showed it, or None."""
        deadline = now() + timeout
        while not self.eof and now() < deadline:
            self._read(min(0.05, max(0.0, deadline - now())))
            hit = self.feed(lambda: self.shows(marker))
            if hit is not None or self.shows(marker):
                return hit or self.last_t
        return None

    def reader_pid(self):
        """The reader's pid: the time wrapper's child, or our child (None once gone)."""
        pid = self.proc.pid
        if self.rss_file:
            try:
                with open(f"/proc/{pid}/task/{pid}/children") as f:
                    pid = int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                return None
        return pid

    def reader_hwm_kb(self):
        """VmHWM of the reader."""
        pid = self.reader_pid()
        try:
            with open(f"/proc/{pid}/status") as f:
                m = re.search(r"^VmHWM:\s+(\d+)", f.read(), re.M)
            return int(m.group(1)) if m else None
        except (OSError, TypeError):
            return None

    def reader_private_kb(self):
        """Memory written by the reader (Private_Dirty of smaps_rollup: its heap, stacks, and
        the pages of data it changed): what one more reader costs. Clean pages (code, data read
        from files) are left out: the page cache holds them once for every reader."""
        pid = self.reader_pid()
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                text = f.read()
        except (OSError, TypeError):
            return None
        m = re.search(r"^Private_Dirty:\s+(\d+)", text, re.M)
        return int(m.group(1)) if m else None

    def quit(self, key, timeout):
        """Press the quit key; wait for the exit. Returns quit_ms or None."""
        t_key = self.send(key)
        while now() - t_key < timeout:
            self._read(0.01)
            if self.eof:
                time.sleep(0.0005)    # the pty is closed; wait for the process to be reaped
            if self.proc.poll() is not None:
                self.exit_t = now()
                return (self.exit_t - t_key) * 1e3
        return None

    def close(self):
        """Kill the program if it still runs (its own process group only); returns
        the peak RSS in KiB from GNU time, if measured."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            self.proc.wait()
        os.close(self.master)
        rss = None
        if self.rss_file:
            try:
                with open(self.rss_file) as f:
                    nums = re.findall(r"^(\d+)\s*$", f.read(), re.M)
                rss = int(nums[-1]) if nums else None
            finally:
                os.unlink(self.rss_file)
        return rss


def main():
    ap = argparse.ArgumentParser(description="Show a program's screen and the bytes each key makes it write.")
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--keys", default="", help="space-separated key specs, e.g. 'j j <Space> <Tab> <Enter>'")
    ap.add_argument("--marker", help="wait for this text before pressing keys")
    ap.add_argument("--settle-ms", type=float, default=50)
    ap.add_argument("--quit", default="q")
    ap.add_argument("--raw", action="store_true", help="print the raw bytes of each key press")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    argv = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    cols, rows = map(int, a.size.split("x"))
    s = Session(argv, cols, rows, measure_rss=False)
    settle = a.settle_ms / 1e3
    if a.marker:
        print(s.first_paint(a.marker, settle, 30))
    else:
        s.collect(settle, 10)
        s.feed()
    print(f"startup: {len(s.raw)} bytes")
    for spec in a.keys.split():
        r = s.press(key_bytes(spec), settle, 2.0)
        print(f"key {spec}: {r['bytes']} bytes, {r['lat_ms'] or 0:.1f} ms, changed={r['changed']}")
        if a.raw:
            print("  " + repr(bytes(s.raw[r["start"]:])))
    print("\n".join(f"|{line}" for line in s.screen.text()))
    print("quit ms:", s.quit(key_bytes(a.quit), 3))
    s.close()
    print("queries answered:", s.queries, " command:", shlex.join(argv))


if __name__ == "__main__":
    main()
