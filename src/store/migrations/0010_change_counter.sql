-- One counter that every change to what the public reads bumps, in the change's own
-- transaction. Readers compare it to tell whether a cached answer is still current. Bumping
-- it before writing the search outbox also holds a row lock until commit, so on PostgreSQL
-- outbox ids are handed out in commit order and an indexer's watermark never skips a row
-- that committed late.
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value {{BIGINT}} NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);
