-- Orders and bookings, part 5 (issue 13): the e-mail outbox of notifications ([mail], off by default).
-- The mail job queues a row for each new notification of a user with an e-mail address and sends
-- it; a failed attempt is retried later with a growing delay, and given up after [mail]
-- max_attempts. A row is the proof that a notification was mailed (or why not): the UNIQUE
-- notification_id makes several servers sharing one database queue each message once.
CREATE TABLE mail_outbox (
    id {{ID}},
    notification_id {{BIGINT}} NOT NULL UNIQUE REFERENCES notifications (id),
    user_id {{BIGINT}} NOT NULL REFERENCES users (id),
    address TEXT NOT NULL,            -- the user's address when the row was queued
    status TEXT NOT NULL,             -- pending | sending | sent | failed
    attempts INTEGER NOT NULL DEFAULT 0,
    -- When the job may take the row (again): the next retry, or, while sending, the end of the
    -- sender's lease (a server that died mid-send leaves the row to be taken up again). NULL
    -- once sent or given up.
    next_attempt_at TEXT,
    last_error TEXT NOT NULL DEFAULT '',  -- why the last attempt failed; never a secret
    queued_at TEXT NOT NULL,
    sent_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (status IN ('pending', 'sending', 'sent', 'failed'))
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
-- The job looks for notifications of the last day not yet in the outbox.
CREATE INDEX notifications_created ON notifications (created_at);
