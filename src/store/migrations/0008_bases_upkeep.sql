-- Bases and domain centres are edited by the operator and by the base's own administrator,
-- so they carry a version for optimistic concurrency like every other edited object; labs
-- and finance products are counted per base.
ALTER TABLE bases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX bases_kind ON bases (kind, id);
CREATE INDEX labs_base ON labs (base_id, status);
CREATE INDEX finance_products_base ON finance_products (base_id, status);
