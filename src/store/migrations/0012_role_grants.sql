-- Grants of a system role or of operator that wait for a second security administrator: one
-- security administrator asks, another confirms (or either refuses), so that no single person
-- can give an account it controls the keys to the platform (issue 11, defect 5).
CREATE TABLE role_grants (
    id {{ID}},
    user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roles TEXT NOT NULL,            -- the whole role set asked for: wire names, comma-separated
    status TEXT NOT NULL,           -- pending | confirmed | refused | superseded
    requested_by {{BIGINT}} NOT NULL REFERENCES users (id),
    requested_at TEXT NOT NULL,
    decided_by {{BIGINT}} REFERENCES users (id),
    decided_at TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX role_grants_user ON role_grants (user_id, status);
CREATE INDEX role_grants_status ON role_grants (status, id);
