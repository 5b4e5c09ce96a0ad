-- Orders and bookings, part 3 (issue 13): the in-app inbox, and the secret tokens of iCalendar feeds.
CREATE TABLE notifications (
    id {{ID}},
    user_id {{BIGINT}} NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,            -- booking_requested, booking_approved, … (the web renders the text)
    params TEXT NOT NULL,          -- JSON object: what the text names (ids, instrument, times)
    dedupe_key TEXT,               -- a reminder is sent once: (user, key) is unique when set
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE UNIQUE INDEX notifications_once ON notifications (user_id, dedupe_key);

-- A feed's URL carries a secret token; only its hash is kept. One token per owner; a reset
-- replaces it, and the old URL stops working at once.
CREATE TABLE calendar_tokens (
    owner_kind TEXT NOT NULL,      -- user | instrument
    owner_id {{BIGINT}} NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (owner_kind, owner_id)
);
