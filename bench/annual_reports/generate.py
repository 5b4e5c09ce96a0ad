#!/usr/bin/env python3
"""SQL for the annual-report statistics benchmark: UNITS universities, institutes and hospitals of the
demo's departments, and their reports of FIRST..LAST (every state, mostly forwarded) with 0-5 contract rows
each, figures in the columns the statistics sum. Deterministic (seed 17).

    generate.py sqlite|postgres [UNITS=3000] [FIRST=2021] [LAST=2025] > rows.sql
"""
import json
import random
import sys

engine = sys.argv[1]
units = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
first = int(sys.argv[3]) if len(sys.argv) > 3 else 2021
last = int(sys.argv[4]) if len(sys.argv) > 4 else 2025
rng = random.Random(17)
KINDS = ['university', 'research_institute', 'hospital']
DEPARTMENTS = ['edu', 'health', 'sci', 'cas']
STATES = ['forwarded'] * 6 + ['accepted', 'submitted', 'returned', 'draft']
MODES = ['transfer', 'license', 'investment']
NOW = '2026-06-01T00:00:00Z'
ORG0 = 9_000_000  # ids above the demo's
REPORT0 = 9_000_000

out = sys.stdout
out.write('BEGIN;\n')


def rows(table, columns, values):
    for k in range(0, len(values), 500):
        chunk = values[k:k + 500]
        out.write(f'INSERT INTO {table} ({", ".join(columns)}) VALUES\n')
        out.write(',\n'.join('(' + ', '.join(v) + ')' for v in chunk) + ';\n')


def q(text):
    return "'" + text.replace("'", "''") + "'"


orgs = []
for u in range(units):
    code = f'9{u:016d}'
    check = '0123456789ABCDEFGHJKLMNPQRTUWXY'[u % 31]
    orgs.append([str(ORG0 + u), q(f'基准单位{u:05d}'), q(code + check), q(KINDS[u % 3]), q(DEPARTMENTS[u % 4]), q(NOW), q(NOW)])
rows('organizations', ['id', 'name', 'credit_code', 'kind', 'department_code', 'created_at', 'updated_at'], orgs)

reports, contracts = [], []
rid = REPORT0
for u in range(units):
    for year in range(first, last + 1):
        rid += 1
        state = rng.choice(STATES)
        rows_here = [(rng.choice(MODES), rng.randrange(0, 50_000_000_00), rng.randrange(0, 10_000_000_00)) for _ in range(rng.randrange(0, 6))]
        content = {'contracts': [], 'pledge': state != 'draft'}
        tech_count = rng.randrange(0, 200)
        figures = [tech_count, tech_count * rng.randrange(10_000_00, 500_000_00), rng.randrange(0, 10**10), rng.randrange(0, 10**10),
                   rng.randrange(0, 10**10), rng.randrange(0, 10**10), rng.randrange(0, 100), rng.randrange(0, 4), rng.randrange(0, 3)]
        reports.append([str(rid), str(ORG0 + u), q(DEPARTMENTS[u % 4]), str(year), q(state), q(json.dumps(content)),
                        '1' if state != 'draft' else '0'] + [str(f) for f in figures] + [q(NOW), q(NOW)])
        for position, (mode, amount, received) in enumerate(rows_here):
            contracts.append([str(rid), str(position), q(mode), q(f'受让方{position}'), str(amount), str(min(received, amount)),
                              str(2000 if mode == 'investment' else 0), q('manual'), '1'])
rows('annual_reports', ['id', 'org_id', 'department_code', 'year', 'status', 'content', 'pledged', 'tech_count', 'tech_amount_fen',
                        'income_unit_fen', 'income_staff_fen', 'reward_cash_fen', 'reward_equity_fen', 'reward_headcount',
                        'spinoff_count', 'office_count', 'created_at', 'updated_at'], reports)
rows('annual_report_contracts', ['report_id', 'position', 'mode', 'counterpart', 'amount_fen', 'received_fen', 'equity_bp', 'source',
                                 'confirmed'], contracts)
out.write('COMMIT;\n')
print(f'-- {units} units, {len(reports)} reports, {len(contracts)} contract rows', file=sys.stderr)
