// Delivery of sold leads to buyers' webhook endpoints: JSON signed with HMAC-SHA256 over "<timestamp>.<body>"
// (header `Leadex-Signature: t=<unix>,v1=<hex>`), retried with exponential backoff for about a day, every
// attempt logged and visible to the buyer, with manual redelivery.
import { schema } from '@leadex/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../../context';
import { requireUser, type Actor } from '../auth/access';
import { readLeadContact } from '../leads/read-contact';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { formatDecimal } from '../shared/money';
import { parseInput } from '../shared/validation';

const { webhookEndpoints, deliveries, deliveryAttempts, purchases, leads } = schema;
export const SIGNATURE_HEADER = 'Leadex-Signature';

export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export async function setWebhookEndpoint(deps: AppDeps, actor: Actor | null, rawUrl: string) {
  const buyer = requireUser(actor, 'BUYER');
  const url = parseInput(
    z.string().trim().url().max(2000).refine((u) => /^https?:\/\//.test(u), 'an http(s) URL'),
    rawUrl,
    'url',
  );
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const sealed = deps.vault.seal({ secret });
  const [row] = await deps.db.transaction(async (tx) => {
    // one endpoint per buyer: a new URL replaces the old one (and its secret)
    await tx.update(webhookEndpoints).set({ active: false }).where(eq(webhookEndpoints.buyerOrgId, buyer.organizationId));
    return tx.insert(webhookEndpoints).values({ id: newId('whk'), buyerOrgId: buyer.organizationId, url, secretSealed: sealed.sealed, secretKeyId: sealed.keyId, createdAt: deps.clock() }).returning();
  });
  return { id: row!.id, url: row!.url, secret };
}

/** Creates the delivery rows for these purchases (once per endpoint) and queues them. */
export async function enqueueDeliveries(deps: AppDeps, purchaseIds: string[]): Promise<number> {
  if (!purchaseIds.length) return 0;
  const rows = await deps.db
    .select({ purchaseId: purchases.id, endpointId: webhookEndpoints.id })
    .from(purchases)
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.buyerOrgId, purchases.buyerOrgId), eq(webhookEndpoints.active, true)))
    .where(inArray(purchases.id, purchaseIds));
  if (!rows.length) return 0;
  const created = await deps.db
    .insert(deliveries)
    .values(rows.map((r) => ({ id: newId('whk'), endpointId: r.endpointId, purchaseId: r.purchaseId, status: 'PENDING', createdAt: deps.clock() })))
    .onConflictDoNothing()
    .returning({ id: deliveries.id });
  for (const d of created) {
    await deps.jobs.enqueueDelivery({ deliveryId: d.id }).catch((err: Error) => deps.logger.warn({ deliveryId: d.id, err: err.message }, 'delivery enqueue failed'));
  }
  return created.length;
}

export async function enqueueOrderDeliveries(deps: AppDeps, orderId: string): Promise<number> {
  const rows = await deps.db.select({ id: purchases.id }).from(purchases).where(eq(purchases.orderId, orderId));
  return enqueueDeliveries(deps, rows.map((r) => r.id));
}

/**
 * One attempt. Throws when the endpoint did not accept (so the queue retries with backoff); `lastAttempt`
 * marks the delivery FAILED instead. Safe twice: a DELIVERED delivery is not sent again.
 */
export async function attemptDelivery(deps: AppDeps, deliveryId: string, lastAttempt: boolean): Promise<'DELIVERED' | 'ALREADY_DELIVERED' | 'FAILED'> {
  const [row] = await deps.db
    .select({ delivery: deliveries, endpoint: webhookEndpoints, purchase: purchases, lead: leads })
    .from(deliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, deliveries.endpointId))
    .innerJoin(purchases, eq(purchases.id, deliveries.purchaseId))
    .innerJoin(leads, eq(leads.id, purchases.leadId))
    .where(eq(deliveries.id, deliveryId));
  if (!row) throw new Error(`no delivery ${deliveryId}`);
  if (row.delivery.status === 'DELIVERED') return 'ALREADY_DELIVERED';
  const { delivery, endpoint, purchase, lead } = row;
  // the buyer paid for this contact; reading it for delivery is audited like any other read
  const contact = await readLeadContact(deps, { userId: null, organizationId: purchase.buyerOrgId, role: 'BUYER', via: 'session' }, lead);
  const body = JSON.stringify({
    id: delivery.id, type: 'lead.purchased', createdAt: deps.clock().toISOString(),
    purchase: { id: purchase.id, price: { amount: formatDecimal(purchase.price, purchase.currency), currencyCode: purchase.currency }, purchasedAt: purchase.purchasedAt.toISOString(), campaignId: purchase.campaignId },
    lead: {
      id: lead.id, segment: lead.segment, subsegment: lead.subsegment, country: lead.country, region: lead.region, city: lead.city,
      kind: lead.kind, temperature: lead.temperature, score: lead.score, capturedAt: lead.capturedAt.toISOString(), attributes: lead.attributes, contact,
    },
  });
  const { secret } = deps.vault.open<{ secret: string }>(endpoint.secretSealed, endpoint.secretKeyId);
  const timestamp = Math.floor(deps.clock().getTime() / 1000);
  const started = Date.now();
  let httpStatus: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(endpoint.url, {
      method: 'POST', body, redirect: 'manual', signal: AbortSignal.timeout(10_000),
      headers: { 'content-type': 'application/json', 'user-agent': 'Leadex-Webhooks/1', [SIGNATURE_HEADER]: signDelivery(secret, timestamp, body) },
    });
    httpStatus = res.status;
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
  } catch (err) {
    error = (err as Error).message;
  }
  const ok = error == null;
  await deps.db.transaction(async (tx) => {
    const attempt = delivery.attempts + 1;
    await tx.insert(deliveryAttempts).values({ id: newId('whk'), deliveryId, attempt, httpStatus, error, durationMs: Date.now() - started, at: deps.clock() });
    await tx
      .update(deliveries)
      .set({ attempts: attempt, lastStatus: httpStatus, lastError: error, status: ok ? 'DELIVERED' : lastAttempt ? 'FAILED' : 'PENDING', deliveredAt: ok ? deps.clock() : null })
      .where(eq(deliveries.id, deliveryId));
  });
  if (ok) return 'DELIVERED';
  if (lastAttempt) return 'FAILED';
  throw new Error(`delivery ${deliveryId} not accepted (${error}); retrying with backoff`);
}

export async function listDeliveries(deps: AppDeps, actor: Actor | null) {
  const buyer = requireUser(actor, 'BUYER');
  const rows = await deps.db
    .select({ delivery: deliveries })
    .from(deliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, deliveries.endpointId))
    .where(eq(webhookEndpoints.buyerOrgId, buyer.organizationId))
    .orderBy(desc(deliveries.createdAt))
    .limit(200);
  const ids = rows.map((r) => r.delivery.id);
  const attempts = ids.length ? await deps.db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.deliveryId, ids)).orderBy(deliveryAttempts.attempt) : [];
  return rows.map((r) => ({ ...r.delivery, attemptLog: attempts.filter((a) => a.deliveryId === r.delivery.id) }));
}

export async function redeliver(deps: AppDeps, actor: Actor | null, deliveryId: string) {
  const buyer = requireUser(actor, 'BUYER');
  const [row] = await deps.db
    .select({ delivery: deliveries })
    .from(deliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, deliveries.endpointId))
    .where(and(eq(deliveries.id, deliveryId), eq(webhookEndpoints.buyerOrgId, buyer.organizationId)));
  if (!row) throw new DomainError('DELIVERY_NOT_FOUND', 'No such delivery');
  await deps.db.update(deliveries).set({ status: 'PENDING' }).where(eq(deliveries.id, deliveryId));
  await deps.jobs.enqueueDelivery({ deliveryId }, `manual-${Date.now()}`);
  const attemptLog = await deps.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, deliveryId)).orderBy(deliveryAttempts.attempt);
  return { ...row.delivery, status: 'PENDING', attemptLog };
}

/** The buyer's active endpoint (never its secret). */
export async function currentWebhookEndpoint(deps: AppDeps, actor: Actor | null) {
  const buyer = requireUser(actor, 'BUYER');
  const [row] = await deps.db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.buyerOrgId, buyer.organizationId), eq(webhookEndpoints.active, true)));
  return row ? { ...row, secret: null } : null;
}
