-- After bench/assessment/generate.py (every generated instrument in one class): the instruments
-- spread over the 77 second-level classes, skewed as a real catalogue is (the first classes of
-- each group hold most), each with a maker and a model out of a few hundred; then CHECKS planned
-- purchases, each copying a random instrument's unit, class, maker and model, so that its similar
-- list has neighbours at every distance. Runs on SQLite and PostgreSQL alike.
CREATE TABLE bench_classes AS
  SELECT code, ROW_NUMBER() OVER (ORDER BY code) - 1 AS n FROM instrument_classes WHERE level = 2;
UPDATE instruments SET
  class_code = (SELECT code FROM bench_classes WHERE n = ((instruments.id * 7919) % 77) * ((instruments.id * 31) % 77) / 77),
  manufacturer = '仪器制造商' || CAST((instruments.id * 13) % 60 AS TEXT),
  model = 'KY-' || CAST((instruments.id * 17) % 400 AS TEXT),
  technical_indicators = '分辨率 ' || CAST((instruments.id * 7) % 90 AS TEXT) || ' nm，量程 0–' ||
    CAST((instruments.id * 11) % 500 AS TEXT) || ' mg'
WHERE name LIKE '基准仪器%';
INSERT INTO purchase_checks (org_id, department_code, district_code, name, class_code, model, manufacturer,
  key_specs, budget_fen, funding_source, created_by, created_at, updated_at)
SELECT i.org_id, o.department_code, o.district_code, '拟购' || i.name, i.class_code, i.model, i.manufacturer,
  i.technical_indicators, 300000000, 'central_fiscal', (SELECT id FROM users WHERE username = 'demo_operator'),
  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM instruments i JOIN organizations o ON o.id = i.org_id
WHERE i.name LIKE '基准仪器%' AND (i.id * 2654435761) % 100 = 7
ORDER BY i.id LIMIT :checks;
DROP TABLE bench_classes;
