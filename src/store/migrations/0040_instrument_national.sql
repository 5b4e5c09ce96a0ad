-- The two elements of the national large-instrument platform's instrument record that the registry
-- did not hold (docs/design/national-report.md): the main subjects (GB/T 13745-2009 first-level names,
-- up to four) and the year's usual running state. Optional: the national report's check names an
-- instrument that lacks them.
ALTER TABLE instruments ADD COLUMN subject TEXT;
ALTER TABLE instruments ADD COLUMN running_state TEXT;
