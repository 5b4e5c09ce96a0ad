-- Foundation: reference tables, organisations, accounts and sessions, audit, idempotency,
-- version history. Timestamps are RFC 3339 UTC text ('2026-11-23T06:35:10Z'), dates
-- 'YYYY-MM-DD', money integer fen, booleans 0/1 integers, JSON documents as text: the same
-- on SQLite and PostgreSQL, and sortable as stored.

CREATE TABLE districts (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT ''
);

-- Competent departments (主管部门): education, market regulation, health …
CREATE TABLE departments (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT ''
);

CREATE TABLE organizations (
    id {{ID}},
    name TEXT NOT NULL,
    credit_code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    district_code TEXT REFERENCES districts (code),
    department_code TEXT REFERENCES departments (code),
    is_sme INTEGER NOT NULL DEFAULT 0,
    contacts TEXT NOT NULL DEFAULT '[]',
    address TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'approved',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX organizations_district ON organizations (district_code);
CREATE INDEX organizations_department ON organizations (department_code);

CREATE TABLE users (
    id {{ID}},
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    org_id {{BIGINT}} REFERENCES organizations (id),
    department_code TEXT REFERENCES departments (code),
    district_code TEXT REFERENCES districts (code),
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 1,
    password_changed_at TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    last_login_at TEXT,
    totp_secret TEXT,
    totp_enabled INTEGER NOT NULL DEFAULT 0,
    totp_last_step {{BIGINT}} NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX users_org ON users (org_id);

CREATE TABLE user_roles (
    user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

-- Previous password hashes, so that the last five cannot be reused.
CREATE TABLE password_history (
    id {{ID}},
    user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id);

-- Server-side sessions; only a hash of the cookie value is stored.
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    mfa_passed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ip TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Bearer tokens for machine clients; only a hash is stored, the token is shown once.
CREATE TABLE api_tokens (
    id {{ID}},
    user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL DEFAULT '',
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Append-only, hash-chained audit log: each row's hash covers its content and the previous
-- row's hash, so an edited or deleted row breaks the chain.
CREATE TABLE audit_events (
    id {{ID}},
    at TEXT NOT NULL,
    actor_user_id {{BIGINT}},
    actor_username TEXT NOT NULL DEFAULT '',
    actor_role TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    request_id TEXT NOT NULL DEFAULT '',
    event_type TEXT NOT NULL,
    object_type TEXT NOT NULL DEFAULT '',
    object_id TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT 'ok',
    before_json TEXT,
    after_json TEXT,
    detail TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_object ON audit_events (object_type, object_id);
CREATE INDEX audit_events_actor ON audit_events (actor_user_id);

-- Stored answers to POSTs that carried an Idempotency-Key, per caller.
CREATE TABLE idempotency_keys (
    caller TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response_body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Every saved version of a registered object (labs, instruments, services …), as JSON.
CREATE TABLE object_versions (
    object_type TEXT NOT NULL,
    object_id {{BIGINT}} NOT NULL,
    version INTEGER NOT NULL,
    data_json TEXT NOT NULL,
    changed_by {{BIGINT}},
    changed_at TEXT NOT NULL,
    PRIMARY KEY (object_type, object_id, version)
);

-- Per-address attempt counters for rate limits that every server node must share.
CREATE TABLE rate_limits (
    bucket TEXT PRIMARY KEY,
    window_start TEXT NOT NULL,
    count INTEGER NOT NULL
);
