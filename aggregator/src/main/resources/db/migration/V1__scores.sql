-- One row per task, whatever the number of times its score was delivered.
CREATE TABLE scores (
    task_id          text PRIMARY KEY,
    run_id           text             NOT NULL,
    model            text             NOT NULL,
    item_id          text             NOT NULL,
    benchmark        text             NOT NULL,
    subject          text             NOT NULL,
    variant_id       text             NOT NULL,
    variant_name     text             NOT NULL,
    variant          jsonb            NOT NULL,
    outcome          text             NOT NULL CHECK (outcome IN ('CORRECT', 'INCORRECT', 'UNPARSED')),
    chosen_index     integer,
    gold_index       integer          NOT NULL,
    gold_probability double precision,
    stored_at        timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX scores_by_run ON scores (run_id, model, variant_id);

-- Running counts per (run, model, variant), advanced only by rows newly inserted into scores.
CREATE TABLE variant_summary (
    run_id       text        NOT NULL,
    model        text        NOT NULL,
    variant_id   text        NOT NULL,
    variant_name text        NOT NULL,
    items        bigint      NOT NULL,
    correct      bigint      NOT NULL,
    unparsed     bigint      NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, model, variant_id)
);
