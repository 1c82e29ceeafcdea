-- Records the consumers gave up on, as SmallRye's dead-letter strategy wrote them. Keyed by where the record sits in
-- its dead-letter topic, so replaying those topics changes nothing.
CREATE TABLE dead_letters (
    dead_letter_topic     text        NOT NULL,
    dead_letter_partition integer     NOT NULL,
    dead_letter_offset    bigint      NOT NULL,
    task_id               text,
    run_id                text,
    model                 text,
    reason                text        NOT NULL,
    payload               text,
    stored_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dead_letter_topic, dead_letter_partition, dead_letter_offset)
);

CREATE INDEX dead_letters_by_run ON dead_letters (run_id, model);
