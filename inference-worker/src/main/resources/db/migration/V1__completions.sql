-- Every completion this model's workers were paid for, one row per task: a task found here is answered from the row,
-- never sent to the model again (a redelivery after a crash, a run submitted twice).
CREATE TABLE completions (
    task_id           text             PRIMARY KEY,
    run_id            text             NOT NULL,
    model             text             NOT NULL,
    text              text,
    label_logprobs    jsonb            NOT NULL,
    finish_reason     text,
    prompt_tokens     integer          NOT NULL,
    completion_tokens integer          NOT NULL,
    latency_millis    bigint           NOT NULL,
    attempts          integer          NOT NULL,
    cost_usd          double precision,
    backend           text             NOT NULL,
    stored_at         timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX completions_by_run ON completions (run_id, model);
