-- Purchase duplicate checks (issue 17 §C7, docs/design/purchase-checks.md): a unit's planned
-- instrument purchase with the similar instruments it was shown, reviewed by experts and decided by
-- its competent department or the operator; linked to the instrument once it is registered.
CREATE TABLE purchase_checks (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    department_code TEXT,                    -- copied at creation: who decides
    district_code TEXT,                      -- copied at creation: "nearby" for the similar list
    status TEXT NOT NULL DEFAULT 'draft',
    version {{BIGINT}} NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    class_code TEXT NOT NULL REFERENCES instrument_classes (code),
    model TEXT NOT NULL DEFAULT '',
    manufacturer TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    key_specs TEXT NOT NULL DEFAULT '',
    budget_fen {{BIGINT}} NOT NULL CHECK (budget_fen > 0),
    funding_source TEXT NOT NULL,            -- central_fiscal | city_fiscal | own | other
    purpose TEXT NOT NULL DEFAULT '',
    discipline TEXT NOT NULL DEFAULT '',
    expected_hours INTEGER NOT NULL DEFAULT 0 CHECK (expected_hours >= 0),
    expected_users TEXT NOT NULL DEFAULT '',
    open_plan TEXT NOT NULL DEFAULT '',
    site_ready INTEGER NOT NULL DEFAULT 0,
    running_cost_ready INTEGER NOT NULL DEFAULT 0,
    why_not_existing TEXT NOT NULL DEFAULT '',
    quotes TEXT NOT NULL DEFAULT '[]',       -- JSON [{supplier, model, price_fen, note}]
    required INTEGER NOT NULL DEFAULT 0,     -- budget ≥ the threshold at submission
    similar_snapshot TEXT,                   -- JSON: the similar instruments shown at submission
    submitted_at TEXT,
    decision_basis TEXT,                     -- JSON [codes]
    panel_summary TEXT,                      -- JSON: panels::Summary at the decision
    decided_by {{BIGINT}} REFERENCES users (id),
    decided_at TEXT,
    instrument_id {{BIGINT}} REFERENCES instruments (id),
    linked_at TEXT,
    created_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX purchase_checks_org ON purchase_checks (org_id, id);
CREATE INDEX purchase_checks_department ON purchase_checks (department_code, status, id);
CREATE INDEX purchase_checks_status ON purchase_checks (status, id);
CREATE UNIQUE INDEX purchase_checks_instrument ON purchase_checks (instrument_id);

CREATE TABLE purchase_check_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    threshold_fen {{BIGINT}} NOT NULL CHECK (threshold_fen > 0),
    saturation_hours INTEGER NOT NULL CHECK (saturation_hours > 0),
    version {{BIGINT}} NOT NULL DEFAULT 1,
    updated_by {{BIGINT}} REFERENCES users (id),
    updated_at TEXT NOT NULL
);
-- 200万元 (财科教〔2019〕1号) and 1,200 hours a year (the saturation principle).
INSERT INTO purchase_check_settings (id, threshold_fen, saturation_hours, updated_at)
VALUES (1, 200000000, 1200, '2026-01-01T00:00:00Z');
