// Building a market quickly for money-path tests: listed leads and many buyers, through the domain.
import { eq, schema } from '@leadex/db';
import type { Actor } from '@leadex/core/domain/auth/access';
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { runSpotCheck } from '@leadex/core';
import { randomBytes } from 'node:crypto';
import { validLead } from '../fixtures/leads';
import type { TestApp } from './test-app';

export async function createSellerActor(app: TestApp): Promise<Actor> {
  const [buyer] = await createBuyerActors(app, 1, 'SELLER');
  return buyer!;
}

/** Many buyers at once, straight into the tables (signing up 200 people through argon2 would take a while). */
export async function createBuyerActors(app: TestApp, n: number, role: 'BUYER' | 'SELLER' = 'BUYER'): Promise<(Actor & { userId: string })[]> {
  const tag = randomBytes(3).toString('hex');
  const orgs = Array.from({ length: n }, (_, i) => ({ id: `org_${tag}${i}`, name: `${role} ${i}`, kind: role }));
  const users = orgs.map((o, i) => ({
    id: `usr_${tag}${i}`,
    email: `${role.toLowerCase()}-${tag}-${i}@example.com`,
    name: o.name,
    passwordHash: 'x',
    role,
    organizationId: o.id,
  }));
  await app.runtime.deps.db.insert(schema.organizations).values(orgs);
  await app.runtime.deps.db.insert(schema.users).values(users);
  return users.map((u) => ({ userId: u.id, organizationId: u.organizationId, role, via: 'session' as const }));
}

/** Submits and spot-checks leads, returning the listed ids in input order. */
export async function listLeads(app: TestApp, seller: Actor, leads: Record<string, unknown>[]): Promise<string[]> {
  const batch = await submitLeads(app.runtime.deps, seller, leads, { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
  if (batch.accepted !== leads.length)
    throw new Error(`only ${batch.accepted} of ${leads.length} accepted: ${JSON.stringify(batch.results.map((r) => r.issues))}`);
  // with workers running, the spot-check worker may have decided the batch first (then this returns null)
  await runSpotCheck(app.runtime.deps, batch.id);
  const [decided] = await app.runtime.deps.db.select().from(schema.leadBatches).where(eq(schema.leadBatches.id, batch.id));
  if (decided!.status !== 'VERIFIED') {
    const findings = await app.runtime.deps.db.select().from(schema.verificationResults).where(eq(schema.verificationResults.batchId, batch.id));
    throw new Error(`fixture batch failed its spot-check: ${JSON.stringify(findings.map((f) => [f.code, f.message]))}`);
  }
  return batch.results.map((r) => r.lead!.id);
}

export const sharedLead = (maxSales: number, extra: Record<string, unknown> = {}) => validLead({ exclusivity: 'SHARED', maxSales, ...extra });
export const exclusiveLead = (extra: Record<string, unknown> = {}) => validLead({ exclusivity: 'EXCLUSIVE', ...extra });

/** Orders the leads and pays through the Stripe stand-in (the app must run with `stripe: true`). */
export async function buyThroughStripe(app: TestApp, buyer: Actor, leadIds: string[]) {
  const { createOrder } = await import('@leadex/core/domain/orders/create-order');
  const { checkoutOrder } = await import('@leadex/core/domain/orders/checkout-order');
  const order = await createOrder(app.runtime.deps, buyer, { leadIds });
  const checkout = await checkoutOrder(app.runtime.deps, buyer, order.id);
  const res = await fetch(`${app.stripe!.url}/_standin/checkout/${checkout.sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: '4242424242424242' }),
  });
  if (!res.ok) throw new Error(`stand-in payment failed: ${res.status} ${await res.text()}`);
  await app.stripe!.deliverPendingEvents();
  const purchases = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.orderId, order.id));
  if (purchases.length !== leadIds.length) throw new Error(`order ${order.id} has ${purchases.length} purchases`);
  return { order, purchases };
}
