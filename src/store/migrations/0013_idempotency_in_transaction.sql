-- An Idempotency-Key is now stored inside the transaction of the write it protects (issue 11,
-- defect 10). 'committed': the write committed and the answer is the one recovered from that
-- transaction's audit record (the final answer was not stored yet, e.g. after a crash);
-- 'final': the answer the client was sent.
ALTER TABLE idempotency_keys ADD COLUMN answer_state TEXT NOT NULL DEFAULT 'final';
