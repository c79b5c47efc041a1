// Ordering through GraphQL: idempotency keys, conflicts with field paths, cancelling, who sees an order.
import { eq, schema } from '@leadex/db';
import { ClientError } from 'graphql-request';
import { signUpAs, type TestUser } from '../helpers/actors';
import { createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

const CREATE = `mutation($input: CreateOrderInput!, $key: String) {
  createOrder(input: $input, idempotencyKey: $key) { id status total { amount currencyCode } expiresAt lines { lead { id } price { amount } } }
}`;
type Order = { id: string; status: string; total: { amount: string }; expiresAt: string; lines: { lead: { id: string }; price: { amount: string } }[] };

let app: TestApp;
let buyer: TestUser;
let rival: TestUser;
let leadIds: string[];
beforeAll(async () => {
  app = await startTestApp({ label: 'ordersgql' });
  const seller = await createSellerActor(app);
  leadIds = await listLeads(app, seller, [
    exclusiveLead(),
    sharedLead(2),
    sharedLead(2),
    ...Array.from({ length: 12 }, () => sharedLead(3, { segment: 'TOURISM', subsegment: 'HOTEL', attributes: { destination: 'Rome' } })),
  ]);
  [buyer, rival] = [await signUpAs(app, 'BUYER'), await signUpAs(app, 'BUYER', 'rival')];
});
afterAll(() => app.close());

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: ClientError) => e.response.errors![0]!,
  );

describe('createOrder', () => {
  it('returns the same order for the same idempotency key, and refuses the key for another request', async () => {
    const first = await app.client(buyer).request<{ createOrder: Order }>(CREATE, { input: { leadIds: [leadIds[1]] }, key: 'cart-1' });
    const again = await app.client(buyer).request<{ createOrder: Order }>(CREATE, { input: { leadIds: [leadIds[1]] }, key: 'cart-1' });
    expect(again.createOrder.id).toBe(first.createOrder.id);
    expect(first.createOrder).toMatchObject({ status: 'RESERVED', lines: [{ lead: { id: leadIds[1] } }] });
    const reserved = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadIds[1]!));
    expect(reserved[0]!.reservedCount).toBe(1);
    const misuse = await errorOf(app.client(buyer).request(CREATE, { input: { leadIds: [leadIds[2]] }, key: 'cart-1' }));
    expect(misuse.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('answers a sold-out lead with CONFLICT naming the input path', async () => {
    await app.client(buyer).request(CREATE, { input: { leadIds: [leadIds[0]] } });
    const err = await errorOf(app.client(rival).request(CREATE, { input: { leadIds: [leadIds[2], leadIds[0]] } }));
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LEAD_SOLD_OUT', fields: [{ path: 'input.leadIds[1]' }] });
    // all or nothing: the available lead was not reserved either
    const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadIds[2]!));
    expect(lead!.reservedCount).toBe(0);
  });

  it('refuses a lead the buyer already holds, naming its path, and reserves nothing', async () => {
    // leadIds[1] is held by the buyer's cart-1 order above; leadIds[3] is free
    const err = await errorOf(app.client(buyer).request(CREATE, { input: { leadIds: [leadIds[3], leadIds[1]] } }));
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LEAD_ALREADY_BOUGHT', fields: [{ path: 'input.leadIds[1]' }] });
    const [free] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadIds[3]!));
    expect(free!.reservedCount).toBe(0);
    // another buyer may still order it
    const other = await app.client(rival).request<{ createOrder: Order }>(CREATE, { input: { leadIds: [leadIds[1]] } });
    expect(other.createOrder.status).toBe('RESERVED');
    await app.client(rival).request('mutation($id: ID!) { cancelOrder(orderId: $id) { id } }', { id: other.createOrder.id });
  });

  it('refuses unknown leads, bad shapes and sellers', async () => {
    expect((await errorOf(app.client(buyer).request(CREATE, { input: { leadIds: ['lead_nope'] } }))).extensions).toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ path: 'input.leadIds[0]' }],
    });
    expect((await errorOf(app.client(buyer).request(CREATE, { input: {} }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await errorOf(app.client(buyer).request(CREATE, { input: { leadIds: [leadIds[2]], quantity: 2 } }))).extensions?.code).toBe('BAD_USER_INPUT');
    const seller = await signUpAs(app, 'SELLER');
    expect((await errorOf(app.client(seller).request(CREATE, { input: { leadIds: [leadIds[2]] } }))).extensions?.code).toBe('FORBIDDEN');
  });

  it('orders N leads matching a filter at the best price, with the volume discount from 10', async () => {
    const res = await app.client(rival).request<{ createOrder: Order }>(CREATE, { input: { matching: { segments: ['TOURISM'] }, quantity: 10 } });
    expect(res.createOrder.lines).toHaveLength(10);
    const list = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.segment, 'TOURISM'));
    const listPrice = list[0]!.price;
    // 5% off each line, rounded per line
    expect(Number(res.createOrder.lines[0]!.price.amount) * 100).toBe(listPrice - Math.floor(listPrice * 0.05 + 0.5));
    const tooMany = await errorOf(app.client(buyer).request(CREATE, { input: { matching: { segments: ['TOURISM'] }, quantity: 40 } }));
    expect(tooMany.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ENOUGH_LEADS', fields: [{ path: 'input.quantity' }] });
  });
});

describe('cancelOrder and order', () => {
  it('releases the capacity on cancel, and only the buyer (or an operator) sees the order', async () => {
    const { createOrder } = await app.client(buyer).request<{ createOrder: Order }>(CREATE, { input: { leadIds: [leadIds[2]] } });
    expect((await app.client(rival).request<{ order: unknown }>('query($id: ID!) { order(id: $id) { id } }', { id: createOrder.id })).order).toBeNull();
    const cancelled = await app
      .client(buyer)
      .request<{ cancelOrder: Order }>('mutation($id: ID!) { cancelOrder(orderId: $id) { id status } }', { id: createOrder.id });
    expect(cancelled.cancelOrder.status).toBe('CANCELLED');
    const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadIds[2]!));
    expect(lead!.reservedCount).toBe(0);
    const twice = await errorOf(app.client(buyer).request('mutation($id: ID!) { cancelOrder(orderId: $id) { id } }', { id: createOrder.id }));
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_CANCELLABLE' });
    // the same buyer may order it again after cancelling
    await app.client(buyer).request(CREATE, { input: { leadIds: [leadIds[2]] } });
    const { myOrders } = await app
      .client(buyer)
      .request<{ myOrders: { totalCount: number; edges: { node: { status: string; lines: unknown[] } }[] } }>(
        '{ myOrders(first: 2) { totalCount edges { node { id status lines { lead { id } } } } } }',
      );
    expect(myOrders.edges[0]!.node).toMatchObject({ status: 'RESERVED', lines: [expect.anything()] });
    expect(myOrders.edges[1]!.node.status).toBe('CANCELLED');
    expect(myOrders.totalCount).toBeGreaterThanOrEqual(4);
  });
});
