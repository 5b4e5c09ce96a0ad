-- The annual-report statistics of 2021-2025 by hand (bench/annual_reports/run.sh): what
-- GET /api/v1/annual-reports/statistics?from_year=2021&to_year=2025 answers, as three plain queries.
-- 1. reports by state
SELECT status, COUNT(*) FROM annual_reports WHERE year BETWEEN 2021 AND 2025 GROUP BY status ORDER BY status;
-- 2. contracts of filed reports by mode, rows linked to a secret achievement left out
SELECT c.mode, COUNT(*), SUM(c.amount_fen), SUM(c.received_fen)
FROM annual_report_contracts c JOIN annual_reports r ON r.id = c.report_id LEFT JOIN achievements a ON a.id = c.achievement_id
WHERE r.year BETWEEN 2021 AND 2025 AND r.status IN ('submitted', 'accepted', 'forwarded') AND (a.id IS NULL OR a.secret = 0)
  AND c.mode IS NOT NULL
GROUP BY c.mode ORDER BY c.mode;
-- 3. the filed reports' figures
SELECT COUNT(*), SUM(tech_count), SUM(tech_amount_fen), SUM(reward_cash_fen), SUM(reward_equity_fen), SUM(reward_headcount)
FROM annual_reports WHERE year BETWEEN 2021 AND 2025 AND status IN ('submitted', 'accepted', 'forwarded');
