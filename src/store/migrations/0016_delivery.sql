-- Orders and bookings, part 2 (issue 13): the delivery record of a completed booking or order (the
-- national platform's service record) and the client's rating of it. Evaluation (issue 16) and
-- vouchers (issue 15) read these, never the bookings or orders themselves.
CREATE TABLE deliveries (
    id {{ID}},
    source_kind TEXT NOT NULL,              -- booking | order
    source_id {{BIGINT}} NOT NULL,
    resource_kind TEXT NOT NULL,            -- instrument | service
    resource_id {{BIGINT}} NOT NULL,
    provider_org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    client_org_id {{BIGINT}} REFERENCES organizations (id),
    client_user_id {{BIGINT}} NOT NULL REFERENCES users (id),
    -- Copied at delivery: what was served to which industry and district must not change when
    -- the client later edits its profile.
    client_industry_code TEXT REFERENCES industry_codes (code),
    client_district_code TEXT,
    internal INTEGER NOT NULL,              -- client organisation = provider organisation
    service_mode TEXT NOT NULL,             -- occupancy | technical | commissioned | remote
    minutes_used INTEGER NOT NULL DEFAULT 0,
    samples INTEGER NOT NULL DEFAULT 0,
    fee_fen {{BIGINT}} NOT NULL DEFAULT 0,
    voucher_fen {{BIGINT}} NOT NULL DEFAULT 0,  -- paid with innovation vouchers (issue 15)
    note TEXT NOT NULL DEFAULT '',
    delivered_on TEXT NOT NULL,             -- YYYY-MM-DD, Asia/Shanghai
    recorded_by {{BIGINT}} NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL,
    UNIQUE (source_kind, source_id),
    CHECK (minutes_used >= 0 AND samples >= 0 AND fee_fen >= 0 AND voucher_fen >= 0 AND voucher_fen <= fee_fen)
);
CREATE INDEX deliveries_provider ON deliveries (provider_org_id, delivered_on);
CREATE INDEX deliveries_resource ON deliveries (resource_kind, resource_id, delivered_on);
CREATE INDEX deliveries_client ON deliveries (client_org_id, delivered_on);

-- One rating per delivery, on the national platform's five levels (5 very satisfied … 1 very poor),
-- and one reply by the provider.
CREATE TABLE ratings (
    id {{ID}},
    delivery_id {{BIGINT}} NOT NULL UNIQUE REFERENCES deliveries (id),
    resource_kind TEXT NOT NULL,
    resource_id {{BIGINT}} NOT NULL,
    provider_org_id {{BIGINT}} NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    rated_by {{BIGINT}} NOT NULL REFERENCES users (id),
    rated_at TEXT NOT NULL,
    reply TEXT,
    replied_by {{BIGINT}},
    replied_at TEXT,
    version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX ratings_resource ON ratings (resource_kind, resource_id, id);

-- Counters kept in the rating's transaction: an average is a read, never a scan.
CREATE TABLE rating_totals (
    resource_kind TEXT NOT NULL,
    resource_id {{BIGINT}} NOT NULL,
    rating_count {{BIGINT}} NOT NULL DEFAULT 0,
    score_sum {{BIGINT}} NOT NULL DEFAULT 0,
    PRIMARY KEY (resource_kind, resource_id)
);
