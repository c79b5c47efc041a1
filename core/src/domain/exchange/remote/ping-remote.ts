// Pings to REMOTE campaigns: the lead's anonymised fields (never its contact) POSTed, signed like webhook
// deliveries, to every eligible buyer's ping URL at once. Each ping has its own deadline (the campaign's
// pingTimeoutMs or REMOTE_PING_TIMEOUT_MS) and all of them share the auction's budget (AUCTION_BUDGET_MS, less
// AUCTION_RESERVE_MS kept for the transaction and the post, less the time the auction already took): when it is
// spent the auction goes on with the bids in hand. Late, failing and malformed answers are passes; every ping is
// logged with its latency (by the caller, recordPings: allocation writes the log after its transaction, off the
// auction's path). Runs outside any transaction: no row is locked while buyers think.
import { schema, type Db } from '@leadex/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps';
import type { LeadRow } from '../../leads/submit-leads';
import { chargeStep, formatDecimal } from '../../shared/money';
import { OutboundError, safeFetch } from '../../shared/outbound/safe-fetch';
import { outboundPolicy, type Resolver } from '../../shared/outbound/ssrf-guard';
import { signDelivery, SIGNATURE_HEADER } from '../attempt-delivery';
import type { CampaignRow } from '../campaigns.service';
import { logRemoteCalls, pauseFailingCampaigns, type RemoteCall } from './remote-log';
import { DEFAULT_RESPONSE_MAPPING, judgePingAnswer, ZResponseMapping, type ResponseMapping } from './remote-response.rules';

const { webhookEndpoints } = schema;
// a bid is a few fields: more than this is malformed
const MAX_PING_ANSWER_BYTES = 4 * 1024;

/** What a buyer is pinged about: no contact, nothing that identifies the person. */
export type PingedLead = Pick<
  LeadRow,
  'segment' | 'subsegment' | 'country' | 'region' | 'city' | 'postalCode' | 'geoTier' | 'kind' | 'temperature' | 'exclusivity' | 'verification' | 'capturedAt'
> &
  Partial<Pick<LeadRow, 'score' | 'attributes'>>;

export interface RemoteBid {
  campaignId: string;
  amount: number;
  reference: string | null;
}

export interface PingRound {
  bids: Map<string, RemoteBid>;
  calls: RemoteCall[];
  /** the whole round, first ping sent to last answer judged */
  elapsedMs: number;
}

export function anonymisedFields(lead: PingedLead) {
  return {
    segment: lead.segment,
    subsegment: lead.subsegment,
    country: lead.country,
    region: lead.region,
    city: lead.city,
    postalCode: lead.postalCode,
    geoTier: lead.geoTier,
    kind: lead.kind,
    temperature: lead.temperature,
    exclusivity: lead.exclusivity,
    verification: lead.verification,
    score: lead.score ?? null,
    capturedAt: lead.capturedAt.toISOString(),
    attributes: lead.attributes ?? null,
  };
}

/** The signing secret of each buyer's default delivery endpoint (remote bidders verify pings and posts with it). */
export async function buyerSecrets(deps: AppDeps, db: Db, buyerOrgIds: readonly string[]): Promise<Map<string, string>> {
  if (!buyerOrgIds.length) return new Map();
  const rows = await db
    .select({ buyerOrgId: webhookEndpoints.buyerOrgId, sealed: webhookEndpoints.secretSealed, keyId: webhookEndpoints.secretKeyId })
    .from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.buyerOrgId, [...new Set(buyerOrgIds)]), eq(webhookEndpoints.active, true), eq(webhookEndpoints.isDefault, true)));
  return new Map(rows.map((r) => [r.buyerOrgId, deps.vault.open<{ secret: string }>(r.sealed, r.keyId).secret]));
}

export function mappingOf(campaign: Pick<CampaignRow, 'responseMapping'>): ResponseMapping {
  const parsed = ZResponseMapping.safeParse(campaign.responseMapping);
  return parsed.success ? parsed.data : DEFAULT_RESPONSE_MAPPING;
}

const sleep = (ms: number) => new Promise<'TIMEOUT'>((r) => setTimeout(() => r('TIMEOUT'), Math.max(0, ms)).unref());

/** Logs calls and pauses the campaigns whose endpoints keep failing. */
export async function recordPings(deps: AppDeps, calls: readonly RemoteCall[], more: readonly RemoteCall[] = []): Promise<void> {
  await logRemoteCalls(deps.db, calls);
  await pauseFailingCampaigns(deps, [...calls, ...more]);
}

/**
 * Pings `remote` (REMOTE campaigns that take the lead) in parallel and returns their bids and the calls, for
 * recordPings. `leadId` is null for a seller's ping (no lead exists yet).
 */
export async function pingRemoteCampaigns(
  deps: AppDeps,
  remote: readonly CampaignRow[],
  subject: { leadId: string | null; lead: PingedLead; ask: number; currency: string },
  resolve?: Resolver,
  /** when the auction began (performance.now()): the time it already took comes out of the pings' budget */
  auctionStart = performance.now(),
): Promise<PingRound> {
  const round: PingRound = { bids: new Map(), calls: [], elapsedMs: 0 };
  if (!remote.length) return round;
  const secrets = await buyerSecrets(
    deps,
    deps.db,
    remote.map((c) => c.buyerOrgId),
  );
  const started = performance.now();
  const budgetMs = Math.max(10, Math.floor(deps.config.AUCTION_BUDGET_MS - deps.config.AUCTION_RESERVE_MS - (started - auctionStart)));
  const budget = AbortSignal.timeout(budgetMs);
  const step = chargeStep(subject.currency);
  const fields = anonymisedFields(subject.lead);
  const policy = outboundPolicy(deps.config);
  const one = async (c: CampaignRow): Promise<RemoteCall> => {
    const call = { campaignId: c.id, leadId: subject.leadId, kind: 'PING' as const, bid: null, reference: null, httpStatus: null, at: deps.clock() };
    const secret = secrets.get(c.buyerOrgId);
    const sent = performance.now();
    if (!secret || !c.pingUrl) return { ...call, latencyMs: 0, outcome: 'ERROR' };
    const timeoutMs = Math.max(1, Math.floor(Math.min(c.pingTimeoutMs ?? deps.config.REMOTE_PING_TIMEOUT_MS, budgetMs - (sent - started))));
    const body = JSON.stringify({
      type: 'lead.ping',
      campaignId: c.id,
      leadId: subject.leadId,
      ask: { amount: formatDecimal(subject.ask, subject.currency), currencyCode: subject.currency },
      timeoutMs,
      lead: fields,
    });
    const timestamp = Math.floor(deps.clock().getTime() / 1000);
    const request = safeFetch(
      c.pingUrl,
      {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'user-agent': 'Leadex-Bidding/1', [SIGNATURE_HEADER]: signDelivery(secret, timestamp, body) },
      },
      { policy, resolve, timeoutMs, maxResponseBytes: MAX_PING_ANSWER_BYTES, signal: budget },
    ).then(
      (res) => ({ res }),
      (err: unknown) => ({ err }),
    );
    // the race bounds the ping even where the request cannot be aborted (a slow name lookup)
    const answer = await Promise.race([request, sleep(timeoutMs)]);
    const latencyMs = performance.now() - sent;
    if (answer === 'TIMEOUT') return { ...call, latencyMs, outcome: 'TIMEOUT' };
    if ('err' in answer) {
      if (!(answer.err instanceof OutboundError)) throw answer.err;
      deps.logger.info({ campaignId: c.id, leadId: subject.leadId, kind: answer.err.kind, detail: answer.err.detail, latencyMs }, 'remote ping failed');
      return { ...call, latencyMs, outcome: answer.err.kind === 'TIMED_OUT' ? 'TIMEOUT' : 'ERROR' };
    }
    const { res } = answer;
    const verdict = judgePingAnswer({ status: res.status, body: res.body.toString('utf8'), truncated: res.truncated }, mappingOf(c), subject.currency, step);
    if (verdict.outcome === 'MALFORMED' || verdict.outcome === 'ERROR') {
      deps.logger.info({ campaignId: c.id, leadId: subject.leadId, problem: verdict.problem, latencyMs }, 'remote ping answer not a bid');
    }
    const bid = verdict.outcome === 'BID' ? { bid: verdict.amount, reference: verdict.reference } : {};
    return { ...call, ...bid, latencyMs, outcome: verdict.outcome, httpStatus: res.status };
  };
  round.calls = await Promise.all(remote.map(one));
  round.elapsedMs = performance.now() - started;
  for (const call of round.calls) {
    if (call.outcome === 'BID') round.bids.set(call.campaignId, { campaignId: call.campaignId, amount: call.bid!, reference: call.reference });
  }
  return round;
}
