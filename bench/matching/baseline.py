#!/usr/bin/env python3
"""The baseline's queries: what a team would write in SQL to match a demand to resources.

    baseline.py sqlite|postgres DEMANDS_FILE > queries.sql

DEMANDS_FILE holds "id|title|description" lines. Each demand's title and description are cut
into trigrams of Chinese text (runs of CJK characters, letters or digits; every three-character
window), distinct, the first TERMS of them (48: about what keyuan's elite set of 40 keeps); any
may match:
  sqlite    FTS5 trigram tokenizer over docs_fts: MATCH '"t1" OR "t2" …', top 20 by bm25 (rank);
  postgres  pg_trgm GIN index over baseline_docs.doc: doc ILIKE '%t1%' OR …, top 20 by
            word_similarity(title, doc) (ILIKE itself has no relevance).
"""
import re
import sys

TERMS = 48
engine, demands_file = sys.argv[1], sys.argv[2]
RUN = re.compile(r"[\u3400-\u9fff]+|[A-Za-z0-9]+")


def trigrams(text):
    out, seen = [], set()
    for run in RUN.findall(text):
        for i in range(max(1, len(run) - 2)):
            t = run[i:i + 3]
            if len(t) == 3 and t not in seen:
                seen.add(t)
                out.append(t)
    return out[:TERMS]


def q(s):
    return "'" + s.replace("'", "''") + "'"


for line in open(demands_file, encoding="utf-8"):
    parts = line.rstrip("\n").split("|", 2)
    if len(parts) < 3:
        continue
    _, title, description = parts
    terms = trigrams(title + "。" + description)
    if not terms:
        continue
    if engine == "sqlite":
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        print(f"SELECT d.type, d.obj_id FROM (SELECT rowid, rank FROM docs_fts WHERE docs_fts MATCH {q(match)}"
              " ORDER BY rank LIMIT 20) f JOIN docs d ON d.id = f.rowid ORDER BY f.rank;")
    else:
        where = " OR ".join(f"doc ILIKE {q('%' + t + '%')}" for t in terms)
        print(f"SELECT type, obj_id, word_similarity({q(title)}, doc) AS s FROM baseline_docs WHERE {where}"
              " ORDER BY s DESC LIMIT 20;")
