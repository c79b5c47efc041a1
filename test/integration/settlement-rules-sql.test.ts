// The set-based settlement SQL (mature-sales.ts, payouts.ts) and the pure settlement rules (settlement.rules.ts:
// dueForSettlement, settleSale, payoutDue) must agree to the minor unit, run after run, over sales in segments
// with their own commission and return window, partly refunded, disputed and not.
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { acceptDispute, rejectDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import { UNDECIDED_DISPUTE_STATUSES } from '@leadex/core/domain/disputes/dispute.lifecycle';
import { sellerPayable } from '@leadex/core/domain/ledger/ledger-accounts';
import { owedBy } from '@leadex/core/domain/ledger/ledger-balances';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { issueRefund } from '@leadex/core/domain/payments/issue-refund';
import { matureSales } from '@leadex/core/domain/settlement/mature-sales';
import { IN_FLIGHT_PAYOUT_STATUSES } from '@leadex/core/domain/settlement/payout.lifecycle';
import { recordDuePayouts, sendPayout } from '@leadex/core/domain/settlement/payouts';
import { runSettlement } from '@leadex/core/domain/settlement/run-settlement';
import { dueForSettlement, payoutDue, settleSale } from '@leadex/core/domain/settlement/settlement.rules';
import { money, type Money } from '@leadex/core/domain/shared/money';
import { eq, inArray, schema, sql, type Db } from '@leadex/db';
import Stripe from 'stripe';
import { configureSegment, onboardedSeller, operatorActor, sellAndBuy, type UserActor } from '../helpers/money-path-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let sdk: Stripe;
let currency: string;
const usd = (amount: number): Money => money(amount, currency);
beforeAll(async () => {
  app = await startTestApp({ label: 'stlrules', stripe: true, env: { MIN_PAYOUT: '10.00' } });
  const url = new URL(app.stripe!.url);
  sdk = new Stripe('sk_test_leadex', { host: url.hostname, port: url.port, protocol: 'http' });
  currency = app.runtime.deps.config.PLATFORM_CURRENCY;
  // three segments, three commissions, three return windows (set before the sales, which take the rate then)
  await configureSegment(app, 'AUTO_TEST_DRIVE', 1999, 72);
  await configureSegment(app, 'FINANCE', 1750, 24);
  await configureSegment(app, 'SERVICES', 3333, 168);
});
afterAll(() => app.close());

/** What the rules expect of every sale, read from the rows as they are before the run. */
async function expectedSales(tx: Db, asOf: Date) {
  const rows = await tx
    .select({ p: schema.purchases, windowHours: schema.segments.returnWindowHours })
    .from(schema.purchases)
    .innerJoin(schema.leads, eq(schema.leads.id, schema.purchases.leadId))
    .innerJoin(schema.segments, eq(schema.segments.code, schema.leads.segment));
  const undecided = new Set(
    (
      await tx
        .select({ id: schema.disputes.purchaseId })
        .from(schema.disputes)
        .where(inArray(schema.disputes.status, [...UNDECIDED_DISPUTE_STATUSES]))
    ).map((r) => r.id),
  );
  const inFlight = new Set(
    (await tx.select({ id: schema.refunds.purchaseId }).from(schema.refunds).where(eq(schema.refunds.status, 'PENDING'))).map((r) => r.id),
  );
  return rows.map(({ p, windowHours }) => ({
    row: p,
    due: dueForSettlement(
      {
        status: p.status as 'ESCROW',
        purchasedAt: p.purchasedAt,
        returnWindowHours: windowHours,
        undecidedDispute: undecided.has(p.id),
        refundInFlight: inFlight.has(p.id),
      },
      asOf,
    ),
    settled: settleSale({ price: usd(p.price), commission: usd(p.commission), refunded: usd(p.refundedAmount) }),
  }));
}

async function expectedPayouts(tx: Db, minimum: Money) {
  const orgs = await tx.select().from(schema.organizations);
  const inFlight = new Set(
    (
      await tx
        .select({ id: schema.payouts.sellerOrgId })
        .from(schema.payouts)
        .where(inArray(schema.payouts.status, [...IN_FLIGHT_PAYOUT_STATUSES]))
    ).map((r) => r.id),
  );
  const due: { sellerOrgId: string; amount: number }[] = [];
  for (const o of orgs) {
    const payable = usd(await owedBy(tx, sellerPayable(o.id)));
    if (
      payoutDue({ payable, payoutsEnabled: !!o.stripeAccountId && o.stripePayoutsEnabled, suspended: o.suspended, payoutInFlight: inFlight.has(o.id) }, minimum)
    )
      due.push({ sellerOrgId: o.id, amount: payable.amount });
  }
  return due.sort((a, b) => (a.sellerOrgId < b.sellerOrgId ? -1 : 1));
}

/** One settlement step at `asOf`, through the SQL, checked against the rules sale by sale and seller by seller. */
async function settleAndCompare(asOf: Date, minimum: Money = usd(1000)) {
  const runId = `stl_twin${asOf.getTime()}${Math.random().toString(36).slice(2, 6)}`;
  return app.runtime.deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('leadex-settlement'))`);
    await tx.insert(schema.settlementRuns).values({ id: runId, status: 'RUNNING', asOf, currency, startedAt: asOf });
    const expected = await expectedSales(tx, asOf);
    const matured = await matureSales(tx, runId, asOf, currency);
    const after = new Map((await tx.select().from(schema.purchases)).map((p) => [p.id, p]));
    for (const e of expected) {
      const now = after.get(e.row.id)!;
      const want = e.due
        ? { status: 'SETTLED', commission: e.settled.commission.amount, sellerNet: e.settled.sellerNet.amount, settlementRunId: runId }
        : { status: e.row.status, commission: e.row.commission, sellerNet: e.row.sellerNet, settlementRunId: e.row.settlementRunId };
      expect({ id: e.row.id, asOf, status: now.status, commission: now.commission, sellerNet: now.sellerNet, settlementRunId: now.settlementRunId }).toEqual({
        id: e.row.id,
        asOf,
        ...want,
      });
    }
    // the run's totals per seller are the rules' sums
    const bySeller = new Map<string, { sales: number; amount: number; commission: number; sellerNet: number }>();
    for (const e of expected.filter((x) => x.due)) {
      const s = bySeller.get(e.row.sellerOrgId) ?? { sales: 0, amount: 0, commission: 0, sellerNet: 0 };
      bySeller.set(e.row.sellerOrgId, {
        sales: s.sales + 1,
        amount: s.amount + e.settled.amount.amount,
        commission: s.commission + e.settled.commission.amount,
        sellerNet: s.sellerNet + e.settled.sellerNet.amount,
      });
    }
    expect(
      matured.map((m) => ({
        sellerOrgId: m.sellerOrgId,
        sales: m.sales,
        amount: m.amount.amount,
        commission: m.commission.amount,
        sellerNet: m.sellerNet.amount,
      })),
    ).toEqual([...bySeller.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([sellerOrgId, s]) => ({ sellerOrgId, ...s })));

    const wantPayouts = await expectedPayouts(tx, minimum);
    const recorded = await recordDuePayouts(tx, runId, minimum, asOf);
    expect(recorded.map((p) => ({ sellerOrgId: p.sellerOrgId, amount: p.amount }))).toEqual(wantPayouts);
    await tx.update(schema.settlementRuns).set({ status: 'COMPLETED', finishedAt: asOf }).where(eq(schema.settlementRuns.id, runId));
    return { matured: expected.filter((e) => e.due).length, payouts: recorded };
  });
}

describe('settlement SQL against the settlement rules', () => {
  let sellers: Record<'a' | 'b' | 'suspended' | 'unconnected' | 'small', UserActor>;
  let operator: UserActor;
  let firstSale: Date;
  let boundarySale: Date;

  beforeAll(async () => {
    operator = await operatorActor(app);
    sellers = {
      a: await onboardedSeller(app),
      b: await onboardedSeller(app),
      suspended: await onboardedSeller(app),
      unconnected: await operatorlessSeller(),
      small: await onboardedSeller(app),
    };
    const a = await sellAndBuy(app, sellers.a, [
      ['AUTO_TEST_DRIVE', '10.03'],
      ['FINANCE', '7.77'],
      ['SERVICES', '12.35'],
      ['FINANCE', '0.99'],
      ['SERVICES', '1.01'],
      ['AUTO_TEST_DRIVE', '99.99'],
      ['FINANCE', '13.37'],
      ['FINANCE', '2.00'],
    ]);
    const b = await sellAndBuy(app, sellers.b, [
      ['FINANCE', '33.33'],
      ['AUTO_TEST_DRIVE', '0.05'],
      ['SERVICES', '45.67'],
    ]);
    await sellAndBuy(app, sellers.suspended, [['AUTO_TEST_DRIVE', '60.00']]);
    await sellAndBuy(app, sellers.unconnected, [['FINANCE', '70.00']]);
    await sellAndBuy(app, sellers.small, [['FINANCE', '0.50']]);
    await app.runtime.deps.db.update(schema.organizations).set({ suspended: true }).where(eq(schema.organizations.id, sellers.suspended.organizationId));
    firstSale = a.purchases[0]!.purchasedAt;
    boundarySale = a.purchases[3]!.purchasedAt;

    const dispute = async (buyer: UserActor, purchaseId: string) => (await openDispute(app.runtime.deps, buyer, { purchaseId, reason: 'OUT_OF_GEO' })).id;
    const accept = async (id: string, amount: number | null, book: boolean) => {
      await acceptDispute(app.runtime.deps, operator, id, { refundAmount: amount == null ? null : usd(amount) });
      const [refund] = await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, id));
      if (book) expect(await issueRefund(app.runtime.deps, refund!.id)).toBe('SUCCEEDED');
    };
    await dispute(a.buyer, a.purchases[0]!.id); // left open: never matures
    await accept(await dispute(a.buyer, a.purchases[1]!.id), 300, true); // partly refunded: matures for the rest
    await accept(await dispute(a.buyer, a.purchases[2]!.id), 617, false); // refund not yet booked: waits
    await rejectDispute(app.runtime.deps, operator, await dispute(a.buyer, a.purchases[3]!.id), 'unfounded'); // matures whole
    await accept(await dispute(a.buyer, a.purchases[4]!.id), null, true); // refunded in full: never matures
    await accept(await dispute(a.buyer, a.purchases[6]!.id), 1, true);
    await accept(await dispute(a.buyer, a.purchases[7]!.id), 100, true); // 35 × 100 / 200 = 17.5: rounds half-up to 18
    await accept(await dispute(b.buyer, b.purchases[0]!.id), 1, true);
    await accept(await dispute(b.buyer, b.purchases[2]!.id), 2284, true);
  });

  async function operatorlessSeller() {
    // a seller that never connected a payout account
    const { signUpAs } = await import('../helpers/actors');
    const u = await signUpAs(app, 'SELLER');
    return { userId: u.userId, organizationId: u.organizationId, role: 'SELLER' as const, via: 'session' as const };
  }
  const hoursAfter = (t: Date, h: number) => new Date(t.getTime() + h * 3_600_000);

  it('settles and pays exactly as the rules say, from before the first window closes to after the last', async () => {
    expect((await settleAndCompare(hoursAfter(firstSale, 1))).matured).toBe(0);
    // the FINANCE window of one sale: a millisecond before it, and the very moment it closes
    await settleAndCompare(new Date(hoursAfter(boundarySale, 24).getTime() - 1));
    const atBoundary = await settleAndCompare(hoursAfter(boundarySale, 24));
    expect(atBoundary.matured).toBeGreaterThan(0);
    const financeDone = await settleAndCompare(hoursAfter(firstSale, 25));
    // seller a had FINANCE sales mature, so a payout is now in flight for them (recorded, not yet sent)
    const payoutsSoFar = [...atBoundary.payouts, ...financeDone.payouts].map((p) => p.sellerOrgId);
    expect(payoutsSoFar).toContain(sellers.b.organizationId);
    await settleAndCompare(hoursAfter(firstSale, 73));
    await settleAndCompare(hoursAfter(firstSale, 169));

    // everything the rules call due has matured; what is held stays held
    const half = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.sellerOrgId, sellers.a.organizationId));
    expect(half.find((p) => p.price === 200)).toMatchObject({ status: 'SETTLED', refundedAmount: 100, commission: 18, sellerNet: 82 });
    const held = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.status, 'ESCROW'));
    expect(held.length).toBe(2); // the open dispute and the unbooked refund
    const payouts = await app.runtime.deps.db.select().from(schema.payouts);
    expect(
      payouts.some(
        (p) =>
          p.sellerOrgId === sellers.suspended.organizationId ||
          p.sellerOrgId === sellers.unconnected.organizationId ||
          p.sellerOrgId === sellers.small.organizationId,
      ),
    ).toBe(false);
  });

  it('pays nobody a payout of nothing, even with a zero minimum, and sends each payout once', async () => {
    const sendAllPending = async () => {
      const pending = await app.runtime.deps.db.select().from(schema.payouts).where(eq(schema.payouts.status, 'PENDING'));
      for (const p of pending) expect(await sendPayout(app.runtime.deps, p.id)).toBe('SENT');
      // a retry of a sent payout is done, and Stripe made one transfer for it
      for (const p of pending) expect(await sendPayout(app.runtime.deps, p.id)).toBe('ALREADY_SENT');
      for (const p of pending)
        expect((await sdk.transfers.list({ destination: p.stripeAccountId })).data.filter((t) => t.metadata?.payout_id === p.id)).toHaveLength(1);
      return pending;
    };
    expect((await sendAllPending()).length).toBeGreaterThan(0);

    // with a zero minimum everyone owed something is paid (a and b had sales mature while their payout was in flight)
    const zero = await settleAndCompare(hoursAfter(firstSale, 200), usd(0));
    expect(zero.payouts.length).toBeGreaterThan(0);
    expect(zero.payouts.every((p) => p.amount > 0)).toBe(true);
    await sendAllPending();
    // now every seller's payable is back to exactly 0, with postings behind it: still no payout of nothing
    const again = await settleAndCompare(hoursAfter(firstSale, 201), usd(0));
    expect(again.payouts).toEqual([]);

    // a refused payout keeps its outcome: sending it again sends nothing
    const [small] = await app.runtime.deps.db.select().from(schema.organizations).where(eq(schema.organizations.id, sellers.small.organizationId));
    await app.runtime.deps.db.insert(schema.payouts).values({
      id: 'pay_twinrefused',
      sellerOrgId: small!.id,
      amount: 999,
      currency,
      stripeAccountId: small!.stripeAccountId!,
      idempotencyKey: 'payout-pay_twinrefused',
      status: 'FAILED',
      failure: 'refused',
      createdAt: new Date(),
    });
    expect(await sendPayout(app.runtime.deps, 'pay_twinrefused')).toBe('FAILED');
    expect((await sdk.transfers.list({ destination: small!.stripeAccountId! })).data.filter((t) => t.metadata?.payout_id === 'pay_twinrefused')).toEqual([]);
  });

  it('leaves the ledger balanced and the run reports in the shape operators read', async () => {
    const run = await runSettlement({ ...app.runtime.deps, clock: () => hoursAfter(firstSale, 300) });
    expect(run.status).toBe('COMPLETED');
    expect(run.report).toMatchObject({ matured: [], payouts: [] });
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true, violations: [] });
  });
});
