-- What each task presented, so a stored score rebuilds its presented positions and chosen label (label bias).
-- Rows stored before this migration keep nulls: the statistics skip them for label bias only.
ALTER TABLE scores ADD COLUMN labels jsonb, ADD COLUMN presented_order jsonb;

-- The variant itself beside its running counts, so the per-variant view has its dimension values without
-- reading scores.
ALTER TABLE variant_summary ADD COLUMN variant jsonb;
UPDATE variant_summary s SET variant = (SELECT t.variant FROM scores t
                                        WHERE t.run_id = s.run_id AND t.model = s.model AND t.variant_id = s.variant_id
                                        LIMIT 1);

-- The latest card of every model announced on the compacted models topic: size and type for the trends.
CREATE TABLE models (
    name         text PRIMARY KEY,
    card         jsonb       NOT NULL,
    announced_at timestamptz NOT NULL DEFAULT now()
);
