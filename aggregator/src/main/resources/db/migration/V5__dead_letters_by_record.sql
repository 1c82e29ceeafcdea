-- A dead letter is keyed by the record it was made from: its source topic (from the dead-letter headers) and a digest
-- of its key and value. Replaying a topic, by resetting offsets or by producing its records again, dead-letters the
-- same poison record again under a new dead-letter offset, and that must change nothing. The dead-letter topic's
-- coordinates stay as information.
ALTER TABLE dead_letters
    ADD COLUMN source_topic  text,
    ADD COLUMN record_digest text;

UPDATE dead_letters
SET source_topic = dead_letter_topic,
    record_digest = dead_letter_topic || '-' || dead_letter_partition || '@' || dead_letter_offset;

ALTER TABLE dead_letters
    ALTER COLUMN source_topic SET NOT NULL,
    ALTER COLUMN record_digest SET NOT NULL,
    DROP CONSTRAINT dead_letters_pkey,
    ADD PRIMARY KEY (source_topic, record_digest);
