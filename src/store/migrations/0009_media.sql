-- Uploaded images (instrument and lab photos). The bytes live in files named by their
-- SHA-256 under the media folder; this table says who uploaded what, for audit and quotas.
CREATE TABLE media (
    sha256 TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    size_bytes {{BIGINT}} NOT NULL,
    org_id {{BIGINT}} REFERENCES organizations (id),
    uploaded_by {{BIGINT}},
    created_at TEXT NOT NULL
);
CREATE INDEX media_uploaded_by ON media (uploaded_by, created_at);
