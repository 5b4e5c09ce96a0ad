#!/usr/bin/env python3
"""Times each query of the mix alone, one request at a time, on each server; prints a Markdown table.

    per_query.py [--reference NAME] QUERIES_TSV REPEATS name=http://127.0.0.1:PORT/path-template ...

A template holds {q} and {type}; e.g. keyuan=http://127.0.0.1:8080/api/v1/search?q={q}&type={type}
(the "&type=" part is dropped when the query has no type). For every query and server: the median
latency of REPEATS requests over one kept-alive connection, and the total the server reports.
With --reference, a last line compares every other server's totals with that server's, query by
query: engines that all match substrings should agree, and where they do not, the line names the
queries (e.g. Groonga's TokenBigram matches whole ASCII words where FTS5's trigrams match substrings).
Exits non-zero if a server answers anything but 200.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse


def read_queries(path):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        text, _, kind = line.partition("\t")
        out.append((text, kind.strip()))
    return out


def target(template, text, kind):
    t = template.replace("{q}", urllib.parse.quote(text))
    if kind:
        return t.replace("{type}", urllib.parse.quote(kind))
    return t.replace("&type={type}", "")


def compare_totals(reference, names, queries, results):
    """One line: for each server, on how many queries its total equals the reference's, and the
    first few where it does not."""
    parts = []
    for n in names:
        if n == reference:
            continue
        differ = []
        for text, kind in queries:
            mine, theirs = results[(n, text, kind)][1], results[(reference, text, kind)][1]
            if mine != theirs:
                differ.append(f"{text}{'/' + kind if kind else ''} {mine} vs {theirs}")
        part = f"{n} equal on {len(queries) - len(differ)} of {len(queries)}"
        if differ:
            more = f" and {len(differ) - 6} more" if len(differ) > 6 else ""
            part += " (differs on " + ", ".join(differ[:6]) + more + ")"
        parts.append(part)
    return f"Totals beside {reference}'s: " + "; ".join(parts)


def main():
    args = sys.argv[1:]
    reference = None
    if args[:1] == ["--reference"]:
        reference, args = args[1], args[2:]
    queries = read_queries(args[0])
    repeats = int(args[1])
    servers = [arg.split("=", 1) for arg in args[2:]]
    results = {}
    for name, template in servers:
        url = urllib.parse.urlsplit(template.replace("{q}", "x").replace("{type}", "x"))
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        for text, kind in queries:
            full = urllib.parse.urlsplit(target(template, text, kind))
            path = full.path + "?" + full.query
            times = []
            total = None
            for _ in range(repeats):
                t0 = time.perf_counter()
                conn.request("GET", path)
                resp = conn.getresponse()
                body = resp.read()
                times.append((time.perf_counter() - t0) * 1000)
                if resp.status != 200:
                    sys.exit(f"{name}: {path} answered {resp.status}: {body[:300]!r}")
                total = json.loads(body).get("total")
            results[(name, text, kind)] = (statistics.median(times), total, len(body))
        conn.close()
    names = [n for n, _ in servers]
    print("| query | type | " + " | ".join(f"{n} ms | {n} hits" for n in names) + " |")
    print("|---|---|" + "---:|---:|" * len(names))
    for text, kind in queries:
        cells = []
        for n in names:
            ms, total, _ = results[(n, text, kind)]
            cells += [f"{ms:.1f}", str(total)]
        print(f"| {text} | {kind or '—'} | " + " | ".join(cells) + " |")
    sums = []
    for n in names:
        sums.append(f"{n}: median {statistics.median(results[(n, t, k)][0] for t, k in queries):.1f} ms, "
                    f"max {max(results[(n, t, k)][0] for t, k in queries):.1f} ms, "
                    f"mean response {statistics.mean(results[(n, t, k)][2] for t, k in queries) / 1024:.1f} KiB")
    print()
    print("Per-query latency, one request at a time: " + "; ".join(sums))
    if reference in names:
        print(compare_totals(reference, names, queries, results))


if __name__ == "__main__":
    main()
