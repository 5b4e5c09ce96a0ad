-- An import finds the stored object a row names by its natural key, (organisation, name)
-- (docs/design/data-exchange.md decision 5): one probe per row. Without these indexes each probe
-- read every object of the organisation, and a 100,000-row file took quadratic time.
CREATE INDEX labs_org_name ON labs (org_id, name);
CREATE INDEX instruments_org_name ON instruments (org_id, name);
CREATE INDEX services_org_name ON services (org_id, name);
CREATE INDEX finance_products_org_name ON finance_products (org_id, name);
CREATE INDEX achievements_org_name ON achievements (org_id, name);
CREATE INDEX talents_org_name ON talents (org_id, name);
