-- Orders and bookings, part 4 (issue 13): service orders for registered service products (tests,
-- R&D services) and the files attached to them (sample descriptions, test reports).
CREATE TABLE service_orders (
    id {{ID}},
    service_id {{BIGINT}} NOT NULL REFERENCES services (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),        -- the provider
    client_org_id {{BIGINT}} REFERENCES organizations (id),
    user_id {{BIGINT}} NOT NULL REFERENCES users (id),               -- who ordered
    status TEXT NOT NULL,
    version {{BIGINT}} NOT NULL DEFAULT 1,
    requirements TEXT NOT NULL,
    samples INTEGER NOT NULL DEFAULT 0,
    sample_description TEXT NOT NULL DEFAULT '',
    quote_fen {{BIGINT}},                                            -- the provider's quote
    quote_days INTEGER,                                              -- working days to deliver
    quote_note TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    -- Kept by the upload's conditional update (count < 10), so racing uploads cannot pass the limit.
    attachment_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (quote_fen IS NULL OR quote_fen >= 0),
    CHECK (attachment_count >= 0 AND attachment_count <= 10)
);
CREATE INDEX service_orders_user ON service_orders (user_id, id);
CREATE INDEX service_orders_provider ON service_orders (org_id, status, id);

-- Files travel with the order, in the database (both engines, one backup): at most 10 MiB each
-- and 10 per order, PDF, images and Office documents only (checked by content, not by name).
CREATE TABLE order_attachments (
    id {{ID}},
    order_id {{BIGINT}} NOT NULL REFERENCES service_orders (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes {{BIGINT}} NOT NULL,
    sha256 TEXT NOT NULL,
    content {{BLOB}} NOT NULL,
    uploaded_by {{BIGINT}} NOT NULL REFERENCES users (id),
    uploaded_at TEXT NOT NULL
);
CREATE INDEX order_attachments_order ON order_attachments (order_id, id);
