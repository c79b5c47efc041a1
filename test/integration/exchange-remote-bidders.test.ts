// Live bids from buyers' systems (issue 14): REMOTE campaigns pinged in parallel with per-ping timeouts and the
// auction's budget, competing with internal campaigns, the winner's post falling to the next bidder when refused,
// the call log and the automatic pause of failing endpoints — against real buyer servers on 127.0.0.1.
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { setCampaignActive, updateCampaign } from '@leadex/core/domain/exchange/campaigns.service';
import { setWebhookEndpoint } from '@leadex/core/domain/exchange/deliveries.service';
import { ping, post } from '@leadex/core/domain/exchange/ping-post';
import { listRemoteCalls, remoteCallsOf } from '@leadex/core/domain/exchange/remote/remote-log';
import { walletBalance } from '@leadex/core/domain/exchange/wallet.service';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import type { Actor } from '@leadex/core/domain/auth/access';
import { eq, schema } from '@leadex/db';
import { validLead } from '../fixtures/leads';
import { campaign, fundWallet, signedWith } from '../helpers/exchange-fixtures';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads } from '../helpers/market-fixtures';
import { bidding, startRemoteBuyers, type BuyerBehaviour } from '../helpers/remote-buyers';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let buyers: Awaited<ReturnType<typeof startRemoteBuyers>>;
beforeAll(async () => {
  buyers = await startRemoteBuyers();
  app = await startTestApp({
    label: 'remote-bidders',
    stripe: true,
    env: {
      WEBHOOK_ALLOW_HOSTS: buyers.host,
      REMOTE_PING_TIMEOUT_MS: '300',
      AUCTION_BUDGET_MS: '500',
      REMOTE_POST_TIMEOUT_MS: '300',
      REMOTE_PAUSE_AFTER_FAILURES: '3',
    },
  });
});
afterAll(async () => {
  buyers.release();
  await app.close();
  await buyers.close();
});

const deps = () => app.runtime.deps;
const wallet = async (buyer: Actor) => (await walletBalance(deps().db, buyer.organizationId, 'USD')).amount;
const invariantsHold = async () => expect((await checkLedgerInvariants(deps().db)).violations).toEqual([]);
let names = 0;

/** A funded buyer with a webhook endpoint (its secret signs pings and posts) and one REMOTE campaign. */
async function remoteBuyer(city: string, behaviour: BuyerBehaviour, extra: Record<string, unknown> = {}, funds = '1000.00') {
  const [buyer] = await createBuyerActors(app, 1);
  await fundWallet(app, buyer!, funds);
  const name = `b${++names}`;
  const urls = buyers.buyer(name, behaviour);
  const { secret } = await setWebhookEndpoint(deps(), buyer!, `http://${buyers.host}/${name}/hooks`);
  const c = await campaign(buyer!, app, { kind: 'REMOTE', maxBid: '900.00', filter: { cities: [city] }, ...urls, ...extra });
  return { buyer: buyer!, campaign: c, name, secret };
}
async function internalBuyer(city: string, maxBid: string) {
  const [buyer] = await createBuyerActors(app, 1);
  await fundWallet(app, buyer!, '1000.00');
  return { buyer: buyer!, campaign: await campaign(buyer!, app, { maxBid, filter: { cities: [city] } }) };
}
const callsOf = async (campaignId: string) => remoteCallsOf(deps().db, [campaignId]);
const received = (name: string, kind: 'ping' | 'post') => buyers.received.filter((r) => r.buyer === name && r.kind === kind);

it('pings slow, failing and bidding buyers at once: the slow one times out, and the bid competes with internal campaigns', async () => {
  const city = 'Fresno';
  const seller = await createSellerActor(app);
  // the slow buyer never answers on its own: the auction ends without it, which only its timeout can explain
  const slow = await remoteBuyer(city, { ping: () => 'HANG' });
  const failing = await remoteBuyer(city, { ping: () => ({ status: 500, body: 'boom' }) });
  const bidder = await remoteBuyer(city, bidding('400.00', 'their-ref-1'));
  const internal = await internalBuyer(city, '350.00');
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city, fullName: 'Remy Remote' })]);

  const result = await allocateLead(deps(), leadId!);
  expect(result.sold).toEqual([expect.objectContaining({ campaignId: bidder.campaign.id, price: 35_001, posted: true })]);

  expect((await callsOf(slow.campaign.id)).map((c) => c.outcome)).toEqual(['TIMEOUT']);
  expect((await callsOf(failing.campaign.id)).map((c) => [c.outcome, c.httpStatus])).toEqual([['ERROR', 500]]);
  expect((await callsOf(bidder.campaign.id)).map((c) => [c.kind, c.outcome, c.bid, c.reference])).toEqual([
    ['PING', 'BID', 40_000, 'their-ref-1'],
    ['POST', 'ACCEPTED', 35_001, 'their-ref-1'],
  ]);
  // the ping carries anonymised fields only, signed with the buyer's secret; the post the full lead
  const [pinged] = received(bidder.name, 'ping');
  expect(signedWith({ path: '', headers: pinged!.headers, body: pinged!.raw }, bidder.secret)).toBe(true);
  expect(pinged!.raw).not.toMatch(/Remy|@example\.org|contact/);
  expect(pinged!.body).toMatchObject({ type: 'lead.ping', leadId, ask: { currencyCode: 'USD' }, lead: { city, segment: 'AUTO_TEST_DRIVE' } });
  const [posted] = received(bidder.name, 'post');
  expect(signedWith({ path: '', headers: posted!.headers, body: posted!.raw }, bidder.secret)).toBe(true);
  expect(posted!.body).toMatchObject({
    type: 'lead.post',
    reference: 'their-ref-1',
    price: { amount: '350.01' },
    lead: { id: leadId, contact: { fullName: 'Remy Remote' } },
  });

  // a sale like any other: the purchase, the wallet debit, the ledger
  const [purchase] = await deps().db.select().from(schema.purchases).where(eq(schema.purchases.leadId, leadId!));
  expect(purchase).toMatchObject({ buyerOrgId: bidder.buyer.organizationId, price: 35_001, paidWith: 'WALLET', campaignId: bidder.campaign.id });
  expect(await wallet(bidder.buyer)).toBe(100_000 - 35_001);
  expect(await wallet(internal.buyer)).toBe(100_000);
  await invariantsHold();
});

it('keeps to the auction budget when a campaign allows its ping longer than the budget', async () => {
  const city = 'Modesto';
  const seller = await createSellerActor(app);
  const patient = await remoteBuyer(city, { ping: () => 'HANG' }, { pingTimeoutMs: 10_000 });
  const internal = await internalBuyer(city, '300.00');
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city })]);
  const result = await allocateLead(deps(), leadId!);
  expect(result.sold).toEqual([expect.objectContaining({ campaignId: internal.campaign.id })]);
  const [call] = await callsOf(patient.campaign.id);
  expect(call).toMatchObject({ outcome: 'TIMEOUT', kind: 'PING' });
  // the buyer never answers: only a deadline ends its ping, and its own (10 s) is far off, so the budget (500 ms) did
  expect(call!.latencyMs).toBeLessThan(10_000);
});

it('passes a refused or timed-out post to the next bidder at its own clearing price; a refused post is no sale', async () => {
  const city = 'Stockton';
  const seller = await createSellerActor(app);
  const refusing = await remoteBuyer(city, {
    ping: () => ({ status: 200, body: { bid: '500.00' } }),
    post: () => ({ status: 409, body: { error: 'duplicate' } }),
  });
  const hanging = await remoteBuyer(city, { ping: () => ({ status: 200, body: { bid: '450.00' } }), post: () => 'HANG' });
  const second = await remoteBuyer(city, bidding('420.00'));
  await internalBuyer(city, '300.00');
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city })]);

  const result = await allocateLead(deps(), leadId!);
  // refusing (500, offered at 450.01) → hanging (450, at 420.01) → second (420) pays the next bid plus a cent: 300.01
  expect(result.sold).toEqual([expect.objectContaining({ campaignId: second.campaign.id, price: 30_001 })]);
  expect((await callsOf(refusing.campaign.id)).map((c) => [c.kind, c.outcome, c.bid])).toEqual([
    ['PING', 'BID', 50_000],
    ['POST', 'REFUSED', 45_001],
  ]);
  expect((await callsOf(hanging.campaign.id)).map((c) => [c.kind, c.outcome, c.bid])).toEqual([
    ['PING', 'BID', 45_000],
    ['POST', 'TIMEOUT', 42_001],
  ]);
  expect(await wallet(refusing.buyer)).toBe(100_000);
  expect(await wallet(hanging.buyer)).toBe(100_000);
  expect(await wallet(second.buyer)).toBe(100_000 - 30_001);
  const purchases = await deps().db.select().from(schema.purchases).where(eq(schema.purchases.leadId, leadId!));
  expect(purchases.map((p) => p.buyerOrgId)).toEqual([second.buyer.organizationId]);
  buyers.release();
  await invariantsHold();
});

it('leaves the lead on the marketplace when every post is refused', async () => {
  const city = 'Visalia';
  const seller = await createSellerActor(app);
  const refusing = await remoteBuyer(city, { ping: () => ({ status: 200, body: { bid: '500.00' } }), post: () => ({ status: 500 }) });
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city })]);
  expect((await allocateLead(deps(), leadId!)).sold).toEqual([]);
  const [lead] = await deps().db.select().from(schema.leads).where(eq(schema.leads.id, leadId!));
  expect(lead).toMatchObject({ status: 'LISTED', salesCount: 0 });
  expect(await wallet(refusing.buyer)).toBe(100_000);
  await invariantsHold();
});

it("caps a remote bid by the campaign's maxBid and the buyer's wallet, and treats malformed answers and passes as passes", async () => {
  const city = 'Merced';
  const seller = await createSellerActor(app);
  const poor = await remoteBuyer(city, bidding('800.00'), { maxBid: '700.00' }, '250.00');
  const malformed = await remoteBuyer(city, { ping: () => ({ status: 200, body: '<html>not json</html>' }) });
  const passing = await remoteBuyer(city, { ping: () => ({ status: 204 }) });
  const mapped = await remoteBuyer(
    city,
    { ping: () => ({ status: 200, body: { result: { price: 190, id: 'x' } } }), post: () => ({ status: 200 }) },
    { responseMapping: { bid: '$.result.price', reference: '$.result.id' } },
  );
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city })]);
  const result = await allocateLead(deps(), leadId!);
  // the poor buyer bids 800 but can pay 250: it still wins over 190, at 190.01
  expect(result.sold).toEqual([expect.objectContaining({ campaignId: poor.campaign.id, price: 19_001 })]);
  expect((await callsOf(malformed.campaign.id)).map((c) => c.outcome)).toEqual(['MALFORMED']);
  expect((await callsOf(passing.campaign.id)).map((c) => c.outcome)).toEqual(['PASS']);
  expect((await callsOf(mapped.campaign.id)).map((c) => [c.outcome, c.bid, c.reference])).toEqual([['BID', 19_000, 'x']]);
  await invariantsHold();
});

it('pauses a campaign whose endpoint keeps failing, with a reason, until its buyer resumes it', async () => {
  const city = 'Chico';
  const seller = await createSellerActor(app);
  const broken = await remoteBuyer(city, { ping: () => ({ status: 503 }) });
  const leadIds = await listLeads(app, seller, [exclusiveLead({ city }), exclusiveLead({ city }), exclusiveLead({ city }), exclusiveLead({ city })]);
  for (const id of leadIds) await allocateLead(deps(), id);
  // paused after the third failure in a row: the fourth lead pinged no one
  expect(await callsOf(broken.campaign.id)).toHaveLength(3);
  const [paused] = await deps().db.select().from(schema.campaigns).where(eq(schema.campaigns.id, broken.campaign.id));
  expect(paused).toMatchObject({ active: false, pausedReason: expect.stringContaining('last 3 pings or posts failed') });
  const resumed = await setCampaignActive(deps(), broken.buyer, broken.campaign.id, true);
  expect(resumed).toMatchObject({ active: true, pausedReason: null });
});

it('shows the call log to the campaign’s buyer and to operators, not to other buyers', async () => {
  const city = 'Redding';
  const seller = await createSellerActor(app);
  const owner = await remoteBuyer(city, bidding('300.00'));
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city })]);
  await allocateLead(deps(), leadId!);
  const page = await listRemoteCalls(deps(), owner.buyer, owner.campaign.id, { first: 10 });
  expect(page.edges.map((e) => e.node.kind)).toEqual(['POST', 'PING']);
  const [other] = await createBuyerActors(app, 1);
  await expect(listRemoteCalls(deps(), other!, owner.campaign.id, {})).rejects.toMatchObject({ code: 'CAMPAIGN_NOT_FOUND' });
  const operator = { userId: 'usr_operator', organizationId: 'org_platform', role: 'OPERATOR' as const, via: 'session' as const };
  expect((await listRemoteCalls(deps(), operator, owner.campaign.id, {})).edges).toHaveLength(2);
});

it("asks remote buyers on a seller's ping and posts the sold lead to the winner", async () => {
  const city = 'Eureka';
  const seller = await createSellerActor(app);
  const remote = await remoteBuyer(city, bidding('420.00', 'ping-ref'));
  await internalBuyer(city, '300.00');
  const fields = { segment: 'AUTO_TEST_DRIVE', country: 'US', region: 'US-CA', city, kind: 'INTERESTED', temperature: 'HOT', exclusivity: 'EXCLUSIVE' };
  const offer = await ping(deps(), seller, fields);
  expect(offer).toMatchObject({ campaignId: remote.campaign.id, price: 30_001 });
  expect((await callsOf(remote.campaign.id)).map((c) => [c.leadId, c.outcome])).toEqual([[null, 'BID']]);
  const result = await post(deps(), seller, offer!.id, validLead({ ...fields, fullName: 'Sam Seller' }));
  expect(result).toMatchObject({ status: 'SOLD', price: { amount: 30_001 } });
  const [posted] = received(remote.name, 'post');
  // the reference the buyer answered the seller's ping with comes back to it in the post
  expect(posted!.body).toMatchObject({ reference: 'ping-ref', lead: { contact: { fullName: 'Sam Seller' } }, price: { amount: '300.01' } });
  await invariantsHold();
});

it('refuses remote campaigns without URLs, with private URLs, with bad JSON paths or without a webhook endpoint', async () => {
  const [buyer] = await createBuyerActors(app, 1);
  const base = { kind: 'REMOTE', maxBid: '100.00', filter: { cities: ['Nowhere'] } };
  await expect(campaign(buyer!, app, base)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  await setWebhookEndpoint(deps(), buyer!, `http://${buyers.host}/x/hooks`);
  const err = await campaign(buyer!, app, {
    ...base,
    pingUrl: 'http://10.0.0.5/ping',
    postUrl: `http://${buyers.host}/x/post`,
    responseMapping: { bid: '$..bid' },
  }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'INVALID_INPUT' });
  const paths = (err as { fields: { path: string }[] }).fields.map((f) => f.path);
  expect(paths).toEqual(expect.arrayContaining(['input.responseMapping.bid']));
  const private_ = await campaign(buyer!, app, { ...base, pingUrl: 'http://10.0.0.5/ping', postUrl: `http://${buyers.host}/x/post` }).catch((e: unknown) => e);
  expect((private_ as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(['input.pingUrl']);
});

it('keeps a REMOTE campaign remote when an update leaves the remote fields out, and clears them when it turns INTERNAL', async () => {
  const city = 'Ukiah';
  const owner = await remoteBuyer(city, bidding('300.00'));
  const plain = { name: 'Renamed', filter: { cities: [city] }, maxBid: '800.00', exclusivity: 'EXCLUSIVE' };
  const kept = await updateCampaign(deps(), owner.buyer, owner.campaign.id, plain);
  expect(kept).toMatchObject({ name: 'Renamed', kind: 'REMOTE', pingUrl: owner.campaign.pingUrl, postUrl: owner.campaign.postUrl });
  const internal = await updateCampaign(deps(), owner.buyer, owner.campaign.id, { ...plain, kind: 'INTERNAL' });
  expect(internal).toMatchObject({ kind: 'INTERNAL', pingUrl: null, postUrl: null, responseMapping: null });
});
