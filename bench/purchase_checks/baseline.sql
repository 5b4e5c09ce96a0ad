-- The similar list of purchase check :id written by hand (the baseline of bench/purchase_checks):
-- the class's approved instruments, the unit's own first, then its district's, then the city's,
-- ranked by same model and same maker, the top 20 with last year's effective hours. Without the
-- specifications' text likeness, which SQL does not express portably.
SELECT t.id, t.tier, t.likeness,
  (SELECT COALESCE(SUM(d.minutes_used), 0) / 60 FROM deliveries d WHERE d.resource_kind = 'instrument'
     AND d.resource_id = t.id AND d.delivered_on BETWEEN '2025-01-01' AND '2025-12-31') AS effective_hours
FROM (SELECT i.id,
        CASE WHEN i.org_id = c.org_id THEN 0 WHEN i.district_code = c.district_code THEN 1 ELSE 2 END AS tier,
        (CASE WHEN i.model = c.model THEN 25 ELSE 0 END) + (CASE WHEN i.manufacturer = c.manufacturer THEN 15 ELSE 0 END)
          AS likeness
      FROM purchase_checks c JOIN instruments i ON i.class_code = c.class_code AND i.status = 'approved'
      WHERE c.id = :id
      ORDER BY tier, likeness DESC, i.id LIMIT 20) t
ORDER BY t.tier, t.likeness DESC, t.id;
