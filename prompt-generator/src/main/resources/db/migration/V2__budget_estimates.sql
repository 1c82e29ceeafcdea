-- What a budgeted model's share of a run estimated when its budget was spent (core's BudgetEstimate as JSON);
-- null for a share asked the whole grid.
ALTER TABLE run_models ADD COLUMN budget_estimate jsonb;
