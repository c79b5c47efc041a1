// One delivery attempt: the sold lead sent to the delivery's endpoint by its kind (send-to-endpoint.ts: signed JSON,
// a mapped signed POST, or an e-mail), and the result recorded for the buyer in fixed phrases (the library's error
// goes to the log only).
import { schema, type DeliveryStatus } from '@leadex/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { notifyDeliveryFailing } from '../notifications/domain-events';
import { newId } from '../shared/ids';
import { fromStatuses } from '../shared/lifecycle';
import type { Resolver } from '../shared/outbound/ssrf-guard';
import { ATTEMPTABLE, DELIVERY_LIFECYCLE } from './delivery.lifecycle';
import { purchasePayload } from './delivery-payload';
import { CANCELLED_BECAUSE } from './delivery.rules';
import { nextRetryAt } from './delivery-retry.rules';
import { sendToEndpoint } from './send-to-endpoint';

export { signDelivery, SIGNATURE_HEADER } from './send-to-endpoint';

const { webhookEndpoints, deliveries, deliveryAttempts, purchases, leads } = schema;
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
export async function attemptDelivery(deps: AppDeps, deliveryId: string, lastAttempt: boolean, resolve?: Resolver, jobAttempt = 1): Promise<AttemptOutcome> {
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
  const payload = await purchasePayload(deps, delivery.id, purchase, lead);
  // a duration, not a moment: the monotonic clock measures it even when deps.clock() is a fixed test clock
  // (or the wall clock steps); the attempt's time itself comes from deps.clock()
  const started = performance.now();
  const { httpStatus, verdict, responseBody = null } = await sendToEndpoint(deps, endpoint, payload, resolve);
  const error = verdict.ok ? null : verdict.error;
  const final = verdict.ok || lastAttempt || !verdict.retry;
  const next: DeliveryStatus = verdict.ok ? 'DELIVERED' : final ? 'FAILED' : 'PENDING';
  const updated = await deps.db.transaction(async (tx) => {
    const attempt = delivery.attempts + 1;
    await tx.insert(deliveryAttempts).values({
      id: newId('dla'),
      deliveryId,
      attempt,
      httpStatus,
      error,
      responseBody,
      durationMs: Math.round(performance.now() - started),
      at: deps.clock(),
    });
    // the queue's backoff decides when the next try runs; this is when the buyer can expect it
    const nextAttemptAt = next === 'PENDING' ? nextRetryAt(deps.clock(), deps.config.DELIVERY_RETRY_BASE_MS, jobAttempt) : null;
    const changed = await tx
      .update(deliveries)
      .set({ attempts: attempt, lastStatus: httpStatus, lastError: error, status: next, nextAttemptAt, deliveredAt: verdict.ok ? deps.clock() : null })
      // cancelled (or settled by a concurrent attempt) while the request was on its way: the record of the
      // attempt stays, and so does the status the other writer gave it
      .where(and(eq(deliveries.id, deliveryId), inArray(deliveries.status, ATTEMPTABLE)))
      .returning({ id: deliveries.id });
    if (changed.length && !verdict.ok)
      await notifyDeliveryFailing(tx, { id: deliveryId, purchaseId: purchase.id, buyerOrgId: purchase.buyerOrgId, leadId: lead.id, attempts: attempt, final });
    return changed;
  });
  if (!updated.length) {
    const [now] = await deps.db.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.id, deliveryId));
    return settledOutcome(now!.status);
  }
  if (verdict.ok) return 'DELIVERED';
  if (final) return 'FAILED';
  throw new Error(`delivery ${deliveryId} not accepted (${error}); retrying with backoff`);
}
