// Connected accounts (Express) and their onboarding links. An account can take transfers only once
// onboarding is complete, as Stripe's `transfers` capability requires.
import type Stripe from 'stripe';
import { invalidRequest, resourceMissing } from './stripe-errors';
import { newStripeId, randomBase62 } from './stripe-ids';
import type { AccountLinkRecord, AccountObject, EventOrigin } from './standin-objects';
import { snapshot, unixSeconds, type StandinContext } from './standin-state';

export type AccountLinkObject = Stripe.AccountLink;

const ONBOARDING_REQUIREMENTS = [
  'business_type',
  'external_account',
  'individual.first_name',
  'individual.last_name',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];
const ACCOUNT_LINK_TTL_SECONDS = 300;

export interface AccountInput {
  type: 'express' | 'standard' | 'custom';
  country?: string;
  email?: string;
  businessType?: Stripe.Account.BusinessType;
  businessName?: string;
  url?: string;
  cardPayments: boolean;
  defaultCurrency?: string;
  metadata: Record<string, string>;
}

export function createAccount(ctx: StandinContext, input: AccountInput, _origin: EventOrigin): AccountObject {
  const id = newStripeId('acct');
  const account: AccountObject = {
    id,
    object: 'account',
    business_profile: {
      mcc: null,
      name: input.businessName ?? null,
      product_description: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: input.url ?? null,
    },
    business_type: input.businessType ?? null,
    capabilities: { transfers: 'inactive', ...(input.cardPayments ? { card_payments: 'inactive' as const } : {}) },
    charges_enabled: false,
    country: (input.country ?? 'US').toUpperCase(),
    created: unixSeconds(ctx.now()),
    default_currency: input.defaultCurrency ?? 'usd',
    details_submitted: false,
    email: input.email ?? null,
    metadata: input.metadata,
    payouts_enabled: false,
    requirements: {
      alternatives: [],
      current_deadline: null,
      currently_due: [...ONBOARDING_REQUIREMENTS],
      disabled_reason: 'requirements.past_due',
      errors: [],
      eventually_due: [...ONBOARDING_REQUIREMENTS],
      past_due: [...ONBOARDING_REQUIREMENTS],
      pending_verification: [],
    },
    tos_acceptance: { date: null },
    type: input.type,
  };
  ctx.state.accounts.set(id, account);
  return account;
}

export function getAccount(ctx: StandinContext, id: string, param?: string): AccountObject {
  const account = ctx.state.accounts.get(id);
  // Stripe hides accounts the platform cannot see behind a permission error; a plain "no such" is clearer here
  if (!account) throw param ? resourceMissing('account', id, param, 400) : resourceMissing('account', id);
  return account;
}

/** What the person does in Stripe's hosted onboarding: details submitted, charges and payouts enabled. */
export function completeOnboarding(ctx: StandinContext, accountId: string, origin: EventOrigin): AccountObject {
  const account = getAccount(ctx, accountId);
  if (account.details_submitted && account.payouts_enabled) return account;
  const previous = snapshot({
    capabilities: account.capabilities,
    charges_enabled: account.charges_enabled,
    details_submitted: account.details_submitted,
    payouts_enabled: account.payouts_enabled,
    requirements: account.requirements,
  });
  account.business_type ??= 'individual';
  account.capabilities = { transfers: 'active', ...(account.capabilities.card_payments ? { card_payments: 'active' as const } : {}) };
  account.charges_enabled = true;
  account.details_submitted = true;
  account.payouts_enabled = true;
  account.requirements = { ...account.requirements, currently_due: [], disabled_reason: null, eventually_due: [], past_due: [] };
  account.tos_acceptance = { date: unixSeconds(ctx.now()) };
  ctx.emit('account.updated', account, { origin, previousAttributes: previous, account: account.id });
  return account;
}

export function createAccountLink(
  ctx: StandinContext,
  input: { account: string; type: AccountLinkRecord['type']; refreshUrl: string; returnUrl: string },
): AccountLinkObject {
  getAccount(ctx, input.account, 'account');
  const created = unixSeconds(ctx.now());
  const record: AccountLinkRecord = {
    token: randomBase62(32),
    account: input.account,
    type: input.type,
    refreshUrl: input.refreshUrl,
    returnUrl: input.returnUrl,
    expiresAt: created + ACCOUNT_LINK_TTL_SECONDS,
    used: false,
  };
  ctx.state.accountLinks.set(record.token, record);
  return { object: 'account_link', created, expires_at: record.expiresAt, url: `${ctx.publicUrl}/connect/onboarding/${record.token}` };
}

/** A link can be used once and only before it expires; otherwise Stripe sends the person to `refresh_url`. */
export function usableAccountLink(ctx: StandinContext, token: string): { link: AccountLinkRecord; usable: boolean } | undefined {
  const link = ctx.state.accountLinks.get(token);
  if (!link) return undefined;
  return { link, usable: !link.used && unixSeconds(ctx.now()) < link.expiresAt };
}

export function requireTransferCapability(account: AccountObject): void {
  if (account.capabilities.transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { code: 'insufficient_capabilities_for_transfer', param: 'destination' },
    );
  }
}
