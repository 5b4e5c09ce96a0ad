-- The public instrument list filtered by district and open status (the most common filter
-- pair in the portal): one index range instead of reading every row of the district.
CREATE INDEX instruments_status_district_open_id ON instruments (status, district_code, open_status, id);
