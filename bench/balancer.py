#!/usr/bin/env python3
"""Serving past one machine (`make bench-ssh`, the balancer's columns; docs/BENCHMARKS.md):
one `pivot-tui serve` reached directly against two instances behind HAProxy (TCP mode,
leastconn, send-proxy-v2, the configuration of docs/deploy/haproxy.md), in the same run:

  1. ssh start to the first paint, one connection at a time (median, p95), the two targets
     taking turns;
  2. sessions a second reaching the first paint with CLIENTS (100) clients at once;
  3. the balancer's added latency per key: a key's echo (j) on an open session, direct and
     through HAProxy.

Uses bench/ssh_bench.py's clients (ssh on a pty of ours, the screen read with pyte).

    python bench/balancer.py --bin-dir DIR [--connections 30] [--clients 100] [--presses 20]
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ssh_bench as sb

now = time.perf_counter


class Instance:
    """`pivot-tui serve` for anyone (no keys), with `--proxy-protocol` behind the balancer."""

    def __init__(self, tmp, binary, name, host_key, proxied, max_sessions):
        self.log = str(tmp / f"{name}.log")
        argv = [binary, "serve", "--listen", "127.0.0.1:0", "--host-key", str(host_key),
                "--max-sessions", str(max_sessions), "--max-per-address", str(max_sessions)]
        if proxied:
            argv.append("--proxy-protocol")
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                         start_new_session=True, env=sb.child_env())
        m = sb.wait_for_log(self.log, r"port=(\d+) .*\] listening", self.proc, 20)
        if not m:
            raise RuntimeError(f"{name} did not start:\n" + Path(self.log).read_text())
        self.port = int(m.group(1))

    def sessions(self):
        return sb.descendants(self.proc.pid) if self.proc.poll() is None else []

    def stop(self):
        left = self.sessions()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        sb.kill_tree(left)


class HAProxy:
    def __init__(self, tmp, backends):
        self.port = sb.free_port()
        servers = "\n".join(f"    server s{i} 127.0.0.1:{p} send-proxy-v2 check check-send-proxy inter 1s"
                            for i, p in enumerate(backends))
        config = tmp / "haproxy.cfg"
        config.write_text(f"""global
    maxconn 2000
defaults
    mode tcp
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout check 2s
    retries 2
    option redispatch
frontend ssh
    bind 127.0.0.1:{self.port}
    default_backend readers
backend readers
    balance leastconn
{servers}
""")
        self.proc = subprocess.Popen(["/usr/sbin/haproxy", "-db", "-f", str(config)], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(1.0)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=10)


def argv(port):
    return ["ssh", "-F", "/dev/null", "-tt", "-p", str(port), "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
            "-o", "ConnectTimeout=10", "-o", "PubkeyAuthentication=no", "-o", "IdentityAgent=none",
            "reader@127.0.0.1"]


def concurrent(port, n, env):
    start = now()
    clients = [sb.Client(argv(port), env) for _ in range(n)]
    sb.pump(clients, lambda: all(c.marked is not None or c.eof for c in clients), 90)
    paints = [c.first_paint()[0] for c in clients]
    reached = [t for t in paints if t is not None]
    sb.quit_all(clients, 15)
    for c in clients:
        c.close()
    last = max(reached) if reached else None
    return {"reached": len(reached), "sessions_per_s": len(reached) / (last - start) if last else 0.0}


def key_latency(port, presses, env):
    c = sb.Client(argv(port), env)
    try:
        sb.pump([c], lambda: c.marked is not None or c.eof, 20)
        sb.pump_quiet([c], 0.3, 2.0)
        latencies = []
        for key in [b"j", b"k"] * presses:
            before = len(c.raw)
            t_key = c.send(key)
            sb.pump([c], lambda: len(c.raw) > before, 2.0)
            if len(c.raw) > before:
                latencies.append((c.chunks[-1][0] - t_key) * 1e3)
            sb.pump_quiet([c], 0.05, 0.5)
        sb.quit_all([c], 5)
        return latencies
    finally:
        c.close()


def ms(summary):
    return f"{summary['median']:.1f} / {summary['p95']:.1f}" if summary else "n/a"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--connections", type=int, default=30)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args()
    if not shutil.which("haproxy") and not os.path.exists("/usr/sbin/haproxy"):
        sys.exit("haproxy is needed: apt-get install -y haproxy")
    binary = str(Path(args.bin_dir) / "pivot-tui")
    env = dict(sb.child_env(), TERM="xterm-256color")
    with tempfile.TemporaryDirectory(prefix="pivot-balancer-") as name:
        tmp = Path(name)
        key = tmp / "host_ed25519"
        direct = Instance(tmp, binary, "direct", key, False, args.clients + 10)
        pair = [Instance(tmp, binary, f"behind{i}", key, True, args.clients + 10) for i in (1, 2)]
        balancer = HAProxy(tmp, [p.port for p in pair])
        try:
            targets = {"one instance, direct": direct.port, "two behind HAProxy": balancer.port}
            first = {name: [] for name in targets}
            for i in range(args.connections):
                for name in list(targets)[i % 2:] + list(targets)[:i % 2]:
                    sample = sb.one_connection(argv(targets[name]), env)
                    first[name].append(sample.get("first_paint_ms"))
                    time.sleep(0.05)
            burst = {name: concurrent(port, args.clients, env) for name, port in targets.items()}
            keys = {name: key_latency(port, args.presses, env) for name, port in targets.items()}
        finally:
            balancer.stop()
            for server in [direct] + pair:
                server.stop()
    print(f"## Serving behind HAProxy ({args.connections} connections each, {args.clients} clients at once)\n")
    print("| figure | one instance, direct | two behind HAProxy |")
    print("|---|---|---|")
    names = list(targets)
    print("| ssh start to first paint, ms (median / p95) | "
          + " | ".join(ms(sb.summary(first[n])) for n in names) + " |")
    print(f"| sessions a second reaching the first paint ({args.clients} at once) | "
          + " | ".join(f"{burst[n]['sessions_per_s']:.1f} ({burst[n]['reached']}/{args.clients})" for n in names) + " |")
    print("| key echo, ms (median / p95) | " + " | ".join(ms(sb.summary(keys[n])) for n in names) + " |")
    added = sb.summary(keys[names[1]])["median"] - sb.summary(keys[names[0]])["median"]
    print(f"\nThe balancer's added latency per key (medians): {added:.2f} ms.")


if __name__ == "__main__":
    main()
