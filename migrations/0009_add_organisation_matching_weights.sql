-- An organisation's own matching weights (issue 5: «weights in one documented place, adjustable per
-- organisation»): MatchingWeights as camelCase JSON; null = the defaults.
ALTER TABLE organisations ADD COLUMN matching_weights jsonb;
