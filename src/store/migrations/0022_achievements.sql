-- Achievements (issue 14, docs/design/achievements.md): the achievement library, registered and
-- reviewed as the catalog's kinds are. A secret achievement stays with its organisation and the
-- operator on every path (registry is_public "t.secret = 0").

-- Seed 000's five transformation statuses, as a reference table the status link points to.
CREATE TABLE achievement_status_codes (
    code TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);
INSERT INTO achievement_status_codes (code, name_zh, name_en) VALUES
    ('1', '已自行转化为产品，并为企业产生了收入', 'Turned into a product by the owner, with revenue'),
    ('2', '已被其他企业应用，成果拥有单位通过技术服务或技术转让获得了收入',
     'Used by other firms; the owner earned through service or transfer'),
    ('3', '未形成单独产品，用于解决社会具体需求或已承担的重点工程',
     'No product of its own; used for a public need or a major project'),
    ('4', '仅在研究方面获得成效：专利、奖励、顶级会议或期刊论文',
     'Research results only: patents, awards, top papers'),
    ('5', '仅服务了创新基础的培育：人才培养、引进、交流或科普项目',
     'Talent cultivation only: training, recruitment, exchange or outreach projects');

CREATE TABLE achievements (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    lab_id {{BIGINT}} REFERENCES labs (id),
    name TEXT NOT NULL,
    class TEXT NOT NULL,                     -- basic_research | applied_research | development_industrialization
    maturity TEXT NOT NULL DEFAULT '',       -- lab | pilot | small_batch | mass_production
    funding TEXT NOT NULL,                   -- fiscal | non_fiscal
    programme TEXT NOT NULL DEFAULT '',
    secret INTEGER NOT NULL DEFAULT 0,
    remarks TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '[]',
    description TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    -- 12 digits given at approval: region 3 + year 4 + type 1 + serial 4 (the national form's numbering).
    registration_no TEXT,
    status TEXT NOT NULL DEFAULT 'draft',
    review_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_by {{BIGINT}},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (secret IN (0, 1))
);
CREATE INDEX achievements_org ON achievements (org_id);
CREATE INDEX achievements_status ON achievements (status, class);
CREATE UNIQUE INDEX achievements_registration_no ON achievements (registration_no);

CREATE TABLE achievement_industries (
    achievement_id {{BIGINT}} NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES industry_codes (code),
    PRIMARY KEY (achievement_id, code)
);
CREATE INDEX achievement_industries_code ON achievement_industries (code);

CREATE TABLE achievement_statuses (
    achievement_id {{BIGINT}} NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES achievement_status_codes (code),
    PRIMARY KEY (achievement_id, code)
);
CREATE INDEX achievement_statuses_code ON achievement_statuses (code);

-- The last serial given per region + year + type: the approval takes the next one in its
-- transaction (an upsert), so two approvals never share a number.
CREATE TABLE achievement_registration_serials (
    prefix TEXT PRIMARY KEY,
    last_serial INTEGER NOT NULL
);
