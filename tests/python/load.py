"""A bounded load test of `tousu serve` on loopback (not run by CI: the
figures depend on the machine; docs/performance.md has them).

Starts the service over a fresh SQLite file, then sends REQUESTS commands
(`add_note`, decided at the current version) from THREADS client threads:
first all on one case (every request waits for the one before on that
case), then spread over CASES cases. Prints requests per second, p50 and
p99 latency as the client sees them, and the service's peak RSS (VmHWM).

TOUSU_BIN=target/release/tousu python3 tests/python/load.py [REQUESTS] [THREADS] [CASES]
"""

import os
import sys
import tempfile
import threading
import time

import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_service import ROSTER, filing  # noqa: E402
from tousu_client import Service  # noqa: E402

import json  # noqa: E402


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run(base, cases, requests_total, threads):
    latencies = []
    lock = threading.Lock()
    counter = iter(range(requests_total))

    def worker():
        http = requests.Session()
        mine = []
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                break
            case = cases[n % len(cases)]
            body = {"id": f"note-{case}-{n}", "actor": "kf1",
                    "at": "2025-11-03T12:00:00+08:00",
                    "kind": {"type": "add_note", "text": f"回访记录 {n}"}}
            t = time.perf_counter()
            r = http.post(f"{base}/cases/{case}/commands", json=body)
            mine.append(time.perf_counter() - t)
            assert r.status_code == 200, r.text
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    wall = time.perf_counter() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000

    return len(latencies) / wall, pct(0.50), pct(0.99)


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    spread = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    tmp = tempfile.mkdtemp(prefix="tousu-load-")
    roster = os.path.join(tmp, "roster.json")
    with open(roster, "w") as f:
        json.dump(ROSTER, f, ensure_ascii=False)
    svc = Service(os.path.join(tmp, "load.db"), roster).start()
    names = [f"L{i}" for i in range(spread)]
    for name in names:
        svc.http.post(svc.base + "/cases", json=filing(name, 3, 9)).raise_for_status()
    one = run(svc.base, names[:1], total, threads)
    many = run(svc.base, names, total, threads)
    rss = peak_rss_kib(svc.proc.pid)
    svc.stop()
    print(f"{total} commands, {threads} client threads")
    print(f"one case:        {one[0]:7.0f} req/s  p50 {one[1]:6.2f} ms  p99 {one[2]:6.2f} ms")
    print(f"{spread} cases:      {many[0]:7.0f} req/s  p50 {many[1]:6.2f} ms  p99 {many[2]:6.2f} ms")
    print(f"peak RSS of tousu serve: {rss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
