// Settlement: mature sales leave escrow, payouts go to onboarded sellers once, a second run moves nothing,
// and a dispute opened just before the window closes keeps its sale out until it is resolved.
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { balanceOf } from '@leadex/core/domain/ledger/ledger-balances';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { rejectDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import { connectPayoutAccount } from '@leadex/core/domain/settlement/payout-account';
import { runSettlement } from '@leadex/core/domain/settlement/run-settlement';
import { count, eq, schema } from '@leadex/db';
import Stripe from 'stripe';
import { createOperatorUser, signUpAs } from '../helpers/actors';
import { buyThroughStripe, createBuyerActors, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let sdk: Stripe;
beforeAll(async () => {
  app = await startTestApp({ label: 'settle', stripe: true, env: { MIN_PAYOUT: '10.00' } });
  const url = new URL(app.stripe!.url);
  sdk = new Stripe('sk_test_leadex', { host: url.hostname, port: url.port, protocol: 'http' });
});
afterAll(() => app.close());

const at = (hoursFromNow: number) => ({ ...app.runtime.deps, clock: () => new Date(Date.now() + hoursFromNow * 3_600_000) });
const ledgerCount = async () => Number((await app.runtime.deps.db.select({ n: count() }).from(schema.ledgerTransactions))[0]!.n);

async function onboardedSeller() {
  const user = await signUpAs(app, 'SELLER');
  const actor = { userId: user.userId, organizationId: user.organizationId, role: 'SELLER' as const, via: 'session' as const };
  const link = await connectPayoutAccount(app.runtime.deps, actor);
  expect(link.url).toContain(app.stripe!.url);
  // the seller finishes Stripe's onboarding; account.updated tells the platform
  const res = await fetch(`${app.stripe!.url}/_standin/accounts/${link.accountId}/complete-onboarding`, { method: 'POST' });
  expect(res.ok).toBe(true);
  await app.stripe!.deliverPendingEvents();
  const [org] = await app.runtime.deps.db.select().from(schema.organizations).where(eq(schema.organizations.id, user.organizationId));
  expect(org).toMatchObject({ stripeAccountId: link.accountId, stripePayoutsEnabled: true });
  return { actor, accountId: link.accountId };
}

describe('settlement runs', () => {
  it('settles mature sales, pays the seller once by transfer, and moves nothing the second time', async () => {
    const { actor: seller, accountId } = await onboardedSeller();
    const leadIds = await listLeads(app, seller, [sharedLead(3), sharedLead(3), sharedLead(3)]);
    const buyers = await createBuyerActors(app, 2);
    const bought = [...(await buyThroughStripe(app, buyers[0]!, leadIds)).purchases, ...(await buyThroughStripe(app, buyers[1]!, [leadIds[0]!])).purchases];
    const gross = bought.reduce((s, p) => s + p.price, 0);
    const commission = bought.reduce((s, p) => s + p.commission, 0);

    // inside the 72 h window nothing matures
    const early = await runSettlement(at(24));
    expect(early.maturedSales).toBe(0);

    const run = await runSettlement(at(73));
    expect(run).toMatchObject({
      status: 'COMPLETED',
      maturedSales: 4,
      maturedAmount: gross,
      commissionAmount: commission,
      payoutsCount: 1,
      payoutsAmount: gross - commission,
    });
    const transfers = await sdk.transfers.list({ destination: accountId });
    expect(transfers.data.map((t) => t.amount)).toEqual([gross - commission]);
    expect(await balanceOf(app.runtime.deps.db, `seller:${seller.organizationId}:payable`)).toBe(0);
    const { payoutAccount } = await import('@leadex/core/domain/settlement/payout-account');
    expect(await payoutAccount(app.runtime.deps, seller)).toMatchObject({
      connected: true,
      payoutsEnabled: true,
      payable: { amount: 0 },
      minimumPayout: { amount: 1000 },
    });
    expect(await balanceOf(app.runtime.deps.db, 'platform:revenue')).toBe(-commission);

    const before = await ledgerCount();
    const second = await runSettlement(at(74));
    expect(second).toMatchObject({ maturedSales: 0, payoutsCount: 0 });
    expect(await ledgerCount()).toBe(before);
    expect((await sdk.transfers.list({ destination: accountId })).data).toHaveLength(1);
    const report = await checkLedgerInvariants(app.runtime.deps.db);
    expect(report.violations).toEqual([]);
    const usd = (await sdk.balance.retrieve()).available.find((b) => b.currency === 'usd')!.amount;
    expect(report.figures.stripeBalance).toBe(usd);
  });

  it('keeps a sale disputed just before the window closes out of settlement until the dispute is resolved', async () => {
    const { actor: seller } = await onboardedSeller();
    const [leadId] = await listLeads(app, seller, [sharedLead(2)]);
    const [buyer] = await createBuyerActors(app, 1);
    const { purchases } = await buyThroughStripe(app, buyer!, [leadId!]);
    const purchase = purchases[0]!;
    const justBefore = { ...app.runtime.deps, clock: () => new Date(purchase.purchasedAt.getTime() + 72 * 3_600_000 - 60_000) };
    const dispute = await openDispute(justBefore, buyer!, { purchaseId: purchase.id, reason: 'FAKE', evidence: 'No such person' });
    expect(dispute.status).toBe('OPEN');

    await runSettlement(at(80));
    const [held] = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.id, purchase.id));
    expect(held!.status).toBe('ESCROW');

    const operator = await createOperatorUser(app);
    await rejectDispute(
      app.runtime.deps,
      { userId: operator.userId, organizationId: operator.organizationId, role: 'OPERATOR', via: 'session' },
      dispute.id,
      'The person confirmed',
    );
    await runSettlement(at(81));
    const [settled] = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.id, purchase.id));
    expect(settled!.status).toBe('SETTLED');
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });

  it('lets operators read settlement reports', async () => {
    const operator = await createOperatorUser(app);
    const res = await app
      .client(operator)
      .request<{ settlementRuns: { totalCount: number; edges: { node: { status: string; maturedAmount: { amount: string } } }[] } }>(
        '{ settlementRuns(first: 5) { totalCount edges { node { id status maturedSales maturedAmount { amount } payoutsCount report } } } }',
      );
    expect(res.settlementRuns.totalCount).toBeGreaterThanOrEqual(4);
    expect(res.settlementRuns.edges.every((e) => e.node.status === 'COMPLETED')).toBe(true);
  });
});
