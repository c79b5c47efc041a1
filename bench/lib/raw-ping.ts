// The raw SQL baseline of a ping offer, shared by bench/pingpost and bench/scaleout.

/** The offer as one SQL statement: matching campaigns by segment and city, affordable, best two bids. */
export const RAW_PING = `
  select c.id, c.buyer_org_id, c.max_bid from campaigns c
  where c.active and c.exclusivity = 'EXCLUSIVE' and c.buyer_org_id <> $1
    and (c.filter->'segments' is null or c.filter->'segments' ? $2)
    and (c.filter->'cities' is null or c.filter->'cities' ? $3)
    and (c.budget is null or c.budget - c.spent > 0)
    and (select -sum(amount) from ledger_postings where account = 'buyer:' || c.buyer_org_id || ':wallet') > 0
  order by c.max_bid desc, c.created_at, c.id limit 2`;

/**
 * The same statement through the schema's match-keys GIN index (migration 0015): `$4` is the lead's keys
 * (leadMatchKeys). The plain one above scans every active campaign, which at 100,000 campaigns is no fair baseline.
 */
export const RAW_PING_INDEXED = RAW_PING.replace(
  "where c.active and c.exclusivity = 'EXCLUSIVE'",
  "where c.active and campaign_match_keys(c.filter) && $4::text[] and c.exclusivity = 'EXCLUSIVE'",
);
