// A seller's payouts, newest first.
import { schema } from '@leadex/db';
import { desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';

const { payouts } = schema;
export type PayoutRow = typeof payouts.$inferSelect;

export async function myPayouts(deps: AppDeps, actor: Actor | null): Promise<PayoutRow[]> {
  const seller = requireUser(actor, 'SELLER');
  return deps.db.select().from(payouts).where(eq(payouts.sellerOrgId, seller.organizationId)).orderBy(desc(payouts.createdAt));
}
