-- Talents and R&D teams (issue 14, docs/design/achievements.md): people with their technical
-- specialties and the teams they form, registered and reviewed as the catalog's kinds. A talent's
-- phone and e-mail are personal information: masked below its readers in scope and revealed to
-- a signed-in enterprise user one at a time, each reveal audited (GET /talents/{id}/contact).
CREATE TABLE talents (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',          -- professional title: 研究员, 教授, 高级工程师 …
    fields TEXT NOT NULL DEFAULT '[]',        -- research fields, a JSON array of text
    specialties TEXT NOT NULL DEFAULT '',     -- technical specialties (seed 000 task 3)
    description TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    review_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_by {{BIGINT}},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX talents_org ON talents (org_id);
CREATE INDEX talents_status ON talents (status);

CREATE TABLE talent_industries (
    talent_id {{BIGINT}} NOT NULL REFERENCES talents (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES industry_codes (code),
    PRIMARY KEY (talent_id, code)
);
CREATE INDEX talent_industries_code ON talent_industries (code);

CREATE TABLE teams (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    name TEXT NOT NULL,
    lead_talent_id {{BIGINT}} REFERENCES talents (id),
    specialties TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    review_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_by {{BIGINT}},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX teams_org ON teams (org_id);
CREATE INDEX teams_status ON teams (status);

CREATE TABLE team_members (
    team_id {{BIGINT}} NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    talent_id {{BIGINT}} NOT NULL REFERENCES talents (id),
    role TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (team_id, talent_id)
);

CREATE TABLE team_industries (
    team_id {{BIGINT}} NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES industry_codes (code),
    PRIMARY KEY (team_id, code)
);
CREATE INDEX team_industries_code ON team_industries (code);
