#!/usr/bin/env python3
"""Similar-list latency: GET /api/v1/purchase-checks/{id}/similar for random checks, one keep-alive client.

    lists.py PORT TOKEN IDS_FILE COUNT  →  prints "p50_ms p99_ms max_ms errors mean_items"
"""
import http.client
import json
import random
import sys
import time

port, token, ids_file, count = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
ids = [line.strip() for line in open(ids_file) if line.strip()]
random.seed(17)
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
headers = {"Authorization": "Bearer " + token}
times, errors, items = [], 0, 0
for _ in range(count):
    target = "/api/v1/purchase-checks/" + random.choice(ids) + "/similar"
    start = time.perf_counter()
    conn.request("GET", target, headers=headers)
    response = conn.getresponse()
    body = response.read()
    times.append((time.perf_counter() - start) * 1000)
    if response.status != 200:
        errors += 1
        continue
    items += len(json.loads(body)["items"])
times.sort()
print(f"{times[len(times) // 2]:.2f} {times[int(len(times) * 0.99)]:.2f} {times[-1]:.2f} {errors} {items / max(1, count - errors):.1f}")
