-- 009: what kind of statement a claim is (nlp/claims/types.py: denial, attribution,
-- fatalities, injuries, munitions, figure, quote, other; '' for claims written before)
-- and its value (the figure with its unit, the accused party, what is denied).
ALTER TABLE claims ADD COLUMN claim_type TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN claim_value TEXT;
CREATE INDEX claims_type ON claims(claim_type);
