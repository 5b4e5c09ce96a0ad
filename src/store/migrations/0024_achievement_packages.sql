-- Achievement packages (issue 14, item 4; seed 002 task 1 "推广清单", seed 003 task 5 "科技成果包"): lists of
-- approved, non-secret achievements assembled for an application need or a field by the operator, or by a
-- department for its own units, and published as public pages. Items are checked when they are put on a
-- list and again when it is read: one made secret later drops out of the public view.
CREATE TABLE achievement_packages (
    id {{ID}},
    title TEXT NOT NULL,
    field TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    department_code TEXT REFERENCES departments (code),  -- NULL: the operator's
    status TEXT NOT NULL DEFAULT 'draft',                 -- draft | published | withdrawn
    version INTEGER NOT NULL DEFAULT 1,
    created_by {{BIGINT}},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX achievement_packages_status ON achievement_packages (status, id);

CREATE TABLE achievement_package_items (
    package_id {{BIGINT}} NOT NULL REFERENCES achievement_packages (id) ON DELETE CASCADE,
    achievement_id {{BIGINT}} NOT NULL REFERENCES achievements (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (package_id, achievement_id)
);
CREATE INDEX achievement_package_items_achievement ON achievement_package_items (achievement_id);
