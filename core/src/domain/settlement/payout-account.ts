// Sellers' connected accounts (Stripe Express): create one, hand out the onboarding link, and follow
// `account.updated` (re-read from Stripe) to know when payouts are enabled.
import { schema, type Db } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { sellerPayable } from '../ledger/ledger-accounts';
import { owedBy } from '../ledger/ledger-balances';
import { money, parseDecimal, type Money } from '../shared/money';
import { returnOriginFor } from '../platform/return-origin.rules';

const { organizations, users } = schema;

/** `requestOrigin`: the request's `Origin` header; onboarding returns there when it is allow-listed. */
export async function connectPayoutAccount(deps: AppDeps, actor: Actor | null, requestOrigin?: string): Promise<{ url: string; accountId: string }> {
  const seller = requireCapability(requireUser(actor, 'SELLER'), 'MONEY');
  const [org] = await deps.db.select().from(organizations).where(eq(organizations.id, seller.organizationId));
  const [user] = await deps.db.select().from(users).where(eq(users.id, seller.userId));
  const web = returnOriginFor(deps.config, requestOrigin);
  try {
    let accountId = org!.stripeAccountId;
    if (!accountId) {
      // keyed by organization: a double click creates one account, not two
      const account = await deps.stripe.accounts.create(
        { type: 'express', email: user!.email, business_profile: { name: org!.name }, metadata: { organization_id: org!.id } },
        { idempotencyKey: `connect-${org!.id}` },
      );
      accountId = account.id;
      await deps.db.update(organizations).set({ stripeAccountId: accountId }).where(eq(organizations.id, org!.id));
    }
    const link = await deps.stripe.accountLinks.create({
      account: accountId,
      type: 'account_onboarding',
      refresh_url: `${web}/seller/payouts?refresh=1`,
      return_url: `${web}/seller/payouts?onboarded=1`,
    });
    return { url: link.url, accountId };
  } catch (err) {
    deps.logger.error({ err: (err as Error).message }, 'stripe connect failed');
    throw new DomainError('PAYMENT_PROVIDER_UNAVAILABLE', 'The payment provider did not answer; try again in a moment');
  }
}

/**
 * From the `account.updated` webhook (inside its transaction), with the account as re-read from Stripe:
 * the event body alone never enables payouts.
 */
export async function applyAccountUpdate(tx: Db, account: { accountId: string; payoutsEnabled: boolean }): Promise<boolean> {
  const rows = await tx
    .update(organizations)
    .set({ stripePayoutsEnabled: account.payoutsEnabled })
    .where(eq(organizations.stripeAccountId, account.accountId))
    .returning({ id: organizations.id });
  return rows.length > 0;
}

/** Whether the seller can be paid, and what is waiting (their payable balance) against the minimum. */
export async function payoutAccount(
  deps: AppDeps,
  actor: Actor | null,
): Promise<{ connected: boolean; payoutsEnabled: boolean; payable: Money; minimumPayout: Money; currency: string }> {
  const seller = requireUser(actor, 'SELLER');
  const [org] = await deps.db.select().from(organizations).where(eq(organizations.id, seller.organizationId));
  const currency = deps.config.PLATFORM_CURRENCY;
  return {
    connected: !!org!.stripeAccountId,
    payoutsEnabled: org!.stripePayoutsEnabled,
    payable: money(await owedBy(deps.db, sellerPayable(seller.organizationId)), currency),
    minimumPayout: money(parseDecimal(deps.config.MIN_PAYOUT, currency)!, currency),
    currency,
  };
}
