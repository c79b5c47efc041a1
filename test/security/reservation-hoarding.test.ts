// Finding 7: one free account could hold the whole marketplace unpaid, renewing the hold every 15 minutes.
// Each buyer may hold at most MAX_HELD_LEADS_PER_BUYER unpaid leads over at most MAX_OPEN_ORDERS_PER_BUYER open orders.
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import type { Actor } from '@leadex/core/domain/auth/access';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { cancelOrder } from '@leadex/core/domain/orders/release-order';
import { recordOrderPayment } from '@leadex/core/domain/orders/record-payment';
import { money } from '@leadex/core/domain/shared/money';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { and, eq, gt, schema } from '@leadex/db';
import { ClientError } from 'graphql-request';
import { signUpAs } from '../helpers/actors';
import { createBuyerActors, createSellerActor, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

const CREATE = `mutation($input: CreateOrderInput!, $key: String) { createOrder(input: $input, idempotencyKey: $key) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(orderId: $id) { id status } }`;
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: ClientError) => e.response.errors![0]!,
  );
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as DomainError,
  );

async function holdsOf(app: TestApp, buyerOrgId: string) {
  const open = await app.runtime.deps.db
    .select({ id: schema.orders.id })
    .from(schema.orders)
    .where(and(eq(schema.orders.buyerOrgId, buyerOrgId), eq(schema.orders.status, 'RESERVED'), gt(schema.orders.expiresAt, new Date())));
  const lines = await app.runtime.deps.db
    .select({ leadId: schema.orderLines.leadId })
    .from(schema.orderLines)
    .innerJoin(schema.orders, eq(schema.orders.id, schema.orderLines.orderId))
    .where(and(eq(schema.orders.buyerOrgId, buyerOrgId), eq(schema.orders.status, 'RESERVED'), eq(schema.orderLines.active, true)));
  return { openOrders: open.length, heldLeads: lines.length };
}

async function pay(app: TestApp, orderId: string) {
  const [order] = await app.runtime.deps.db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
  await app.runtime.deps.db.transaction((tx) =>
    recordOrderPayment(app.runtime.deps, tx, { orderId, paymentIntentId: `pi_test_${orderId}`, amount: money(order!.total, order!.currency) }),
  );
}

describe('with the default caps (100 held leads, 5 open orders)', () => {
  let app: TestApp;
  let seller: Actor;
  beforeAll(async () => {
    app = await startTestApp({ label: 'hoarding' });
    seller = await createSellerActor(app);
  });
  afterAll(() => app.close());

  it('lets a buyer hold 100 unpaid leads, refuses the 101st with HELD_LEADS_LIMIT, and frees capacity on cancel', async () => {
    const ids = await listLeads(
      app,
      seller,
      Array.from({ length: 101 }, () => sharedLead(3)),
    );
    const [hoarder, neighbour] = [await signUpAs(app, 'BUYER', 'hoarder'), await signUpAs(app, 'BUYER', 'neighbour')];
    const orders: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await app.client(hoarder).request<{ createOrder: { id: string } }>(CREATE, { input: { leadIds: ids.slice(i * 25, i * 25 + 25) } });
      orders.push(res.createOrder.id);
    }
    expect(await holdsOf(app, hoarder.organizationId)).toEqual({ openOrders: 4, heldLeads: 100 });

    const refused = await errorOf(app.client(hoarder).request(CREATE, { input: { leadIds: [ids[100]] } }));
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'HELD_LEADS_LIMIT' });
    expect(refused.message).toContain('at most 100');
    expect(refused.message).toMatch(/pay for or cancel/i);
    // nothing was reserved by the refused order
    const [lead101] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, ids[100]!));
    expect(lead101!.reservedCount).toBe(0);

    // another buyer is not touched by the hoarder's cap, on the very same leads
    const other = await app.client(neighbour).request<{ createOrder: { id: string; status: string } }>(CREATE, { input: { leadIds: ids.slice(0, 30) } });
    expect(other.createOrder.status).toBe('RESERVED');

    // cancelling one order frees its 25 leads
    expect((await app.client(hoarder).request<{ cancelOrder: { status: string } }>(CANCEL, { id: orders[0] })).cancelOrder.status).toBe('CANCELLED');
    const after = await app.client(hoarder).request<{ createOrder: { status: string } }>(CREATE, { input: { leadIds: [ids[100]] } });
    expect(after.createOrder.status).toBe('RESERVED');
    expect(await holdsOf(app, hoarder.organizationId)).toEqual({ openOrders: 4, heldLeads: 76 });

    // paying never counts against the cap: paid leads are sales, not holds
    await pay(app, orders[1]!);
    expect(await holdsOf(app, hoarder.organizationId)).toEqual({ openOrders: 3, heldLeads: 51 });
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });

  it('refuses a sixth open order with OPEN_ORDERS_LIMIT, yet replays an existing order for its idempotency key', async () => {
    const ids = await listLeads(
      app,
      seller,
      Array.from({ length: 8 }, () => sharedLead(3)),
    );
    const buyer = await signUpAs(app, 'BUYER', 'opener');
    const orders: string[] = [];
    for (let i = 0; i < 5; i++) {
      orders.push(
        (await app.client(buyer).request<{ createOrder: { id: string } }>(CREATE, { input: { leadIds: [ids[i]] }, key: `cart-${i}` })).createOrder.id,
      );
    }
    const sixth = await errorOf(app.client(buyer).request(CREATE, { input: { leadIds: [ids[5]] }, key: 'cart-5' }));
    expect(sixth.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OPEN_ORDERS_LIMIT' });
    expect(sixth.message).toContain('at most 5');
    expect(sixth.message).toMatch(/pay for or cancel/i);
    // a retried request is the same order, not a new hold
    const replay = await app.client(buyer).request<{ createOrder: { id: string } }>(CREATE, { input: { leadIds: [ids[2]] }, key: 'cart-2' });
    expect(replay.createOrder.id).toBe(orders[2]);

    // an order past its hold no longer counts, even before the expiry job has run
    await app.runtime.deps.db
      .update(schema.orders)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(schema.orders.id, orders[0]!));
    const next = await app.client(buyer).request<{ createOrder: { id: string } }>(CREATE, { input: { leadIds: [ids[5]] } });
    expect(next.createOrder.id).toMatch(/^ord_/);
    expect((await errorOf(app.client(buyer).request(CREATE, { input: { leadIds: [ids[6]] } }))).extensions).toMatchObject({ reason: 'OPEN_ORDERS_LIMIT' });

    // paying one frees a slot
    await pay(app, orders[1]!);
    expect((await app.client(buyer).request<{ createOrder: { status: string } }>(CREATE, { input: { leadIds: [ids[6]] } })).createOrder.status).toBe(
      'RESERVED',
    );
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });
});

describe('with low caps (10 held leads, 3 open orders), racing', () => {
  let app: TestApp;
  let seller: Actor;
  beforeAll(async () => {
    app = await startTestApp({ label: 'hoardrace', dbPoolSize: 40, env: { MAX_HELD_LEADS_PER_BUYER: '10', MAX_OPEN_ORDERS_PER_BUYER: '3' } });
    seller = await createSellerActor(app);
  });
  afterAll(() => app.close());

  it('never lets 30 concurrent orders of one buyer pass either cap, while another buyer orders freely', async () => {
    const ids = await listLeads(
      app,
      seller,
      Array.from({ length: 60 }, () => sharedLead(3, { segment: 'TOURISM', subsegment: 'HOTEL', attributes: { destination: 'Rome' } })),
    );
    const [greedy, calm] = await createBuyerActors(app, 2);
    // disjoint leads by id for half of the orders, "any 3 matching" for the other half
    const greedyOrders = Array.from(
      { length: 30 },
      (_, i) => () =>
        i % 2 === 0
          ? createOrder(app.runtime.deps, greedy!, { leadIds: ids.slice(i, i + 2) })
          : createOrder(app.runtime.deps, greedy!, { matching: { segments: ['TOURISM'] }, quantity: 3 }),
    );
    const calmOrders = Array.from({ length: 3 }, (_, i) => () => createOrder(app.runtime.deps, calm!, { leadIds: ids.slice(50 + i * 3, 53 + i * 3) }));
    const results = await Promise.allSettled([...greedyOrders, ...calmOrders].map((run) => run()));
    const greedyResults = results.slice(0, 30);
    const passed = greedyResults.filter((r) => r.status === 'fulfilled');
    const errors = greedyResults.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as DomainError);
    expect(passed.length).toBeGreaterThanOrEqual(1);
    expect(passed.length).toBeLessThanOrEqual(3);
    expect(errors.every((e) => e instanceof DomainError && e.category === 'CONFLICT')).toBe(true);
    expect(errors.every((e) => ['HELD_LEADS_LIMIT', 'OPEN_ORDERS_LIMIT', 'LEAD_ALREADY_BOUGHT'].includes(e.code))).toBe(true);
    expect(errors.some((e) => e.code === 'OPEN_ORDERS_LIMIT' || e.code === 'HELD_LEADS_LIMIT')).toBe(true);
    const greedyHolds = await holdsOf(app, greedy!.organizationId);
    expect(greedyHolds.openOrders).toBeLessThanOrEqual(3);
    expect(greedyHolds.heldLeads).toBeLessThanOrEqual(10);
    // the other buyer, racing the same time, got every order
    expect(results.slice(30).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await holdsOf(app, calm!.organizationId)).toEqual({ openOrders: 3, heldLeads: 9 });
    // capacity on the leads is what the orders say
    const leadsNow = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.sellerOrgId, seller.organizationId));
    expect(leadsNow.reduce((s, l) => s + l.reservedCount, 0)).toBe(greedyHolds.heldLeads + 9);
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });

  it('refuses one order larger than the cap outright, and lets the buyer back in after cancelling', async () => {
    const ids = await listLeads(
      app,
      seller,
      Array.from({ length: 12 }, () => sharedLead(3)),
    );
    const [buyer] = await createBuyerActors(app, 1);
    const tooBig = await refusal(createOrder(app.runtime.deps, buyer!, { leadIds: ids.slice(0, 11) }));
    expect(tooBig).toMatchObject({ code: 'HELD_LEADS_LIMIT', category: 'CONFLICT' });
    expect(tooBig.message).toContain('at most 10');
    const first = await createOrder(app.runtime.deps, buyer!, { leadIds: ids.slice(0, 8) });
    expect((await refusal(createOrder(app.runtime.deps, buyer!, { leadIds: ids.slice(8, 11) }))).code).toBe('HELD_LEADS_LIMIT');
    await cancelOrder(app.runtime.deps, buyer!, first.id);
    const again = await createOrder(app.runtime.deps, buyer!, { leadIds: ids.slice(0, 10) });
    expect(again.status).toBe('RESERVED');
    expect(await holdsOf(app, buyer!.organizationId)).toEqual({ openOrders: 1, heldLeads: 10 });
  });
});
