-- The workflow engine (src/workflow): every transition's step (who, when, from, to, reason),
-- and the deadline of the state an object sits in, on the working-day calendar.
CREATE TABLE workflow_steps (
    id {{ID}},
    object_type TEXT NOT NULL,
    object_id {{BIGINT}} NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor_user_id {{BIGINT}},
    reason TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX workflow_steps_object ON workflow_steps (object_type, object_id, id);

CREATE TABLE workflow_deadlines (
    object_type TEXT NOT NULL,
    object_id {{BIGINT}} NOT NULL,
    state TEXT NOT NULL,
    entered_on TEXT NOT NULL,  -- YYYY-MM-DD, Asia/Shanghai
    due_on TEXT NOT NULL,      -- the last working day in time
    PRIMARY KEY (object_type, object_id)
);
CREATE INDEX workflow_deadlines_due ON workflow_deadlines (object_type, due_on);
