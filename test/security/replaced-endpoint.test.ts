// Finding 9, deliveries to a replaced endpoint: once a buyer replaces or removes their webhook endpoint, nothing
// pending for the old one is sent — not by a queued retry, not by `redeliver` — and nothing is signed with the old
// secret again. The delivery job is run by hand (no workers), so "when the job runs" is a step of the test.
import { eq, inArray, schema } from '@leadex/db';
import { ClientError } from 'graphql-request';
import { attemptDelivery } from '@leadex/core/domain/exchange/attempt-delivery';
import { deliveryJob } from '@leadex/workers/src/jobs/delivery.job';
import { signUpAs, type TestUser } from '../helpers/actors';
import { signedWith, startWebhookReceiver } from '../helpers/exchange-fixtures';
import { buyThroughStripe, createSellerActor, exclusiveLead, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let oldReceiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let newReceiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  // the old endpoint keeps failing, so its deliveries stay pending with retries due; the new one accepts
  [oldReceiver, newReceiver] = await Promise.all([startWebhookReceiver(() => 500), startWebhookReceiver(() => 200)]);
  app = await startTestApp({ label: 'replacedhook', stripe: true, env: { WEBHOOK_ALLOW_HOSTS: `${oldReceiver.host},${newReceiver.host}` } });
});
afterAll(async () => {
  await app.close();
  await Promise.all([oldReceiver.close(), newReceiver.close()]);
});

const SET = 'mutation($url: String!) { setWebhookEndpoint(url: $url) { id secret } }';
const REMOVE = 'mutation { removeWebhookEndpoint }';
const REDELIVER = 'mutation($id: ID!) { redeliver(deliveryId: $id) { id status } }';
const LIST = '{ myDeliveries { id purchaseId status lastError } }';
type Listed = { id: string; purchaseId: string; status: string; lastError: string | null };
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: ClientError) => e.response.errors![0]!,
  );
const runJob = (deliveryId: string) =>
  deliveryJob.run(app.runtime.deps, { deliveryId }, { attemptsMade: 0, opts: { attempts: 11 } }).then(
    (r) => r.outcome,
    () => 'RETRY_SCHEDULED',
  );

const NAMES = ['Ada Moreno', 'Ben Okafor', 'Cleo Varga'];

async function buyerWithPurchases(user: TestUser, n: number, city: string) {
  const seller = await createSellerActor(app);
  const leadIds = await listLeads(
    app,
    seller,
    Array.from({ length: n }, (_, i) => exclusiveLead({ city, fullName: NAMES[i]! })),
  );
  const actor = { userId: user.userId, organizationId: user.organizationId, role: 'BUYER' as const, via: 'session' as const };
  const { purchases } = await buyThroughStripe(app, actor, leadIds);
  return app.runtime.deps.db
    .select()
    .from(schema.deliveries)
    .where(
      inArray(
        schema.deliveries.purchaseId,
        purchases.map((p) => p.id),
      ),
    );
}

describe('replacing a webhook endpoint', () => {
  it('cancels pending deliveries to the old endpoint, and neither the job nor redeliver sends to it again', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const client = app.client(buyer);
    const { setWebhookEndpoint: oldEndpoint } = await client.request<{ setWebhookEndpoint: { id: string; secret: string } }>(SET, {
      url: oldReceiver.url('/old'),
    });
    const deliveries = await buyerWithPurchases(buyer, 3, 'Swapton');
    expect(deliveries.map((d) => d.endpointId)).toEqual([oldEndpoint.id, oldEndpoint.id, oldEndpoint.id]);
    // every first attempt is refused (HTTP 500), so all three have retries due; the third one gives up (FAILED)
    expect(await runJob(deliveries[0]!.id)).toBe('RETRY_SCHEDULED');
    expect(await runJob(deliveries[1]!.id)).toBe('RETRY_SCHEDULED');
    expect(await attemptDelivery(app.runtime.deps, deliveries[2]!.id, true)).toBe('FAILED');
    expect(oldReceiver.received).toHaveLength(3);

    const { setWebhookEndpoint: newEndpoint } = await client.request<{ setWebhookEndpoint: { id: string; secret: string } }>(SET, {
      url: newReceiver.url('/new'),
    });
    const listed = (await client.request<{ myDeliveries: Listed[] }>(LIST)).myDeliveries;
    const byId = new Map(listed.map((d) => [d.id, d]));
    expect(byId.get(deliveries[0]!.id)).toMatchObject({ status: 'CANCELLED', lastError: 'cancelled: the webhook endpoint was replaced' });
    expect(byId.get(deliveries[1]!.id)).toMatchObject({ status: 'CANCELLED' });
    expect(byId.get(deliveries[2]!.id)).toMatchObject({ status: 'FAILED' });

    // the retries BullMQ still holds run: nothing is sent anywhere, the FAILED one included (its endpoint is gone)
    for (const d of deliveries) expect(await runJob(d.id)).toBe('CANCELLED');
    expect(oldReceiver.received).toHaveLength(3);
    expect(newReceiver.received).toHaveLength(0);

    // redeliver re-targets the current endpoint, signed with its current secret
    const { redeliver } = await client.request<{ redeliver: { id: string; status: string } }>(REDELIVER, { id: deliveries[0]!.id });
    expect(redeliver.status).toBe('PENDING');
    expect(redeliver.id).not.toBe(deliveries[0]!.id);
    const [retargeted] = await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.id, redeliver.id));
    expect(retargeted).toMatchObject({ endpointId: newEndpoint.id, purchaseId: deliveries[0]!.purchaseId });
    expect(await runJob(redeliver.id)).toBe('DELIVERED');
    // the old delivery, asked for again or run again by a stale job, stays cancelled
    expect(await runJob(deliveries[0]!.id)).toBe('CANCELLED');
    const [old] = await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.id, deliveries[0]!.id));
    expect(old!.status).toBe('CANCELLED');

    expect(oldReceiver.received).toHaveLength(3);
    expect(newReceiver.received).toHaveLength(1);
    for (const hook of newReceiver.received) {
      expect(signedWith(hook, newEndpoint.secret)).toBe(true);
      expect(signedWith(hook, oldEndpoint.secret)).toBe(false);
    }
    expect(JSON.parse(newReceiver.received[0]!.body)).toMatchObject({ id: redeliver.id, purchase: { id: deliveries[0]!.purchaseId } });
  });
});

describe('removing a webhook endpoint', () => {
  it('cancels its pending deliveries, sends nothing more, and leaves redeliver with nowhere to go', async () => {
    const buyer = await signUpAs(app, 'BUYER', 'remover');
    const client = app.client(buyer);
    await client.request(SET, { url: newReceiver.url('/removed') });
    const [pending] = await buyerWithPurchases(buyer, 1, 'Dropville');
    const before = newReceiver.received.length;

    expect(await client.request<{ removeWebhookEndpoint: boolean }>(REMOVE)).toEqual({ removeWebhookEndpoint: true });
    expect((await client.request<{ webhookEndpoint: unknown }>('{ webhookEndpoint { id } }')).webhookEndpoint).toBeNull();
    const listed = (await client.request<{ myDeliveries: Listed[] }>(LIST)).myDeliveries;
    expect(listed).toEqual([
      { id: pending!.id, purchaseId: pending!.purchaseId, status: 'CANCELLED', lastError: 'cancelled: the webhook endpoint was removed' },
    ]);

    expect(await runJob(pending!.id)).toBe('CANCELLED');
    expect(newReceiver.received.length).toBe(before);
    const err = await errorOf(client.request(REDELIVER, { id: pending!.id }));
    expect(err.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'WEBHOOK_ENDPOINT_NOT_FOUND' });
    expect(newReceiver.received.length).toBe(before);
    // removing again is a no-op, answered false
    expect(await client.request<{ removeWebhookEndpoint: boolean }>(REMOVE)).toEqual({ removeWebhookEndpoint: false });
  });

  it("is for buyers only, and touches only the caller's own endpoint", async () => {
    const [buyer, other] = await Promise.all([signUpAs(app, 'BUYER', 'keeper'), signUpAs(app, 'BUYER', 'neighbour')]);
    await app.client(buyer).request(SET, { url: newReceiver.url('/kept') });
    expect(await app.client(other).request<{ removeWebhookEndpoint: boolean }>(REMOVE)).toEqual({ removeWebhookEndpoint: false });
    expect((await app.client(buyer).request<{ webhookEndpoint: { id: string } | null }>('{ webhookEndpoint { id } }')).webhookEndpoint).not.toBeNull();
    const seller = await signUpAs(app, 'SELLER');
    expect((await errorOf(app.client(seller).request(REMOVE))).extensions?.code).toBe('FORBIDDEN');
    expect((await errorOf(app.client().request(REMOVE))).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
