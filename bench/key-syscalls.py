#!/usr/bin/env python3
"""The system calls pivot-tui makes for one key: the reader runs under `strace -f` in the
harness's pty (Pivot page, 80x24, animations off), the key is pressed PRESSES times, and the
calls from the last press's read of the key to the reader's next wait for input are listed
and counted.

Usage: .build-bench-venv/bin/python bench/key-syscalls.py BINARY [KEY] [PRESSES]
"""
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import termbench as tb  # noqa: E402

PAGE = Path(__file__).resolve().parent.parent / "content" / "pivot.md"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if not shutil.which("strace"):
        sys.exit("strace is needed: apt-get install -y strace")
    binary, key = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "j")
    presses = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with tempfile.NamedTemporaryFile(prefix="key-syscalls-", suffix=".txt") as trace:
        env = dict(tb.bench_env(), PIVOT_TUI_NO_ANIMATION="1")
        session = tb.Session(["strace", "-f", "-o", trace.name, binary, str(PAGE)], 80, 24, env=env, measure_rss=False)
        if not session.first_paint("", 0.5, 20):
            sys.exit("no first paint")
        session.collect(0.5, 0.5)
        for _ in range(presses):
            session.press(tb.key_bytes(key), 0.2, 2)
        session.send(b"q")
        time.sleep(0.5)
        session.close()
        lines = Path(trace.name).read_text().splitlines()
    read_key = re.compile(r'read\(0, "' + re.escape(key) + '"')
    starts = [i for i, line in enumerate(lines) if read_key.search(line)]
    if not starts:
        sys.exit(f"no read of {key!r} in the trace")
    calls = []
    for line in lines[starts[-1]:]:
        call = line.split(None, 1)[1]
        # The reader's wait for the next key: a poll on its input with no timeout of zero.
        if calls and call.startswith("poll(") and not call.split("]", 1)[1].startswith(", 1, 0)"):
            break
        calls.append(call)
    for call in calls:
        print(" ", call[:110])
    print(f"{len(calls)} system calls for one {key!r}, from reading it to waiting for the next key")


if __name__ == "__main__":
    main()
