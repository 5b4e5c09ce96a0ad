-- The rows of the matching baseline: every public resource keyuan's matching may suggest
-- (approved achievements that are not secret, services, instruments, labs, talents), its title
-- and its text as one document. On SQLite the keyuan database is attached as `src` and the rows
-- go into a database of their own; on PostgreSQL run.sh drops the `src.` prefixes and the table
-- is baseline_docs beside keyuan's.
INSERT INTO docs (type, obj_id, title, body)
SELECT 'achievement', t.id, t.name, t.description || ' ' || t.keywords || ' ' || t.programme
FROM src.achievements t WHERE t.status = 'approved' AND t.secret = 0;
INSERT INTO docs (type, obj_id, title, body)
SELECT 'service', t.id, t.name, t.field || ' ' || t.content || ' ' || t.parameters
FROM src.services t WHERE t.status = 'approved';
INSERT INTO docs (type, obj_id, title, body)
SELECT 'instrument', t.id, t.name, t.functions || ' ' || t.technical_indicators
FROM src.instruments t WHERE t.status = 'approved';
INSERT INTO docs (type, obj_id, title, body)
SELECT 'lab', t.id, t.name, t.description
FROM src.labs t WHERE t.status = 'approved';
INSERT INTO docs (type, obj_id, title, body)
SELECT 'talent', t.id, t.name || ' ' || t.title, t.fields || ' ' || t.specialties || ' ' || t.description
FROM src.talents t WHERE t.status = 'approved';
