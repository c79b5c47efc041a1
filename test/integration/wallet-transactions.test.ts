// The buyer's wallet statement from the ledger: top-ups, orders paid from the wallet, campaign wins and refunds, with receipts.
import { acceptDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { walletTransaction, walletTransactions } from '@leadex/core/domain/exchange/wallet-transactions';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { payOrderFromWallet } from '@leadex/core/domain/orders/pay-order-from-wallet';
import { issueRefund } from '@leadex/core/domain/payments/issue-refund';
import { eq, schema } from '@leadex/db';
import { campaign, fundWallet } from '../helpers/exchange-fixtures';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'walletstmt', stripe: true });
});
afterAll(() => app.close());

const deps = () => app.runtime.deps;

describe('the wallet statement', () => {
  it('lists every movement newest first in words, with the balance after each, and a receipt for each', async () => {
    const seller = await createSellerActor(app);
    const [buyer, other] = await createBuyerActors(app, 2);
    await fundWallet(app, buyer!, '500.00');
    const [orderLead] = await listLeads(app, seller, [sharedLead(3)]);
    const order = await createOrder(deps(), buyer!, { leadIds: [orderLead!] });
    await payOrderFromWallet(deps(), buyer!, order.id);
    const city = 'Statement City';
    const won = await campaign(buyer!, app, { name: 'Auto statement', maxBid: '150.00', filter: { cities: [city] } });
    const [campaignLead] = await listLeads(app, seller, [exclusiveLead({ city })]);
    const { sold } = await allocateLead(deps(), campaignLead!);
    expect(sold).toEqual([expect.objectContaining({ campaignId: won.id })]);
    const dispute = await openDispute(deps(), buyer!, { purchaseId: sold[0]!.purchaseId, reason: 'FAKE' });
    await acceptDispute(deps(), null, dispute.id, { refundAmount: null, note: null });
    const [refund] = await deps().db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, dispute.id));
    await issueRefund(deps(), refund!.id);

    const page = await walletTransactions(deps(), buyer!, { first: 10 });
    expect(page.totalCount).toBe(4);
    expect(page.nodes.map((t) => [t.kind, t.description])).toEqual([
      ['REFUND', 'Refund for a returned lead'],
      ['CAMPAIGN_WIN', 'Lead won by campaign “Auto statement”'],
      ['ORDER_PAYMENT', `Order #${order.id.slice(-6).toUpperCase()} paid from the wallet (1 lead)`],
      ['TOP_UP', 'Top-up by card'],
    ]);
    const [refunded, win, payment, topUp] = page.nodes;
    expect(topUp!.amount.amount).toBe(50_000);
    expect(payment!.amount.amount).toBe(-order.total);
    expect(payment!.balanceAfter.amount).toBe(50_000 - order.total);
    expect(win!.amount.amount).toBe(-sold[0]!.price);
    expect(refunded!.amount.amount).toBe(sold[0]!.price);
    expect(refunded!.balanceAfter.amount).toBe(50_000 - order.total);
    expect(payment!.leadIds).toEqual([orderLead]);
    expect(win!.leadIds).toEqual([campaignLead]);
    expect(topUp!.paymentIntentId).toMatch(/^pi_/);

    const receipt = await walletTransaction(deps(), buyer!, payment!.id);
    expect(receipt).toMatchObject({ id: payment!.id, kind: 'ORDER_PAYMENT', orderId: order.id });
    // another buyer's receipt does not exist for them
    expect(await walletTransaction(deps(), other!, payment!.id)).toBeNull();
    expect((await walletTransactions(deps(), other!, {})).totalCount).toBe(0);
  });

  it('pages by offset and refuses a bad one as input', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    for (const amount of ['10.00', '20.00', '30.00']) await fundWallet(app, buyer!, amount);
    const first = await walletTransactions(deps(), buyer!, { first: 2 });
    const rest = await walletTransactions(deps(), buyer!, { first: 2, offset: 2 });
    expect(first.hasNextPage).toBe(true);
    expect(rest).toMatchObject({ hasNextPage: false, offset: 2, totalCount: 3 });
    expect([...first.nodes, ...rest.nodes].map((t) => t.amount.amount)).toEqual([3000, 2000, 1000]);
    await expect(walletTransactions(deps(), buyer!, { offset: -1 })).rejects.toMatchObject({ category: 'BAD_USER_INPUT' });
  });
});
