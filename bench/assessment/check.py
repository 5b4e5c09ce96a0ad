#!/usr/bin/env python3
"""Are keyuan's figures the baseline's? Recounts, by hand-written SQL, the figures keyuan stored for
the year 2025 (assessment_results.figures) of a sample of units and compares them one by one.

    check.py ENGINE URL [UNITS]  →  prints "units figures mismatches"; the mismatches on stderr;
                                    exit 1 when one figure differs or no unit was checked

ENGINE: sqlite | postgres (URL as keyuan takes it). The sample: every (N/UNITS)-th result in order of
unit id, from the first: demo units, and generated ones from the largest owners (low ids) to the smallest.
"""
import json
import subprocess
import sys

engine, url, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 50
THRESHOLD = 50_000_000
PERIOD = "d.delivered_on BETWEEN '2025-01-01' AND '2025-12-31'"


def query(sql):
    if engine == "sqlite":
        cmd = ["sqlite3", "-batch", "-noheader", "-separator", "|", url.removeprefix("sqlite:"), sql]
    else:
        cmd = ["psql", "-X", "-q", "-At", "-F", "|", url, "-c", sql]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [line.split("|") for line in out.splitlines() if line]


results = query("SELECT r.org_id, r.figures FROM assessment_results r JOIN assessment_cycles c ON c.id = r.cycle_id "
                "WHERE c.year = 2025 ORDER BY r.org_id")
step = max(1, len(results) // wanted)
sample = {int(org): json.loads(figures) for org, figures in results[::step]}
if not sample:
    print("0 0 0")
    sys.exit(1)
units = ",".join(str(org) for org in sample)

# Each: the figures' names and one query grouped by unit, written apart from keyuan's passes.
FAMILIES = [
    (["instruments", "open_instruments", "timely_instruments", "bookable_instruments", "original_value_fen"],
     f"""SELECT i.org_id, COUNT(*), SUM(CASE WHEN i.open_status IN ('open', 'partially_open') THEN 1 ELSE 0 END),
       SUM(1 - i.registered_late), COUNT(r.instrument_id), SUM(i.original_value_fen)
     FROM instruments i LEFT JOIN booking_rules r ON r.instrument_id = i.id
     WHERE i.status = 'approved' AND i.original_value_fen >= {THRESHOLD} AND i.org_id IN ({units}) GROUP BY i.org_id"""),
    (["deliveries", "external_deliveries", "internal_fee_fen", "external_fee_fen", "voucher_fen", "hitech_deliveries"],
     f"""SELECT d.provider_org_id, COUNT(*), SUM(CASE WHEN d.internal = 0 THEN 1 ELSE 0 END),
       SUM(CASE WHEN d.internal = 1 THEN d.fee_fen ELSE 0 END), SUM(CASE WHEN d.internal = 0 THEN d.fee_fen ELSE 0 END),
       SUM(d.voucher_fen), SUM(CASE WHEN d.client_industry_code IN (SELECT code FROM hitech_subcategories) THEN 1 ELSE 0 END)
     FROM deliveries d WHERE {PERIOD} AND d.provider_org_id IN ({units}) GROUP BY d.provider_org_id"""),
    (["instrument_minutes", "external_instrument_minutes"],
     f"""SELECT d.provider_org_id, SUM(d.minutes_used), SUM(CASE WHEN d.internal = 0 THEN d.minutes_used ELSE 0 END)
     FROM deliveries d JOIN instruments i ON i.id = d.resource_id
     WHERE d.resource_kind = 'instrument' AND i.original_value_fen >= {THRESHOLD} AND {PERIOD}
       AND d.provider_org_id IN ({units}) GROUP BY d.provider_org_id"""),
    (["ratings", "rating_sum"],
     f"""SELECT d.provider_org_id, COUNT(*), SUM(r.score) FROM ratings r JOIN deliveries d ON d.id = r.delivery_id
     WHERE {PERIOD} AND d.provider_org_id IN ({units}) GROUP BY d.provider_org_id"""),
    (["labs", "hitech_labs"],
     f"""SELECT l.org_id, COUNT(*), SUM(CASE WHEN l.id IN (SELECT li.lab_id FROM lab_industries li
       JOIN hitech_subcategories h ON h.code = li.code) THEN 1 ELSE 0 END)
     FROM labs l WHERE l.status = 'approved' AND l.org_id IN ({units}) GROUP BY l.org_id"""),
    (["services"], f"SELECT org_id, COUNT(*) FROM services WHERE status = 'approved' AND org_id IN ({units}) GROUP BY org_id"),
]

compared = mismatches = 0
for names, sql in FAMILIES:
    by_unit = {int(row[0]): row[1:] for row in query(sql)}
    for org, figures in sample.items():
        values = by_unit.get(org, ["0"] * len(names))
        for name, value in zip(names, values):
            compared += 1
            if int(figures.get(name, 0)) != int(value or 0):
                mismatches += 1
                print(f"unit {org}: {name} keyuan {figures.get(name)} by hand {value}", file=sys.stderr)
print(len(sample), compared, mismatches)
sys.exit(1 if mismatches else 0)
