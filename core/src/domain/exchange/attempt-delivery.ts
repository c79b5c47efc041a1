// One delivery attempt: the sold lead as JSON, signed with the endpoint's secret, POSTed through the SSRF-guarded
// client, and the result recorded for the buyer in fixed phrases (the library's error goes to the log only).
import { schema, type DeliveryStatus } from '@leadex/db';
import { and, eq, inArray } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import type { AppDeps } from '../app-deps';
import { certificateIdsOfLeads } from '../consent/read-certificate';
import { readLeadDisclosure } from '../leads/read-contact';
import { newId } from '../shared/ids';
import { fromStatuses } from '../shared/lifecycle';
import { formatDecimal } from '../shared/money';
import { OutboundError, safeFetch } from '../shared/outbound/safe-fetch';
import { outboundPolicy, type Resolver } from '../shared/outbound/ssrf-guard';
import { ATTEMPTABLE, DELIVERY_LIFECYCLE } from './delivery.lifecycle';
import { CANCELLED_BECAUSE, judgeAnswer, judgeFailure, type AttemptVerdict } from './delivery.rules';

const { webhookEndpoints, deliveries, deliveryAttempts, purchases, leads } = schema;
export const SIGNATURE_HEADER = 'Leadex-Signature';
const TIMEOUT_MS = 10_000;
// receivers answer 2xx and maybe a short text; nothing they send is used, so very little of it is read
const MAX_ANSWER_BYTES = 4 * 1024;

export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type AttemptOutcome = 'DELIVERED' | 'ALREADY_DELIVERED' | 'FAILED' | 'CANCELLED';

// what an attempt answers for a delivery it may no longer change (only redeliver re-opens a DELIVERED or FAILED one)
const SETTLED: Record<Exclude<DeliveryStatus, 'PENDING'>, AttemptOutcome> = { DELIVERED: 'ALREADY_DELIVERED', FAILED: 'FAILED', CANCELLED: 'CANCELLED' };
const settledOutcome = (status: DeliveryStatus): AttemptOutcome => (status === 'PENDING' ? 'CANCELLED' : SETTLED[status]);

/**
 * One attempt. Throws when the endpoint did not accept and a retry may help (the queue retries with backoff);
 * `lastAttempt` marks the delivery FAILED instead. Safe twice: only a PENDING delivery is sent (delivery.lifecycle.ts),
 * and nothing is ever sent to an endpoint the buyer replaced or removed, so the old secret signs nothing new.
 * (An attempt already on the wire when the endpoint is replaced finishes; its result no longer changes the status.)
 */
export async function attemptDelivery(deps: AppDeps, deliveryId: string, lastAttempt: boolean, resolve?: Resolver): Promise<AttemptOutcome> {
  const [row] = await deps.db
    .select({ delivery: deliveries, endpoint: webhookEndpoints, purchase: purchases, lead: leads })
    .from(deliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, deliveries.endpointId))
    .innerJoin(purchases, eq(purchases.id, deliveries.purchaseId))
    .innerJoin(leads, eq(leads.id, purchases.leadId))
    .where(eq(deliveries.id, deliveryId));
  if (!row) throw new Error(`no delivery ${deliveryId}`);
  const { delivery, endpoint, purchase, lead } = row;
  const cancellable = fromStatuses(DELIVERY_LIFECYCLE, 'CANCELLED', 'SYSTEM');
  if (!ATTEMPTABLE.includes(delivery.status) && !cancellable.includes(delivery.status)) return settledOutcome(delivery.status);
  if (!endpoint.active) {
    // created or re-queued in a race with a replacement: the retirement's cancel missed it, this catches it
    await deps.db
      .update(deliveries)
      .set({ status: 'CANCELLED', lastError: CANCELLED_BECAUSE.inactive })
      .where(and(eq(deliveries.id, deliveryId), inArray(deliveries.status, cancellable)));
    return 'CANCELLED';
  }
  // a FAILED delivery is sent again only after redeliver re-opens it (a stale job sends nothing)
  if (!ATTEMPTABLE.includes(delivery.status)) return settledOutcome(delivery.status);
  // the buyer paid for this contact; reading it for delivery is audited like any other read
  const disclosure = await readLeadDisclosure(deps, { userId: null, organizationId: purchase.buyerOrgId, role: 'BUYER', via: 'session' }, lead);
  const contact = disclosure?.contact ?? null;
  // the consent proof travels with the contact, so the buyer's CRM holds what the person agreed to, and the id of
  // the certificate behind it (null without one), which the buyer opens at /certificates/<id>
  const certificateId = disclosure?.consent ? ((await certificateIdsOfLeads(deps, [lead.id])).get(lead.id) ?? null) : null;
  const consent = disclosure?.consent ? { ...disclosure.consent, timestamp: disclosure.consent.timestamp.toISOString(), certificateId } : null;
  const body = JSON.stringify({
    id: delivery.id,
    type: 'lead.purchased',
    createdAt: deps.clock().toISOString(),
    purchase: {
      id: purchase.id,
      price: { amount: formatDecimal(purchase.price, purchase.currency), currencyCode: purchase.currency },
      purchasedAt: purchase.purchasedAt.toISOString(),
      campaignId: purchase.campaignId,
    },
    lead: {
      id: lead.id,
      segment: lead.segment,
      subsegment: lead.subsegment,
      country: lead.country,
      region: lead.region,
      city: lead.city,
      kind: lead.kind,
      temperature: lead.temperature,
      score: lead.score,
      capturedAt: lead.capturedAt.toISOString(),
      attributes: lead.attributes,
      contact,
      consent,
    },
  });
  const { secret } = deps.vault.open<{ secret: string }>(endpoint.secretSealed, endpoint.secretKeyId);
  const timestamp = Math.floor(deps.clock().getTime() / 1000);
  // a duration, not a moment: the monotonic clock measures it even when deps.clock() is a fixed test clock
  // (or the wall clock steps); the attempt's time itself comes from deps.clock()
  const started = performance.now();
  let httpStatus: number | null = null;
  let verdict: AttemptVerdict;
  try {
    const res = await safeFetch(
      endpoint.url,
      {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'user-agent': 'Leadex-Webhooks/1', [SIGNATURE_HEADER]: signDelivery(secret, timestamp, body) },
      },
      { policy: outboundPolicy(deps.config), resolve, timeoutMs: TIMEOUT_MS, maxResponseBytes: MAX_ANSWER_BYTES },
    );
    httpStatus = res.status;
    verdict = judgeAnswer(res.status);
  } catch (err) {
    if (!(err instanceof OutboundError)) throw err;
    // the detail (e.g. "ECONNREFUSED 10.0.0.5:443") is for operators; the URL and the payload are not logged
    deps.logger.warn({ deliveryId, endpointId: endpoint.id, kind: err.kind, detail: err.detail }, 'webhook delivery attempt failed');
    verdict = judgeFailure(err.kind);
  }
  const error = verdict.ok ? null : verdict.error;
  const final = verdict.ok || lastAttempt || !verdict.retry;
  const next: DeliveryStatus = verdict.ok ? 'DELIVERED' : final ? 'FAILED' : 'PENDING';
  const updated = await deps.db.transaction(async (tx) => {
    const attempt = delivery.attempts + 1;
    await tx
      .insert(deliveryAttempts)
      .values({ id: newId('dla'), deliveryId, attempt, httpStatus, error, durationMs: Math.round(performance.now() - started), at: deps.clock() });
    return (
      tx
        .update(deliveries)
        .set({ attempts: attempt, lastStatus: httpStatus, lastError: error, status: next, deliveredAt: verdict.ok ? deps.clock() : null })
        // cancelled (or settled by a concurrent attempt) while the request was on its way: the record of the
        // attempt stays, and so does the status the other writer gave it
        .where(and(eq(deliveries.id, deliveryId), inArray(deliveries.status, ATTEMPTABLE)))
        .returning({ id: deliveries.id })
    );
  });
  if (!updated.length) {
    const [now] = await deps.db.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.id, deliveryId));
    return settledOutcome(now!.status);
  }
  if (verdict.ok) return 'DELIVERED';
  if (final) return 'FAILED';
  throw new Error(`delivery ${deliveryId} not accepted (${error}); retrying with backoff`);
}
