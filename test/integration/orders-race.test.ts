// Zero oversell under concurrency, against real PostgreSQL: reservations and payments racing.
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { recordOrderPayment } from '@leadex/core/domain/orders/record-payment';
import { money } from '@leadex/core/domain/shared/money';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { eq, inArray, schema } from '@leadex/db';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'race', dbPoolSize: 40 });
});
afterAll(() => app.close());

async function settleAll<T>(tasks: (() => Promise<T>)[]) {
  const results = await Promise.allSettled(tasks.map((t) => t()));
  const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === 'fulfilled').map((r) => r.value);
  const errors = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
  return { ok, errors };
}

async function leadCounts(ids: string[]) {
  return app.runtime.deps.db.select().from(schema.leads).where(inArray(schema.leads.id, ids));
}

async function payReserved(orderIds: string[]) {
  await Promise.all(
    orderIds.map(async (id) => {
      const [order] = await app.runtime.deps.db.select().from(schema.orders).where(eq(schema.orders.id, id));
      await app.runtime.deps.db.transaction((tx) =>
        recordOrderPayment(app.runtime.deps, tx, { orderId: id, paymentIntentId: `pi_test_${id}`, amount: money(order!.total, order!.currency) }),
      );
    }),
  );
}

describe('reservations under 200 racing buyers', () => {
  it('sells an exclusive lead exactly once', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [exclusiveLead()]);
    const buyers = await createBuyerActors(app, 200);
    const { ok, errors } = await settleAll(buyers.map((b) => () => createOrder(app.runtime.deps, b, { leadIds: [leadId] })));
    expect(ok).toHaveLength(1);
    expect(errors).toHaveLength(199);
    expect(errors.every((e) => e instanceof DomainError && e.category === 'CONFLICT')).toBe(true);
    await payReserved(ok.map((o) => o.id));
    const [lead] = await leadCounts([leadId!]);
    expect(lead).toMatchObject({ salesCount: 1, reservedCount: 0, status: 'SOLD_OUT' });
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });

  it('sells a shared lead with maxSales 3 exactly three times, to three different buyers', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [sharedLead(3)]);
    const buyers = await createBuyerActors(app, 200);
    const { ok, errors } = await settleAll(buyers.map((b) => () => createOrder(app.runtime.deps, b, { leadIds: [leadId] })));
    expect(ok).toHaveLength(3);
    expect(errors.every((e) => e instanceof DomainError && e.code === 'LEAD_SOLD_OUT')).toBe(true);
    await payReserved(ok.map((o) => o.id));
    const purchases = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.leadId, leadId!));
    expect(new Set(purchases.map((p) => p.buyerOrgId)).size).toBe(3);
    expect((await leadCounts([leadId!]))[0]).toMatchObject({ salesCount: 3, status: 'SOLD_OUT' });
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });

  it('never lets one buyer hold the same lead twice, even from two racing orders', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [sharedLead(5)]);
    const [buyer] = await createBuyerActors(app, 1);
    const { ok } = await settleAll(Array.from({ length: 20 }, () => () => createOrder(app.runtime.deps, buyer!, { leadIds: [leadId] })));
    expect(ok).toHaveLength(1);
  });
});

describe('overlapping multi-lead orders', () => {
  it('never sells a lead past its limit and keeps the ledger balanced', async () => {
    const seller = await createSellerActor(app);
    const ids = await listLeads(app, seller, [
      ...Array.from({ length: 8 }, () => sharedLead(2)),
      ...Array.from({ length: 6 }, () => exclusiveLead()),
      ...Array.from({ length: 6 }, () => sharedLead(3)),
    ]);
    const buyers = await createBuyerActors(app, 120);
    // each buyer wants 1–4 leads, picked with a fixed pseudo-random pattern so orders overlap heavily
    const wants = buyers.map((_, i) => {
      const size = 1 + (i % 4);
      return [...new Set(Array.from({ length: size }, (_, k) => ids[(i * 7 + k * 3) % ids.length]!))];
    });
    const { ok } = await settleAll(buyers.map((b, i) => () => createOrder(app.runtime.deps, b, { leadIds: wants[i] })));
    // buyers who want "any 2 matching" race the same pool
    const matchers = await createBuyerActors(app, 40);
    const matched = await settleAll(matchers.map((b) => () => createOrder(app.runtime.deps, b, { matching: { segments: ['AUTO_TEST_DRIVE'] }, quantity: 2 })));
    const rows = await leadCounts(ids);
    for (const l of rows) expect(l.salesCount + l.reservedCount).toBeLessThanOrEqual(l.maxSales);

    await payReserved([...ok, ...matched.ok].map((o) => o.id));
    const after = await leadCounts(ids);
    const purchases = await app.runtime.deps.db.select().from(schema.purchases).where(inArray(schema.purchases.leadId, ids));
    for (const l of after) {
      const sold = purchases.filter((p) => p.leadId === l.id);
      expect(sold.length).toBe(l.salesCount);
      expect(l.salesCount).toBeLessThanOrEqual(l.maxSales);
      expect(l.reservedCount).toBe(0);
      expect(new Set(sold.map((p) => p.buyerOrgId)).size).toBe(sold.length);
    }
    // the race was real: most of the capacity was taken
    expect(after.reduce((s, l) => s + l.salesCount, 0)).toBeGreaterThan(after.reduce((s, l) => s + l.maxSales, 0) / 2);
    expect(after.filter((l) => l.salesCount === l.maxSales).every((l) => l.status === 'SOLD_OUT')).toBe(true);
    const report = await checkLedgerInvariants(app.runtime.deps.db);
    expect(report.violations).toEqual([]);
  });
});
