-- Expert panels (modules/panels) and attachments (modules/attachments) of any reviewed kind:
-- purchase checks, common technology platforms, annual reports (issue 17, docs/design/panels.md).
-- Both are keyed by (subject_kind, subject_id): the kinds keep their own tables, and a panel or a
-- file belongs to exactly one subject.
CREATE TABLE expert_assignments (
    id {{ID}},
    subject_kind TEXT NOT NULL,                -- purchase_check, tech_platform …
    subject_id {{BIGINT}} NOT NULL,
    subject_title TEXT NOT NULL,               -- as at assignment: the expert's list needs no join per kind
    expert_user_id {{BIGINT}} NOT NULL REFERENCES users (id),
    status TEXT NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'scored', 'withdrawn')),
    version {{BIGINT}} NOT NULL DEFAULT 1,
    scores TEXT,                               -- JSON {criterion: points}
    total INTEGER,                             -- the points' sum
    recommendation TEXT,
    opinion TEXT,
    assigned_by {{BIGINT}} NOT NULL REFERENCES users (id),
    assigned_at TEXT NOT NULL,
    scored_at TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (subject_kind, subject_id, expert_user_id)
);
CREATE INDEX expert_assignments_expert ON expert_assignments (expert_user_id, status, id);

CREATE TABLE attachments (
    id {{ID}},
    subject_kind TEXT NOT NULL,
    subject_id {{BIGINT}} NOT NULL,
    purpose TEXT NOT NULL,                     -- the kind's list: quote, plan, minutes, pledge …
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes {{BIGINT}} NOT NULL,
    sha256 TEXT NOT NULL,
    content {{BLOB}} NOT NULL,
    uploaded_by {{BIGINT}} NOT NULL REFERENCES users (id),
    uploaded_at TEXT NOT NULL
);
CREATE INDEX attachments_subject ON attachments (subject_kind, subject_id, id);

-- The per-subject count that makes "at most N files" one conditional write on both engines.
CREATE TABLE attachment_counts (
    subject_kind TEXT NOT NULL,
    subject_id {{BIGINT}} NOT NULL,
    files INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (subject_kind, subject_id)
);
