-- Changes waiting to reach the search index. Written in the same transaction as the change,
-- read by every server's indexer from its own watermark (the last id it indexed, stored in
-- the index itself), pruned after a week.
CREATE TABLE search_outbox (
    id {{ID}},
    object_type TEXT NOT NULL,
    object_id {{BIGINT}} NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX search_outbox_created ON search_outbox (created_at);
