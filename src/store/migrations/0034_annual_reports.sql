-- Annual achievement-transformation reports (issue 17 C11, docs/design/annual-reports.md): one report per
-- unit and year with its contents as a validated JSON document, the figures statistics sum copied into
-- columns, contract rows in their own table (summed by mode), the per-year due dates the operator may move,
-- and the reminders already sent (so that the job sends each once).
CREATE TABLE annual_reports (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    department_code TEXT,                    -- copied at creation: the department that reviews it
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    status TEXT NOT NULL DEFAULT 'draft',    -- draft | submitted | accepted | returned | forwarded
    version {{BIGINT}} NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',         -- why it was returned or reopened
    content TEXT NOT NULL,                   -- JSON, validated (content_json.cpp)
    pledged INTEGER NOT NULL DEFAULT 0,
    tech_count {{BIGINT}} NOT NULL DEFAULT 0,         -- development + consulting + service contracts
    tech_amount_fen {{BIGINT}} NOT NULL DEFAULT 0,
    income_unit_fen {{BIGINT}} NOT NULL DEFAULT 0,
    income_staff_fen {{BIGINT}} NOT NULL DEFAULT 0,
    reward_cash_fen {{BIGINT}} NOT NULL DEFAULT 0,
    reward_equity_fen {{BIGINT}} NOT NULL DEFAULT 0,
    reward_headcount {{BIGINT}} NOT NULL DEFAULT 0,
    spinoff_count INTEGER NOT NULL DEFAULT 0,
    office_count INTEGER NOT NULL DEFAULT 0,
    submitted_at TEXT,
    forwarded_at TEXT,
    created_by {{BIGINT}} REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, year),
    CHECK (pledged IN (0, 1))
);
CREATE INDEX annual_reports_year ON annual_reports (year, department_code, status);

CREATE TABLE annual_report_contracts (
    report_id {{BIGINT}} NOT NULL REFERENCES annual_reports (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    mode TEXT,                               -- transfer | license | investment; NULL: pre-filled, not chosen yet
    achievement_id {{BIGINT}} REFERENCES achievements (id),
    counterpart TEXT NOT NULL DEFAULT '',
    amount_fen {{BIGINT}} NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
    received_fen {{BIGINT}} NOT NULL DEFAULT 0 CHECK (received_fen >= 0),
    equity_bp INTEGER NOT NULL DEFAULT 0 CHECK (equity_bp BETWEEN 0 AND 10000),
    source TEXT NOT NULL DEFAULT 'manual',   -- platform | manual
    confirmed INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (report_id, position)
);
CREATE INDEX annual_report_contracts_mode ON annual_report_contracts (mode, report_id);

CREATE TABLE annual_report_deadlines (
    year INTEGER PRIMARY KEY,
    unit_due_on TEXT NOT NULL,               -- YYYY-MM-DD as set; moved to the next working day when due
    department_due_on TEXT NOT NULL,
    updated_by {{BIGINT}} REFERENCES users (id),
    updated_at TEXT NOT NULL,
    CHECK (unit_due_on <= department_due_on)
);

CREATE TABLE annual_report_reminders (
    year INTEGER NOT NULL,
    level TEXT NOT NULL,                     -- unit | department
    target TEXT NOT NULL,                    -- the organisation's id or the department's code
    mark TEXT NOT NULL,                      -- t14 | t3
    due_on TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (year, level, target, mark)
);
