#!/usr/bin/env python3
"""Compares keyuan's statistics (group=type) and map answers with baseline.sql's rows.

usage: check.py statistics.json map.json baseline.txt   (baseline rows: kind|key|count|total|tech|major)
Prints "N of M rows agree" and exits 1 when any differs.
"""
import json
import sys

stats = json.load(open(sys.argv[1], encoding="utf-8"))
flows = json.load(open(sys.argv[2], encoding="utf-8"))
mine = {("type", i["key"]): (i["count"], i["total_fen"], i["tech_fen"]) for i in stats["items"]}
mine.update({("flow", f"{f['from']}>{f['to']}"): (f["count"], f["total_fen"], f["tech_fen"]) for f in flows["flows"]})
agree = rows = 0
for line in open(sys.argv[3], encoding="utf-8"):
    parts = line.strip().split("|")
    if len(parts) < 6:
        continue
    rows += 1
    kind, key, count, total, tech = parts[0], parts[1], int(parts[2]), int(parts[3]), int(parts[4])
    if mine.get((kind, key)) == (count, total, tech):
        agree += 1
    else:
        print(f"differs: {kind} {key}: baseline {(count, total, tech)}, keyuan {mine.get((kind, key))}", file=sys.stderr)
print(f"{agree} of {rows} rows agree")
sys.exit(0 if agree == rows and rows > 0 else 1)
