-- The rows of the search baselines, from a keyuan demo database attached as `src`: every approved
-- instrument, lab, service and finance product with the same title and body text that keyuan's
-- indexer (src/search/sources.cpp) indexes, one row each.
--   sqlite3 baseline.db -cmd "ATTACH 'keyuan.db' AS src" < bench/search/docs.sql
CREATE TABLE docs (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    obj_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL
);
INSERT INTO docs (type, obj_id, title, body)
SELECT 'instrument', t.id, t.name || ' ' || t.name_en || ' ' || t.model,
       t.manufacturer || ' ' || t.country || ' ' || t.functions || ' ' || t.technical_indicators || ' ' ||
       COALESCE(c.name, '') || ' ' || o.name || ' ' || t.location
FROM src.instruments t JOIN src.organizations o ON o.id = t.org_id
LEFT JOIN src.instrument_classes c ON c.code = t.class_code
WHERE t.status = 'approved' ORDER BY t.id;
INSERT INTO docs (type, obj_id, title, body)
SELECT 'lab', t.id, t.name,
       t.description || ' ' || o.name || ' ' || t.address ||
       COALESCE((SELECT ' ' || group_concat(x.scope, ' ') FROM src.lab_industries x WHERE x.lab_id = t.id), '')
FROM src.labs t JOIN src.organizations o ON o.id = t.org_id
WHERE t.status = 'approved' ORDER BY t.id;
INSERT INTO docs (type, obj_id, title, body)
SELECT 'service', t.id, t.name, t.field || ' ' || t.content || ' ' || t.parameters || ' ' || o.name
FROM src.services t JOIN src.organizations o ON o.id = t.org_id
WHERE t.status = 'approved' ORDER BY t.id;
INSERT INTO docs (type, obj_id, title, body)
SELECT 'finance_product', t.id, t.name, t.features || ' ' || t.eligibility || ' ' || o.name
FROM src.finance_products t JOIN src.organizations o ON o.id = t.org_id
WHERE t.status = 'approved' ORDER BY t.id;
