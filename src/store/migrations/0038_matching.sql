-- Matching (issue 18 §2, docs/design/matching.md): what a demand's owner did with a suggestion.
-- Suggestions themselves are computed at read from the search index and the records, never stored:
-- a new achievement or a new contract changes them at once. One mark per (demand, suggestion);
-- changing it is a conditional write on its version.
CREATE TABLE tech_demand_match_marks (
    id {{ID}},
    demand_id {{BIGINT}} NOT NULL REFERENCES tech_demands (id) ON DELETE CASCADE,
    target_type TEXT NOT NULL,                 -- the search document's type: achievement, service, instrument, lab, talent
    target_id {{BIGINT}} NOT NULL,
    target_org_id {{BIGINT}},                  -- the provider, for the provider's view of who contacted it
    mark TEXT NOT NULL CHECK (mark IN ('saved', 'dismissed', 'contacted')),
    note TEXT NOT NULL DEFAULT '',             -- the message sent when contacted
    marked_by {{BIGINT}} NOT NULL REFERENCES users (id),
    marked_at TEXT NOT NULL,
    version {{BIGINT}} NOT NULL DEFAULT 1,
    UNIQUE (demand_id, target_type, target_id)
);
CREATE INDEX tech_demand_match_marks_provider ON tech_demand_match_marks (target_org_id, mark);
