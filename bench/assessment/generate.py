#!/usr/bin/env python3
"""National-scale records for the assessment benchmark (issue 16), as SQL for sqlite3 or psql.

    generate.py ENGINE SCALE > fill.sql      ENGINE: sqlite | postgres; SCALE: 1 = full, 0.05 = CI size

At SCALE 1: 50,000 units, 1,000,000 instruments (a third with booking rules), 100,000 labs, 200,000
service products, 8,000,000 bookings, 2,000,000 service orders and a delivery record for each of
them (10,000,000), ratings on half of the deliveries: 20 million booking, order and delivery records
in the evaluated year 2025. Rows are added to a database that `keyuan demo --scale small` filled
(reference data, demo accounts), with ids above the demo's. Values come from integer hashes of the
row number, so both engines get the same rows, and their shape is skewed like the real catalog: a
few units own many instruments; about 40 % of instruments are worth 50万元 or more; 60 % of the
services go to other organisations; a quarter of the clients are in a high-tech industry.
"""
import sys

ENGINE, SCALE = sys.argv[1], float(sys.argv[2])
BASE = 10_000_000  # ids of generated rows start here (above the demo's)
UNITS = int(50_000 * SCALE)
INSTRUMENTS = int(1_000_000 * SCALE)
LABS = int(100_000 * SCALE)
SERVICES = int(200_000 * SCALE)
BOOKINGS = int(8_000_000 * SCALE)
ORDERS = int(2_000_000 * SCALE)
BATCH = 1_000_000  # rows per INSERT … SELECT, so that a transaction stays a reasonable size


def series(n, start=1):
    if ENGINE == "sqlite":
        return f"generate_series({start}, {n})"
    return f"generate_series({start}::bigint, {n}::bigint) AS value"


def h(expr, k):
    """A deterministic hash of a row number, 0 … 2^31."""
    return f"((({expr}) * {k} + 12345) % 2147483647)"


def day(offset_expr):
    """The date `offset` days after 2025-01-01, as YYYY-MM-DD."""
    if ENGINE == "sqlite":
        return f"date('2025-01-01', '+' || ({offset_expr}) || ' days')"
    return f"to_char(DATE '2025-01-01' + ({offset_expr})::int, 'YYYY-MM-DD')"


def text(expr):
    return f"CAST({expr} AS TEXT)"


# An instrument's unit: quadratic skew over the units (low numbers own more).
def unit_of_instrument(i):
    return f"({BASE} + ({h(i, 7919)} % 1000000) * ({h(i, 7919)} % 1000000) / 1000000 * {UNITS} / 1000000)"


def value_of_instrument(i):
    return f"(10000000 + ({h(i, 104729)} % 100) * ({h(i, 104729)} % 100) * 11111)"


def unit_of_service(i):
    return f"({BASE} + {h(i, 15485863)} % {UNITS})"


out = []
w = out.append
if ENGINE == "sqlite":
    w("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;")
w("BEGIN;")
now = "'2025-01-01T00:00:00Z'"
# Small numbered lists of the reference codes, so that a row picks one by its number's remainder.
for name, query in [
    ("bench_district", "SELECT code FROM districts"),
    ("bench_department", "SELECT code FROM departments"),
    ("bench_hitech", "SELECT DISTINCT code FROM hitech_subcategories"),
    ("bench_industry", "SELECT code FROM industry_codes WHERE code NOT IN (SELECT code FROM hitech_subcategories)"),
]:
    w(f"CREATE TEMP TABLE {name} (n INTEGER PRIMARY KEY, code TEXT NOT NULL);")
    w(f"INSERT INTO {name} (n, code) SELECT ROW_NUMBER() OVER (ORDER BY code) - 1, code FROM ({query}) AS q;")


def pick(table, expr):
    return f"(SELECT code FROM {table} WHERE n = ({expr}) % (SELECT COUNT(*) FROM {table}))"

# Units under the competent departments and in the districts of the demo's reference data.
w(f"""INSERT INTO organizations (id, name, credit_code, kind, district_code, department_code, created_at, updated_at)
SELECT {BASE} + value - 1, '评价基准单位' || {text('value')}, 'BENCH' || {text('value')},
  CASE value % 3 WHEN 0 THEN 'university' WHEN 1 THEN 'research_institute' ELSE 'enterprise' END,
  {pick('bench_district', 'value')}, {pick('bench_department', 'value')},
  {now}, {now} FROM {series(UNITS)};""")
for start in range(1, INSTRUMENTS + 1, BATCH):
    end = min(INSTRUMENTS, start + BATCH - 1)
    w(f"""INSERT INTO instruments (id, org_id, name, class_code, original_value_fen, acceptance_date,
  registration_due_date, registered_late, open_status, status, created_at, updated_at)
SELECT {BASE} + value - 1, {unit_of_instrument('value')}, '基准仪器' || {text('value')},
  (SELECT code FROM instrument_classes ORDER BY code LIMIT 1), {value_of_instrument('value')}, '2020-01-01', '2020-03-01',
  CASE WHEN {h('value', 31)} % 10 = 0 THEN 1 ELSE 0 END,
  CASE {h('value', 37)} % 10 WHEN 0 THEN 'not_open' WHEN 1 THEN 'internal_only' WHEN 2 THEN 'partially_open' ELSE 'open' END,
  'approved', {now}, {now} FROM {series(end, start)};""")
w(f"""INSERT INTO booking_rules (instrument_id, updated_at)
SELECT {BASE} + value - 1, {now} FROM {series(INSTRUMENTS)} WHERE value % 3 = 0;""")
w(f"""INSERT INTO labs (id, org_id, name, kind, open_status, status, created_at, updated_at)
SELECT {BASE} + value - 1, {BASE} + {h('value', 613)} % {UNITS}, '基准实验室' || {text('value')}, 'key_lab', 'open',
  'approved', {now}, {now} FROM {series(LABS)};""")
# Half the labs name an industry: a high-tech one for a tenth of all labs.
w(f"""INSERT INTO lab_industries (lab_id, code)
SELECT {BASE} + value - 1, CASE WHEN value % 5 = 0 THEN {pick('bench_hitech', 'value')} ELSE {pick('bench_industry', 'value')} END
FROM {series(LABS)} WHERE value % 2 = 0;""")
w(f"""INSERT INTO services (id, org_id, name, kind, price_unit, status, created_at, updated_at)
SELECT {BASE} + value - 1, {unit_of_service('value')}, '基准服务' || {text('value')}, 'test', 'sample', 'approved', {now}, {now}
FROM {series(SERVICES)};""")
w("COMMIT;")

client_user = "(SELECT id FROM users WHERE username = 'demo_enterprise')"
recorder = "(SELECT id FROM users WHERE username = 'demo_unit_admin')"
# Bookings: completed, each on its instrument's own minutes (no overlaps), in 2025.
for start in range(1, BOOKINGS + 1, BATCH):
    end = min(BOOKINGS, start + BATCH - 1)
    w("BEGIN;")
    inst = f"(value % {INSTRUMENTS} + 1)"
    w(f"""INSERT INTO bookings (id, instrument_id, org_id, client_org_id, user_id, booked_by, status, start_minute, end_minute,
  starts_at, ends_at, created_at, updated_at)
SELECT {BASE} + value - 1, {BASE} + {inst} - 1, {unit_of_instrument(inst)}, {BASE} + {h('value', 211)} % {UNITS},
  {client_user}, {client_user}, 'completed', 28401120 + value * 60, 28401120 + value * 60 + 60, {now}, {now}, {now}, {now}
FROM {series(end, start)};""")
    w("COMMIT;")
for start in range(1, ORDERS + 1, BATCH):
    end = min(ORDERS, start + BATCH - 1)
    w("BEGIN;")
    svc = f"(value % {SERVICES} + 1)"
    w(f"""INSERT INTO service_orders (id, service_id, org_id, client_org_id, user_id, status, requirements, quote_fen, created_at, updated_at)
SELECT {BASE} + value - 1, {BASE} + {svc} - 1, {unit_of_service(svc)}, {BASE} + {h('value', 223)} % {UNITS},
  {client_user}, 'completed', '基准检测', 50000 + {h('value', 227)} % 500000, {now}, {now}
FROM {series(end, start)};""")
    w("COMMIT;")


def deliveries(kind, count, id_offset):
    # 40 % internal: the client is the provider; a quarter of the clients in a high-tech industry.
    for start in range(1, count + 1, BATCH):
        end = min(count, start + BATCH - 1)
        w("BEGIN;")
        if kind == "booking":
            res = f"(value % {INSTRUMENTS} + 1)"
            provider = unit_of_instrument(res)
            resource = f"'instrument', {BASE} + {res} - 1"
        else:
            res = f"(value % {SERVICES} + 1)"
            provider = unit_of_service(res)
            resource = f"'service', {BASE} + {res} - 1"
        internal = f"({h('value', 229)} % 10 < 4)"
        client = f"CASE WHEN {internal} THEN {provider} ELSE {BASE} + {h('value', kind == 'booking' and 211 or 223)} % {UNITS} END"
        w(f"""INSERT INTO deliveries (id, source_kind, source_id, resource_kind, resource_id, provider_org_id, client_org_id,
  client_user_id, client_industry_code, internal, service_mode, minutes_used, fee_fen, voucher_fen, delivered_on,
  recorded_by, recorded_at)
SELECT {BASE} + {id_offset} + value - 1, '{kind}', {BASE} + value - 1, {resource}, {provider}, {client}, {client_user},
  CASE WHEN value % 4 = 0 THEN {pick('bench_hitech', 'value')} ELSE NULL END,
  CASE WHEN {internal} THEN 1 ELSE 0 END, 'occupancy', 60 + {h('value', 233)} % 420,
  20000 + {h('value', 239)} % 200000, CASE WHEN value % 10 = 0 THEN 10000 ELSE 0 END, {day(f"{h('value', 241)} % 365")},
  {recorder}, {now}
FROM {series(end, start)};""")
        w("COMMIT;")


deliveries("booking", BOOKINGS, 0)
deliveries("order", ORDERS, BOOKINGS)
TOTAL = BOOKINGS + ORDERS
for start in range(1, TOTAL + 1, BATCH):
    end = min(TOTAL, start + BATCH - 1)
    w("BEGIN;")
    w(f"""INSERT INTO ratings (delivery_id, resource_kind, resource_id, provider_org_id, score, rated_by, rated_at)
SELECT d.id, d.resource_kind, d.resource_id, d.provider_org_id, CASE WHEN {h('d.id', 251)} % 10 < 6 THEN 5 WHEN {h('d.id', 251)} % 10 < 8 THEN 4 WHEN {h('d.id', 251)} % 10 < 9 THEN 3 ELSE 2 END,
  {client_user}, {now}
FROM deliveries d WHERE d.id BETWEEN {BASE + start - 1} AND {BASE + end - 1} AND d.id % 2 = 0;""")
    w("COMMIT;")
w("ANALYZE;")
print("\n".join(out))
