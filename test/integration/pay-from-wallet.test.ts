// Paying a marketplace order from the prepaid wallet, against real PostgreSQL: exactly once, never past the balance.
import { walletBalance } from '@leadex/core/domain/exchange/wallet.service';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { myOrders, orderPaidWith } from '@leadex/core/domain/orders/load-order';
import { payOrderFromWallet } from '@leadex/core/domain/orders/pay-order-from-wallet';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { formatDecimal } from '@leadex/core/domain/shared/money';
import type { Actor } from '@leadex/core/domain/auth/access';
import { eq, schema } from '@leadex/db';
import { fundWallet } from '../helpers/exchange-fixtures';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let seller: Actor;
beforeAll(async () => {
  app = await startTestApp({ label: 'walletpay', stripe: true, dbPoolSize: 20 });
  seller = await createSellerActor(app);
});
afterAll(() => app.close());

const deps = () => app.runtime.deps;
const balance = async (buyer: Actor) => (await walletBalance(deps().db, buyer.organizationId, deps().config.PLATFORM_CURRENCY)).amount;
const sealed = () => {
  const s = deps().vault.seal({ secret: 'whsec_test' });
  return { secretSealed: s.sealed, secretKeyId: s.keyId };
};
const codeOf = (err: unknown) => (err instanceof DomainError ? err.code : String(err));

async function orderFor(buyer: Actor, lead = sharedLead(5)) {
  const [leadId] = await listLeads(app, seller, [lead]);
  return createOrder(deps(), buyer, { leadIds: [leadId!] });
}

async function fundExactly(buyer: Actor, minor: number) {
  await fundWallet(app, buyer, formatDecimal(minor, deps().config.PLATFORM_CURRENCY));
}

describe('paying an order from the wallet', () => {
  it('turns the order into purchases paid with the wallet, debits the wallet once and keeps the ledger balanced', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const order = await orderFor(buyer!);
    await fundExactly(buyer!, order.total + 1000);
    const paid = await payOrderFromWallet(deps(), buyer!, order.id);
    expect(paid.status).toBe('PAID');
    expect(paid.paymentIntentId).toBeNull();
    expect(await balance(buyer!)).toBe(1000);
    const purchases = await deps().db.select().from(schema.purchases).where(eq(schema.purchases.orderId, order.id));
    expect(purchases).toHaveLength(1);
    expect(purchases[0]).toMatchObject({ paidWith: 'WALLET', status: 'ESCROW', price: order.total, paymentIntentId: null });
    const [lead] = await deps().db.select().from(schema.leads).where(eq(schema.leads.id, purchases[0]!.leadId));
    expect(lead).toMatchObject({ salesCount: 1, reservedCount: 0 });
    expect(await checkLedgerInvariants(deps().db)).toMatchObject({ ok: true });
  });

  it('sends the paid leads to the buyer’s default endpoint, as a card payment does', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    await deps()
      .db.insert(schema.webhookEndpoints)
      .values({
        id: `wep_walletpay${Date.now()}`,
        buyerOrgId: buyer!.organizationId,
        kind: 'WEBHOOK',
        url: 'https://crm.example.com/hook',
        ...sealed(),
        isDefault: true,
      });
    const order = await orderFor(buyer!);
    await fundExactly(buyer!, order.total);
    await payOrderFromWallet(deps(), buyer!, order.id);
    const [purchase] = await deps().db.select().from(schema.purchases).where(eq(schema.purchases.orderId, order.id));
    expect(await deps().db.select().from(schema.deliveries).where(eq(schema.deliveries.purchaseId, purchase!.id))).toEqual([
      expect.objectContaining({ status: 'PENDING' }),
    ]);
  });

  it('pays once when two payments of the same order race: the other is ORDER_ALREADY_PAID', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const order = await orderFor(buyer!);
    await fundExactly(buyer!, order.total * 3);
    const results = await Promise.allSettled([payOrderFromWallet(deps(), buyer!, order.id), payOrderFromWallet(deps(), buyer!, order.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [failure] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(codeOf(failure!.reason)).toBe('ORDER_ALREADY_PAID');
    expect(await balance(buyer!)).toBe(order.total * 2);
    expect(await deps().db.select().from(schema.walletPayments).where(eq(schema.walletPayments.orderId, order.id))).toHaveLength(1);
    expect(await deps().db.select().from(schema.purchases).where(eq(schema.purchases.orderId, order.id))).toHaveLength(1);
    expect(await checkLedgerInvariants(deps().db)).toMatchObject({ ok: true });
  });

  it('lets only one of two orders racing for the last of the balance through; the other fails with INSUFFICIENT_FUNDS', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const first = await orderFor(buyer!);
    const second = await orderFor(buyer!);
    await fundExactly(buyer!, Math.max(first.total, second.total));
    const results = await Promise.allSettled([payOrderFromWallet(deps(), buyer!, first.id), payOrderFromWallet(deps(), buyer!, second.id)]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed.map((f) => codeOf(f.reason))).toEqual(['INSUFFICIENT_FUNDS']);
    expect(await balance(buyer!)).toBeGreaterThanOrEqual(0);
    // the refused order still holds its leads, to be paid by card or after a top-up
    const refusedId = results[0]!.status === 'rejected' ? first.id : second.id;
    const [refused] = await deps().db.select().from(schema.orders).where(eq(schema.orders.id, refusedId));
    expect(refused).toMatchObject({ status: 'RESERVED', paidAt: null });
    expect(await checkLedgerInvariants(deps().db)).toMatchObject({ ok: true });
  });

  it('refuses an empty wallet, an expired hold and someone else’s order with their own codes, moving no money', async () => {
    const [buyer, other] = await createBuyerActors(app, 2);
    const order = await orderFor(buyer!, exclusiveLead());
    await expect(payOrderFromWallet(deps(), buyer!, order.id)).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS', category: 'PAYMENT_REQUIRED' });
    await fundExactly(other!, order.total);
    await expect(payOrderFromWallet(deps(), other!, order.id)).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND', category: 'NOT_FOUND' });
    await fundExactly(buyer!, order.total);
    const later = { ...deps(), clock: () => new Date(order.expiresAt.getTime() + 1000) };
    await expect(payOrderFromWallet(later, buyer!, order.id)).rejects.toMatchObject({ code: 'ORDER_HOLD_EXPIRED', category: 'CONFLICT' });
    expect(await balance(buyer!)).toBe(order.total);
    expect(await balance(other!)).toBe(order.total);
    expect(await deps().db.select().from(schema.walletPayments).where(eq(schema.walletPayments.orderId, order.id))).toHaveLength(0);
  });

  it('answers a repeat with the same idempotency key with the paid order, and a new attempt with ORDER_ALREADY_PAID', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const order = await orderFor(buyer!);
    await fundExactly(buyer!, order.total * 2);
    await payOrderFromWallet(deps(), buyer!, order.id, 'pay-once');
    expect((await payOrderFromWallet(deps(), buyer!, order.id, 'pay-once')).status).toBe('PAID');
    await expect(payOrderFromWallet(deps(), buyer!, order.id)).rejects.toMatchObject({ code: 'ORDER_ALREADY_PAID' });
    expect(await balance(buyer!)).toBe(order.total);
  });

  it('lists the buyer’s orders by status, with how each was paid; a lapsed hold counts as expired', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const paid = await orderFor(buyer!);
    const pending = await orderFor(buyer!);
    await fundExactly(buyer!, paid.total);
    await payOrderFromWallet(deps(), buyer!, paid.id);
    const ids = async (status: 'RESERVED' | 'PAID' | 'EXPIRED' | null, d = deps()) =>
      (await myOrders(d, buyer!, { status, first: 10 })).edges.map((e) => e.node.id);
    expect(await ids('PAID')).toEqual([paid.id]);
    expect(await ids('RESERVED')).toEqual([pending.id]);
    expect(await ids(null)).toEqual([pending.id, paid.id]);
    const later = { ...deps(), clock: () => new Date(pending.expiresAt.getTime() + 1) };
    expect(await ids('EXPIRED', later)).toEqual([pending.id]);
    expect(await ids('RESERVED', later)).toEqual([]);
    const [row] = (await myOrders(deps(), buyer!, { status: 'PAID' })).edges;
    expect(orderPaidWith(row!.node)).toBe('WALLET');
  });
});
