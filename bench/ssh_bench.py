#!/usr/bin/env python3
"""SSH serving: OpenSSH's sshd with ForceCommand against `pivot-tui serve`, in one run.

Both servers run at once on 127.0.0.1 with throwaway keys; the client is the real OpenSSH
`ssh -tt`, each on a pty of ours (80x24, TERM=xterm-256color). Four figures per server:

  1. ssh start -> first paint (the title "Pivot" in the header row and "?: help" in the
     status row of an emulated screen), over CONNECTIONS sequential connections, the
     servers taking turns; a local pty (no SSH) as the reference.
  2. CLIENTS ssh clients started at once: how many reach the first paint, and sessions/s.
  3. Private memory (USS = Private_Clean + Private_Dirty of /proc/PID/smaps_rollup) per
     session, taken while those CLIENTS sessions are open.
  4. Bytes per line scroll (`j`) over TCP, counted by a relay of ours between ssh and the
     server, against the bytes the reader wrote to its pty (what ssh hands to our pty).

Needs root (sshd) and Debian's openssh-server. Writes bench/ssh-results.json and
bench/ssh-results.md (printed at the end). See docs/BENCHMARKS.md, "SSH serving".

    python bench/ssh_bench.py --bin-dir "$(swift build -c release --static-swift-stdlib --show-bin-path)"
"""

import argparse
import datetime
import fcntl
import json
import math
import os
import re
import resource
import select
import selectors
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

import run as benchrun          # machine() and version()
import termbench as tb

now = time.perf_counter
ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
SSHD_PATH = "/usr/sbin/sshd"
COLS, ROWS = 80, 24
TITLE, STATUS = "Pivot", "?: help"
BYTE_MARKERS = (b" Pivot ", b"?: help")     # both in the byte stream: time to look at the screen
SERVERS = ("sshd", "serve")
# Columns: a target is a server and the client's options for it.
LABELS = {"sshd": "sshd + ForceCommand", "sshd-c25519": "sshd, serve's algorithms",
          "serve": "pivot-tui serve", "local": "local pty (no SSH)"}
# The variant: the client held to what swift-nio-ssh offers, so that sshd and serve differ
# only in the server (OpenSSH 9.2's client picks sntrup761x25519 and chacha20-poly1305 with sshd).
SAME_ALGORITHMS = ["-o", "KexAlgorithms=curve25519-sha256", "-o", "Ciphers=aes128-gcm@openssh.com"]


class Interrupted(Exception):
    pass


def on_signal(signum, frame):
    raise Interrupted(f"signal {signum}")


# -- processes ---------------------------------------------------------------------------

def proc_table():
    """{pid: (ppid, name)} for every process now."""
    table = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                s = f.read()
        except OSError:
            continue
        r = s.rfind(")")
        table[int(d)] = (int(s[r + 2:].split()[1]), s[s.find("(") + 1:r])
    return table


def descendants(pid, table=None):
    table = table or proc_table()
    children = {}
    for p, (pp, _) in table.items():
        children.setdefault(pp, []).append(p)
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def memory(pid):
    """KiB from smaps_rollup: uss (Private_Clean + Private_Dirty), pss, rss; None if gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            text = f.read()
    except OSError:
        return None
    v = {k: int(n) for k, n in re.findall(r"^(\w+):\s+(\d+) kB", text, re.M)}
    return {"uss_kb": v.get("Private_Clean", 0) + v.get("Private_Dirty", 0),
            "pss_kb": v.get("Pss", 0), "rss_kb": v.get("Rss", 0), "anon_kb": v.get("Anonymous", 0)}


TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def cpu_ms(pid, children=True):
    """CPU time of a process (user + system), with that of the children it has collected."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return None
    v = [int(x) for x in s[s.rfind(")") + 2:].split()[11:15]]
    return (sum(v) if children else v[0] + v[1]) * TICK_MS


def run_ms(pid):
    """Time a live process has run on a CPU, from /proc/PID/schedstat (ns; finer than ticks)."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            return int(f.read().split()[0]) / 1e6
    except (OSError, ValueError, IndexError):
        return None


def children_cpu_ms():
    """CPU time of our collected children (the ssh clients)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r.ru_utime + r.ru_stime) * 1e3


def kill_tree(pids, sig=signal.SIGKILL):
    for p in pids:
        try:
            os.kill(p, sig)
        except OSError:
            pass


def reap():
    """Collects any ended child; False once there is none left to wait for."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass
        return True
    except ChildProcessError:
        return False


def wait_until(predicate, timeout, step=0.02):
    deadline = now() + timeout
    while now() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_log(path, pattern, proc, timeout):
    """Polls a log file for a regex; returns the match or None (also if proc ended)."""
    deadline = now() + timeout
    while now() < deadline:
        m = re.search(pattern, Path(path).read_text(errors="replace"))
        if m:
            return m
        if proc.poll() is not None:
            return None
        time.sleep(0.02)
    return None


# -- the two servers ---------------------------------------------------------------------

class Server:
    name = ""
    port = 0
    proc = None
    log = ""

    def sessions(self):
        """Live processes under the server (per-connection processes and readers)."""
        return descendants(self.proc.pid) if self.proc and self.proc.poll() is None else []

    def stop(self):
        if not self.proc:
            return
        left = self.sessions()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        kill_tree(left)


class SSHD(Server):
    """Debian's sshd as in Tests/PivotServerTests/OpenSSHForceCommandTests.swift (the throwaway
    keys, ForceCommand, UsePAM no, a PidFile in the temporary directory, `-D -e -f` on a free
    port), with the policy of docs/deploy/openssh.md in a `Match User` block.

    account "bench" (default): the guide's account, made up for this run: a non-root user with
    /bin/sh as its shell, in /etc/passwd and /etc/group copies that are bind-mounted only in a
    mount namespace of sshd's own (`unshare -m`), so the system is not changed. As with any
    non-root user, sshd runs two processes per connection (the monitor and the user's child).
    account "self": the user running the bench (root), as the tests do. sshd then skips the
    post-auth child (one process per connection), and the shell is root's."""
    name = "sshd"

    def __init__(self, tmp, binary, client_pub, account="bench"):
        import pwd
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)   # Debian's privilege separation directory
        host_key = tmp / "ssh_host_ed25519_key"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key)], check=True)
        keys = tmp / "authorized_keys"
        keys.write_text(client_pub)
        self.account = account
        wrapper = []
        if account == "bench":
            used = {e.pw_uid for e in pwd.getpwall()} | {e.pw_gid for e in pwd.getpwall()}
            names = {e.pw_name for e in pwd.getpwall()}
            uid = next(u for u in range(64100, 65000) if u not in used)
            self.user = next(n for n in ("pivotbench", "pivotbench1", "pivotbench2") if n not in names)
            home = tmp / "home"
            home.mkdir()
            os.chown(home, uid, uid)
            passwd, group = tmp / "passwd", tmp / "group"
            passwd.write_text(Path("/etc/passwd").read_text().rstrip("\n")
                              + f"\n{self.user}:x:{uid}:{uid}:pivot-tui bench:{home}:/bin/sh\n")
            group.write_text(Path("/etc/group").read_text().rstrip("\n") + f"\n{self.user}:x:{uid}:\n")
            # sshd reads the authorized keys as the user.
            os.chmod(tmp, 0o711)
            os.chmod(keys, 0o644)
            self.shell = "/bin/sh"
            wrapper = ["unshare", "-m", "--propagation", "private", "sh", "-c",
                       'mount --bind "$1" /etc/passwd && mount --bind "$2" /etc/group && shift 2 && exec "$@"',
                       "sh", str(passwd), str(group)]
        else:
            self.user = pwd.getpwuid(os.getuid()).pw_name
            self.shell = pwd.getpwuid(os.getuid()).pw_shell
        self.port = free_port()
        self.force_command = f"env PIVOT_TUI_NO_ANIMATION=1 {binary}"
        self.config = tmp / "sshd_config"
        self.config.write_text(f"""\
ListenAddress 127.0.0.1
Port {self.port}
HostKey {host_key}
PidFile {tmp / 'sshd.pid'}
UsePAM no
# The directory is under /tmp, which StrictModes would reject.
StrictModes no
AuthorizedKeysFile {keys}
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
PermitUserEnvironment no
LoginGraceTime 20
# The concurrency figure measures capacity, not the guide's early drop (MaxStartups 10:30:60).
MaxStartups 200:30:400
# With account "self" (root, shell bash): Debian's bash reads ~/.bashrc when sshd runs
# `bash -c COMMAND` at SHLVL 1. SHLVL=1 makes it level 2: nothing is read, as with /bin/sh.
SetEnv SHLVL=1

Match User {self.user}
    ForceCommand {self.force_command}
    DisableForwarding yes
    PermitTunnel no
    PermitTTY yes
    PermitUserRC no
    MaxSessions 1
    ClientAliveInterval 30
    ClientAliveCountMax 3
""")
        check = subprocess.run([SSHD_PATH, "-t", "-f", str(self.config)], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"sshd -t: {check.stderr}")
        self.log = str(tmp / "sshd.log")
        self.argv = wrapper + [SSHD_PATH, "-D", "-e", "-f", str(self.config)]
        with open(self.log, "wb") as log:
            # unshare and sh exec: the process is sshd itself, with this pid.
            self.proc = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL,
                                         stdout=log, stderr=log, start_new_session=True, env=child_env())
        if not wait_for_log(self.log, rf"Server listening on 127\.0\.0\.1 port {self.port}", self.proc, 10):
            raise RuntimeError("sshd did not start:\n" + Path(self.log).read_text())


class Serve(Server):
    """`pivot-tui serve` (it execs pivot-tui-server, same pid) on a port of its choosing."""
    name = "serve"

    def __init__(self, tmp, binary, authorized_keys, max_sessions):
        self.user = "reader"
        self.log = str(tmp / "serve.log")
        argv = [binary, "serve", "--listen", "127.0.0.1:0", "--host-key", str(tmp / "serve" / "host_ed25519"),
                "--authorized-keys", str(authorized_keys),
                "--max-sessions", str(max_sessions), "--max-per-address", str(max_sessions)]
        self.argv = argv
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                         start_new_session=True, env=child_env())
        m = wait_for_log(self.log, r"port=(\d+) .*\] listening", self.proc, 20)
        if not m:
            raise RuntimeError("pivot-tui serve did not start:\n" + Path(self.log).read_text())
        self.port = int(m.group(1))


def child_env():
    env = {k: v for k, v in os.environ.items()
           if k not in ("TMUX", "TMUX_PANE", "SSH_AUTH_SOCK", "SSH_AGENT_PID", "LC_ALL", "NO_COLOR",
                        "SSH_CONNECTION", "SSH_ORIGINAL_COMMAND", "SSH_CLIENT", "SSH_TTY")}
    env["LANG"] = "C.UTF-8"
    return env


# -- the client ------------------------------------------------------------------------

def ssh_argv(port, key, user, extra=()):
    return ["ssh", "-F", "/dev/null", "-tt", "-p", str(port), "-i", str(key),
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10",
            "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", *extra, f"{user}@127.0.0.1"]


def shows_page(screen):
    d = screen.display
    return d[0].strip().startswith(TITLE) and STATUS in d[-1]


class Client:
    """One program (ssh, or the reader itself) on a pty of ours, every chunk it writes kept
    with its read time. Times are perf_counter() seconds; t0 is just before the fork."""

    def __init__(self, argv, env):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.chunks, self.raw = [], bytearray()
        self.eof = False
        self.marked = None          # read time of the chunk that completed both byte markers
        self.t0 = now()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True,
                                     preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        os.close(slave)
        self.screen = None

    def fileno(self):
        return self.master

    def read(self):
        try:
            data = os.read(self.master, 65536)
        except OSError:
            data = b""
        if not data:
            self.eof = True
            return 0
        t = now()
        self.chunks.append((t, data))
        self.raw += data
        if self.marked is None and all(m in self.raw for m in BYTE_MARKERS):
            self.marked = t
        return len(data)

    def send(self, data):
        t = now()
        os.write(self.master, data)
        return t

    def first_paint(self):
        """Replays the chunks through the emulator (outside any timed window); returns
        (read time of the first chunk after which the screen shows the page, bytes to it)."""
        screen = tb.Terminal(COLS, ROWS, lambda data: None)
        stream = tb.Stream(screen)
        total = 0
        for t, data in self.chunks:
            stream.feed(data)
            total += len(data)
            if shows_page(screen):
                self.screen = screen
                return t, total
        self.screen = screen
        return None, total

    def exit_status(self, timeout):
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def close(self):
        if self.master < 0:
            return
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            self.proc.wait()
        os.close(self.master)
        self.master = -1


def pump(clients, until, timeout):
    """Reads every client's pty until until() or timeout s; returns until()."""
    deadline = now() + timeout
    while not until():
        live = [c for c in clients if not c.eof]
        left = deadline - now()
        if not live or left <= 0:
            break
        ready, _, _ = select.select(live, [], [], min(left, 0.05))
        for c in ready:
            c.read()
    return until()


def pump_quiet(clients, quiet, timeout):
    """Reads until no client wrote for `quiet` s, or timeout s."""
    deadline = now() + timeout
    last = now()
    while now() < deadline:
        live = [c for c in clients if not c.eof]
        if not live:
            return
        ready, _, _ = select.select(live, [], [], min(0.01, max(0, deadline - now())))
        for c in ready:
            if c.read():
                last = now()
        if now() - last >= quiet:
            return


def quit_all(clients, timeout=10):
    """q to every reader, then wait for every ssh to exit; whatever is left is killed."""
    for c in clients:
        if not c.eof:
            try:
                c.send(b"q")
            except OSError:
                pass
    pump(clients, lambda: all(c.eof for c in clients), timeout)
    statuses = [c.exit_status(2) for c in clients]
    for c in clients:
        c.close()
    return statuses


# -- the TCP relay -------------------------------------------------------------------------

class Relay(threading.Thread):
    """127.0.0.1:port -> 127.0.0.1:target. Counts the TCP payload bytes each way per
    connection (s2c: server to client), with the time of every chunk."""

    def __init__(self, target):
        super().__init__(daemon=True)
        self.target = target
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.stop_r, self.stop_w = os.pipe()
        self.conns = []
        self.lock = threading.Lock()

    def run(self):
        sel = selectors.DefaultSelector()
        sel.register(self.listener, selectors.EVENT_READ, ("accept", None, None, None))
        sel.register(self.stop_r, selectors.EVENT_READ, ("stop", None, None, None))
        sockets = []
        try:
            while True:
                for key, _ in sel.select(timeout=1):
                    what, src, dst, conn = key.data
                    if what == "stop":
                        return
                    if what == "accept":
                        client, _ = self.listener.accept()
                        upstream = socket.create_connection(("127.0.0.1", self.target), timeout=5)
                        upstream.settimeout(None)
                        for s in (client, upstream):
                            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                        conn = {"s2c": 0, "c2s": 0, "s2c_reads": 0, "c2s_reads": 0, "events": [], "open": 2}
                        with self.lock:
                            self.conns.append(conn)
                        sockets += [client, upstream]
                        sel.register(client, selectors.EVENT_READ, ("c2s", client, upstream, conn))
                        sel.register(upstream, selectors.EVENT_READ, ("s2c", upstream, client, conn))
                        continue
                    try:
                        data = src.recv(65536)
                    except OSError:
                        data = b""
                    if not data:
                        sel.unregister(src)
                        try:
                            dst.shutdown(socket.SHUT_WR)
                        except OSError:
                            pass
                        continue
                    with self.lock:
                        conn[what] += len(data)
                        conn[what + "_reads"] += 1
                        conn["events"].append((now(), what, len(data)))
                    try:
                        dst.sendall(data)
                    except OSError:
                        pass
        finally:
            for s in sockets + [self.listener]:
                s.close()

    def counters(self, i=-1):
        with self.lock:
            c = self.conns[i] if self.conns else {}
            return {k: c.get(k, 0) for k in ("s2c", "c2s", "s2c_reads", "c2s_reads")}

    def reads_since(self, t, i=-1):
        """[(ms after t, direction, bytes)] of every read since t: the packets' sizes."""
        with self.lock:
            events = list(self.conns[i]["events"]) if self.conns else []
        return [(round((te - t) * 1e3, 2), what, n) for te, what, n in events if te >= t]

    def bytes_until(self, t, i=-1):
        with self.lock:
            events = list(self.conns[i]["events"]) if self.conns else []
        out = {"s2c": 0, "c2s": 0}
        for te, what, n in events:
            if te <= t:
                out[what] += n
        return out

    def stop(self):
        os.write(self.stop_w, b"x")
        self.join(timeout=5)
        os.close(self.stop_r)
        os.close(self.stop_w)


# -- statistics ------------------------------------------------------------------------------

def p95(xs):
    """Nearest rank: the smallest value with at least 95% of the samples at or below it."""
    s = sorted(xs)
    return s[max(0, math.ceil(0.95 * len(s)) - 1)]


def summary(xs):
    xs = [x for x in xs if x is not None]
    if not xs:
        return None
    return {"median": statistics.median(xs), "p95": p95(xs), "min": min(xs), "max": max(xs), "n": len(xs),
            "mean": statistics.fmean(xs)}


# -- figure 1: first paint, one connection at a time ---------------------------------------------

def one_connection(argv, env, timeout=20.0):
    c = Client(argv, env)
    ok = pump([c], lambda: c.marked is not None or c.eof, timeout)
    sample = {}
    if ok and c.marked is not None:
        pump_quiet([c], 0.05, 1.0)
        t, nbytes = c.first_paint()
        if t is not None:
            sample = {"first_paint_ms": (t - c.t0) * 1e3, "first_byte_ms": (c.chunks[0][0] - c.t0) * 1e3,
                      "first_paint_bytes": nbytes}
    if not sample:
        sample = {"error": "no first paint", "tail": bytes(c.raw[-300:]).decode(errors="replace")}
    t_q = now()
    status = quit_all([c], 5)[0]
    sample["quit_to_exit_ms"] = (now() - t_q) * 1e3 if status is not None else None
    sample["exit_status"] = status
    return sample


def idle(server, timeout=10):
    """Waits until the server has no session processes left (the previous one has ended)."""
    return wait_until(lambda: not server.sessions(), timeout)


def figure_first_paint(targets, env, local_argv, local_env, n):
    names = list(targets) + ["local"]
    out = {name: [] for name in names}
    for i in range(n):
        for name in names[i % len(names):] + names[:i % len(names)]:
            if name == "local":
                out[name].append(one_connection(local_argv, local_env))
            else:
                idle(targets[name]["server"])
                out[name].append(one_connection(targets[name]["argv"], env))
        if (i + 1) % 10 == 0:
            print(f"  first paint: {i + 1}/{n} connections each", file=sys.stderr)
    return out


# -- figures 2 and 3: many clients at once, and memory -----------------------------------------

def snapshot_memory(server):
    table = proc_table()
    procs = []
    for p in descendants(server.proc.pid, table):
        m = memory(p)
        if m:
            procs.append({"pid": p, "ppid": table[p][0], "name": table[p][1], "cmd": cmdline(p)[:80],
                          "cpu_ms": run_ms(p), **m})
    return {"server": memory(server.proc.pid), "processes": procs}


def figure_concurrent(server, argv, env, n, settle=0.3, timeout=60.0):
    idle(server)
    before = snapshot_memory(server)
    cpu0 = (cpu_ms(server.proc.pid), children_cpu_ms())
    t_start = now()
    clients = [Client(argv, env) for _ in range(n)]
    t_spawned = now()
    pump(clients, lambda: all(c.marked is not None or c.eof for c in clients), timeout)
    pump_quiet(clients, settle, 2.0)
    time.sleep(0.2)
    during = snapshot_memory(server)
    t_mem = now()
    paints = [c.first_paint()[0] for c in clients]
    reached = [t for t in paints if t is not None]
    failures = [bytes(c.raw[-200:]).decode(errors="replace") for c, t in zip(clients, paints) if t is None]
    statuses = quit_all(clients, 15)
    gone = idle(server, 15)
    time.sleep(0.05)
    cpu1 = (cpu_ms(server.proc.pid), children_cpu_ms())
    last = max(reached) if reached else None
    return {
        "clients": n, "reached": len(reached),
        "spawn_s": t_spawned - t_start,
        "wall_s": (last - t_start) if last else None,
        "sessions_per_s": len(reached) / (last - t_start) if last else 0.0,
        "first_paint_ms": [(t - c.t0) * 1e3 for c, t in zip(clients, paints) if t is not None],
        "exit_statuses": statuses, "failures": failures[:5], "server_idle_after": gone,
        "memory_before": before, "memory": during, "memory_taken_s_after_start": t_mem - t_start,
        # server: the server process and every process it (or its children) collected;
        # client: the ssh processes. Per session: over the clients that reached the first paint.
        "server_cpu_ms": cpu1[0] - cpu0[0], "client_cpu_ms": cpu1[1] - cpu0[1],
    }


def per_session_memory(round_, baseline):
    """Memory per session from one round of many clients (docs/BENCHMARKS.md):
    USS of the session's processes (reader and, for sshd, the per-connection processes) plus
    the server process's growth of anonymous memory since `baseline` (its memory with no
    session, before the first such round), over the sessions (readers) alive."""
    procs = round_["memory"]["processes"]
    readers = [p for p in procs if p["name"] == "pivot-tui"]
    n = len(readers)
    if not n:
        return None
    others = [p for p in procs if p["name"] != "pivot-tui"]
    top0, top = round_["memory_before"]["server"], round_["memory"]["server"]
    growth = (top["anon_kb"] - baseline["anon_kb"]) / n
    pss0 = top0["pss_kb"] + sum(p["pss_kb"] for p in round_["memory_before"]["processes"])
    pss = top["pss_kb"] + sum(p["pss_kb"] for p in procs)
    r = {"sessions": n,
         "reader_uss_kb": statistics.median(p["uss_kb"] for p in readers),
         "reader_rss_kb": statistics.median(p["rss_kb"] for p in readers),
         "reader_cpu_ms": statistics.median(p["cpu_ms"] for p in readers),
         "connection_processes_per_session": len(others) / n,
         "connection_processes": sorted({re.sub(r"pts/\d+", "pts/N", p["cmd"])[:48] for p in others}),
         "connection_uss_per_session_kb": sum(p["uss_kb"] for p in others) / n,
         "server_uss_before_kb": top0["uss_kb"], "server_uss_kb": top["uss_kb"],
         "server_anon_baseline_kb": baseline["anon_kb"], "server_anon_kb": top["anon_kb"],
         "server_growth_per_session_kb": growth,
         "tree_pss_per_session_kb": (pss - pss0) / n}
    r["per_session_kb"] = sum(p["uss_kb"] for p in procs) / n + growth
    return r


# -- figure 4: bytes per line scroll --------------------------------------------------------

def press(c, relay, key, settle=0.1, timeout=1.5):
    """One key; reads until neither the pty nor the relay's counters moved for `settle` s
    (after the first output byte), or `timeout` s without output."""
    before = relay.counters() if relay else {}
    start, chunks0 = len(c.raw), len(c.chunks)
    t_key = c.send(key)
    last, seen = t_key, before
    while not c.eof:
        t = now()
        if len(c.raw) > start and t - last >= settle:
            break
        if len(c.raw) == start and t - t_key >= timeout:
            break
        ready, _, _ = select.select([c], [], [], 0.005)
        if ready and c.read():
            last = now()
        if relay:
            cur = relay.counters()
            if cur != seen:
                seen, last = cur, now()
    r = {"pty": len(c.raw) - start, "pty_chunks": len(c.chunks) - chunks0}
    if relay:
        after = relay.counters()
        for k in ("s2c", "c2s", "s2c_reads", "c2s_reads"):
            r[k] = after[k] - before[k]
        r["reads"] = relay.reads_since(t_key)
    return r


def idle_window(c, relay, seconds):
    before = relay.counters() if relay else {}
    start = len(c.raw)
    pump([c], lambda: False, seconds)
    r = {"seconds": seconds, "pty": len(c.raw) - start}
    if relay:
        after = relay.counters()
        r.update(s2c=after["s2c"] - before["s2c"], c2s=after["c2s"] - before["c2s"])
    return r


def figure_scroll(argv, env, presses, in_view_s, idle_s, relay=None):
    """One session: first paint, a window with the pane in view, G, a quiet window,
    (k, j) x presses one line above the end of the page, a quiet window, q."""
    c = Client(argv, env)
    try:
        out = {}
        if not pump([c], lambda: c.marked is not None or c.eof, 20) or c.marked is None:
            return {"error": "no first paint", "tail": bytes(c.raw[-300:]).decode(errors="replace")}
        pump_quiet([c], 0.05, 1.0)
        t_paint, nbytes = c.first_paint()
        out["first_paint_pty_bytes"] = nbytes
        if relay:
            out["first_paint_tcp"] = relay.bytes_until(t_paint)
        pump_quiet([c], 0.3, 1.0)
        out["in_view"] = idle_window(c, relay, in_view_s)
        out["G"] = press(c, relay, b"G", settle=0.2)
        out["after_G"] = idle_window(c, relay, idle_s)
        out["k"], out["j"] = [], []
        for _ in range(presses):
            out["k"].append(press(c, relay, b"k"))
            out["j"].append(press(c, relay, b"j"))
        out["after_presses"] = idle_window(c, relay, idle_s)
        screen = tb.Terminal(COLS, ROWS, lambda d: None)
        tb.Stream(screen).feed(bytes(c.raw))
        out["last_screen"] = screen.text()
        out["exit_status"] = quit_all([c], 5)[0]
        if relay:
            out["connection_total_tcp"] = relay.counters()
        return out
    finally:
        c.close()


# -- what the client and the servers agree on ---------------------------------------------

def negotiated(argv):
    argv = [a for a in argv if a != "-tt"]
    argv[argv.index("LogLevel=ERROR")] = "LogLevel=DEBUG1"
    argv += ["plain"]
    p = subprocess.run(argv, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL, env=child_env())
    info = {}
    for label, pattern in (("server_version", r"remote software version (\S+)"),
                           ("kex", r"kex: algorithm: (\S+)"),
                           ("host_key", r"kex: host key algorithm: (\S+)"),
                           ("cipher_s2c", r"kex: server->client cipher: (\S+) MAC: (\S+)"),
                           ("auth", r"Authenticated to \S+ \(\[[^\]]*\]:\d+\) using \"(\S+)\"")):
        m = re.search(pattern, p.stderr)
        if m:
            info[label] = " ".join(g for g in m.groups() if g and g != "<implicit>")
    info["plain_exit_status"] = p.returncode
    return info


# -- report ----------------------------------------------------------------------------------

def f(v, digits=None):
    if v is None:
        return "—"
    if digits is None:
        digits = 0 if abs(v) >= 100 else (1 if abs(v) >= 10 else 2)
    return f"{v:,.{digits}f}"


def cell_mp(s, digits=None):
    """median / p95 (min–max)."""
    if not s:
        return "—"
    return f"{f(s['median'], digits)} / {f(s['p95'], digits)} ({f(s['min'], digits)}–{f(s['max'], digits)})"


def cell_m(s, digits=None):
    if not s:
        return "—"
    if s["min"] == s["max"]:
        return f(s["median"], digits) + (f" (all {s['n']})" if s["n"] > 1 else "")
    return f"{f(s['median'], digits)} ({f(s['min'], digits)}–{f(s['max'], digits)})"


def cell_mean(s, digits=None):
    """median, mean (min–max): for bytes whose packets vary from press to press."""
    if not s:
        return "—"
    if s["min"] == s["max"]:
        return cell_m(s, digits)
    return f"{f(s['median'], digits)}, mean {f(s['mean'], 0)} ({f(s['min'], digits)}–{f(s['max'], digits)})"


ROWS_SPEC = [
    # (label, key, cell, digits); {n}: clients at once, {w}, {i}: window lengths
    ("**1. ssh start → first paint** (ms)", "first_paint_ms", cell_mp, None),
    ("ssh start → first byte on our pty (ms)", "first_byte_ms", cell_mp, None),
    ("q → ssh has exited (ms)", "quit_to_exit_ms", cell_mp, None),
    ("**2. sessions/s reaching first paint, {n} clients at once**", "sessions_per_s", cell_m, 1),
    ("clients that reached the first paint (of {n})", "reached", cell_m, 0),
    ("first start → last first paint (s)", "wall_s", cell_m, 2),
    ("starting the {n} ssh processes took (s)", "spawn_s", cell_m, 2),
    ("ssh start → first paint, each client, under that load (ms)", "first_paint_loaded_ms", cell_mp, 0),
    ("CPU per session, server side with the reader (ms)", "server_cpu_per_session_ms", cell_m, 1),
    ("CPU per session, ssh client (ms)", "client_cpu_per_session_ms", cell_m, 1),
    ("reader's own CPU by then, median reader (ms)", "reader_cpu_ms", cell_m, 1),
    ("**3. private memory (USS) per session** (KiB)", "per_session_kb", cell_m, 0),
    ("reader process, USS (KiB)", "reader_uss_kb", cell_m, 0),
    ("per-connection sshd and sh processes, USS per session (KiB)", "connection_uss_per_session_kb", cell_m, 0),
    ("per-connection processes besides the reader", "connection_processes_per_session", cell_m, 0),
    ("server process, growth of anonymous memory per session (KiB)", "server_growth_per_session_kb", cell_m, 0),
    ("server process USS, no session → {n} sessions (KiB)", "server_uss_pair", None, 0),
    ("reader process, RSS (KiB)", "reader_rss_kb", cell_m, 0),
    ("**4. TCP bytes server→client per `j`** (B)", "j_s2c", cell_mean, 0),
    ("pty bytes the reader wrote per `j` (B)", "j_pty", cell_m, 0),
    ("SSH overhead per `j`: TCP − pty (B)", "j_overhead", cell_mean, 0),
    ("TCP bytes client→server per `j` (one key byte) (B)", "j_c2s", cell_m, 0),
    ("TCP bytes server→client per `j`, fewest seen: the update in one SSH packet (B)", "j_s2c_min", None, 0),
    ("TCP bytes server→client per `k` (B)", "k_s2c", cell_mean, 0),
    ("pty bytes per `k` (B)", "k_pty", cell_m, 0),
    ("TCP bytes until the first paint, server→client / client→server (B)", "first_paint_tcp_pair", None, 0),
    ("pane in view, no key, {w} s: pty bytes/s", "in_view_pty_per_s", cell_m, 1),
    ("pane in view, no key, {w} s: TCP bytes/s server→client", "in_view_s2c_per_s", cell_m, 1),
    ("after G, pane out of view, no key, {i} s: TCP bytes/s server→client", "after_G_s2c_per_s", cell_m, 1),
]


def render(res):
    cols = list(res["targets"]) + ["local"]
    sm = res["summary"]
    cfg = res["config"]
    L = [f"### SSH serving: sshd + ForceCommand against `pivot-tui serve` ({cfg['size']})\n"]
    m = res["machine"]
    L.append(f"{res['date']} · {m.get('cpu')} · {m.get('cpus')} CPUs · {res['versions'].get('ssh')} · "
             f"pivot-tui {res['versions'].get('pivot-tui')} · commit {str(m.get('git_commit'))[:12]} · "
             f"{res['elapsed_s']} s\n")
    for n in res["targets"]:
        g = res["negotiated"].get(n, {})
        L.append(f"- **{LABELS[n]}**: {g.get('server_version', '?')}; kex {g.get('kex', '?')}, host key "
                 f"{g.get('host_key', '?')}, server→client {g.get('cipher_s2c', '?')}; "
                 f"auth {g.get('auth', '?')} as `{res['target_users'][n]}`")
    if "sshd" in res["targets"]:
        acc = cfg["sshd_account"]
        L.append(f"- sshd: `ForceCommand {cfg['force_command']}`, account "
                 + ("made up for the run (non-root, shell /bin/sh, in a private mount namespace)"
                    if acc == "bench" else f"of the user running the bench (shell {cfg['login_shell']})") + ".")
    if "serve" in res["targets"]:
        L.append("- serve: `--authorized-keys` with the client's key (publickey, as with sshd); "
                 "no way to switch the animation off, so it runs (see the last rows).")
    L.append(f"- Cells: median / p95 (min–max) where a p95 is given, else median (min–max). "
             f"{cfg['connections']} sequential connections per column, the columns taking turns; "
             f"{cfg['clients']} clients at once × {cfg['rounds']} rounds; {cfg['presses']} `j` presses "
             f"(one session per column).\n")
    L.append("| figure | " + " | ".join(LABELS[c] for c in cols) + " |")
    L.append("|---|" + "---|" * len(cols))
    for label, key, fmt, digits in ROWS_SPEC:
        label = label.format(n=cfg["clients"], w=f(cfg["in_view_s"], 0), i=f(cfg["idle_s"], 0))
        cells = []
        for c in cols:
            s = sm.get(c, {})
            if key == "server_uss_pair":
                a, b = s.get("server_uss_before_kb"), s.get("server_uss_kb")
                cells.append(f"{f(a['median'], 0)} → {f(b['median'], 0)}" if a and b else "—")
            elif key == "j_s2c_min":
                a = s.get("j_s2c")
                cells.append(f(a["min"], 0) if a else "—")
            elif key == "first_paint_tcp_pair":
                a, b = s.get("first_paint_tcp_s2c"), s.get("first_paint_tcp_c2s")
                cells.append(f"{f(a['median'], 0)} / {f(b['median'], 0)}" if a and b else "—")
            else:
                cells.append(fmt(s.get(key), digits) if s.get(key) else "—")
        L.append(f"| {label} | " + " | ".join(cells) + " |")
    L.append("")
    for note in res.get("notes", []):
        L.append(f"- {note}")
    return "\n".join(L) + "\n"


def summarize(res):
    sm = {}
    for name, samples in res["first_paint"].items():
        good = [s for s in samples if "error" not in s]
        sm[name] = {k: summary([s.get(k) for s in good])
                    for k in ("first_paint_ms", "first_byte_ms", "first_paint_bytes", "quit_to_exit_ms")}
        sm[name]["first_paint_errors"] = len(samples) - len(good)
    res["memory_per_round"] = {}
    for name, rounds in res["concurrent"].items():
        s = sm.setdefault(name, {})
        for k in ("sessions_per_s", "reached", "wall_s"):
            s[k] = summary([r[k] for r in rounds])
        s["first_paint_loaded_ms"] = summary([x for r in rounds for x in r["first_paint_ms"]])
        baseline = rounds[0]["memory_before"]["server"] if rounds else None
        mems = [x for x in (per_session_memory(r, baseline) for r in rounds) if x]
        s["server_cpu_per_session_ms"] = summary([r["server_cpu_ms"] / r["reached"] for r in rounds if r["reached"]])
        s["client_cpu_per_session_ms"] = summary([r["client_cpu_ms"] / r["reached"] for r in rounds if r["reached"]])
        s["spawn_s"] = summary([r["spawn_s"] for r in rounds])
        res["memory_per_round"][name] = mems
        for k in ("per_session_kb", "reader_uss_kb", "connection_uss_per_session_kb",
                  "connection_processes_per_session", "server_growth_per_session_kb", "server_uss_before_kb",
                  "server_uss_kb", "tree_pss_per_session_kb", "reader_rss_kb", "reader_cpu_ms"):
            s[k] = summary([x[k] for x in mems])
    for name, run_ in res["scroll"].items():
        s = sm.setdefault(name, {})
        if "error" in run_:
            continue
        j, k = run_["j"], run_["k"]
        s["j_pty"] = summary([p["pty"] for p in j])
        s["k_pty"] = summary([p["pty"] for p in k])
        w = run_["in_view"]
        s["in_view_pty_per_s"] = summary([w["pty"] / w["seconds"]])
        if j and "s2c" in j[0]:
            s["j_s2c"] = summary([p["s2c"] for p in j])
            s["j_c2s"] = summary([p["c2s"] for p in j])
            s["j_s2c_reads"] = summary([p["s2c_reads"] for p in j])
            s["j_overhead"] = summary([p["s2c"] - p["pty"] for p in j])
            s["k_s2c"] = summary([p["s2c"] for p in k])
            s["first_paint_tcp_s2c"] = summary([run_["first_paint_tcp"]["s2c"]])
            s["first_paint_tcp_c2s"] = summary([run_["first_paint_tcp"]["c2s"]])
            s["in_view_s2c_per_s"] = summary([w["s2c"] / w["seconds"]])
            w = run_["after_G"]
            s["after_G_s2c_per_s"] = summary([w["s2c"] / w["seconds"]])
    return sm


def notes(res):
    out = []
    sm = res["summary"]
    quiet = True
    for name in list(res["targets"]) + ["local"]:
        run_ = res["scroll"].get(name, {})
        if "error" in run_:
            out.append(f"{LABELS[name]}: the scroll session failed ({run_['error']}).")
            quiet = False
            continue
        for w in ("after_G", "after_presses"):
            win = run_.get(w, {})
            if win.get("s2c") or win.get("pty"):
                quiet = False
                out.append(f"{LABELS[name]}: {win.get('s2c')} TCP / {win.get('pty')} pty bytes in the "
                           f"{win['seconds']} s idle window `{w}`: its `j` figures may include animation frames.")
        errs = sm.get(name, {}).get("first_paint_errors")
        if errs:
            out.append(f"{LABELS[name]}: {errs} sequential connections did not reach the first paint.")
        for r in res["concurrent"].get(name, []):
            if r["reached"] < r["clients"]:
                out.append(f"{LABELS[name]}: {r['clients'] - r['reached']} of {r['clients']} clients at once "
                           f"did not reach the first paint; e.g. {r['failures'][:1]}")
            if not r["server_idle_after"]:
                out.append(f"{LABELS[name]}: session processes were still running 15 s after the clients quit.")
    if quiet:
        out.append("`j` and `k` are pressed one line above the end of the page (after `G`). At 80x24 the "
                   "animation pane is then out of view: serve's reader wrote nothing in the quiet windows "
                   "before and after the presses (0 B), so no animation bytes are in the `j` figures and "
                   "nothing is subtracted.")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin-dir", required=True, help="holds pivot-tui and pivot-tui-server (release build)")
    ap.add_argument("--servers", default="sshd,serve", help="sshd,serve (default) or one of them")
    ap.add_argument("--sshd-account", choices=["bench", "self"], default=os.environ.get("SSHD_ACCOUNT") or "bench",
                    help="bench: a non-root /bin/sh account made up in sshd's own mount namespace "
                         "(as docs/deploy/openssh.md); self: the user running the bench (as the tests)")
    ap.add_argument("--same-algorithms", choices=["on", "off"], default="on",
                    help="also run sshd with the client held to serve's algorithms (a column of its own)")
    ap.add_argument("--connections", type=int, default=int(os.environ.get("CONNECTIONS") or 30))
    ap.add_argument("--clients", type=int, default=int(os.environ.get("CLIENTS") or 50))
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("ROUNDS") or 3))
    ap.add_argument("--presses", type=int, default=int(os.environ.get("PRESSES") or 20))
    ap.add_argument("--in-view-s", type=float, default=5.0)
    ap.add_argument("--idle-s", type=float, default=2.0)
    ap.add_argument("--out", default=str(BENCH))
    cfg = ap.parse_args()
    wanted = [s for s in cfg.servers.split(",") if s]
    if not wanted or any(s not in SERVERS for s in wanted):
        sys.exit(f"--servers: sshd and/or serve, not {cfg.servers}")
    binary = str(Path(cfg.bin_dir, "pivot-tui").resolve())
    for b in (binary, str(Path(cfg.bin_dir, "pivot-tui-server"))):
        if not os.access(b, os.X_OK):
            sys.exit(f"not an executable: {b} (make bench-ssh builds both)")
    if "sshd" in wanted:
        if os.getuid() != 0:
            sys.exit("sshd must start as root: run `make bench-ssh` as root, or pass --servers serve")
        if not os.access(SSHD_PATH, os.X_OK):
            sys.exit(f"{SSHD_PATH} not found: apt-get install openssh-server")
        if cfg.sshd_account == "bench" and not (shutil.which("unshare") and shutil.which("mount")):
            sys.exit("unshare and mount (util-linux) are needed for --sshd-account bench; or pass --sshd-account self")
    for prog in ("ssh", "ssh-keygen"):
        if not shutil.which(prog):
            sys.exit(f"{prog} not found: apt-get install openssh-client")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    t_start = time.time()
    tmp = Path(tempfile.mkdtemp(prefix="pivot-ssh-bench-"))
    servers, targets, left = {}, {}, []
    res = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
           "machine": benchrun.machine(),
           "versions": {"ssh": subprocess.run(["ssh", "-V"], capture_output=True, text=True).stderr.strip(),
                        "pivot-tui": benchrun.version([binary, "--version"])},
           "config": {"connections": cfg.connections, "clients": cfg.clients, "rounds": cfg.rounds,
                      "presses": cfg.presses, "in_view_s": cfg.in_view_s, "idle_s": cfg.idle_s,
                      "size": f"{COLS}x{ROWS}", "TERM": "xterm-256color", "sshd_account": cfg.sshd_account,
                      "ssh_argv": ssh_argv("PORT", "KEY", "USER")}}
    try:
        # Copies of the two programs: a concurrent `swift build` may replace the ones in .build
        # while the bench runs (a reader that cannot be executed ends its session with 127).
        bindir = tmp / "bin"
        bindir.mkdir(mode=0o755)
        for name in ("pivot-tui", "pivot-tui-server"):
            shutil.copy2(Path(cfg.bin_dir, name), bindir / name)
            os.chmod(bindir / name, 0o755)
        res["binaries"] = {name: {"from": str(Path(cfg.bin_dir, name).resolve()),
                                  "bytes": (bindir / name).stat().st_size,
                                  "mtime": datetime.datetime.fromtimestamp((bindir / name).stat().st_mtime)
                                  .astimezone().isoformat(timespec="seconds")}
                           for name in ("pivot-tui", "pivot-tui-server")}
        binary = str(bindir / "pivot-tui")
        res["versions"]["pivot-tui"] = benchrun.version([binary, "--version"])
        key = tmp / "client_ed25519"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "bench", "-f", str(key)], check=True)
        pub = (tmp / "client_ed25519.pub").read_text()
        (tmp / "serve_authorized_keys").write_text(pub)
        if "sshd" in wanted:
            sshd = servers["sshd"] = SSHD(tmp, binary, pub, cfg.sshd_account)
            targets["sshd"] = {"server": sshd, "argv": ssh_argv(sshd.port, key, sshd.user)}
            if cfg.same_algorithms == "on":
                targets["sshd-c25519"] = {"server": sshd,
                                          "argv": ssh_argv(sshd.port, key, sshd.user, SAME_ALGORITHMS)}
            res["config"].update(force_command=sshd.force_command, sshd_config=sshd.config.read_text(),
                                 sshd_argv=sshd.argv, login_shell=sshd.shell)
        if "serve" in wanted:
            serve = servers["serve"] = Serve(tmp, binary, tmp / "serve_authorized_keys", max(64, 2 * cfg.clients))
            targets["serve"] = {"server": serve, "argv": ssh_argv(serve.port, key, serve.user)}
            res["config"]["serve_argv"] = serve.argv
        res["targets"] = list(targets)
        res["target_users"] = {n: t["server"].user for n, t in targets.items()}
        env = tb.bench_env()
        for k in ("SSH_AUTH_SOCK", "SSH_AGENT_PID", "SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"):
            env.pop(k, None)
        local_env = dict(env, PIVOT_TUI_NO_ANIMATION="1")
        local_argv = [binary]
        res["negotiated"] = {n: negotiated(t["argv"]) for n, t in targets.items()}
        print("servers: " + ", ".join(f"{n} on 127.0.0.1:{s.port}" for n, s in servers.items()), file=sys.stderr)

        # 1. first paint, one connection at a time; one warm-up connection per column first, not counted
        for t in targets.values():
            one_connection(t["argv"], env)
        res["first_paint"] = figure_first_paint(targets, env, local_argv, local_env, cfg.connections)

        # 2 + 3. many clients at once; one column at a time, the order turning with the round
        res["concurrent"] = {n: [] for n in targets}
        names = list(targets)
        for r in range(cfg.rounds):
            for n in names[r % len(names):] + names[:r % len(names)]:
                out = figure_concurrent(targets[n]["server"], targets[n]["argv"], env, cfg.clients)
                res["concurrent"][n].append(out)
                print(f"  {cfg.clients} at once, round {r + 1}/{cfg.rounds}, {n}: {out['reached']} reached, "
                      f"the last after {out['wall_s'] or 0:.2f} s", file=sys.stderr)

        # 4. bytes per line scroll, through the relay; the local pty for reference
        res["scroll"] = {}
        for n, t in targets.items():
            idle(t["server"])
            relay = Relay(t["server"].port)
            relay.start()
            try:
                argv = ssh_argv(relay.port, key, t["server"].user, SAME_ALGORITHMS if n == "sshd-c25519" else ())
                res["scroll"][n] = figure_scroll(argv, env, cfg.presses, cfg.in_view_s, cfg.idle_s, relay)
            finally:
                relay.stop()
        res["scroll"]["local"] = figure_scroll(local_argv, local_env, cfg.presses, cfg.in_view_s, cfg.idle_s)
    except (KeyboardInterrupt, Interrupted) as e:
        print(f"interrupted ({e}); stopping the servers", file=sys.stderr)
        res["interrupted"] = True
    finally:
        for s in servers.values():
            s.stop()
        res["server_logs"] = {n: Path(s.log).read_text(errors="replace")[-4000:] for n, s in servers.items()}
        # Whatever of ours still runs (ssh clients or a local reader, after an interruption).
        kill_tree(descendants(os.getpid()))
        wait_until(lambda: not descendants(os.getpid()) or not reap(), 5)
        left = [s.proc.pid for s in servers.values() if s.proc.poll() is None]
        left += descendants(os.getpid())
        shutil.rmtree(tmp, ignore_errors=True)
    if res.get("interrupted"):
        sys.exit(1)
    res["processes_left"] = left
    res["elapsed_s"] = round(time.time() - t_start, 1)
    res["summary"] = summarize(res)
    res["notes"] = notes(res)
    if left:
        res["notes"].append(f"processes still running at the end: {left}")
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "ssh-results.json").write_text(json.dumps(res, indent=1, ensure_ascii=False, default=str) + "\n")
    md = render(res)
    (out / "ssh-results.md").write_text(md)
    print(md)
    print(f"wrote {out / 'ssh-results.json'} and {out / 'ssh-results.md'} ({res['elapsed_s']} s)", file=sys.stderr)
    sys.exit(1 if left else 0)


if __name__ == "__main__":
    main()
