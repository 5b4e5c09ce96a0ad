-- The audit chain's order becomes its own column (docs/design/audit-sealing.md): on PostgreSQL a
-- server inserts a record unsealed (chain_seq NULL, prev_hash and hash '') and its sealer thread
-- chains committed records in batches, so writers no longer queue on one lock through their
-- commits. SQLite seals inline, as one writer at a time always did. Records chained so far were
-- chained in id order under that lock: their position is their id.
ALTER TABLE audit_events ADD COLUMN chain_seq {{BIGINT}};
-- @postgres
-- The one change the log allows: sealing an unsealed record once, its content untouched.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
       AND (to_jsonb(NEW) - ARRAY['chain_seq', 'prev_hash', 'hash'])
           = (to_jsonb(OLD) - ARRAY['chain_seq', 'prev_hash', 'hash']) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
UPDATE audit_events SET chain_seq = id;
-- @end
-- @sqlite
DROP TRIGGER audit_events_no_update;
UPDATE audit_events SET chain_seq = id;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
-- @end
-- One record per position, and the sealer finds what is left to chain without a scan.
CREATE UNIQUE INDEX audit_events_chain ON audit_events (chain_seq);
CREATE INDEX audit_events_unsealed ON audit_events (id) WHERE chain_seq IS NULL;
