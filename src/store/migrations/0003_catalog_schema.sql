-- The resource catalog (C1, C2): reference classifications, bases and domain centres, labs,
-- instruments and facilities, service products and finance products. Registered objects
-- share one shape: owning organisation, review status (draft → submitted → approved, or
-- returned with a reason), optimistic version, and their history in object_versions.

-- GB/T 4754-2017 国民经济行业分类, all four levels.
CREATE TABLE industry_codes (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level INTEGER NOT NULL,
    parent_code TEXT,
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX industry_codes_parent ON industry_codes (parent_code);

-- The 2018 high-tech (高精尖) industry catalog: industries, and rows mapping a sub-category
-- to a 4-digit national industry code with its business-scope phrase. The operator
-- maintains the rows; their history is in object_versions.
CREATE TABLE hitech_industries (
    id {{ID}},
    name TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE hitech_subcategories (
    id {{ID}},
    industry_id {{BIGINT}} NOT NULL REFERENCES hitech_industries (id),
    name TEXT NOT NULL,
    code TEXT NOT NULL REFERENCES industry_codes (code),
    scope TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT '',
    UNIQUE (industry_id, name, code)
);
CREATE INDEX hitech_subcategories_code ON hitech_subcategories (code);

CREATE TABLE instrument_classes (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level INTEGER NOT NULL,
    parent_code TEXT
);

CREATE TABLE contract_types (
    id {{ID}},
    type TEXT NOT NULL,
    subtype TEXT NOT NULL DEFAULT '',
    legal_basis TEXT NOT NULL DEFAULT ''
);

-- Chinese public holidays and adjusted working days; other days follow the week.
CREATE TABLE calendar_days (
    day TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL DEFAULT ''
);

-- Bases (基地) and domain centres (领域中心) that group labs.
CREATE TABLE bases (
    id {{ID}},
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('base', 'domain_centre')),
    org_id {{BIGINT}} REFERENCES organizations (id),
    domain TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    finance_product_target INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE labs (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    base_id {{BIGINT}} REFERENCES bases (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    district_code TEXT REFERENCES districts (code),
    open_status TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    review_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_by {{BIGINT}},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX labs_org ON labs (org_id);
CREATE INDEX labs_status ON labs (status, district_code);

CREATE TABLE lab_industries (
    lab_id {{BIGINT}} NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES industry_codes (code),
    scope TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (lab_id, code)
);
CREATE INDEX lab_industries_code ON lab_industries (code);

CREATE TABLE instruments (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    lab_id {{BIGINT}} REFERENCES labs (id),
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    class_code TEXT NOT NULL REFERENCES instrument_classes (code),
    model TEXT NOT NULL DEFAULT '',
    manufacturer TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    original_value_fen {{BIGINT}} NOT NULL CHECK (original_value_fen >= 0),
    purchase_date TEXT,
    acceptance_date TEXT NOT NULL,
    registration_due_date TEXT NOT NULL,
    registered_on TEXT,
    registered_late INTEGER NOT NULL DEFAULT 0,
    location TEXT NOT NULL DEFAULT '',
    district_code TEXT REFERENCES districts (code),
    technical_indicators TEXT NOT NULL DEFAULT '',
    functions TEXT NOT NULL DEFAULT '',
    open_status TEXT NOT NULL,
    service_modes TEXT NOT NULL DEFAULT '[]',
    fee_standard TEXT NOT NULL DEFAULT '',
    booking_rules TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    duty_free INTEGER NOT NULL DEFAULT 0,
    customs_supervision_end TEXT,
    photos TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'draft',
    review_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_by {{BIGINT}},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX instruments_org ON instruments (org_id);
CREATE INDEX instruments_status ON instruments (status, district_code);
CREATE INDEX instruments_class ON instruments (class_code);
CREATE INDEX instruments_due ON instruments (registration_due_date);

CREATE TABLE instrument_industries (
    instrument_id {{BIGINT}} NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES industry_codes (code),
    PRIMARY KEY (instrument_id, code)
);
CREATE INDEX instrument_industries_code ON instrument_industries (code);

CREATE TABLE services (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    lab_id {{BIGINT}} REFERENCES labs (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('test', 'rnd')),
    field TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    parameters TEXT NOT NULL DEFAULT '',
    price_fen {{BIGINT}} CHECK (price_fen IS NULL OR price_fen >= 0),
    price_unit TEXT NOT NULL,
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    remarks TEXT NOT NULL DEFAULT '',
    cnas_cert_no TEXT NOT NULL DEFAULT '',
    cnas_expiry TEXT,
    cma_cert_no TEXT NOT NULL DEFAULT '',
    cma_expiry TEXT,
    district_code TEXT REFERENCES districts (code),
    status TEXT NOT NULL DEFAULT 'draft',
    review_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_by {{BIGINT}},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX services_org ON services (org_id);
CREATE INDEX services_status ON services (status, district_code);

CREATE TABLE service_industries (
    service_id {{BIGINT}} NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES industry_codes (code),
    PRIMARY KEY (service_id, code)
);
CREATE INDEX service_industries_code ON service_industries (code);

CREATE TABLE finance_products (
    id {{ID}},
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    base_id {{BIGINT}} REFERENCES bases (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    features TEXT NOT NULL DEFAULT '',
    eligibility TEXT NOT NULL DEFAULT '',
    amount_min_fen {{BIGINT}},
    amount_max_fen {{BIGINT}},
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    review_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_by {{BIGINT}},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX finance_products_org ON finance_products (org_id);
