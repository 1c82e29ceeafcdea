-- What each answer cost at its model card's prices (null when the card has none), and the running spend per variant,
-- advanced in the same statement as the insert into scores, so a budget in dollars reads what a model has spent
-- without rereading scores. Rows stored before this migration carry no cost.
ALTER TABLE scores ADD COLUMN cost_usd double precision;

ALTER TABLE variant_summary
    ADD COLUMN priced_tasks bigint           NOT NULL DEFAULT 0,
    ADD COLUMN cost_usd     double precision NOT NULL DEFAULT 0;
