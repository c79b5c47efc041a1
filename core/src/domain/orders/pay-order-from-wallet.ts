// payOrderFromWallet: a reserved marketplace order paid from the buyer's prepaid wallet instead of by card.
import { schema, type Db } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { enqueueOrderDeliveries } from '../exchange/deliveries.service';
import { walletBalance } from '../exchange/wallet.service';
import { sendNotificationsSoon } from '../notifications/queue-notification';
import { PLATFORM_ESCROW, buyerWallet } from '../ledger/ledger-accounts';
import { credit, debit } from '../ledger/post-transaction';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { money } from '../shared/money';
import { loadOrder, type OrderView } from './load-order';
import { convertOrderToSales } from './record-payment';
import { walletPaymentRefusal } from './wallet-payment.rules';

const { orders, organizations, walletPayments } = schema;

/** The ledger kind of an order paid from the wallet (a campaign win is WALLET_PURCHASE). */
export const WALLET_ORDER_PAYMENT = 'WALLET_ORDER_PAYMENT';

/** true when this call paid the order; false when it answers a repeat of the same request */
async function payInTransaction(deps: AppDeps, tx: Db, buyerOrgId: string, orderId: string, idempotencyKey: string | null): Promise<boolean> {
  const now = deps.clock();
  // lock order as everywhere a wallet is spent (allocate-lead.ts): the buyer's organisation first, so two payments
  // (or a payment and a campaign win) read the balance one after the other; then the order
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, buyerOrgId)).for('no key update');
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order || order.buyerOrgId !== buyerOrgId) throw new DomainError('ORDER_NOT_FOUND', 'No such order');
  const [earlier] = await tx.select().from(walletPayments).where(eq(walletPayments.orderId, orderId));
  // the same request again (same idempotency key) is answered with the paid order, not an error
  if (earlier && idempotencyKey && earlier.idempotencyKey === idempotencyKey) return false;
  const balance = await walletBalance(tx, buyerOrgId, order.currency);
  const refusal = walletPaymentRefusal(
    { status: order.status, expiresAt: order.expiresAt, total: order.total, paid: earlier != null || order.paidAt != null, balance: balance.amount },
    now,
  );
  if (refusal) throw new DomainError(refusal.code, refusal.message);
  const paymentId = newId('wpy');
  await tx.insert(walletPayments).values({ id: paymentId, orderId, buyerOrgId, amount: order.total, currency: order.currency, idempotencyKey, createdAt: now });
  const amount = money(order.total, order.currency);
  await convertOrderToSales(
    tx,
    order,
    {
      via: 'WALLET',
      paymentIntentId: null,
      entry: {
        eventKey: `wallet-payment:${orderId}`,
        kind: WALLET_ORDER_PAYMENT,
        memo: `order ${orderId} paid from the wallet (${paymentId})`,
        occurredAt: now,
        postings: [debit(buyerWallet(buyerOrgId), amount), credit(PLATFORM_ESCROW, amount)],
      },
      details: { walletPaymentId: paymentId },
    },
    now,
  );
  return true;
}

/**
 * Pays a reserved order from the buyer's wallet: the wallet debit, the sales and the order's PAID status commit
 * together or not at all. Exactly once per order (wallet_payments.order_id is unique and the order row is locked);
 * a repeat with the same idempotency key returns the paid order.
 */
export async function payOrderFromWallet(deps: AppDeps, actor: Actor | null, orderId: string, idempotencyKey?: string | null): Promise<OrderView> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const key = idempotencyKey?.trim() || null;
  const paid = await deps.db.transaction((tx) => payInTransaction(deps, tx, buyer.organizationId, orderId, key));
  // after commit, as for a card payment (handle-stripe-event.ts): the leads go out to the buyer's endpoints
  if (paid) {
    await enqueueOrderDeliveries(deps, orderId);
    await sendNotificationsSoon(deps);
  }
  return loadOrder(deps, buyer, orderId);
}
