-- Common technology platforms (共性技术平台, issue 17 §C9, docs/design/tech-platforms.md): the
-- applications with their current plan and label, every submitted plan version (insert-only by
-- use), the equipment linked from the unit's registered instruments, and the yearly assessments.
CREATE TABLE tech_platforms (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),       -- the operating unit
    district_code TEXT NOT NULL,                                     -- copied at creation: who recommends
    previous_id {{BIGINT}} REFERENCES tech_platforms (id),           -- the platform a renewal renews
    field_id {{BIGINT}} NOT NULL REFERENCES hitech_industries (id),
    name TEXT NOT NULL,
    positioning TEXT NOT NULL,
    goals TEXT NOT NULL,
    tasks TEXT NOT NULL,
    support_measures TEXT NOT NULL,
    organisation TEXT NOT NULL,
    mechanism TEXT NOT NULL,
    site TEXT NOT NULL,
    team TEXT NOT NULL,
    openness TEXT NOT NULL,
    plan_version INTEGER NOT NULL DEFAULT 0,                         -- the last submitted version
    status TEXT NOT NULL DEFAULT 'draft',
    version {{BIGINT}} NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    site_check_result TEXT,                                          -- pass | fail
    site_check_findings TEXT,
    site_checked_at TEXT,
    label_valid_from TEXT,                                           -- YYYY-MM-DD, the admission date
    label_valid_until TEXT,                                          -- 3 years later
    label_status TEXT,                                               -- valid | expired | removed
    renewal_notified INTEGER NOT NULL DEFAULT 0,
    panel_summary TEXT,                                              -- JSON: the panel's averages at the decision
    created_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (site_check_result IS NULL OR site_check_result IN ('pass', 'fail')),
    CHECK (label_status IS NULL OR label_status IN ('valid', 'expired', 'removed'))
);
CREATE INDEX tech_platforms_org ON tech_platforms (org_id, id);
CREATE INDEX tech_platforms_district ON tech_platforms (district_code, status, id);
CREATE INDEX tech_platforms_label ON tech_platforms (label_status, label_valid_until);

CREATE TABLE tech_platform_plans (
    id {{ID}},
    platform_id {{BIGINT}} NOT NULL REFERENCES tech_platforms (id),
    plan_version INTEGER NOT NULL,
    plan TEXT NOT NULL,                                              -- JSON: the plan's fields as submitted
    created_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    UNIQUE (platform_id, plan_version)
);

CREATE TABLE tech_platform_instruments (
    platform_id {{BIGINT}} NOT NULL REFERENCES tech_platforms (id),
    instrument_id {{BIGINT}} NOT NULL REFERENCES instruments (id),
    PRIMARY KEY (platform_id, instrument_id)
);

CREATE TABLE tech_platform_assessments (
    id {{ID}},
    platform_id {{BIGINT}} NOT NULL REFERENCES tech_platforms (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    district_code TEXT NOT NULL,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    due_on TEXT NOT NULL,                                            -- the self-report's due date
    status TEXT NOT NULL DEFAULT 'open',
    version {{BIGINT}} NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    figures TEXT NOT NULL,                                           -- JSON: computed from the records
    self_report TEXT NOT NULL DEFAULT '',
    reported_at TEXT,
    outcome TEXT,                                                    -- continue | rectify | remove | not_submitted
    rectify_due_on TEXT,
    decided_at TEXT,
    panel_summary TEXT,                                              -- JSON: the experts' averages at the decision
    created_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (platform_id, year)
);
CREATE INDEX tech_platform_assessments_org ON tech_platform_assessments (org_id, id);
