-- Tasks a worker gave up on (prompts.<model>.dlq), one row per task: a run's status counts them as finished.
CREATE TABLE dead_letters (
    task_id   text PRIMARY KEY,
    run_id    text        NOT NULL,
    model     text        NOT NULL,
    topic     text        NOT NULL,
    reason    text        NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX dead_letters_by_run ON dead_letters (run_id, model);
