#!/usr/bin/env python3
"""Compares keyuan's statistics answer (argv[1], JSON) with the baseline's rows (argv[2], a|b|c lines
in baseline.sql's order); exits 1 naming the first figure that differs."""
import json
import sys

answer = json.load(open(sys.argv[1]))
lines = [l.split('|') for l in open(sys.argv[2]).read().split('\n') if l.strip()]
states = {'draft', 'submitted', 'accepted', 'returned', 'forwarded'}
modes = {'transfer', 'license', 'investment'}
checked = 0
for cells in lines:
    if cells[0] in states and len(cells) == 2:
        assert answer['by_status'][cells[0]] == int(cells[1]), ('by_status', cells, answer['by_status'])
    elif cells[0] in modes:
        got = answer['totals']['contracts'][cells[0]]
        assert [got['count'], got['amount_fen'], got['received_fen']] == [int(c) for c in cells[1:]], (cells, got)
    else:
        t = answer['totals']
        want = [int(c or 0) for c in cells]
        have = [t['reports_filed'], t['tech_count'], t['tech_amount_fen'], t['reward_cash_fen'], t['reward_equity_fen'], t['reward_headcount']]
        assert have == want, ('totals', have, want)
    checked += 1
print(f'{checked} rows of figures agree')
