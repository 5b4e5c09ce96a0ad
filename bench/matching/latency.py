#!/usr/bin/env python3
"""Latency of GET requests, one at a time over one keep-alive connection.

    latency.py PORT REQUESTS_TSV WARMUP COUNT  →  prints "p50 p95 p99 max errors mean_items" (ms)

REQUESTS_TSV holds "token<TAB>path" lines; COUNT requests are drawn from them at random (fixed
seed), after WARMUP unmeasured ones. "items" is the length of the answer's `items`.
"""
import http.client
import json
import random
import sys
import time

port, requests_file, warmup, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
requests = [line.rstrip("\n").split("\t", 1) for line in open(requests_file, encoding="utf-8") if line.strip()]
rng = random.Random(18)
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
times, errors, items = [], 0, 0
for n in range(warmup + count):
    token, path = rng.choice(requests)
    start = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": "Bearer " + token})
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if n < warmup:
        continue
    times.append(elapsed)
    if response.status != 200:
        errors += 1
        if errors <= 3:
            print(f"latency.py: {path} answered {response.status}: {body[:200]!r}", file=sys.stderr)
        continue
    items += len(json.loads(body)["items"])
times.sort()


def pct(p):
    return times[min(len(times) - 1, int(len(times) * p))]


print(f"{pct(0.50):.1f} {pct(0.95):.1f} {pct(0.99):.1f} {times[-1]:.1f} {errors} {items / max(1, count - errors):.1f}")
