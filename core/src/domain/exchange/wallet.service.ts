// Buyers' prepaid wallets: top-ups through Stripe Checkout; the balance is the ledger account buyer:<org>:wallet.
import { schema, type Db } from '@leadex/db';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { PLATFORM_STRIPE_BALANCE, buyerWallet } from '../ledger/ledger-accounts';
import { owedBy } from '../ledger/ledger-balances';
import { credit, debit, postLedgerTransaction } from '../ledger/post-transaction';
import { bookUnmatchedPayment } from '../payments/unmatched-payment';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { assertTransition, canTransition } from '../shared/lifecycle';
import { chargeStep, minorDigits, money, parseMoneyInput, type Money } from '../shared/money';
import { WALLET_TOP_UP_LIFECYCLE } from './wallet-top-up.lifecycle';
import { originScopedKey, returnOriginFor } from '../platform/return-origin.rules';

const { walletTopUps } = schema;
/** A top-up is between one and a million whole units of the platform currency (in minor units: × 10^digits). */
const MIN_TOP_UP_MAJOR = 1;
const MAX_TOP_UP_MAJOR = 1_000_000;

/** What the buyer can spend, in the platform's currency (the wallet is a liability of the platform: its ledger balance is negative). */
export async function walletBalance(db: Db, buyerOrgId: string, currency: string): Promise<Money> {
  return money(await owedBy(db, buyerWallet(buyerOrgId)), currency);
}

// `requestOrigin`: the request's `Origin` header; Checkout returns the buyer there when it is allow-listed
export async function topUpWallet(deps: AppDeps, actor: Actor | null, amountText: string, idempotencyKey?: string | null, requestOrigin?: string) {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'MONEY');
  const currency = deps.config.PLATFORM_CURRENCY;
  const unit = 10 ** minorDigits(currency);
  const bounds = { min: MIN_TOP_UP_MAJOR * unit, max: MAX_TOP_UP_MAJOR * unit, step: chargeStep(currency) };
  // out of bounds, more decimals than the currency has or off its charge step: BAD_USER_INPUT naming `amount`
  const amount = parseMoneyInput(amountText, currency, 'amount', bounds);
  const key = idempotencyKey?.trim() || null;
  let [topUp] = key
    ? await deps.db
        .select()
        .from(walletTopUps)
        .where(and(eq(walletTopUps.buyerOrgId, buyer.organizationId), eq(walletTopUps.idempotencyKey, key)))
    : [];
  if (topUp && topUp.amount !== amount)
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for another amount', [{ path: 'idempotencyKey', message: 'already used' }]);
  if (!topUp) {
    [topUp] = await deps.db
      .insert(walletTopUps)
      .values({
        id: newId('top'),
        buyerOrgId: buyer.organizationId,
        amount,
        currency,
        status: 'PENDING' as const,
        idempotencyKey: key,
        createdAt: deps.clock(),
      })
      .onConflictDoNothing()
      .returning();
    topUp ??= (
      await deps.db
        .select()
        .from(walletTopUps)
        .where(and(eq(walletTopUps.buyerOrgId, buyer.organizationId), eq(walletTopUps.idempotencyKey, key!)))
    )[0];
  }
  const web = returnOriginFor(deps.config, requestOrigin);
  try {
    const session = await deps.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        client_reference_id: topUp!.id,
        metadata: { wallet_top_up_id: topUp!.id },
        payment_intent_data: { metadata: { wallet_top_up_id: topUp!.id } },
        line_items: [{ quantity: 1, price_data: { currency: currency.toLowerCase(), unit_amount: amount, product_data: { name: 'Leadex wallet top-up' } } }],
        success_url: `${web}/wallet?topped_up=1&session={CHECKOUT_SESSION_ID}`,
        cancel_url: `${web}/wallet?cancelled=1`,
      },
      { idempotencyKey: originScopedKey(deps.config, `topup-${topUp!.id}`, web) },
    );
    await deps.db.update(walletTopUps).set({ checkoutSessionId: session.id }).where(eq(walletTopUps.id, topUp!.id));
    return { url: session.url!, sessionId: session.id };
  } catch (err) {
    deps.logger.error({ err: (err as Error).message }, 'stripe checkout for a top-up failed');
    throw new DomainError('PAYMENT_PROVIDER_UNAVAILABLE', 'The payment provider did not answer; try again in a moment');
  }
}

export type TopUpOutcome = 'TOPPED_UP' | 'ALREADY_RECORDED' | 'UNKNOWN_TOP_UP' | 'REFUND_DUE';

/**
 * From the payment webhook, inside its transaction, with the payment as Stripe reports it. The wallet is
 * credited the amount the buyer asked for when the top-up was created, never an amount from the event; a
 * payment of another amount or currency is refunded in full instead. Idempotent: a paid top-up is not
 * credited again, and the other event of the same payment finds the same refund.
 */
export async function recordTopUpPayment(
  deps: AppDeps,
  tx: Db,
  p: { topUpId: string; paymentIntentId: string; amount: number; currency: string },
): Promise<{ outcome: TopUpOutcome; refundId?: string }> {
  const [topUp] = await tx.select().from(walletTopUps).where(eq(walletTopUps.id, p.topUpId)).for('update');
  if (!topUp) return { outcome: 'UNKNOWN_TOP_UP' };
  // a top-up is paid once: the same payment again is a repeat of the webhook, another payment is refunded
  const payable = canTransition(WALLET_TOP_UP_LIFECYCLE, topUp.status, 'PAID', 'SYSTEM');
  if (!payable && topUp.paymentIntentId === p.paymentIntentId) return { outcome: 'ALREADY_RECORDED' };
  const reason = !payable
    ? 'a second payment of a paid top-up'
    : p.amount !== topUp.amount || p.currency.toUpperCase() !== topUp.currency
      ? 'an amount mismatch'
      : null;
  if (reason) {
    const refundId = await bookUnmatchedPayment(deps, tx, {
      paymentIntentId: p.paymentIntentId,
      amount: money(p.amount, p.currency),
      topUpId: topUp.id,
      reason,
      expected: money(topUp.amount, topUp.currency),
    });
    return { outcome: 'REFUND_DUE', refundId };
  }
  const now = deps.clock();
  assertTransition(WALLET_TOP_UP_LIFECYCLE, topUp.status, 'PAID', 'SYSTEM');
  await tx.update(walletTopUps).set({ status: 'PAID', paidAt: now, paymentIntentId: p.paymentIntentId }).where(eq(walletTopUps.id, topUp.id));
  await postLedgerTransaction(tx, {
    eventKey: `top-up:${topUp.id}`,
    kind: 'TOP_UP',
    memo: `wallet top-up ${topUp.id}`,
    occurredAt: now,
    postings: [debit(PLATFORM_STRIPE_BALANCE, money(topUp.amount, topUp.currency)), credit(buyerWallet(topUp.buyerOrgId), money(topUp.amount, topUp.currency))],
  });
  await recordAudit(tx, {
    actor: null,
    action: 'wallet.top_up',
    target: { type: 'wallet_top_up', id: topUp.id, organizationId: topUp.buyerOrgId },
    details: { amount: topUp.amount, currency: topUp.currency, paymentIntentId: p.paymentIntentId },
    at: now,
  });
  return { outcome: 'TOPPED_UP' };
}
