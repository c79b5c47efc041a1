-- Issue 17: every ping and every listed lead searches campaigns_match_keys_idx, and a GIN index with fastupdate (the
-- default) keeps new entries in an unsorted pending list that each search scans until VACUUM merges it: 2.5–4 ms a
-- search with 10,000 campaigns just inserted, against 0.03–0.26 ms once merged (measured). Campaigns are written far
-- less often than they are searched, so entries go straight into the index.
DROP INDEX IF EXISTS campaigns_match_keys_idx;
--> statement-breakpoint
CREATE INDEX campaigns_match_keys_idx ON campaigns USING gin (campaign_match_keys(filter)) WITH (fastupdate = off) WHERE active;
--> statement-breakpoint
-- Each campaign win updates spent and last_allocated_seq, neither indexed: with room left on the page the update is
-- HOT and writes no index entries at all.
ALTER TABLE campaigns SET (fillfactor = 85);
