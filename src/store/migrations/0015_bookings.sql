-- Orders and bookings, part 1 (issue 13; docs/design/bookings-and-orders.md): the booking rules a
-- unit sets per instrument, who is trained on it, and the bookings of its time.
--
-- Times: starts_at/ends_at are RFC 3339 UTC text as everywhere; start_minute/end_minute are the
-- same instants in whole minutes since the Unix epoch, half-open [start, end), and are what the
-- overlap guard and the indexes use. Local-time rules (opening hours) are minutes of the
-- Asia/Shanghai day.
CREATE TABLE booking_rules (
    instrument_id {{BIGINT}} PRIMARY KEY REFERENCES instruments (id),
    version {{BIGINT}} NOT NULL DEFAULT 1,
    weekdays TEXT NOT NULL DEFAULT '12345',          -- ISO weekdays bookable, 1 = Monday
    working_days_only INTEGER NOT NULL DEFAULT 1,    -- and not on the calendar's holidays
    opens_minute INTEGER NOT NULL DEFAULT 510,       -- 08:30 local
    closes_minute INTEGER NOT NULL DEFAULT 1050,     -- 17:30 local
    slot_minutes INTEGER NOT NULL DEFAULT 60,
    min_notice_minutes INTEGER NOT NULL DEFAULT 1440,
    horizon_days INTEGER NOT NULL DEFAULT 60,
    cancel_before_minutes INTEGER NOT NULL DEFAULT 1440,
    max_minutes_per_week INTEGER NOT NULL DEFAULT 0, -- per user; 0: no limit
    approval_required INTEGER NOT NULL DEFAULT 1,
    who_may_book TEXT NOT NULL DEFAULT 'signed_in',  -- signed_in | enterprise | trained
    internal_fen_per_hour {{BIGINT}},
    external_fen_per_hour {{BIGINT}},
    internal_fen_per_sample {{BIGINT}},
    external_fen_per_sample {{BIGINT}},
    updated_at TEXT NOT NULL,
    CHECK (opens_minute >= 0 AND opens_minute < closes_minute AND closes_minute <= 1440),
    CHECK (slot_minutes >= 15 AND slot_minutes <= 480 AND slot_minutes % 15 = 0)
);

CREATE TABLE instrument_trained_users (
    instrument_id {{BIGINT}} NOT NULL REFERENCES instruments (id),
    user_id {{BIGINT}} NOT NULL REFERENCES users (id),
    trained_on TEXT NOT NULL,  -- YYYY-MM-DD
    added_at TEXT NOT NULL,
    PRIMARY KEY (instrument_id, user_id)
);

CREATE TABLE bookings (
    id {{ID}},
    instrument_id {{BIGINT}} NOT NULL REFERENCES instruments (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),        -- the provider
    client_org_id {{BIGINT}} REFERENCES organizations (id),          -- NULL: a user without one
    user_id {{BIGINT}} NOT NULL REFERENCES users (id),               -- who uses the time
    booked_by {{BIGINT}} NOT NULL REFERENCES users (id),             -- who booked it (a colleague may)
    series_id {{BIGINT}},                                            -- the first booking of a weekly series
    status TEXT NOT NULL,
    version {{BIGINT}} NOT NULL DEFAULT 1,
    start_minute {{BIGINT}} NOT NULL,
    end_minute {{BIGINT}} NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    samples INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start_minute < end_minute AND end_minute - start_minute <= 1440)
);
CREATE INDEX bookings_instrument_time ON bookings (instrument_id, start_minute);
CREATE INDEX bookings_user ON bookings (user_id, start_minute);
CREATE INDEX bookings_provider ON bookings (org_id, status, start_minute);

-- No two live bookings of one instrument overlap, whatever writes them. A booking lies within one
-- day's opening hours (CHECK below), so SQLite's guard looks back one day only and stays an index
-- range of a few rows however long the history grows.
-- @sqlite
CREATE TRIGGER bookings_no_overlap_insert BEFORE INSERT ON bookings
WHEN NEW.status IN ('requested', 'approved') AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.instrument_id = NEW.instrument_id AND b.status IN ('requested', 'approved')
      AND b.start_minute < NEW.end_minute AND b.start_minute > NEW.start_minute - 1440
      AND b.end_minute > NEW.start_minute)
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap');
END;
CREATE TRIGGER bookings_no_overlap_update BEFORE UPDATE OF status, start_minute, end_minute ON bookings
WHEN NEW.status IN ('requested', 'approved') AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.instrument_id = NEW.instrument_id AND b.id <> NEW.id AND b.status IN ('requested', 'approved')
      AND b.start_minute < NEW.end_minute AND b.start_minute > NEW.start_minute - 1440
      AND b.end_minute > NEW.start_minute)
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap');
END;
-- @end
-- @postgres
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
    EXCLUDE USING gist (instrument_id WITH =, int8range(start_minute, end_minute) WITH &&)
    WHERE (status IN ('requested', 'approved'));
-- @end
