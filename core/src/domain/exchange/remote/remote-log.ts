// The log of remote bidding: one row per ping and per post to a REMOTE campaign's endpoints (latency, bid,
// outcome, HTTP status), read by the campaign's buyer and by operators, and the endpoint-health check that
// pauses a campaign whose endpoints keep failing.
import { queryRows, schema, sql, type Db, type RemoteCallKind, type RemoteCallOutcome } from '@leadex/db';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps';
import { requireUser, type Actor } from '../../auth/access';
import { DomainError } from '../../shared/domain-error';
import { newId } from '../../shared/ids';
import { fromStatuses } from '../../shared/lifecycle';
import { newestFirstPage, type Page, type PageArgs } from '../../shared/newest-first-page';
import { CAMPAIGN_LIFECYCLE } from '../campaign.lifecycle';
import { FAILED_OUTCOMES, HEALTH_WINDOW, judgeEndpointHealth } from './endpoint-health.rules';

const { remoteCalls, campaigns } = schema;
export type RemoteCallRow = typeof remoteCalls.$inferSelect;

export interface RemoteCall {
  campaignId: string;
  leadId: string | null;
  kind: RemoteCallKind;
  latencyMs: number;
  bid: number | null;
  reference: string | null;
  outcome: RemoteCallOutcome;
  httpStatus: number | null;
  /** when it was sent */
  at: Date;
}

/** Writes calls to the log (with `db`: inside the allocation transaction for posts, so they commit with the sale). */
export async function logRemoteCalls(db: Db, calls: readonly RemoteCall[]): Promise<void> {
  if (!calls.length) return;
  await db.insert(remoteCalls).values(calls.map((c) => ({ id: newId('rcl'), ...c, latencyMs: Math.max(0, Math.round(c.latencyMs)) })));
}

/**
 * Pauses the campaigns among `campaignIds` whose latest calls judge them unhealthy (endpoint-health.rules.ts),
 * with the reason; only campaigns whose newest call failed are looked at. Returns the ids paused.
 */
export async function pauseFailingCampaigns(deps: AppDeps, calls: readonly RemoteCall[]): Promise<string[]> {
  const failing = [...new Set(calls.filter((c) => FAILED_OUTCOMES.includes(c.outcome)).map((c) => c.campaignId))];
  if (!failing.length) return [];
  const recent = await queryRows<{ campaign_id: string; outcomes: RemoteCallOutcome[] }>(
    deps.db,
    sql`SELECT c.id AS campaign_id, ARRAY(SELECT r.outcome FROM remote_calls r WHERE r.campaign_id = c.id ORDER BY r.at DESC, r.id DESC LIMIT ${HEALTH_WINDOW}) AS outcomes
        FROM campaigns c WHERE c.id IN ${failing} AND c.active`,
  );
  const paused: string[] = [];
  const from = fromStatuses(CAMPAIGN_LIFECYCLE, 'PAUSED', 'SYSTEM');
  for (const row of recent) {
    const verdict = judgeEndpointHealth(row.outcomes, deps.config.REMOTE_PAUSE_AFTER_FAILURES);
    if (!verdict.pause || !from.includes('ACTIVE')) continue;
    const done = await deps.db
      .update(campaigns)
      .set({ active: false, pausedReason: verdict.reason })
      .where(and(eq(campaigns.id, row.campaign_id), eq(campaigns.active, true)))
      .returning({ id: campaigns.id });
    if (done.length) {
      paused.push(row.campaign_id);
      deps.logger.warn({ campaignId: row.campaign_id, reason: verdict.reason }, 'remote campaign paused');
    }
  }
  return paused;
}

/** A campaign's calls, newest first: its buyer sees its own campaigns', an operator any campaign's. */
export async function listRemoteCalls(deps: AppDeps, actor: Actor | null, campaignId: string, args: PageArgs): Promise<Page<RemoteCallRow>> {
  const a = requireUser(actor, 'BUYER', 'OPERATOR');
  const [owner] = await deps.db.select({ buyerOrgId: campaigns.buyerOrgId }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!owner || (a.role === 'BUYER' && owner.buyerOrgId !== a.organizationId)) throw new DomainError('CAMPAIGN_NOT_FOUND', 'No such campaign');
  return newestFirstPage<RemoteCallRow>(
    args,
    { time: remoteCalls.at, id: remoteCalls.id },
    (r) => r.at,
    (after, limit) =>
      deps.db
        .select()
        .from(remoteCalls)
        .where(and(eq(remoteCalls.campaignId, campaignId), after))
        .orderBy(desc(remoteCalls.at), desc(remoteCalls.id))
        .limit(limit),
    async () => Number((await deps.db.select({ n: count() }).from(remoteCalls).where(eq(remoteCalls.campaignId, campaignId)))[0]!.n),
  );
}

/** Calls of several campaigns at once (tests and the bench read outcomes through it). */
export async function remoteCallsOf(db: Db, campaignIds: readonly string[]): Promise<RemoteCallRow[]> {
  if (!campaignIds.length) return [];
  return db
    .select()
    .from(remoteCalls)
    .where(inArray(remoteCalls.campaignId, [...campaignIds]))
    .orderBy(remoteCalls.at, remoteCalls.id);
}
