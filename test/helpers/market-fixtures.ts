// Building a market quickly for money-path tests: listed leads and many buyers, through the domain.
import { schema } from '@leadex/db';
import type { Actor } from '@leadex/api/domain/auth/access';
import { submitLeads } from '@leadex/api/domain/leads/submit-leads';
import { runSpotCheck } from '@leadex/api';
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
  const users = orgs.map((o, i) => ({ id: `usr_${tag}${i}`, email: `${role.toLowerCase()}-${tag}-${i}@example.com`, name: o.name, passwordHash: 'x', role, organizationId: o.id }));
  await app.runtime.deps.db.insert(schema.organizations).values(orgs);
  await app.runtime.deps.db.insert(schema.users).values(users);
  return users.map((u) => ({ userId: u.id, organizationId: u.organizationId, role, via: 'session' as const }));
}

/** Submits and spot-checks leads, returning the listed ids in input order. */
export async function listLeads(app: TestApp, seller: Actor, leads: Record<string, unknown>[]): Promise<string[]> {
  const batch = await submitLeads(app.runtime.deps, seller, leads, { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
  if (batch.accepted !== leads.length) throw new Error(`only ${batch.accepted} of ${leads.length} accepted: ${JSON.stringify(batch.results.map((r) => r.issues))}`);
  const verdict = await runSpotCheck(app.runtime.deps, batch.id);
  if (!verdict?.passed) throw new Error('fixture batch failed its spot-check');
  return batch.results.map((r) => r.lead!.id);
}

export const sharedLead = (maxSales: number, extra: Record<string, unknown> = {}) => validLead({ exclusivity: 'SHARED', maxSales, ...extra });
export const exclusiveLead = (extra: Record<string, unknown> = {}) => validLead({ exclusivity: 'EXCLUSIVE', ...extra });
