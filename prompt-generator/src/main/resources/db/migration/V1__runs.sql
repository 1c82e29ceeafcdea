-- The runs the generator was asked for.
CREATE TABLE runs (
    run_id     text PRIMARY KEY,
    spec       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Each model's share of a run, and how far its publishing got. A run open to every model gains a row per model
-- announced while it is open.
CREATE TABLE run_models (
    run_id          text        NOT NULL REFERENCES runs,
    model           text        NOT NULL,
    expected_tasks  bigint      NOT NULL,
    published_tasks bigint      NOT NULL DEFAULT 0,
    status          text        NOT NULL CHECK (status IN ('PUBLISHING', 'PUBLISHED', 'FAILED')),
    error           text,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, model)
);

-- Every model card a worker announced on the models topic; the latest card per model.
CREATE TABLE models (
    name         text PRIMARY KEY,
    card         jsonb       NOT NULL,
    announced_at timestamptz NOT NULL DEFAULT now()
);
