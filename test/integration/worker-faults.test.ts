// Fault tests with real processes, PostgreSQL, Redis and the Stripe stand-in: a worker killed (SIGKILL) in
// the middle of a refund or a transfer — after Stripe did the work, before the worker booked it — and
// restarted must leave exactly one refund / one transfer at Stripe and balanced books.
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { acceptDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { QUEUE } from '@leadex/core/queues/job-payloads';
import { connectPayoutAccount } from '@leadex/core/domain/settlement/payout-account';
import { eq, schema, sql } from '@leadex/db';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import Stripe from 'stripe';
import { signUpAs } from '../helpers/actors';
import { buyThroughStripe, createBuyerActors, createSellerActor, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startHoldingProxy, type HoldingProxy } from '../helpers/stripe-proxy';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { REDIS_URL } from '../helpers/test-env';
import { waitFor } from '../helpers/wait';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

let app: TestApp;
let proxy: HoldingProxy;
let sdk: Stripe;
const running: WorkerProcess[] = [];

beforeAll(async () => {
  app = await startTestApp({ label: 'faults', stripe: true, env: { MIN_PAYOUT: '1.00' } });
  proxy = await startHoldingProxy(app.stripe!.url);
  const url = new URL(app.stripe!.url);
  sdk = new Stripe('sk_test_leadex', { host: url.hostname, port: url.port, protocol: 'http' });
});
afterEach(async () => {
  proxy.release();
  await Promise.all(running.splice(0).map((w) => w.kill('SIGKILL')));
});
afterAll(async () => {
  await proxy.close();
  await app.close();
});

function worker(): WorkerProcess {
  const cfg = app.runtime.deps.config;
  const w = startWorkerProcess({
    DATABASE_URL: cfg.DATABASE_URL!,
    REDIS_URL,
    QUEUE_PREFIX: app.prefix,
    STRIPE_API_URL: proxy.url,
    STRIPE_SECRET_KEY: cfg.STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: cfg.STRIPE_WEBHOOK_SECRET,
    MIN_PAYOUT: '1.00',
    LOG_LEVEL: 'warn',
  });
  running.push(w);
  return w;
}

it('refunds an accepted dispute exactly once when its worker is killed mid-refund and restarted', async () => {
  const seller = await createSellerActor(app);
  const [leadId] = await listLeads(app, seller, [sharedLead(3)]);
  const [buyer] = await createBuyerActors(app, 1);
  const { purchases } = await buyThroughStripe(app, buyer!, [leadId!]);
  const dispute = await openDispute(app.runtime.deps, buyer!, { purchaseId: purchases[0]!.id, reason: 'FAKE' });

  const stripeDidIt = proxy.holdNext('POST', '/v1/refunds');
  const first = worker();
  await acceptDispute(app.runtime.deps, null, dispute.id, { refundAmount: null, note: 'fault test' });
  expect((await stripeDidIt).status).toBe(200);
  await first.kill('SIGKILL');
  const [pending] = await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, dispute.id));
  expect(pending!.status).toBe('PENDING'); // Stripe refunded, nobody booked it yet
  expect((await sdk.refunds.list({ payment_intent: purchases[0]!.paymentIntentId! })).data).toHaveLength(1);

  proxy.release();
  worker(); // the restarted worker finds the stalled job and runs it again
  await waitFor(
    async () => (await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, dispute.id)))[0]?.status === 'SUCCEEDED',
    'the refund to be booked',
    30_000,
  );
  const refunds = await sdk.refunds.list({ payment_intent: purchases[0]!.paymentIntentId! });
  expect(refunds.data.map((r) => r.amount)).toEqual([purchases[0]!.price]);
  const [p] = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.id, purchases[0]!.id));
  expect(p).toMatchObject({ status: 'REFUNDED', refundedAmount: purchases[0]!.price });
  expect((await checkLedgerInvariants(app.runtime.deps.db)).violations).toEqual([]);
});

it('pays a seller exactly once when the settlement worker is killed mid-transfer and restarted', async () => {
  const user = await signUpAs(app, 'SELLER');
  const seller = { userId: user.userId, organizationId: user.organizationId, role: 'SELLER' as const, via: 'session' as const };
  const { accountId } = await connectPayoutAccount(app.runtime.deps, seller);
  await fetch(`${app.stripe!.url}/_standin/accounts/${accountId}/complete-onboarding`, { method: 'POST' });
  await app.stripe!.deliverPendingEvents();
  const leadIds = await listLeads(app, seller, [sharedLead(2), sharedLead(2)]);
  const [buyer] = await createBuyerActors(app, 1);
  const { purchases } = await buyThroughStripe(app, buyer!, leadIds);
  // the return window closed three days ago
  await app.runtime.deps.db.execute(sql`UPDATE purchases SET purchased_at = now() - interval '80 hours' WHERE order_id = ${purchases[0]!.orderId}`);

  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE.settlement, { connection, prefix: app.prefix });
  await queue.add(QUEUE.settlement, {}, { attempts: 5, backoff: { type: 'fixed', delay: 200 } });

  const stripeDidIt = proxy.holdNext('POST', '/v1/transfers');
  const first = worker();
  expect((await stripeDidIt).status).toBe(200);
  await first.kill('SIGKILL');
  const [pending] = await app.runtime.deps.db.select().from(schema.payouts).where(eq(schema.payouts.sellerOrgId, seller.organizationId));
  expect(pending!.status).toBe('PENDING');
  expect((await sdk.transfers.list({ destination: accountId })).data).toHaveLength(1);

  proxy.release();
  worker();
  await waitFor(
    async () => (await app.runtime.deps.db.select().from(schema.payouts).where(eq(schema.payouts.sellerOrgId, seller.organizationId)))[0]?.status === 'SENT',
    'the payout to be sent',
    30_000,
  );
  const transfers = await sdk.transfers.list({ destination: accountId });
  const net = purchases.reduce((s, p) => s + p.sellerNet, 0);
  expect(transfers.data.map((t) => t.amount)).toEqual([net]);
  const payouts = await app.runtime.deps.db.select().from(schema.payouts).where(eq(schema.payouts.sellerOrgId, seller.organizationId));
  expect(payouts).toHaveLength(1);
  expect(payouts[0]!.stripeTransferId).toBe(transfers.data[0]!.id);
  expect((await checkLedgerInvariants(app.runtime.deps.db)).violations).toEqual([]);
  await queue.close();
  connection.disconnect();
});
