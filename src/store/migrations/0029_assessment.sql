-- Yearly open-sharing assessment and post-subsidy (issue 16, docs/design/assessment.md): a cycle
-- per evaluated period with its scheme as a validated JSON document, each unit's computed result
-- (measures, points, grade, rank), the units' explanations, the departments' adjustments, the
-- published revisions (insert-only), rectifications, and subsidy plans whose lines are insert-only.
-- Scores are integers in hundredths of a point (*_centi), so ranks and ties are exact on both engines.
CREATE TABLE assessment_cycles (
    id {{ID}},
    year INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
    period_from TEXT NOT NULL,               -- YYYY-MM-DD, Asia/Shanghai, inclusive
    period_to TEXT NOT NULL,                 -- inclusive
    scheme TEXT NOT NULL,                    -- JSON, validated (scheme.cpp)
    status TEXT NOT NULL DEFAULT 'draft',
    version {{BIGINT}} NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    computed_at TEXT,
    published_revision INTEGER NOT NULL DEFAULT 0,
    created_by {{BIGINT}} REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (period_from <= period_to)
);

CREATE TABLE assessment_results (
    id {{ID}},
    cycle_id {{BIGINT}} NOT NULL REFERENCES assessment_cycles (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    department_code TEXT,                    -- copied at computation: who evaluates the unit
    status TEXT NOT NULL DEFAULT 'computed', -- computed | confirmed
    version {{BIGINT}} NOT NULL DEFAULT 1,
    figures TEXT NOT NULL,                   -- JSON: the counts every measure is made of (measures.hpp)
    points TEXT NOT NULL,                    -- JSON {indicator: centi-points, final}
    computed_points TEXT NOT NULL,           -- JSON {indicator: centi-points, as computed}
    computed_centi INTEGER NOT NULL,
    score_centi INTEGER NOT NULL,
    grade TEXT,                              -- set at consolidation
    rank INTEGER,
    adjusted INTEGER NOT NULL DEFAULT 0,
    explanations INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    UNIQUE (cycle_id, org_id)
);
CREATE INDEX assessment_results_rank ON assessment_results (cycle_id, rank);
CREATE INDEX assessment_results_department ON assessment_results (cycle_id, department_code, status);

CREATE TABLE assessment_explanations (
    id {{ID}},
    result_id {{BIGINT}} NOT NULL REFERENCES assessment_results (id),
    indicator TEXT,                          -- NULL: about the whole result
    text TEXT NOT NULL,
    author_id {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX assessment_explanations_result ON assessment_explanations (result_id, id);

CREATE TABLE assessment_adjustments (
    id {{ID}},
    result_id {{BIGINT}} NOT NULL REFERENCES assessment_results (id),
    indicator TEXT NOT NULL,
    from_centi INTEGER NOT NULL,
    to_centi INTEGER NOT NULL,
    reason TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'evaluation', -- evaluation | correction
    revision INTEGER,                        -- the published revision a correction made
    adjusted_by {{BIGINT}} NOT NULL REFERENCES users (id),
    adjusted_at TEXT NOT NULL
);
CREATE INDEX assessment_adjustments_result ON assessment_adjustments (result_id, id);

CREATE TABLE assessment_publications (
    id {{ID}},
    cycle_id {{BIGINT}} NOT NULL REFERENCES assessment_cycles (id),
    revision INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    published_by {{BIGINT}} NOT NULL REFERENCES users (id),
    published_at TEXT NOT NULL,
    UNIQUE (cycle_id, revision)
);

CREATE TABLE assessment_published_rows (
    publication_id {{BIGINT}} NOT NULL REFERENCES assessment_publications (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    org_name TEXT NOT NULL,
    department_code TEXT,
    score_centi INTEGER NOT NULL,
    grade TEXT NOT NULL,
    rank INTEGER NOT NULL,
    groups TEXT NOT NULL,                    -- JSON [{code, points_centi}]
    PRIMARY KEY (publication_id, org_id)
);
CREATE INDEX assessment_published_rank ON assessment_published_rows (publication_id, rank);

CREATE TABLE assessment_rectifications (
    id {{ID}},
    cycle_id {{BIGINT}} NOT NULL REFERENCES assessment_cycles (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    department_code TEXT,
    reasons TEXT NOT NULL,                   -- JSON [{code, text}]
    status TEXT NOT NULL DEFAULT 'required', -- required | filed | accepted | returned
    version {{BIGINT}} NOT NULL DEFAULT 1,
    report TEXT NOT NULL DEFAULT '',
    filed_at TEXT,
    reason TEXT NOT NULL DEFAULT '',         -- why it was returned
    created_by {{BIGINT}} REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (cycle_id, org_id)
);
CREATE INDEX assessment_rectifications_org ON assessment_rectifications (org_id, status);

CREATE TABLE assessment_subsidy_plans (
    id {{ID}},
    cycle_id {{BIGINT}} NOT NULL REFERENCES assessment_cycles (id),
    budget_fen {{BIGINT}} NOT NULL CHECK (budget_fen > 0),
    total_fen {{BIGINT}} NOT NULL CHECK (total_fen >= 0 AND total_fen <= budget_fen),
    rule TEXT NOT NULL,                      -- JSON {grade_factors, cap_fen, min_grade}
    status TEXT NOT NULL DEFAULT 'draft',    -- draft | recommended | approved | rejected | withdrawn
    version {{BIGINT}} NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    created_by {{BIGINT}} NOT NULL REFERENCES users (id),
    recommended_by {{BIGINT}} REFERENCES users (id),
    approved_by {{BIGINT}} REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX assessment_subsidy_plans_cycle ON assessment_subsidy_plans (cycle_id, id);

CREATE TABLE assessment_subsidy_lines (
    plan_id {{BIGINT}} NOT NULL REFERENCES assessment_subsidy_plans (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    grade TEXT NOT NULL,
    score_centi INTEGER NOT NULL,
    computed_fen {{BIGINT}} NOT NULL CHECK (computed_fen >= 0),
    amount_fen {{BIGINT}} NOT NULL CHECK (amount_fen >= 0),
    override_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, org_id)
);

-- Published rows and subsidy lines are never edited: a correction is a new revision, a changed
-- plan a new plan.
-- @sqlite
CREATE TRIGGER assessment_published_rows_no_update BEFORE UPDATE ON assessment_published_rows
BEGIN
    SELECT RAISE(ABORT, 'assessment_published_rows is insert-only');
END;
CREATE TRIGGER assessment_published_rows_no_delete BEFORE DELETE ON assessment_published_rows
BEGIN
    SELECT RAISE(ABORT, 'assessment_published_rows is insert-only');
END;
CREATE TRIGGER assessment_publications_no_update BEFORE UPDATE ON assessment_publications
BEGIN
    SELECT RAISE(ABORT, 'assessment_publications is insert-only');
END;
CREATE TRIGGER assessment_publications_no_delete BEFORE DELETE ON assessment_publications
BEGIN
    SELECT RAISE(ABORT, 'assessment_publications is insert-only');
END;
CREATE TRIGGER assessment_subsidy_lines_no_update BEFORE UPDATE ON assessment_subsidy_lines
BEGIN
    SELECT RAISE(ABORT, 'assessment_subsidy_lines is insert-only');
END;
CREATE TRIGGER assessment_subsidy_lines_no_delete BEFORE DELETE ON assessment_subsidy_lines
BEGIN
    SELECT RAISE(ABORT, 'assessment_subsidy_lines is insert-only');
END;
-- @end
-- @postgres
CREATE FUNCTION assessment_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is insert-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER assessment_published_rows_no_change BEFORE UPDATE OR DELETE ON assessment_published_rows
    FOR EACH ROW EXECUTE FUNCTION assessment_insert_only();
CREATE TRIGGER assessment_publications_no_change BEFORE UPDATE OR DELETE ON assessment_publications
    FOR EACH ROW EXECUTE FUNCTION assessment_insert_only();
CREATE TRIGGER assessment_subsidy_lines_no_change BEFORE UPDATE OR DELETE ON assessment_subsidy_lines
    FOR EACH ROW EXECUTE FUNCTION assessment_insert_only();
-- @end
