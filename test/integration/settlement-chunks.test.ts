// Settlement in chunks (issue 17): a run settles one seller's sales at a time in short transactions, each with its
// own balanced ledger entry; a sale another transaction holds is skipped, not waited for; a run that breaks off
// leaves what it settled settled and balanced, and the next run settles the rest.
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { balanceOf } from '@leadex/core/domain/ledger/ledger-balances';
import { runSettlement } from '@leadex/core/domain/settlement/run-settlement';
import { eq, inArray, schema, type Db } from '@leadex/db';
import postgres from 'postgres';
import { signUpAs } from '../helpers/actors';
import { buyThroughStripe, createBuyerActors, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let outside: postgres.Sql;
beforeAll(async () => {
  app = await startTestApp({ label: 'settlechunks', stripe: true, env: { SETTLEMENT_CHUNK_SIZE: '2', SETTLEMENT_CHUNK_TARGET_MS: '10' } });
  outside = postgres(app.database.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await outside.end();
  await app.close();
});

const at = (hours: number) => ({ ...app.runtime.deps, clock: () => new Date(Date.now() + hours * 3_600_000) });
const escrowBalance = () => balanceOf(app.runtime.deps.db, 'platform:escrow');

/** `sellers` sellers with `each` sales, bought through Stripe. */
async function salesBy(sellers: number, each: number) {
  const [buyer] = await createBuyerActors(app, 1);
  const out: { sellerOrgId: string; purchaseIds: string[] }[] = [];
  for (let i = 0; i < sellers; i++) {
    const user = await signUpAs(app, 'SELLER');
    const seller = { userId: user.userId, organizationId: user.organizationId, role: 'SELLER' as const, via: 'session' as const };
    const leadIds = await listLeads(
      app,
      seller,
      Array.from({ length: each }, () => sharedLead(2)),
    );
    const { purchases } = await buyThroughStripe(app, buyer!, leadIds);
    out.push({ sellerOrgId: seller.organizationId, purchaseIds: purchases.map((p) => p.id) });
  }
  return out;
}

async function statuses(ids: string[]) {
  const rows = await app.runtime.deps.db.select({ status: schema.purchases.status }).from(schema.purchases).where(inArray(schema.purchases.id, ids));
  return rows.map((r) => r.status);
}

it('settles every seller in chunks of its own, each entry balanced and touching one seller', async () => {
  const sellers = await salesBy(2, 5);
  const run = await runSettlement(at(80));
  expect(run).toMatchObject({ status: 'COMPLETED', maturedSales: 10 });
  expect(await statuses(sellers.flatMap((s) => s.purchaseIds))).toEqual(Array(10).fill('SETTLED'));
  const report = run.report as { chunks: number; matured: { sellerOrgId: string; sales: number }[] };
  expect(report.matured.map((m) => m.sales)).toEqual([5, 5]);
  expect(report.chunks).toBeGreaterThanOrEqual(4);

  const entries = await app.runtime.deps.db.select().from(schema.ledgerTransactions).where(eq(schema.ledgerTransactions.kind, 'SETTLEMENT'));
  const mine = entries.filter((e) => e.eventKey.startsWith(`settlement:${run.id}:`));
  expect(mine.length).toBeGreaterThanOrEqual(4);
  for (const entry of mine) {
    const postings = await app.runtime.deps.db.select().from(schema.ledgerPostings).where(eq(schema.ledgerPostings.transactionId, entry.id));
    expect(postings.filter((p) => p.account.startsWith('seller:'))).toHaveLength(1);
  }
  expect(await escrowBalance()).toBe(0);
  expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
});

it('skips a sale another transaction holds instead of waiting for it, and settles it next time', async () => {
  const [seller] = await salesBy(1, 3);
  const held = seller!.purchaseIds[1]!;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  // a dispute being opened holds the sale's row
  const holder = outside.begin(async (tx) => {
    await tx`SELECT id FROM purchases WHERE id = ${held} FOR UPDATE`;
    locked();
    await released;
  });
  await isLocked;
  // a run that waited on the row would never finish: the row is released only after it returns
  const run = await runSettlement(at(80));
  release();
  await holder;
  expect(run.maturedSales).toBe(2);
  expect(await statuses([held])).toEqual(['ESCROW']);

  const next = await runSettlement(at(81));
  expect(next.maturedSales).toBe(1);
  expect(await statuses(seller!.purchaseIds)).toEqual(['SETTLED', 'SETTLED', 'SETTLED']);
  expect(await escrowBalance()).toBe(0);
});

it('keeps what a broken-off run settled, balanced, and the next run settles the rest', async () => {
  const sellers = await salesBy(2, 3);
  const escrowBefore = await escrowBalance();
  // the database goes away after the first chunk committed
  let chunks = 0;
  const db = app.runtime.deps.db;
  const failing = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
      return (fn: (tx: Db) => Promise<unknown>) => {
        if (++chunks > 1) return Promise.reject(new Error('connection terminated'));
        return target.transaction(fn);
      };
    },
  }) as Db;
  await expect(runSettlement({ ...at(80), db: failing })).rejects.toThrow('connection terminated');
  const [failed] = await db.select().from(schema.settlementRuns).where(eq(schema.settlementRuns.status, 'FAILED'));
  expect(failed).toBeDefined();

  const all = sellers.flatMap((s) => s.purchaseIds);
  const settledFirst = (await statuses(all)).filter((s) => s === 'SETTLED').length;
  expect(settledFirst).toBeGreaterThan(0);
  expect(settledFirst).toBeLessThan(6);
  expect(await escrowBalance()).not.toBe(escrowBefore);
  expect(await checkLedgerInvariants(db)).toMatchObject({ ok: true });

  const next = await runSettlement(at(81));
  expect(next.maturedSales).toBe(6 - settledFirst);
  expect(await statuses(all)).toEqual(Array(6).fill('SETTLED'));
  expect(await escrowBalance()).toBe(0);
});
