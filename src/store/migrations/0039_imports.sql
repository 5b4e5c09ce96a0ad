-- Spreadsheet imports of the registered kinds (issue 19, docs/design/data-exchange.md §5–9): one row per
-- run with its mode and counts, and per run the outcome of each object (the first 1,000) and every
-- refused cell, with the refused rows' original cells for the report. The uploaded file is not kept.

CREATE TABLE import_runs (
    id {{ID}},
    kind TEXT NOT NULL,
    org_id {{BIGINT}} REFERENCES organizations (id),   -- the organisation imported for (NULL: the operator's, by credit code)
    user_id {{BIGINT}} REFERENCES users (id),          -- NULL: the command line
    lock_key {{BIGINT}} NOT NULL,                       -- org_id, or 0 for the operator's runs without one
    file_name TEXT NOT NULL,
    file_bytes {{BIGINT}} NOT NULL,
    file_sha256 TEXT NOT NULL,
    dry_run INTEGER NOT NULL CHECK (dry_run IN (0, 1)),
    all_or_nothing INTEGER NOT NULL CHECK (all_or_nothing IN (0, 1)),
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    applied INTEGER NOT NULL DEFAULT 0,                 -- whether its changes were kept
    rows_total {{BIGINT}} NOT NULL DEFAULT 0,
    rows_done {{BIGINT}} NOT NULL DEFAULT 0,
    created {{BIGINT}} NOT NULL DEFAULT 0,
    updated {{BIGINT}} NOT NULL DEFAULT 0,
    unchanged {{BIGINT}} NOT NULL DEFAULT 0,
    refused {{BIGINT}} NOT NULL DEFAULT 0,
    header_json TEXT NOT NULL DEFAULT '[]',             -- the file's header row, for the report
    failure TEXT NOT NULL DEFAULT '',                   -- why a failed run failed (the file unreadable)
    version {{BIGINT}} NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    finished_at TEXT
);
-- One running import per organisation: the second is refused by this index (a conditional insert).
CREATE UNIQUE INDEX import_runs_one_running ON import_runs (lock_key) WHERE status IN ('queued', 'running');
CREATE INDEX import_runs_org ON import_runs (org_id, id);
CREATE INDEX import_runs_user ON import_runs (user_id, id);

CREATE TABLE import_run_rows (
    run_id {{BIGINT}} NOT NULL REFERENCES import_runs (id),
    seq INTEGER NOT NULL,
    entry TEXT NOT NULL CHECK (entry IN ('row', 'error', 'source')),  -- an outcome, a refused cell, a refused row's cells
    row_no INTEGER NOT NULL,                           -- the spreadsheet's row number
    outcome TEXT NOT NULL DEFAULT '',                  -- row: created, updated, unchanged, refused
    object_id {{BIGINT}},
    name TEXT NOT NULL DEFAULT '',
    column_name TEXT NOT NULL DEFAULT '',              -- error: the file's header of the cell
    field TEXT NOT NULL DEFAULT '',
    message_zh TEXT NOT NULL DEFAULT '',
    message_en TEXT NOT NULL DEFAULT '',
    cells_json TEXT NOT NULL DEFAULT '',               -- source: the row's cells as read
    PRIMARY KEY (run_id, seq)
);
