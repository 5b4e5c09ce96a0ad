-- The public statistics' counters (docs/design/achievements.md, "Statistics"): per dimension
-- (total, class, status, industry section, organization, department, year) and key, how many
-- approved non-secret achievements there are and how many are transformed (statuses 1–3).
-- Kept in the transaction of every approval, withdrawal and change of an approved one
-- (modules/achievements/counts.cpp); a nightly recount repairs any drift.
CREATE TABLE achievement_counts (
    dimension TEXT NOT NULL,
    key TEXT NOT NULL,
    count {{BIGINT}} NOT NULL,
    transformed {{BIGINT}} NOT NULL,
    PRIMARY KEY (dimension, key)
);
-- The statistics page reads the largest groups of a dimension first.
CREATE INDEX achievement_counts_largest ON achievement_counts (dimension, count);

-- The library as it stands: the same counts the recount makes.
CREATE TEMPORARY TABLE achievement_counts_public AS
SELECT a.id, a.org_id, a.class, COALESCE(SUBSTR(a.registration_no, 4, 4), '') AS year,
       CASE WHEN EXISTS (SELECT 1 FROM achievement_statuses x WHERE x.achievement_id = a.id
                         AND x.code IN ('1', '2', '3')) THEN 1 ELSE 0 END AS transformed
FROM achievements a WHERE a.status = 'approved' AND a.secret = 0;

INSERT INTO achievement_counts (dimension, key, count, transformed)
SELECT 'total', '', COUNT(*), COALESCE(SUM(transformed), 0) FROM achievement_counts_public HAVING COUNT(*) > 0;
INSERT INTO achievement_counts (dimension, key, count, transformed)
SELECT 'class', class, COUNT(*), SUM(transformed) FROM achievement_counts_public GROUP BY class;
INSERT INTO achievement_counts (dimension, key, count, transformed)
SELECT 'status', s.code, COUNT(*), SUM(p.transformed) FROM achievement_counts_public p
JOIN achievement_statuses s ON s.achievement_id = p.id GROUP BY s.code;
INSERT INTO achievement_counts (dimension, key, count, transformed)
SELECT 'industry', d.section, COUNT(*), SUM(p.transformed) FROM achievement_counts_public p
JOIN (SELECT DISTINCT l.achievement_id, i1.code AS section FROM achievement_industries l
      JOIN industry_codes i4 ON i4.code = l.code JOIN industry_codes i3 ON i3.code = i4.parent_code
      JOIN industry_codes i2 ON i2.code = i3.parent_code JOIN industry_codes i1 ON i1.code = i2.parent_code) d
  ON d.achievement_id = p.id GROUP BY d.section;
INSERT INTO achievement_counts (dimension, key, count, transformed)
SELECT 'organization', CAST(org_id AS TEXT), COUNT(*), SUM(transformed) FROM achievement_counts_public GROUP BY org_id;
INSERT INTO achievement_counts (dimension, key, count, transformed)
SELECT 'department', COALESCE(o.department_code, ''), COUNT(*), SUM(p.transformed) FROM achievement_counts_public p
JOIN organizations o ON o.id = p.org_id GROUP BY COALESCE(o.department_code, '');
INSERT INTO achievement_counts (dimension, key, count, transformed)
SELECT 'year', year, COUNT(*), SUM(transformed) FROM achievement_counts_public GROUP BY year;
DROP TABLE achievement_counts_public;
