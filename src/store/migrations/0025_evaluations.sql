-- Achievement evaluation requests (issue 14, item 6; seed 002 tasks 4, 9–12; docs/design/achievements.md
-- "Evaluation requests"): a unit asks for an evaluation of one of its achievements (or, for a patent
-- pre-filing assessment, of an invention disclosure: title and abstract, no achievement yet); the operator
-- assigns an evaluation agency or at least three experts; each scores every criterion of the class once;
-- the weighted result is attached to the achievement.

-- The method each class is evaluated by (seed 002 section 六), as data.
CREATE TABLE evaluation_methods (
    class TEXT PRIMARY KEY,   -- basic_research | applied_research | development_industrialization
    method TEXT NOT NULL UNIQUE,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);
INSERT INTO evaluation_methods (class, method, name_zh, name_en) VALUES
    ('basic_research', 'peer_review', '同行评议（代表作）', 'Peer review of representative works'),
    ('applied_research', 'professional_review', '专业评价', 'Professional review'),
    ('development_industrialization', 'user_market_third_party', '用户评价、市场检验和第三方评价',
     'User, market and third-party review');

-- The criteria of each class with their weights (each class's weights sum to 100: a unit test checks).
CREATE TABLE evaluation_criteria (
    class TEXT NOT NULL REFERENCES evaluation_methods (class),
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    weight INTEGER NOT NULL CHECK (weight > 0 AND weight <= 100),
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    PRIMARY KEY (class, code)
);
INSERT INTO evaluation_criteria (class, code, position, weight, name_zh, name_en) VALUES
    ('basic_research', 'scientific_value', 1, 40, '科学价值', 'Scientific value'),
    ('basic_research', 'originality', 2, 35, '原创性', 'Originality'),
    ('basic_research', 'new_field', 3, 25, '开辟新领域', 'Opening a new field'),
    ('applied_research', 'key_technology', 1, 40, '关键技术突破', 'Key technology breakthrough'),
    ('applied_research', 'system_solution', 2, 30, '系统解决方案', 'System solution'),
    ('applied_research', 'technical_value', 3, 30, '技术价值', 'Technical value'),
    ('development_industrialization', 'economic_value', 1, 35, '经济价值', 'Economic value'),
    ('development_industrialization', 'market_test', 2, 25, '市场检验', 'Market test'),
    ('development_industrialization', 'user_evaluation', 3, 20, '用户评价', 'User evaluation'),
    ('development_industrialization', 'social_value', 4, 20, '社会价值', 'Social value');

CREATE TABLE evaluation_requests (
    id {{ID}},
    subject TEXT NOT NULL,                  -- achievement | invention_disclosure
    achievement_id {{BIGINT}} REFERENCES achievements (id),
    title TEXT NOT NULL DEFAULT '',         -- a disclosure's; an achievement's name is read from it
    abstract TEXT NOT NULL DEFAULT '',
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),  -- the asking unit
    class TEXT NOT NULL REFERENCES evaluation_methods (class),
    method TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'requested',  -- requested | assigned | scored | completed | cancelled | declined
    version INTEGER NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',        -- why it was cancelled or declined
    score INTEGER,                          -- the weighted result, 0–100, once completed
    level TEXT,                             -- excellent | good | pass | fail (docs/design/achievements.md)
    conclusion TEXT NOT NULL DEFAULT '',
    requested_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    completed_at TEXT,
    CHECK (subject IN ('achievement', 'invention_disclosure')),
    CHECK ((subject = 'achievement') = (achievement_id IS NOT NULL)),
    CHECK (score IS NULL OR (score >= 0 AND score <= 100))
);
CREATE INDEX evaluation_requests_org ON evaluation_requests (org_id, id);
CREATE INDEX evaluation_requests_achievement ON evaluation_requests (achievement_id, status);

-- Who evaluates: one agency or ≥ 3 experts. `version` guards the assignee's one scoring.
CREATE TABLE evaluation_assignees (
    id {{ID}},
    request_id {{BIGINT}} NOT NULL REFERENCES evaluation_requests (id),
    user_id {{BIGINT}} NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,                     -- agency | expert
    scored INTEGER NOT NULL DEFAULT 0,
    scored_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (kind IN ('agency', 'expert')),
    CHECK (scored IN (0, 1)),
    UNIQUE (request_id, user_id)
);
CREATE INDEX evaluation_assignees_user ON evaluation_assignees (user_id, request_id);

CREATE TABLE evaluation_scores (
    id {{ID}},
    assignee_id {{BIGINT}} NOT NULL REFERENCES evaluation_assignees (id),
    request_id {{BIGINT}} NOT NULL REFERENCES evaluation_requests (id),
    criterion TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score >= 0 AND score <= 100),
    comment TEXT NOT NULL DEFAULT '',
    UNIQUE (assignee_id, criterion)
);
CREATE INDEX evaluation_scores_request ON evaluation_scores (request_id);

-- The latest completed evaluation, shown with the achievement (as visible as the achievement is).
ALTER TABLE achievements ADD COLUMN evaluation_method TEXT;
ALTER TABLE achievements ADD COLUMN evaluation_score INTEGER;
ALTER TABLE achievements ADD COLUMN evaluation_level TEXT;
ALTER TABLE achievements ADD COLUMN evaluation_completed_at TEXT;
