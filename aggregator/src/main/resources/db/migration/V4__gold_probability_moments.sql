-- Running mean and sum of squared deviations (Welford, merged batch by batch with Chan's formula) of the
-- probability a variant gave the gold option, so its mean and spread update as scores arrive without rereading
-- scores. Only scores with a known probability count.
ALTER TABLE variant_summary
    ADD COLUMN gold_probability_count bigint           NOT NULL DEFAULT 0,
    ADD COLUMN gold_probability_mean  double precision,
    ADD COLUMN gold_probability_m2    double precision NOT NULL DEFAULT 0;

UPDATE variant_summary s
SET gold_probability_count = t.n, gold_probability_mean = t.mean, gold_probability_m2 = t.m2
FROM (SELECT run_id, model, variant_id, count(gold_probability) AS n, avg(gold_probability) AS mean,
             coalesce(var_pop(gold_probability) * count(gold_probability), 0) AS m2
      FROM scores GROUP BY run_id, model, variant_id) t
WHERE s.run_id = t.run_id AND s.model = t.model AND s.variant_id = t.variant_id;
