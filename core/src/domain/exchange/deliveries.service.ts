// Delivery of sold leads to buyers' endpoints (delivery-endpoints.service.ts: several per buyer, one the default):
// each purchase goes to its campaign's endpoint or the default, signed with HMAC-SHA256 over "<timestamp>.<body>"
// (header `Leadex-Signature: t=<unix>,v1=<hex>`) or e-mailed, retried with exponential backoff for about a day,
// every attempt logged and visible to the buyer, with manual redelivery. Replacing or removing an endpoint cancels
// what was still pending for it, so contacts only ever go to endpoints the buyer has now. The single-endpoint API
// (setWebhookEndpoint, removeWebhookEndpoint, webhookEndpoint) works on the default endpoint.
import { schema } from '@leadex/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { assertTransition, fromStatuses } from '../shared/lifecycle';
import type { Resolver } from '../shared/outbound/ssrf-guard';
import { parseInput } from '../shared/validation';
import { DELIVERY_LIFECYCLE } from './delivery.lifecycle';
import { CANCELLED_BECAUSE } from './delivery.rules';
import { checkEndpointUrl, deliveryRoutes, insertEndpoint, lockBuyerEndpoints, retireEndpoints } from './delivery-endpoints.service';

export { attemptDelivery, signDelivery, SIGNATURE_HEADER } from './attempt-delivery';

const { webhookEndpoints, deliveries, deliveryAttempts, purchases } = schema;
// the buyer's deliveries page shows the newest ones, this many
export const DELIVERIES_LISTED = 200;

/**
 * Replaces the buyer's default endpoint with a new WEBHOOK endpoint at this URL (the default's pending deliveries
 * are cancelled; the buyer's other endpoints stay). Refused URLs (private, loopback, metadata and other non-public
 * addresses, odd ports, credentials, plain http in production, names that do not resolve) are BAD_USER_INPUT on
 * `url`. `resolve` is the DNS, for tests.
 */
export async function setWebhookEndpoint(deps: AppDeps, actor: Actor | null, rawUrl: string, resolve?: Resolver) {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'MONEY');
  const url = await checkEndpointUrl(deps, parseInput(z.string().trim().min(1).max(2000), rawUrl, 'url'), 'url', resolve);
  const { row, secret } = await deps.db.transaction(async (tx) => {
    await lockBuyerEndpoints(tx, buyer.organizationId);
    await retireEndpoints(tx, buyer.organizationId, CANCELLED_BECAUSE.replaced, { defaultOnly: true });
    return insertEndpoint(deps, tx, buyer.organizationId, 'WEBHOOK', { name: 'Webhook', url, settings: {} });
  });
  return { id: row.id, url: row.url!, secret };
}

/** Removes the default endpoint and cancels its pending deliveries; false when there was none (idempotent). */
export async function removeWebhookEndpoint(deps: AppDeps, actor: Actor | null): Promise<boolean> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'MONEY');
  return deps.db.transaction(async (tx) => (await retireEndpoints(tx, buyer.organizationId, CANCELLED_BECAUSE.removed, { defaultOnly: true })) > 0);
}

/** Creates the delivery rows for these purchases (to the campaign's endpoint or the default, once each) and queues them. */
export async function enqueueDeliveries(deps: AppDeps, purchaseIds: string[]): Promise<number> {
  if (!purchaseIds.length) return 0;
  const rows = [...(await deliveryRoutes(deps.db, purchaseIds))].map(([purchaseId, endpointId]) => ({ purchaseId, endpointId }));
  if (!rows.length) return 0;
  const created = await deps.db
    .insert(deliveries)
    .values(rows.map((r) => ({ id: newId('dlv'), endpointId: r.endpointId, purchaseId: r.purchaseId, status: 'PENDING' as const, createdAt: deps.clock() })))
    .onConflictDoNothing()
    .returning({ id: deliveries.id });
  await enqueueDeliveryJobs(
    deps,
    created.map((d) => d.id),
  );
  return created.length;
}

/** Queues a delivery job for each committed PENDING delivery; a failed enqueue is logged, and the delivery stays PENDING for the buyer to send again. */
export async function enqueueDeliveryJobs(deps: AppDeps, deliveryIds: readonly string[]): Promise<void> {
  for (const deliveryId of deliveryIds) {
    await deps.jobs.enqueueDelivery({ deliveryId }).catch((err: Error) => deps.logger.warn({ deliveryId, err: err.message }, 'delivery enqueue failed'));
  }
}

export async function enqueueOrderDeliveries(deps: AppDeps, orderId: string): Promise<number> {
  const rows = await deps.db.select({ id: purchases.id }).from(purchases).where(eq(purchases.orderId, orderId));
  return enqueueDeliveries(
    deps,
    rows.map((r) => r.id),
  );
}

export async function listDeliveries(deps: AppDeps, actor: Actor | null) {
  const buyer = requireUser(actor, 'BUYER');
  const rows = await deps.db
    .select({ delivery: deliveries, leadId: purchases.leadId })
    .from(deliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, deliveries.endpointId))
    .innerJoin(purchases, eq(purchases.id, deliveries.purchaseId))
    .where(eq(webhookEndpoints.buyerOrgId, buyer.organizationId))
    .orderBy(desc(deliveries.createdAt))
    .limit(DELIVERIES_LISTED);
  const ids = rows.map((r) => r.delivery.id);
  const attempts = ids.length
    ? await deps.db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.deliveryId, ids)).orderBy(deliveryAttempts.attempt)
    : [];
  return rows.map((r) => ({ ...r.delivery, leadId: r.leadId, attemptLog: attempts.filter((a) => a.deliveryId === r.delivery.id) }));
}

/** The lead a delivery carries (through its purchase). */
export async function deliveredLeadId(deps: AppDeps, purchaseId: string): Promise<string> {
  const [row] = await deps.db.select({ leadId: purchases.leadId }).from(purchases).where(eq(purchases.id, purchaseId));
  if (!row) throw new DomainError('DELIVERY_NOT_FOUND', 'No such delivery');
  return row.leadId;
}

/**
 * Sends a delivery again, always to an endpoint the buyer has now, with its current secret: to the same endpoint
 * while it is active, else re-targeted to where the purchase goes now (its campaign's endpoint or the default; the
 * answer is that endpoint's delivery of the same purchase, so its id can differ from the one asked for; the old one
 * stays as it was, for the record). No endpoint → NOT_FOUND.
 */
export async function redeliver(deps: AppDeps, actor: Actor | null, deliveryId: string) {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const [row] = await deps.db
    .select({ delivery: deliveries, endpointActive: webhookEndpoints.active })
    .from(deliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, deliveries.endpointId))
    .where(and(eq(deliveries.id, deliveryId), eq(webhookEndpoints.buyerOrgId, buyer.organizationId)));
  if (!row) throw new DomainError('DELIVERY_NOT_FOUND', 'No such delivery');
  const targetEndpoint = row.endpointActive ? row.delivery.endpointId : (await deliveryRoutes(deps.db, [row.delivery.purchaseId])).get(row.delivery.purchaseId);
  if (!targetEndpoint) throw new DomainError('WEBHOOK_ENDPOINT_NOT_FOUND', 'There is no webhook endpoint to deliver to: set one first');
  const target = row.delivery.endpointId === targetEndpoint ? row.delivery : await deliveryFor(deps, targetEndpoint, row.delivery.purchaseId);
  // one already PENDING is simply queued once more; a CANCELLED one is never re-opened (its endpoint is gone)
  if (target.status !== 'PENDING') {
    assertTransition(DELIVERY_LIFECYCLE, target.status, 'PENDING', 'BUYER', { message: `A ${target.status} delivery cannot be sent again` });
    const [reopened] = await deps.db
      .update(deliveries)
      .set({ status: 'PENDING', nextAttemptAt: null })
      // a concurrent redeliver may have re-opened it first: PENDING is what this one wants too
      .where(and(eq(deliveries.id, target.id), inArray(deliveries.status, [...fromStatuses(DELIVERY_LIFECYCLE, 'PENDING', 'BUYER'), 'PENDING'])))
      .returning({ id: deliveries.id });
    // cancelled in between (the endpoint was replaced meanwhile): the buyer learns it, nothing is queued
    if (!reopened) throw new DomainError('TRANSITION_NOT_ALLOWED', 'The delivery was cancelled meanwhile; look at your deliveries again');
  }
  // a fresh job id per request: the queue takes every manual redelivery, and deps.clock() may stand still in tests
  await deps.jobs.enqueueDelivery({ deliveryId: target.id }, `manual-${randomUUID()}`);
  const attemptLog = await deps.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, target.id)).orderBy(deliveryAttempts.attempt);
  return { ...target, status: 'PENDING' as const, attemptLog };
}

// the endpoint's delivery of this purchase, created when the purchase was bought before the endpoint was set
async function deliveryFor(deps: AppDeps, endpointId: string, purchaseId: string) {
  await deps.db
    .insert(deliveries)
    .values({ id: newId('dlv'), endpointId, purchaseId, status: 'PENDING' as const, createdAt: deps.clock() })
    .onConflictDoNothing();
  const [row] = await deps.db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.endpointId, endpointId), eq(deliveries.purchaseId, purchaseId)));
  return row!;
}

/** The buyer's default endpoint when it posts to a URL (never its secret); null when there is none or it is EMAIL. */
export async function currentWebhookEndpoint(deps: AppDeps, actor: Actor | null) {
  const buyer = requireUser(actor, 'BUYER');
  const [row] = await deps.db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.buyerOrgId, buyer.organizationId), eq(webhookEndpoints.active, true), eq(webhookEndpoints.isDefault, true)));
  return row?.url ? { id: row.id, url: row.url, secret: null } : null;
}
