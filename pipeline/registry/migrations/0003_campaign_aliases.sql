-- Other spellings of a campaign's key that were merged into it (a shorter or longer wording of
-- the same movement), so a later mention with that spelling finds the campaign at once.
CREATE TABLE campaign_aliases (
    alias_key   TEXT PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE
);
CREATE INDEX campaign_aliases_campaign ON campaign_aliases (campaign_id);
