// The world the authorization matrix runs in: two sellers, two buyers, an operator and a seller's API key,
// each organisation owning one of everything (orders, purchases, disputes, deliveries, campaigns, keys,
// payouts), plus the private markers (ids, contacts, secrets) only some actors may ever see in an answer.
import type { Actor } from '@leadex/core/domain/auth/access';
import { eq, schema } from '@leadex/db';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validLead } from '../../fixtures/leads';
import { createOperatorUser, signUpAs, type TestUser } from '../../helpers/actors';
import { campaign } from '../../helpers/exchange-fixtures';
import { buyThroughStripe, createSellerActor, listLeads, sharedLead } from '../../helpers/market-fixtures';
import { CREATE_API_KEY } from '../../helpers/operations';
import { startTestApp, type TestApp } from '../../helpers/test-app';
import { waitFor } from '../../helpers/wait';

export const ACTORS = ['anon', 'seller', 'otherSeller', 'buyer', 'otherBuyer', 'operator', 'apiKey'] as const;
export type ActorName = (typeof ACTORS)[number];
export type Auth = { token?: string; apiKey?: string };

/** A string that must not appear in the `data` of an answer to anyone outside `visibleTo`. */
export interface Marker {
  what: string;
  value: string;
  visibleTo: ActorName[];
}

export interface World {
  app: TestApp;
  auth: Record<ActorName, Auth>;
  users: Record<'seller' | 'otherSeller' | 'buyer' | 'otherBuyer' | 'operator', TestUser>;
  /** the seller-side (and buyer-side) objects every request targets: the "other" actors must be refused them */
  ids: {
    hiddenLead: string;
    withdrawLead: string;
    eraseLead: string;
    orderLead: string;
    paidOrder: string;
    reservedOrder: string;
    cancellableOrder: string;
    purchase: string;
    undisputedPurchase: string;
    dispute: string;
    campaign: string;
    delivery: string;
    /** the buyer's default endpoint, and a second one removeDeliveryEndpoint may take away */
    endpoint: string;
    spareEndpoint: string;
    spareApiKey: string;
    ping: string;
    verificationTask: string;
    spareSellerOrg: string;
  };
  signInUser: { email: string; password: string };
  campaignInput: Record<string, unknown>;
  webhookUrl: (tag: string) => string;
  markers: Marker[];
  /** a new session of the same user, for requests that end the session they are sent with */
  freshAuth(actor: ActorName): Promise<Auth>;
  close(): Promise<void>;
}

const PASSWORD = 'correct horse battery staple';
const asActor = (u: TestUser, role: Actor['role']): Actor => ({ userId: u.userId, organizationId: u.organizationId, role, via: 'session' });

async function startReceiver(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

export async function seedWorld(): Promise<World> {
  const receiver = await startReceiver();
  const app = await startTestApp({ label: 'authz', stripe: true, workers: true, env: { WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${receiver.port}` } });
  const deps = app.runtime.deps;
  const webhookUrl = (tag: string) => `http://127.0.0.1:${receiver.port}/hooks/${tag}`;
  const [seller, otherSeller, buyer, otherBuyer, operator, signInUser] = await Promise.all([
    signUpAs(app, 'SELLER', 'seller'),
    signUpAs(app, 'SELLER', 'other-seller'),
    signUpAs(app, 'BUYER', 'buyer'),
    signUpAs(app, 'BUYER', 'other-buyer'),
    createOperatorUser(app),
    signUpAs(app, 'BUYER', 'signin'),
  ]);
  const users = { seller: seller!, otherSeller: otherSeller!, buyer: buyer!, otherBuyer: otherBuyer!, operator: operator! };
  const gql = <T>(u: TestUser, doc: string, vars?: Record<string, unknown>) => app.client(u).request<T>(doc, vars);

  type KeyAnswer = { createApiKey: { key: string; apiKey: { id: string } } };
  const [key, spareKey, otherKey] = await Promise.all([
    gql<KeyAnswer>(users.seller, CREATE_API_KEY, { name: 'matrix key' }),
    gql<KeyAnswer>(users.seller, CREATE_API_KEY, { name: 'spare key' }),
    gql<KeyAnswer>(users.otherSeller, CREATE_API_KEY, { name: 'other key' }),
  ]);

  // endpoints first, so the purchases below are delivered (and leave delivery rows behind)
  const SET_HOOK = 'mutation($url: String!) { setWebhookEndpoint(url: $url) { id secret } }';
  type HookAnswer = { setWebhookEndpoint: { id: string; secret: string } };
  const [hookA, hookB] = await Promise.all([
    gql<HookAnswer>(users.buyer, SET_HOOK, { url: webhookUrl('buyer-a') }),
    gql<HookAnswer>(users.otherBuyer, SET_HOOK, { url: webhookUrl('buyer-b') }),
  ]);

  const { createDeliveryEndpoint } = await import('@leadex/core/domain/exchange/delivery-endpoints.service');
  const spareEndpoint = await createDeliveryEndpoint(deps, asActor(users.buyer, 'BUYER'), { name: 'Spare', kind: 'EMAIL', recipients: ['crm@buyer.example'] });

  const sellerLeads = [sharedLead(3), sharedLead(3), sharedLead(3), sharedLead(3), sharedLead(3), sharedLead(3), sharedLead(3)];
  const otherLeads = [sharedLead(3), sharedLead(3)];
  const [[bought, bought2, hiddenLead, withdrawLead, eraseLead, reservedLead, cancelLead], [otherBought, orderLead]] = await Promise.all([
    listLeads(app, asActor(users.seller, 'SELLER'), sellerLeads),
    listLeads(app, asActor(users.otherSeller, 'SELLER'), otherLeads),
  ]);
  const { withdrawLead: withdraw } = await import('@leadex/core/domain/leads/lead-actions');
  await withdraw(deps, asActor(users.seller, 'SELLER'), hiddenLead!);

  const paidA = await buyThroughStripe(app, asActor(users.buyer, 'BUYER'), [bought!, bought2!]);
  const paidB = await buyThroughStripe(app, asActor(users.otherBuyer, 'BUYER'), [otherBought!]);
  const [purchaseA, purchaseA2] = [paidA.purchases.find((p) => p.leadId === bought)!, paidA.purchases.find((p) => p.leadId === bought2)!];
  const purchaseB = paidB.purchases[0]!;

  const { openDispute } = await import('@leadex/core/domain/disputes/open-dispute');
  const disputeInput = (purchaseId: string) => ({ purchaseId, reason: 'NOT_INTERESTED', evidence: 'Said they never asked to be called.' });
  const disputeA = await openDispute(deps, asActor(users.buyer, 'BUYER'), disputeInput(purchaseA.id));
  const disputeB = await openDispute(deps, asActor(users.otherBuyer, 'BUYER'), disputeInput(purchaseB.id));

  // the buyer's own CRM note on a purchase: never the seller's to read
  const { updateLeadOutcome } = await import('@leadex/core/domain/purchases/purchases.service');
  const crmNote = `private note ${randomBytes(6).toString('hex')}`;
  await updateLeadOutcome(deps, asActor(users.otherBuyer, 'BUYER'), purchaseB.id, 'LOST', crmNote);

  const campaignInput = { name: 'Matrix campaign', filter: { segments: ['AUTO_TEST_DRIVE'] }, maxBid: '5.00', exclusivity: 'SHARED' };
  const campaignA = await campaign(asActor(users.buyer, 'BUYER'), app, campaignInput);
  const campaignB = await campaign(asActor(users.otherBuyer, 'BUYER'), app, campaignInput);

  const { createOrder } = await import('@leadex/core/domain/orders/create-order');
  const reserved = await createOrder(deps, asActor(users.buyer, 'BUYER'), { leadIds: [reservedLead] });
  const cancellable = await createOrder(deps, asActor(users.buyer, 'BUYER'), { leadIds: [cancelLead] });

  const deliveryOf = (purchaseId: string) =>
    waitFor(async () => (await deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.purchaseId, purchaseId)))[0], `delivery of ${purchaseId}`);
  const [deliveryA, deliveryB] = await Promise.all([deliveryOf(purchaseA.id), deliveryOf(purchaseB.id)]);

  // payouts come from settlement runs long after the return window; the rows alone are enough to test who reads them
  const payout = (sellerOrgId: string) => ({
    id: `po_${randomBytes(8).toString('hex')}`,
    sellerOrgId,
    amount: 1234,
    currency: deps.config.PLATFORM_CURRENCY,
    stripeAccountId: 'acct_matrix',
    idempotencyKey: randomBytes(8).toString('hex'),
    status: 'PENDING' as const,
  });
  const [payoutA, payoutB] = [payout(users.seller.organizationId), payout(users.otherSeller.organizationId)];
  await deps.db.insert(schema.payouts).values([payoutA, payoutB]);

  // a ping offer of the seller's, so `post` has a real ping to refer to
  const pingId = `png_${randomBytes(8).toString('hex')}`;
  await deps.db.insert(schema.pings).values({
    id: pingId,
    sellerOrgId: users.seller.organizationId,
    fields: { segment: 'AUTO_TEST_DRIVE', country: 'US', kind: 'INTERESTED', exclusivity: 'SHARED' },
    price: 500,
    currency: deps.config.PLATFORM_CURRENCY,
    campaignId: campaignA.id,
    expiresAt: new Date(Date.now() + 3_600_000),
  });

  // an operator task: EDUCATION batches go to manual calls
  const { setSegmentPolicy } = await import('@leadex/core/domain/verification/seller-quality.service');
  const { submitLeads } = await import('@leadex/core/domain/leads/submit-leads');
  const { runSpotCheck } = await import('@leadex/core');
  await setSegmentPolicy(deps, asActor(users.operator, 'OPERATOR'), 'EDUCATION', { verificationProvider: 'manual' });
  const education = validLead({ segment: 'EDUCATION', subsegment: 'COURSE', attributes: { subject: 'Statistics' } });
  const batch = await submitLeads(deps, asActor(users.seller, 'SELLER'), [education], { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
  await runSpotCheck(deps, batch.id);
  const task = await waitFor(
    async () => (await deps.db.select().from(schema.verificationTasks).where(eq(schema.verificationTasks.batchId, batch.id)))[0],
    'verification task',
  );

  const spareSeller = await createSellerActor(app);

  const contactMarkers = (lead: Record<string, unknown>, tag: string, visibleTo: ActorName[]): Marker[] => [
    { what: `${tag} phone`, value: String(lead.phone), visibleTo },
    { what: `${tag} email`, value: String(lead.email), visibleTo },
  ];
  const A_SELLER: ActorName[] = ['seller', 'apiKey', 'operator'];
  const B_SELLER: ActorName[] = ['otherSeller', 'operator'];
  const markers: Marker[] = [
    ...contactMarkers(sellerLeads[0]!, 'contact of a lead the buyer bought', [...A_SELLER, 'buyer']),
    ...contactMarkers(sellerLeads[2]!, 'contact of a withdrawn lead', A_SELLER),
    ...contactMarkers(sellerLeads[5]!, 'contact of a reserved lead', A_SELLER),
    ...contactMarkers(otherLeads[0]!, "contact of the other buyer's lead", [...B_SELLER, 'otherBuyer']),
    ...contactMarkers(otherLeads[1]!, "contact of the other seller's listed lead", B_SELLER),
    ...contactMarkers(education, 'contact of a lead under manual check', A_SELLER),
    { what: "buyer's paid order", value: paidA.order.id, visibleTo: ['buyer', 'operator'] },
    { what: "buyer's reserved order", value: reserved.id, visibleTo: ['buyer', 'operator'] },
    { what: "other buyer's paid order", value: paidB.order.id, visibleTo: ['otherBuyer', 'operator'] },
    { what: "buyer's purchase", value: purchaseA.id, visibleTo: ['buyer', 'seller', 'operator'] },
    { what: "other buyer's purchase", value: purchaseB.id, visibleTo: ['otherBuyer', 'otherSeller', 'operator'] },
    { what: "other buyer's CRM note", value: crmNote, visibleTo: ['otherBuyer', 'operator'] },
    { what: "buyer's dispute", value: disputeA.id, visibleTo: ['buyer', 'seller', 'operator'] },
    { what: "other buyer's dispute", value: disputeB.id, visibleTo: ['otherBuyer', 'otherSeller', 'operator'] },
    { what: "buyer's campaign", value: campaignA.id, visibleTo: ['buyer'] },
    { what: "other buyer's campaign", value: campaignB.id, visibleTo: ['otherBuyer'] },
    { what: "buyer's delivery", value: deliveryA.id, visibleTo: ['buyer'] },
    { what: "other buyer's delivery", value: deliveryB.id, visibleTo: ['otherBuyer'] },
    { what: "buyer's webhook endpoint", value: hookA.setWebhookEndpoint.id, visibleTo: ['buyer'] },
    { what: "other buyer's webhook endpoint", value: hookB.setWebhookEndpoint.id, visibleTo: ['otherBuyer'] },
    { what: "buyer's webhook URL", value: webhookUrl('buyer-a'), visibleTo: ['buyer'] },
    { what: "other buyer's webhook secret", value: hookB.setWebhookEndpoint.secret, visibleTo: [] },
    // operators read keys' ids (never the keys) in the audit log: api_key.created, and the actor of an API call
    { what: "seller's API key id", value: key.createApiKey.apiKey.id, visibleTo: ['seller', 'operator'] },
    { what: "other seller's API key id", value: otherKey.createApiKey.apiKey.id, visibleTo: ['otherSeller', 'operator'] },
    { what: "seller's API key secret", value: key.createApiKey.key, visibleTo: [] },
    { what: "seller's payout", value: payoutA.id, visibleTo: A_SELLER },
    { what: "other seller's payout", value: payoutB.id, visibleTo: B_SELLER },
  ];

  const auth: Record<ActorName, Auth> = {
    anon: {},
    seller: { token: seller!.token },
    otherSeller: { token: otherSeller!.token },
    buyer: { token: buyer!.token },
    otherBuyer: { token: otherBuyer!.token },
    operator: { token: operator!.token },
    apiKey: { apiKey: key.createApiKey.key },
  };
  return {
    app,
    users,
    auth,
    ids: {
      hiddenLead: hiddenLead!,
      withdrawLead: withdrawLead!,
      eraseLead: eraseLead!,
      orderLead: orderLead!,
      paidOrder: paidA.order.id,
      reservedOrder: reserved.id,
      cancellableOrder: cancellable.id,
      purchase: purchaseA.id,
      undisputedPurchase: purchaseA2.id,
      dispute: disputeA.id,
      campaign: campaignA.id,
      delivery: deliveryA.id,
      endpoint: hookA.setWebhookEndpoint.id,
      spareEndpoint: spareEndpoint.id,
      spareApiKey: spareKey.createApiKey.apiKey.id,
      ping: pingId,
      verificationTask: task.id,
      spareSellerOrg: spareSeller.organizationId,
    },
    signInUser: { email: signInUser!.email, password: PASSWORD },
    campaignInput,
    webhookUrl,
    markers,
    async freshAuth(actor) {
      if (actor === 'anon' || actor === 'apiKey') return auth[actor];
      // a session row like signIn's, without paying for another password hash check under load
      const token = `lxs_${randomBytes(32).toString('base64url')}`;
      await deps.db.insert(schema.sessions).values({
        id: `ses_${randomBytes(8).toString('hex')}`,
        tokenHash: createHash('sha256').update(token).digest('hex'),
        userId: users[actor].userId,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      return { token };
    },
    async close() {
      await app.close();
      await new Promise((resolve) => receiver.server.close(resolve));
    },
  };
}
