-- The baseline of the assessment benchmark: the same figures as keyuan computes (docs/design/
-- assessment.md "Measures"), written by hand as one query per indicator, each grouped by unit, for
-- the year 2025 and instruments of 50万元 or more. Each query's rows are counted, not printed, so that
-- the shell's output costs nothing. Runs unchanged on sqlite3 and psql.

-- open_rate
SELECT COUNT(*) FROM (SELECT org_id, AVG(CASE WHEN open_status IN ('open', 'partially_open') THEN 1.0 ELSE 0 END) AS v
  FROM instruments WHERE status = 'approved' AND original_value_fen >= 50000000 GROUP BY org_id) q;
-- timely_registration_rate
SELECT COUNT(*) FROM (SELECT org_id, AVG(CASE WHEN registered_late = 0 THEN 1.0 ELSE 0 END) AS v
  FROM instruments WHERE status = 'approved' AND original_value_fen >= 50000000 GROUP BY org_id) q;
-- bookable_share
SELECT COUNT(*) FROM (SELECT i.org_id, AVG(CASE WHEN r.instrument_id IS NULL THEN 0.0 ELSE 1 END) AS v
  FROM instruments i LEFT JOIN booking_rules r ON r.instrument_id = i.id
  WHERE i.status = 'approved' AND i.original_value_fen >= 50000000 GROUP BY i.org_id) q;
-- open_hours_per_instrument (weekdays of 2025 × daily opening, as the default rules say)
SELECT COUNT(*) FROM (SELECT i.org_id, SUM(CASE WHEN r.instrument_id IS NULL THEN 0 ELSE (r.closes_minute - r.opens_minute) * 248 END) / 60.0 / COUNT(*) AS v
  FROM instruments i LEFT JOIN booking_rules r ON r.instrument_id = i.id
  WHERE i.status = 'approved' AND i.original_value_fen >= 50000000 GROUP BY i.org_id) q;
-- effective_hours_per_instrument
SELECT COUNT(*) FROM (SELECT d.provider_org_id, SUM(d.minutes_used) / 60.0 / MAX(n.c) AS v
  FROM deliveries d JOIN instruments i ON d.resource_kind = 'instrument' AND i.id = d.resource_id AND i.original_value_fen >= 50000000
  JOIN (SELECT org_id, COUNT(*) AS c FROM instruments WHERE status = 'approved' AND original_value_fen >= 50000000 GROUP BY org_id) n
    ON n.org_id = d.provider_org_id
  WHERE d.delivered_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY d.provider_org_id) q;
-- external_hours_per_instrument
SELECT COUNT(*) FROM (SELECT d.provider_org_id, SUM(d.minutes_used) / 60.0 / MAX(n.c) AS v
  FROM deliveries d JOIN instruments i ON d.resource_kind = 'instrument' AND i.id = d.resource_id AND i.original_value_fen >= 50000000
  JOIN (SELECT org_id, COUNT(*) AS c FROM instruments WHERE status = 'approved' AND original_value_fen >= 50000000 GROUP BY org_id) n
    ON n.org_id = d.provider_org_id
  WHERE d.internal = 0 AND d.delivered_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY d.provider_org_id) q;
-- sharing_rate
SELECT COUNT(*) FROM (SELECT d.provider_org_id, SUM(CASE WHEN d.internal = 0 THEN d.minutes_used ELSE 0 END) * 1.0 / SUM(d.minutes_used) AS v
  FROM deliveries d JOIN instruments i ON d.resource_kind = 'instrument' AND i.id = d.resource_id AND i.original_value_fen >= 50000000
  WHERE d.delivered_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY d.provider_org_id) q;
-- external_services
SELECT COUNT(*) FROM (SELECT provider_org_id, COUNT(*) AS v FROM deliveries
  WHERE internal = 0 AND delivered_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY provider_org_id) q;
-- external_share
SELECT COUNT(*) FROM (SELECT provider_org_id, AVG(CASE WHEN internal = 0 THEN 1.0 ELSE 0 END) AS v FROM deliveries
  WHERE delivered_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY provider_org_id) q;
-- revenue_rate
SELECT COUNT(*) FROM (SELECT d.provider_org_id, SUM(CASE WHEN d.internal = 1 THEN d.fee_fen ELSE 1.5 * d.fee_fen END) / MAX(n.v) AS v
  FROM deliveries d JOIN (SELECT org_id, SUM(original_value_fen) AS v FROM instruments WHERE status = 'approved'
    AND original_value_fen >= 50000000 GROUP BY org_id) n ON n.org_id = d.provider_org_id
  WHERE d.delivered_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY d.provider_org_id) q;
-- average_rating
SELECT COUNT(*) FROM (SELECT d.provider_org_id, AVG(r.score * 1.0) AS v FROM ratings r JOIN deliveries d ON d.id = r.delivery_id
  WHERE d.delivered_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY d.provider_org_id) q;
-- hitech_service_share
SELECT COUNT(*) FROM (SELECT d.provider_org_id, AVG(CASE WHEN h.code IS NULL THEN 0.0 ELSE 1 END) AS v
  FROM deliveries d LEFT JOIN (SELECT DISTINCT code FROM hitech_subcategories) h ON h.code = d.client_industry_code
  WHERE d.delivered_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY d.provider_org_id) q;
-- hitech_lab_share
SELECT COUNT(*) FROM (SELECT l.org_id, AVG(CASE WHEN EXISTS (SELECT 1 FROM lab_industries li JOIN hitech_subcategories h
    ON h.code = li.code WHERE li.lab_id = l.id) THEN 1.0 ELSE 0 END) AS v FROM labs l WHERE l.status = 'approved' GROUP BY l.org_id) q;
