#!/usr/bin/env python3
"""Prepares bench/vouchers/run.sh's spends through keyuan's API, as people would.

The operator opens a programme with a large budget, admits the providers of the instruments
measured, sets their booking rules (every hour bookable, no approval, a price per hour); one
client of each enterprise applies for a voucher and the operator approves it (below the
co-approval threshold). Drain organisations (the first DRAIN_ORGS) get a small voucher that
their clients spend without cancelling, so it runs out.

  setup.py PORT OPERATOR_TOKEN CLIENTS_TSV INSTRUMENTS_TXT PROVIDERS_TXT DRAIN_ORGS DRAIN_FEN OUT_CLIENTS OUT_VOUCHERS

CLIENTS_TSV: "token org_id" per client. Writes "token voucher_id instrument_id drain" per client
(vouchers_spend_load's --clients-file) and "voucher_id drain" per voucher.
"""
import http.client
import json
import sys

port, operator, clients_tsv, instruments_txt, providers_txt = sys.argv[1:6]
drain_orgs, drain_fen = int(sys.argv[6]), int(sys.argv[7])
out_clients, out_vouchers = sys.argv[8], sys.argv[9]
conn = http.client.HTTPConnection("127.0.0.1", int(port))


def call(method, path, token, body=None, want=(200, 201)):
    conn.request(method, path, json.dumps(body) if body is not None else "",
                 {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    r = conn.getresponse()
    data = r.read()
    if r.status not in want:
        sys.exit(f"{method} {path}: {r.status} {data[:400]!r}")
    return json.loads(data) if data else {}


clients = [line.split() for line in open(clients_tsv) if line.strip()]
instruments = [line.strip() for line in open(instruments_txt) if line.strip()]
programme = call("POST", "/api/v1/voucher-programmes", operator, {
    "year": 2026, "name": "创新券压力测试", "budget_fen": 10**12, "share_percent": 50,
    "cap_per_enterprise_fen": 10**9, "cap_per_order_fen": 5_000_000, "co_approval_fen": 10**10,
    "use_by_days": 365, "redeem_by_days": 425, "max_staff": 100, "max_revenue_fen": 1_000_000_000,
    "max_registered_capital_fen": 2_000_000_000, "kinds": ["testing", "rd_design"],
    "source": "bench/vouchers"})["id"]
call("POST", f"/api/v1/voucher-programmes/{programme}/open", operator, {})

rules = {"weekdays": "1234567", "working_days_only": False, "opens_at": "00:00", "closes_at": "24:00",
         "slot_minutes": 60, "min_notice_minutes": 0, "horizon_days": 366, "cancel_before_minutes": 0,
         "max_minutes_per_week": 0, "approval_required": False, "audience": "signed_in",
         "external_fen_per_hour": 30000}
providers = [line.strip() for line in open(providers_txt) if line.strip()]
for instrument in instruments:
    call("PUT", f"/api/v1/instruments/{instrument}/booking-rules", operator, rules)
for org in providers:
    call("POST", f"/api/v1/voucher-programmes/{programme}/providers", operator, {"org_id": org})

orgs = sorted({org for _, org in clients}, key=int)
drain = set(orgs[:drain_orgs])
voucher_of = {}
for org in orgs:
    token = next(t for t, o in clients if o == org)
    amount = drain_fen if org in drain else 100_000_000  # 100 万元: lasts any run with cancellations
    application = call("POST", "/api/v1/voucher-applications", token, {
        "programme_id": programme, "amount_fen": amount, "staff": 35, "revenue_fen": 800_000_000,
        "registered_capital_fen": 500_000_000, "founded_on": "2019-03-01", "purpose": "检测"})["id"]
    call("POST", f"/api/v1/voucher-applications/{application}/approve", operator, {})
    voucher_of[org] = call("GET", f"/api/v1/voucher-applications/{application}", token)["voucher_id"]
    if not voucher_of[org]:
        sys.exit(f"application {application} of organisation {org} issued no voucher")

with open(out_clients, "w") as f:
    for i, (token, org) in enumerate(clients):
        f.write(f"{token} {voucher_of[org]} {instruments[i % len(instruments)]} {int(org in drain)}\n")
with open(out_vouchers, "w") as f:
    for org in orgs:
        f.write(f"{voucher_of[org]} {int(org in drain)}\n")
print(f"programme {programme}: {len(providers)} providers, {len(orgs)} vouchers ({len(drain)} drained)")
