// Sales in escrow with every shape settlement and refunds meet: segments with their own commission and return
// window, prices that round, disputes left open, accepted (in full, in part, refund booked or not) and rejected.
import { eq, schema } from '@leadex/db';
import type { Actor } from '@leadex/core/domain/auth/access';
import { connectPayoutAccount } from '@leadex/core/domain/settlement/payout-account';
import { createOperatorUser, signUpAs } from './actors';
import { buyThroughStripe, createBuyerActors, listLeads, sharedLead } from './market-fixtures';
import type { TestApp } from './test-app';

export type UserActor = Actor & { userId: string };
export const asActor = (u: { userId: string; organizationId: string }, role: 'SELLER' | 'BUYER' | 'OPERATOR'): UserActor => ({
  userId: u.userId,
  organizationId: u.organizationId,
  role,
  via: 'session' as const,
});

/** A segment's commission and return window, as an operator would set them. */
export async function configureSegment(app: TestApp, code: string, commissionBps: number, returnWindowHours: number): Promise<void> {
  await app.runtime.deps.db.update(schema.segments).set({ commissionBps, returnWindowHours }).where(eq(schema.segments.code, code));
}

/** A seller that finished Stripe Connect onboarding in the stand-in (payouts enabled). */
export async function onboardedSeller(app: TestApp): Promise<UserActor> {
  const user = await signUpAs(app, 'SELLER');
  const actor = asActor(user, 'SELLER');
  const link = await connectPayoutAccount(app.runtime.deps, actor);
  const res = await fetch(`${app.stripe!.url}/_standin/accounts/${link.accountId}/complete-onboarding`, { method: 'POST' });
  if (!res.ok) throw new Error(`onboarding failed: ${res.status}`);
  await app.stripe!.deliverPendingEvents();
  return actor;
}

/** Lead inputs in three segments (configure them first), at asking prices chosen to make commissions round. */
export const SEGMENT_LEADS = {
  AUTO_TEST_DRIVE: (askingPrice: string) => sharedLead(3, { askingPrice }),
  FINANCE: (askingPrice: string) => sharedLead(3, { askingPrice, segment: 'FINANCE', subsegment: 'LOAN', attributes: { amount: 5000 } }),
  SERVICES: (askingPrice: string) => sharedLead(3, { askingPrice, segment: 'SERVICES', subsegment: 'TAXI', attributes: {} }),
} as const;
export type SegmentCode = keyof typeof SEGMENT_LEADS;

/** Lists one lead per (segment, price) for the seller and has a fresh buyer buy them all through Stripe. */
export async function sellAndBuy(app: TestApp, seller: UserActor, items: readonly [SegmentCode, string][]) {
  const leadIds = await listLeads(
    app,
    seller,
    items.map(([segment, price]) => SEGMENT_LEADS[segment](price)),
  );
  const [buyer] = await createBuyerActors(app, 1);
  const { purchases } = await buyThroughStripe(app, buyer!, leadIds);
  // in the order the items were given
  return { buyer: buyer!, purchases: leadIds.map((id) => purchases.find((p) => p.leadId === id)!) };
}

export async function operatorActor(app: TestApp): Promise<UserActor> {
  return asActor(await createOperatorUser(app), 'OPERATOR');
}
