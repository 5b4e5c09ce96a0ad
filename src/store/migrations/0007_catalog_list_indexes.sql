-- Catalog lists read "approved, newest first, one page": with (status, id) the database
-- walks the index backwards and stops after a page instead of sorting every approved row.
-- The filter columns used most get the same shape.
CREATE INDEX instruments_status_id ON instruments (status, id);
CREATE INDEX instruments_status_district_id ON instruments (status, district_code, id);
CREATE INDEX instruments_status_class_id ON instruments (status, class_code, id);
CREATE INDEX instruments_status_open_id ON instruments (status, open_status, id);
CREATE INDEX labs_status_id ON labs (status, id);
CREATE INDEX services_status_id ON services (status, id);
CREATE INDEX services_status_kind_id ON services (status, kind, id);
CREATE INDEX finance_products_status_id ON finance_products (status, id);
CREATE INDEX instrument_industries_code_id ON instrument_industries (code, instrument_id);
CREATE INDEX service_industries_code_id ON service_industries (code, service_id);
CREATE INDEX lab_industries_code_id ON lab_industries (code, lab_id);
-- Sorting by value or date within the published set.
CREATE INDEX instruments_status_value ON instruments (status, original_value_fen);
CREATE INDEX instruments_status_acceptance ON instruments (status, acceptance_date);
CREATE INDEX services_status_price ON services (status, price_fen);
