-- Open challenges (揭榜挂帅, issue 18, docs/design/challenges.md): the challenge a publisher (the
-- operator, or a department) hangs out, the units' applications (one per organisation), and the task
-- agreement's milestones of the chosen ones. Amounts are stated in fen, not moved.
CREATE TABLE challenges (
    id {{ID}},
    title TEXT NOT NULL,
    problem TEXT NOT NULL,
    requirements TEXT NOT NULL,                                      -- JSON list of indicators
    reward_fen {{BIGINT}} NOT NULL,
    reward_split TEXT NOT NULL DEFAULT '',
    application_deadline TEXT NOT NULL,                              -- YYYY-MM-DD, Asia/Shanghai, inclusive
    delivery_months INTEGER NOT NULL,
    department_code TEXT NOT NULL DEFAULT '',                        -- '' : the operator's
    publisher_org_id {{BIGINT}} REFERENCES organizations (id),       -- may not apply
    contact_name TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    version {{BIGINT}} NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    award_reason TEXT NOT NULL DEFAULT '',
    panel_summary TEXT,                                              -- JSON by application at the award
    published_at TEXT,
    created_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (reward_fen >= 0)
);
CREATE INDEX challenges_status ON challenges (status, application_deadline);
CREATE INDEX challenges_department ON challenges (department_code, id);

CREATE TABLE challenge_industries (
    challenge_id {{BIGINT}} NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES industry_codes (code),
    PRIMARY KEY (challenge_id, code)
);

CREATE TABLE challenge_applications (
    id {{ID}},
    challenge_id {{BIGINT}} NOT NULL REFERENCES challenges (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    status TEXT NOT NULL DEFAULT 'submitted',
    approach TEXT NOT NULL,
    team TEXT NOT NULL,                                              -- JSON list of {name, title, role}
    budget_fen {{BIGINT}} NOT NULL,
    schedule TEXT NOT NULL,
    expected_results TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    version {{BIGINT}} NOT NULL DEFAULT 1,
    created_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (challenge_id, org_id),
    CHECK (status IN ('submitted', 'withdrawn', 'chosen', 'not_chosen')),
    CHECK (budget_fen >= 0)
);
CREATE INDEX challenge_applications_org ON challenge_applications (org_id, id);

CREATE TABLE challenge_milestones (
    id {{ID}},
    challenge_id {{BIGINT}} NOT NULL REFERENCES challenges (id),
    application_id {{BIGINT}} NOT NULL REFERENCES challenge_applications (id),
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    amount_fen {{BIGINT}} NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    report_note TEXT NOT NULL DEFAULT '',
    reject_reason TEXT NOT NULL DEFAULT '',
    reported_at TEXT,
    confirmed_at TEXT,
    version {{BIGINT}} NOT NULL DEFAULT 1,
    created_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (status IN ('pending', 'reported', 'confirmed', 'rejected')),
    CHECK (amount_fen >= 0)
);
CREATE INDEX challenge_milestones_challenge ON challenge_milestones (challenge_id, id);
