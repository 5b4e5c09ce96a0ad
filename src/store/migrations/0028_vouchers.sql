-- Innovation vouchers (issue 15, docs/design/vouchers.md): programmes with their rules as data,
-- admitted providers, relations between organisations (no provider redeems from a related
-- party), applications on the workflow engine, the vouchers issued, their uses on bookings and
-- orders, the providers' redemption claims and the finance bureau's settlements. Money moves only
-- in voucher_ledger: append-only transfers in fen between accounts, hash-chained like the audit
-- log; ledger_balances is the balance of each account, kept in the transfer's transaction by a
-- conditional update that refuses to go below zero.
CREATE TABLE voucher_programmes (
    id {{ID}},
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    name TEXT NOT NULL,
    budget_fen {{BIGINT}} NOT NULL CHECK (budget_fen > 0),
    share_percent INTEGER NOT NULL CHECK (share_percent BETWEEN 1 AND 100),
    cap_per_enterprise_fen {{BIGINT}} NOT NULL CHECK (cap_per_enterprise_fen > 0),
    cap_per_order_fen {{BIGINT}} NOT NULL CHECK (cap_per_order_fen > 0),
    co_approval_fen {{BIGINT}} NOT NULL CHECK (co_approval_fen >= 0),
    use_by_days INTEGER NOT NULL CHECK (use_by_days > 0),
    redeem_by_days INTEGER NOT NULL,
    max_staff INTEGER NOT NULL CHECK (max_staff > 0),
    max_revenue_fen {{BIGINT}} NOT NULL CHECK (max_revenue_fen > 0),
    max_registered_capital_fen {{BIGINT}} NOT NULL CHECK (max_registered_capital_fen > 0),
    startup_teams INTEGER NOT NULL DEFAULT 1,
    kinds TEXT NOT NULL,  -- JSON array of testing | rd_design | technical_solution | new_product
    source TEXT NOT NULL DEFAULT '',  -- where the values come from (a rule, a decision)
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
    version {{BIGINT}} NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (year, name),
    CHECK (redeem_by_days >= use_by_days)
);

CREATE TABLE voucher_providers (
    programme_id {{BIGINT}} NOT NULL REFERENCES voucher_programmes (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    admitted_at TEXT NOT NULL,
    admitted_by {{BIGINT}} REFERENCES users (id),
    suspended_at TEXT,
    suspend_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (programme_id, org_id)
);

-- Recorded by the operator, read in both directions.
CREATE TABLE organization_relations (
    id {{ID}},
    org_a {{BIGINT}} NOT NULL REFERENCES organizations (id),
    org_b {{BIGINT}} NOT NULL REFERENCES organizations (id),
    kind TEXT NOT NULL CHECK (kind IN ('parent', 'shareholder', 'same_representative')),
    note TEXT NOT NULL DEFAULT '',
    created_by {{BIGINT}} REFERENCES users (id),
    created_at TEXT NOT NULL,
    CHECK (org_a <> org_b),
    UNIQUE (org_a, org_b, kind)
);
CREATE INDEX organization_relations_b ON organization_relations (org_b);

CREATE TABLE voucher_applications (
    id {{ID}},
    programme_id {{BIGINT}} NOT NULL REFERENCES voucher_programmes (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    applicant_user_id {{BIGINT}} NOT NULL REFERENCES users (id),
    amount_fen {{BIGINT}} NOT NULL CHECK (amount_fen > 0),
    staff INTEGER NOT NULL CHECK (staff >= 0),
    revenue_fen {{BIGINT}} NOT NULL CHECK (revenue_fen >= 0),
    registered_capital_fen {{BIGINT}} NOT NULL CHECK (registered_capital_fen >= 0),
    founded_on TEXT NOT NULL,
    startup_team INTEGER NOT NULL DEFAULT 0,
    purpose TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'submitted',
    reason TEXT NOT NULL DEFAULT '',
    reviewed_by {{BIGINT}} REFERENCES users (id),
    voucher_id {{BIGINT}},
    version {{BIGINT}} NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX voucher_applications_org ON voucher_applications (org_id, programme_id);
CREATE INDEX voucher_applications_status ON voucher_applications (status, id);

CREATE TABLE vouchers (
    id {{ID}},
    number TEXT NOT NULL UNIQUE,
    programme_id {{BIGINT}} NOT NULL REFERENCES voucher_programmes (id),
    org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    application_id {{BIGINT}} NOT NULL UNIQUE REFERENCES voucher_applications (id),
    face_fen {{BIGINT}} NOT NULL CHECK (face_fen > 0),
    issued_at TEXT NOT NULL,
    use_by TEXT NOT NULL,     -- last day it may be spent (Asia/Shanghai)
    redeem_by TEXT NOT NULL,  -- last day a provider may claim what it earned with it
    status TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'expired')),
    version {{BIGINT}} NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX vouchers_org ON vouchers (org_id, programme_id);
CREATE INDEX vouchers_use_by ON vouchers (status, use_by);

-- One live use per booking or order: the partial unique index makes a second one a conflict.
CREATE TABLE voucher_uses (
    id {{ID}},
    voucher_id {{BIGINT}} NOT NULL REFERENCES vouchers (id),
    object_kind TEXT NOT NULL CHECK (object_kind IN ('booking', 'order')),
    object_id {{BIGINT}} NOT NULL,
    provider_org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    client_org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    service_kind TEXT NOT NULL,
    fee_fen {{BIGINT}} NOT NULL CHECK (fee_fen > 0),  -- the fee the share was taken of
    amount_fen {{BIGINT}} NOT NULL CHECK (amount_fen > 0),
    consumed_fen {{BIGINT}} NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'reserved' CHECK (status IN ('reserved', 'consumed', 'released')),
    version {{BIGINT}} NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (consumed_fen >= 0 AND consumed_fen <= amount_fen)
);
CREATE UNIQUE INDEX voucher_uses_live ON voucher_uses (object_kind, object_id) WHERE status <> 'released';
CREATE INDEX voucher_uses_voucher ON voucher_uses (voucher_id);
CREATE INDEX voucher_uses_provider ON voucher_uses (provider_org_id, status);

CREATE TABLE voucher_settlements (
    id {{ID}},
    payment_reference TEXT NOT NULL UNIQUE,
    total_fen {{BIGINT}} NOT NULL CHECK (total_fen > 0),
    claims INTEGER NOT NULL CHECK (claims > 0),
    settled_by {{BIGINT}} NOT NULL REFERENCES users (id),
    settled_at TEXT NOT NULL
);

-- A use is claimed once: the unique use_id makes a second claim a conflict.
CREATE TABLE voucher_claims (
    id {{ID}},
    use_id {{BIGINT}} NOT NULL UNIQUE REFERENCES voucher_uses (id),
    programme_id {{BIGINT}} NOT NULL REFERENCES voucher_programmes (id),
    provider_org_id {{BIGINT}} NOT NULL REFERENCES organizations (id),
    amount_fen {{BIGINT}} NOT NULL CHECK (amount_fen > 0),
    invoice_no TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'claimed' CHECK (status IN ('claimed', 'approved', 'refused', 'settled')),
    reason TEXT NOT NULL DEFAULT '',
    claimed_by {{BIGINT}} NOT NULL REFERENCES users (id),
    settlement_id {{BIGINT}} REFERENCES voucher_settlements (id),
    version {{BIGINT}} NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX voucher_claims_status ON voucher_claims (status, id);
CREATE INDEX voucher_claims_provider ON voucher_claims (provider_org_id, id);

-- Each row is one balanced movement: amount_fen leaves from_account and reaches to_account.
CREATE TABLE voucher_ledger (
    id {{ID}},
    at TEXT NOT NULL,
    from_account TEXT NOT NULL,
    to_account TEXT NOT NULL,
    amount_fen {{BIGINT}} NOT NULL CHECK (amount_fen > 0),
    movement TEXT NOT NULL CHECK (movement IN ('budget', 'issue', 'reserve', 'release', 'consume', 'claim',
                                               'refuse', 'settle', 'expire', 'correction')),
    cause_type TEXT NOT NULL,
    cause_id TEXT NOT NULL,
    programme_id {{BIGINT}} NOT NULL REFERENCES voucher_programmes (id),
    actor_user_id {{BIGINT}},
    reason TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    CHECK (from_account <> to_account)
);
CREATE INDEX voucher_ledger_from ON voucher_ledger (from_account);
CREATE INDEX voucher_ledger_to ON voucher_ledger (to_account);
CREATE INDEX voucher_ledger_programme ON voucher_ledger (programme_id, movement);

CREATE TABLE ledger_balances (
    account TEXT PRIMARY KEY,
    balance_fen {{BIGINT}} NOT NULL,
    -- Only the funding source (the city's appropriation) runs below zero.
    CHECK (balance_fen >= 0 OR account LIKE 'funding:%')
);

-- @sqlite
CREATE TRIGGER voucher_ledger_no_update BEFORE UPDATE ON voucher_ledger
BEGIN
    SELECT RAISE(ABORT, 'voucher_ledger is append-only');
END;
CREATE TRIGGER voucher_ledger_no_delete BEFORE DELETE ON voucher_ledger
BEGIN
    SELECT RAISE(ABORT, 'voucher_ledger is append-only');
END;
-- @end
-- @postgres
CREATE FUNCTION voucher_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'voucher_ledger is append-only';
END;
$$;
CREATE TRIGGER voucher_ledger_no_change BEFORE UPDATE OR DELETE ON voucher_ledger
    FOR EACH ROW EXECUTE FUNCTION voucher_ledger_append_only();
-- @end
