-- Technology contract registration (技术合同认定登记, issue 18 §4–5, docs/design/tech-contracts.md): the
-- contracts with their parties, instalments and IP types, the registration serials, the statistics' tallies
-- kept in the registration's transaction, and the reference lists of form JJ-001 (data/SOURCES.md).

-- The technical fields of the published statistics (技术领域), in their usual order.
CREATE TABLE tech_fields (
    code TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL
);
INSERT INTO tech_fields (code, name_zh, name_en, position) VALUES
    ('electronic_information', '电子信息', 'Electronic information', 1),
    ('aerospace', '航空航天', 'Aerospace', 2),
    ('advanced_manufacturing', '先进制造', 'Advanced manufacturing', 3),
    ('biomedicine', '生物医药和医疗器械', 'Biomedicine and medical devices', 4),
    ('new_materials', '新材料及其应用', 'New materials and their applications', 5),
    ('new_energy', '新能源与高效节能', 'New energy and energy efficiency', 6),
    ('environment', '环境保护与资源综合利用', 'Environmental protection and resource recycling', 7),
    ('nuclear', '核应用技术', 'Nuclear applications', 8),
    ('agriculture', '农业', 'Agriculture', 9),
    ('transport', '现代交通', 'Modern transport', 10),
    ('urban_social', '城市建设与社会发展', 'Urban construction and social development', 11);

-- The IP types of the published statistics (知识产权类型).
CREATE TABLE tech_ip_types (
    code TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL
);
INSERT INTO tech_ip_types (code, name_zh, name_en, position) VALUES
    ('technical_secret', '技术秘密', 'Technical secret', 1),
    ('patent', '专利', 'Patent', 2),
    ('software', '计算机软件', 'Computer software', 3),
    ('plant_animal_variety', '动植物新品种', 'New plant or animal variety', 4),
    ('ic_layout', '集成电路布图设计', 'Integrated circuit layout design', 5),
    ('biomedicine_variety', '生物医药新品种', 'New biomedicine variety', 6),
    ('none', '未涉及知识产权', 'No intellectual property', 7);

-- Legal-person types of form JJ-001 (3 digits): research institutes and universities as the form's examples,
-- enterprises by the statistics bureau's registration types; class groups them for the statistics.
CREATE TABLE tech_entity_types (
    code TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    class TEXT NOT NULL CHECK (class IN ('enterprise', 'research', 'university', 'other'))
);
INSERT INTO tech_entity_types (code, name_zh, name_en, class) VALUES
    ('021', '科研机构', 'Research institute', 'research'),
    ('022', '高等院校', 'University', 'university'),
    ('110', '国有企业', 'State-owned enterprise', 'enterprise'),
    ('120', '集体企业', 'Collective enterprise', 'enterprise'),
    ('130', '股份合作企业', 'Joint-stock cooperative', 'enterprise'),
    ('150', '有限责任公司', 'Limited liability company', 'enterprise'),
    ('160', '股份有限公司', 'Company limited by shares', 'enterprise'),
    ('170', '私营企业', 'Private enterprise', 'enterprise'),
    ('190', '其他企业', 'Other enterprise', 'enterprise'),
    ('210', '与港澳台商合资经营企业', 'Joint venture with Hong Kong, Macao or Taiwan', 'enterprise'),
    ('230', '港澳台商独资企业', 'Wholly Hong Kong, Macao or Taiwan owned', 'enterprise'),
    ('310', '中外合资经营企业', 'Sino-foreign joint venture', 'enterprise'),
    ('320', '中外合作经营企业', 'Sino-foreign cooperative', 'enterprise'),
    ('330', '外资企业', 'Wholly foreign-owned enterprise', 'enterprise'),
    ('900', '其他组织', 'Other organisation', 'other');

-- Province-level divisions of GB/T 2260 (a buyer outside Beijing is counted by province); short names as
-- the China map names them.
CREATE TABLE tech_provinces (
    code TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    short_name TEXT NOT NULL,
    name_en TEXT NOT NULL
);
INSERT INTO tech_provinces (code, name_zh, short_name, name_en) VALUES
    ('110000', '北京市', '北京', 'Beijing'), ('120000', '天津市', '天津', 'Tianjin'),
    ('130000', '河北省', '河北', 'Hebei'), ('140000', '山西省', '山西', 'Shanxi'),
    ('150000', '内蒙古自治区', '内蒙古', 'Inner Mongolia'), ('210000', '辽宁省', '辽宁', 'Liaoning'),
    ('220000', '吉林省', '吉林', 'Jilin'), ('230000', '黑龙江省', '黑龙江', 'Heilongjiang'),
    ('310000', '上海市', '上海', 'Shanghai'), ('320000', '江苏省', '江苏', 'Jiangsu'),
    ('330000', '浙江省', '浙江', 'Zhejiang'), ('340000', '安徽省', '安徽', 'Anhui'),
    ('350000', '福建省', '福建', 'Fujian'), ('360000', '江西省', '江西', 'Jiangxi'),
    ('370000', '山东省', '山东', 'Shandong'), ('410000', '河南省', '河南', 'Henan'),
    ('420000', '湖北省', '湖北', 'Hubei'), ('430000', '湖南省', '湖南', 'Hunan'),
    ('440000', '广东省', '广东', 'Guangdong'), ('450000', '广西壮族自治区', '广西', 'Guangxi'),
    ('460000', '海南省', '海南', 'Hainan'), ('500000', '重庆市', '重庆', 'Chongqing'),
    ('510000', '四川省', '四川', 'Sichuan'), ('520000', '贵州省', '贵州', 'Guizhou'),
    ('530000', '云南省', '云南', 'Yunnan'), ('540000', '西藏自治区', '西藏', 'Tibet'),
    ('610000', '陕西省', '陕西', 'Shaanxi'), ('620000', '甘肃省', '甘肃', 'Gansu'),
    ('630000', '青海省', '青海', 'Qinghai'), ('640000', '宁夏回族自治区', '宁夏', 'Ningxia'),
    ('650000', '新疆维吾尔自治区', '新疆', 'Xinjiang'), ('710000', '台湾省', '台湾', 'Taiwan'),
    ('810000', '香港特别行政区', '香港', 'Hong Kong'), ('820000', '澳门特别行政区', '澳门', 'Macao');

CREATE TABLE tech_contracts (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),         -- the seller organisation (the applicant)
    district_code TEXT NOT NULL,                                       -- its district: the registration office
    contract_type_id {{BIGINT}} NOT NULL REFERENCES contract_types (id),
    project_name TEXT NOT NULL,
    signed_on TEXT NOT NULL,                                           -- YYYY-MM-DD
    valid_from TEXT,
    valid_until TEXT,
    total_fen {{BIGINT}} NOT NULL CHECK (total_fen > 0),
    tech_amount_fen {{BIGINT}} NOT NULL CHECK (tech_amount_fen >= 0 AND tech_amount_fen <= total_fen),
    field_code TEXT NOT NULL REFERENCES tech_fields (code),
    industry_code TEXT REFERENCES industry_codes (code),
    government_plan INTEGER NOT NULL DEFAULT 0 CHECK (government_plan IN (0, 1)),
    plan_name TEXT NOT NULL DEFAULT '',
    expected_investment_fen {{BIGINT}},                                -- transfers and licences
    expected_output_fen {{BIGINT}},
    achievement_id {{BIGINT}} REFERENCES achievements (id),
    demand_id {{BIGINT}} REFERENCES tech_demands (id),               -- the demand it answers (0035)
    broker_id {{BIGINT}} REFERENCES tech_brokers (id),               -- the broker who brokered it
    status TEXT NOT NULL DEFAULT 'draft',
    version {{BIGINT}} NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    submitted_on TEXT,                                                 -- acceptance (受理)
    decision_due_on TEXT,                                              -- acceptance + 30 calendar days
    registration_no TEXT,
    approved_income_fen {{BIGINT}},                                    -- 核定技术性收入, at registration
    registered_on TEXT,
    registered_by {{BIGINT}} REFERENCES users (id),
    created_by {{BIGINT}} NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (approved_income_fen IS NULL OR approved_income_fen <= tech_amount_fen)
);
CREATE INDEX tech_contracts_org ON tech_contracts (org_id, id);
CREATE INDEX tech_contracts_district ON tech_contracts (district_code, status, id);
CREATE INDEX tech_contracts_status ON tech_contracts (status, registered_on);
CREATE INDEX tech_contracts_achievement ON tech_contracts (achievement_id);
CREATE INDEX tech_contracts_submitted ON tech_contracts (submitted_on);
CREATE INDEX tech_contracts_demand ON tech_contracts (demand_id);
CREATE INDEX tech_contracts_broker ON tech_contracts (broker_id);
CREATE UNIQUE INDEX tech_contracts_registration_no ON tech_contracts (registration_no);

CREATE TABLE tech_contract_parties (
    contract_id {{BIGINT}} NOT NULL REFERENCES tech_contracts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('seller', 'buyer', 'other')),
    name TEXT NOT NULL,
    credit_code TEXT NOT NULL,
    entity_type TEXT NOT NULL REFERENCES tech_entity_types (code),
    country_code TEXT NOT NULL,                                        -- customs 3 digits, 142 China
    division_code TEXT NOT NULL,                                       -- GB/T 2260, 000000 abroad
    PRIMARY KEY (contract_id, position)
);

CREATE TABLE tech_contract_instalments (
    contract_id {{BIGINT}} NOT NULL REFERENCES tech_contracts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    due_on TEXT NOT NULL,
    amount_fen {{BIGINT}} NOT NULL CHECK (amount_fen > 0),
    PRIMARY KEY (contract_id, position)
);

CREATE TABLE tech_contract_ip_types (
    contract_id {{BIGINT}} NOT NULL REFERENCES tech_contracts (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES tech_ip_types (code),
    PRIMARY KEY (contract_id, code)
);

-- The last serial per year + region + point: the registration takes the next one by an upsert in its
-- transaction, so two registrations never share a number.
CREATE TABLE tech_contract_serials (
    prefix TEXT PRIMARY KEY,
    last_serial INTEGER NOT NULL
);

-- The statistics' tallies of registered contracts: per dimension, key and month (YYYY-MM of registration),
-- kept in the registration's transaction so that statistics and map sum a few rows instead of scanning.
CREATE TABLE tech_contract_tallies (
    dimension TEXT NOT NULL,
    tally_key TEXT NOT NULL,
    month TEXT NOT NULL,
    contracts {{BIGINT}} NOT NULL DEFAULT 0,
    total_fen {{BIGINT}} NOT NULL DEFAULT 0,
    tech_fen {{BIGINT}} NOT NULL DEFAULT 0,
    major_contracts {{BIGINT}} NOT NULL DEFAULT 0,
    major_total_fen {{BIGINT}} NOT NULL DEFAULT 0,
    PRIMARY KEY (dimension, month, tally_key)
);
