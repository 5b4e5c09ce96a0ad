-- Technology demands and technology brokers (issue 18 §1, §3; docs/design/tech-demands.md).
-- A demand (技术需求) is a registered kind (src/registry): reviewed before it is public, plus the
-- state `closed` (solved or abandoned, by its owner). A broker (技术经纪人) is a user with the broker
-- role and a profile the operator activates; the demand's owner asks brokers to handle it
-- (assignments), and an assigned broker keeps a work log.

-- The wanted forms of cooperation: the contract types of the technology market (技术开发、转让、
-- 许可、咨询、服务) and jointly built R&D institutions or laboratories.
CREATE TABLE tech_cooperation_forms (
    code TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL
);
INSERT INTO tech_cooperation_forms (code, name_zh, name_en, position) VALUES
    ('development', '技术开发', 'Technology development', 1),
    ('transfer', '技术转让', 'Technology transfer', 2),
    ('licence', '技术许可', 'Technology licence', 3),
    ('consulting', '技术咨询', 'Technical consulting', 4),
    ('service', '技术服务', 'Technical service', 5),
    ('joint_lab', '共建研发机构/联合实验室', 'Joint R&D institution or laboratory', 6);

CREATE TABLE tech_demands (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),     -- the enterprise that publishes it
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    district_code TEXT NOT NULL REFERENCES districts (code),
    budget_min_fen {{BIGINT}},                                     -- NULL: not said; min <= max
    budget_max_fen {{BIGINT}},
    deadline TEXT NOT NULL,                                        -- YYYY-MM-DD (Asia/Shanghai); past it: expired
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',                          -- draft|submitted|approved|returned|withdrawn|closed
    review_reason TEXT NOT NULL DEFAULT '',
    closed_outcome TEXT,                                           -- solved | abandoned, when closed
    closed_at TEXT,
    active_brokers INTEGER NOT NULL DEFAULT 0,                     -- requested + accepted assignments (at most 3)
    version {{BIGINT}} NOT NULL DEFAULT 1,
    created_by {{BIGINT}},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (budget_min_fen IS NULL OR budget_min_fen >= 0),
    CHECK (budget_max_fen IS NULL OR budget_max_fen >= 0),
    CHECK (closed_outcome IS NULL OR closed_outcome IN ('solved', 'abandoned')),
    CHECK (active_brokers BETWEEN 0 AND 3)
);
CREATE INDEX tech_demands_org ON tech_demands (org_id, id);
CREATE INDEX tech_demands_status ON tech_demands (status, district_code, deadline);

CREATE TABLE tech_demand_industries (
    demand_id {{BIGINT}} NOT NULL REFERENCES tech_demands (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES industry_codes (code),
    PRIMARY KEY (demand_id, code)
);
CREATE INDEX tech_demand_industries_code ON tech_demand_industries (code);

CREATE TABLE tech_demand_cooperation_forms (
    demand_id {{BIGINT}} NOT NULL REFERENCES tech_demands (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES tech_cooperation_forms (code),
    PRIMARY KEY (demand_id, code)
);
CREATE INDEX tech_demand_cooperation_forms_code ON tech_demand_cooperation_forms (code);

CREATE TABLE tech_brokers (
    id {{ID}},
    user_id {{BIGINT}} NOT NULL UNIQUE REFERENCES users (id),
    org_id {{BIGINT}} REFERENCES organizations (id),              -- the broker's agency, if any
    name TEXT NOT NULL,
    certificate_no TEXT NOT NULL,                                  -- the qualification certificate
    level TEXT NOT NULL,                                           -- junior 初级 | intermediate 中级 | senior 高级
    issuing_body TEXT NOT NULL,
    valid_until TEXT NOT NULL,                                     -- YYYY-MM-DD
    introduction TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending',                        -- pending | active | suspended
    reason TEXT NOT NULL DEFAULT '',
    version {{BIGINT}} NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (level IN ('junior', 'intermediate', 'senior')),
    CHECK (status IN ('pending', 'active', 'suspended'))
);
CREATE INDEX tech_brokers_status ON tech_brokers (status, id);

CREATE TABLE tech_broker_industries (
    broker_id {{BIGINT}} NOT NULL REFERENCES tech_brokers (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES industry_codes (code),
    PRIMARY KEY (broker_id, code)
);
CREATE INDEX tech_broker_industries_code ON tech_broker_industries (code);

CREATE TABLE tech_broker_districts (
    broker_id {{BIGINT}} NOT NULL REFERENCES tech_brokers (id) ON DELETE CASCADE,
    district_code TEXT NOT NULL REFERENCES districts (code),
    PRIMARY KEY (broker_id, district_code)
);
CREATE INDEX tech_broker_districts_code ON tech_broker_districts (district_code);

CREATE TABLE tech_broker_assignments (
    id {{ID}},
    demand_id {{BIGINT}} NOT NULL REFERENCES tech_demands (id),
    broker_id {{BIGINT}} NOT NULL REFERENCES tech_brokers (id),
    status TEXT NOT NULL DEFAULT 'requested',                      -- requested | accepted | declined | ended
    reason TEXT NOT NULL DEFAULT '',
    version {{BIGINT}} NOT NULL DEFAULT 1,
    requested_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (status IN ('requested', 'accepted', 'declined', 'ended'))
);
-- One active assignment per demand and broker; a declined or ended one may be asked again.
CREATE UNIQUE INDEX tech_broker_assignments_active ON tech_broker_assignments (demand_id, broker_id)
    WHERE status IN ('requested', 'accepted');
CREATE INDEX tech_broker_assignments_broker ON tech_broker_assignments (broker_id, status, id);
CREATE INDEX tech_broker_assignments_demand ON tech_broker_assignments (demand_id, id);

-- What an assigned broker did for a demand; insert-only.
CREATE TABLE tech_broker_work_logs (
    id {{ID}},
    assignment_id {{BIGINT}} NOT NULL REFERENCES tech_broker_assignments (id),
    demand_id {{BIGINT}} NOT NULL REFERENCES tech_demands (id),
    broker_id {{BIGINT}} NOT NULL REFERENCES tech_brokers (id),
    work_date TEXT NOT NULL,                                       -- YYYY-MM-DD
    kind TEXT NOT NULL,                                            -- visit 走访 | matchmaking 对接 | negotiation 谈判 | signing 签约 | other 其他
    note TEXT NOT NULL DEFAULT '',
    created_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    CHECK (kind IN ('visit', 'matchmaking', 'negotiation', 'signing', 'other'))
);
CREATE INDEX tech_broker_work_logs_assignment ON tech_broker_work_logs (assignment_id, id);
CREATE INDEX tech_broker_work_logs_demand ON tech_broker_work_logs (demand_id, id);
