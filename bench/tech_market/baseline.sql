-- The technology market's figures by hand on the raw tables (bench/tech_market/run.sh): what keyuan's
-- statistics (group=type, all months) and map (flows seller region → buyer region) answer, as plain SQL
-- aggregates over the registered contracts and their parties.
SELECT 'type', t.type, COUNT(*), SUM(c.total_fen), SUM(c.tech_amount_fen),
       SUM(CASE WHEN c.total_fen >= 1000000000 THEN 1 ELSE 0 END)
FROM tech_contracts c JOIN contract_types t ON t.id = c.contract_type_id
WHERE c.status = 'registered'
GROUP BY t.type;

SELECT 'flow', sp.division_code || '>' ||
       CASE WHEN bp.country_code <> '142' THEN 'abroad'
            WHEN substr(bp.division_code, 1, 4) = '1101' THEN bp.division_code
            ELSE substr(bp.division_code, 1, 2) || '0000' END,
       COUNT(*), SUM(c.total_fen), SUM(c.tech_amount_fen), 0
FROM tech_contracts c
JOIN tech_contract_parties sp ON sp.contract_id = c.id AND sp.role = 'seller'
JOIN tech_contract_parties bp ON bp.contract_id = c.id AND bp.role = 'buyer'
WHERE c.status = 'registered'
GROUP BY 2;
