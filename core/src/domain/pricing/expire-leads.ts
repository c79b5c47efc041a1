// Set-based expiry of listed leads past their segment's TTL (the SQL twin of `statusAfterExpiry`; a test
// keeps them equal). Run by the reprice job before prices are recomputed, so expired leads are not repriced.
import { queryRows, type Db } from '@leadex/db';
import { sql } from 'drizzle-orm';
import { LEAD_LIFECYCLE } from '../leads/lead.lifecycle';
import { statusListSql } from '../leads/lead-status-sql';
import { fromStatuses } from '../shared/lifecycle';

/** Moves LISTED leads (the statuses the lead lifecycle lets expire) whose expires_at has passed to EXPIRED; returns how many. Safe twice: an EXPIRED lead no longer matches. */
export async function expireLeads(db: Db, now: Date, leadIds?: string[]): Promise<number> {
  const scope = leadIds?.length ? sql`AND id IN ${leadIds}` : sql``;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    UPDATE leads SET status = 'EXPIRED'
    WHERE status IN ${statusListSql(fromStatuses(LEAD_LIFECYCLE, 'EXPIRED', 'SYSTEM'))} AND expires_at <= ${now.toISOString()}::timestamptz AND reserved_count = 0 ${scope}
    RETURNING id`,
  );
  return rows.length;
}
