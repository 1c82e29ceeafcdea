-- The runs the generator was asked for, and how far their publishing got.
CREATE TABLE runs (
    run_id          text PRIMARY KEY,
    spec            jsonb       NOT NULL,
    expected_tasks  bigint      NOT NULL,
    published_tasks bigint      NOT NULL DEFAULT 0,
    status          text        NOT NULL CHECK (status IN ('PUBLISHING', 'PUBLISHED', 'FAILED')),
    error           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
