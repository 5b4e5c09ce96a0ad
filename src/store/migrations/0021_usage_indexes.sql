-- Usage statistics (issue 13, item 8): an organisation reads what it consumed as a client
-- (GET /api/v1/usage?side=client). Deliveries have deliveries_client already; bookings had no
-- index by client, so that report would read every booking of the period.
CREATE INDEX bookings_client ON bookings (client_org_id, start_minute);
