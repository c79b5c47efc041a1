// One delivery attempt: the sold lead as JSON, signed with the endpoint's secret, POSTed through the SSRF-guarded
// client, and the result recorded for the buyer in fixed phrases (the library's error goes to the log only).
import { schema } from '@leadex/db';
import { and, eq, ne } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import type { AppDeps } from '../app-deps';
import { readLeadDisclosure } from '../leads/read-contact';
import { newId } from '../shared/ids';
import { formatDecimal } from '../shared/money';
import { OutboundError, safeFetch } from '../shared/outbound/safe-fetch';
import { outboundPolicy, type Resolver } from '../shared/outbound/ssrf-guard';
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

/**
 * One attempt. Throws when the endpoint did not accept and a retry may help (the queue retries with backoff);
 * `lastAttempt` marks the delivery FAILED instead. Safe twice: a DELIVERED or CANCELLED delivery is not sent,
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
  if (delivery.status === 'DELIVERED') return 'ALREADY_DELIVERED';
  if (delivery.status === 'CANCELLED') return 'CANCELLED';
  if (!endpoint.active) {
    // created or re-queued in a race with a replacement: the retirement's cancel missed it, this catches it
    await deps.db.update(deliveries).set({ status: 'CANCELLED', lastError: CANCELLED_BECAUSE.inactive }).where(and(eq(deliveries.id, deliveryId), ne(deliveries.status, 'DELIVERED')));
    return 'CANCELLED';
  }
  // the buyer paid for this contact; reading it for delivery is audited like any other read
  const disclosure = await readLeadDisclosure(deps, { userId: null, organizationId: purchase.buyerOrgId, role: 'BUYER', via: 'session' }, lead);
  const contact = disclosure?.contact ?? null;
  // the consent proof travels with the contact, so the buyer's CRM holds what the person agreed to
  const consent = disclosure?.consent ? { ...disclosure.consent, timestamp: disclosure.consent.timestamp.toISOString() } : null;
  const body = JSON.stringify({
    id: delivery.id, type: 'lead.purchased', createdAt: deps.clock().toISOString(),
    purchase: { id: purchase.id, price: { amount: formatDecimal(purchase.price, purchase.currency), currencyCode: purchase.currency }, purchasedAt: purchase.purchasedAt.toISOString(), campaignId: purchase.campaignId },
    lead: {
      id: lead.id, segment: lead.segment, subsegment: lead.subsegment, country: lead.country, region: lead.region, city: lead.city,
      kind: lead.kind, temperature: lead.temperature, score: lead.score, capturedAt: lead.capturedAt.toISOString(), attributes: lead.attributes, contact, consent,
    },
  });
  const { secret } = deps.vault.open<{ secret: string }>(endpoint.secretSealed, endpoint.secretKeyId);
  const timestamp = Math.floor(deps.clock().getTime() / 1000);
  const started = Date.now();
  let httpStatus: number | null = null;
  let verdict: AttemptVerdict;
  try {
    const res = await safeFetch(endpoint.url, {
      method: 'POST', body,
      headers: { 'content-type': 'application/json', 'user-agent': 'Leadex-Webhooks/1', [SIGNATURE_HEADER]: signDelivery(secret, timestamp, body) },
    }, { policy: outboundPolicy(deps.config), resolve, timeoutMs: TIMEOUT_MS, maxResponseBytes: MAX_ANSWER_BYTES });
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
  const updated = await deps.db.transaction(async (tx) => {
    const attempt = delivery.attempts + 1;
    await tx.insert(deliveryAttempts).values({ id: newId('dla'), deliveryId, attempt, httpStatus, error, durationMs: Date.now() - started, at: deps.clock() });
    return tx
      .update(deliveries)
      .set({ attempts: attempt, lastStatus: httpStatus, lastError: error, status: verdict.ok ? 'DELIVERED' : final ? 'FAILED' : 'PENDING', deliveredAt: verdict.ok ? deps.clock() : null })
      // cancelled while the request was on its way: the record of the attempt stays, the cancellation too
      .where(and(eq(deliveries.id, deliveryId), ne(deliveries.status, 'CANCELLED')))
      .returning({ id: deliveries.id });
  });
  if (!updated.length) return 'CANCELLED';
  if (verdict.ok) return 'DELIVERED';
  if (final) return 'FAILED';
  throw new Error(`delivery ${deliveryId} not accepted (${error}); retrying with backoff`);
}
