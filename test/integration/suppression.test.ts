// Suppression lists (issue 11 §2): the global do-not-contact list (erasure, upheld "never asked" disputes,
// operator uploads) refuses a lead in every channel; a buyer's own list hides leads from that buyer only.
import { acceptDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { ping, post } from '@leadex/core/domain/exchange/ping-post';
import { normalizedEmailKey, normalizedPhoneKey } from '@leadex/core/domain/leads/contact.rules';
import { importLeadsCsv } from '@leadex/core/domain/leads/import-leads-csv';
import { eraseLeadContact } from '@leadex/core/domain/leads/lead-actions';
import { addSuppressedContacts } from '@leadex/core/domain/suppression/suppression.service';
import { eq, schema } from '@leadex/db';
import { ClientError } from 'graphql-request';
import { Readable } from 'node:stream';
import { uniquePhone, validLead } from '../fixtures/leads';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { campaign, fundWallet } from '../helpers/exchange-fixtures';
import { buyThroughStripe, createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { MARKETPLACE, SUBMIT_LEADS } from '../helpers/operations';
import { startTestApp, type TestApp } from '../helpers/test-app';

const LIST = `query { suppressionList { size updatedAt } }`;
const ADD = `mutation($c: [SuppressedContactInput!]!) { addSuppressedContacts(contacts: $c) { size updatedAt } }`;
const REMOVE = `mutation($c: [SuppressedContactInput!]!) { removeSuppressedContacts(contacts: $c) { size updatedAt } }`;
const ADD_GLOBAL = `mutation($c: [SuppressedContactInput!]!) { addGlobalSuppressions(contacts: $c) { size updatedAt } }`;
const GLOBAL = `query { globalSuppressionList { size updatedAt } }`;
const ORDER = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { id lines { lead { id } } } }`;
type ListView = { size: number; updatedAt: string | null };
type Issue = { code: string; field: string | null; message: string; severity: string };

let app: TestApp;
let operator: TestUser;
const raw: string[] = []; // every phone and e-mail this file puts on a list: none may be stored as such
beforeAll(async () => {
  app = await startTestApp({ label: 'suppression', stripe: true, workers: true });
  operator = await createOperatorUser(app);
});
afterAll(() => app.close());

const actorOf = (u: TestUser, role: 'BUYER' | 'SELLER' | 'OPERATOR') => ({ userId: u.userId, organizationId: u.organizationId, role, via: 'session' as const });
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: ClientError) => e.response.errors![0]!,
  );
const personLead = (phone: string, email: string, extra: Record<string, unknown> = {}) => {
  raw.push(phone, email);
  return sharedLead(3, { phone, email, ...extra });
};
const freshEmail = () => `person.${Math.random().toString(36).slice(2, 10)}@example.org`;

async function submitAsNewSeller(lead: Record<string, unknown>): Promise<Issue[]> {
  const seller = await signUpAs(app, 'SELLER');
  const res = await app.client(seller).request<{ submitLeads: { accepted: number; results: { issues: Issue[] }[] } }>(SUBMIT_LEADS, { input: [lead] });
  expect(res.submitLeads.accepted).toBe(0);
  return res.submitLeads.results[0]!.issues;
}

async function leadRow(id: string) {
  return (await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, id)))[0]!;
}

describe('the global do-not-contact list', () => {
  it('refuses an erased person when another seller submits them again, naming the field and not the value', async () => {
    const phone = uniquePhone();
    const email = freshEmail();
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [personLead(phone, email)]);
    const before = await leadRow(leadId!);
    await eraseLeadContact(app.runtime.deps, seller, leadId!);
    const erased = await leadRow(leadId!);
    expect(erased).toMatchObject({ phoneHash: null, emailHash: null, contactSealed: null });
    const kept = await app.runtime.deps.db.select().from(schema.globalSuppressions);
    expect(kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ hash: before.phoneHash, kind: 'PHONE', source: 'ERASURE' }),
        expect.objectContaining({ hash: before.emailHash, kind: 'EMAIL', source: 'ERASURE' }),
      ]),
    );

    // the same phone in national format, with a new e-mail: still the same person
    const issues = await submitAsNewSeller(validLead({ phone: `(415) ${phone.slice(5, 8)}-${phone.slice(8)}`, email: freshEmail() }));
    expect(issues).toContainEqual({ code: 'CONTACT_SUPPRESSED', field: 'phone', message: expect.any(String), severity: 'ERROR' });
    for (const i of issues) expect(i.message).not.toContain(phone.slice(-4));

    // the CSV channel: the e-mail alone, written differently
    const csvSeller = await createSellerActor(app);
    const header =
      'segment,country,region,city,full_name,phone,email,kind,temperature,source_channel,captured_at,consent_text,consent_timestamp,exclusivity,max_sales,attr.brand,attr.model';
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const row = [
      'AUTO_TEST_DRIVE',
      'US',
      'US-CA',
      'Los Angeles',
      'Ana Silva',
      uniquePhone(),
      email.toUpperCase(),
      'INTERESTED',
      'WARM',
      'SEO',
      at,
      'Yes, call me',
      at,
      'SHARED',
      '2',
      'Kia',
      'Ceed',
    ];
    const batch = await importLeadsCsv(app.runtime.deps, csvSeller, () => Readable.from([`${header}\n${row.map((c) => JSON.stringify(c)).join(',')}\n`]));
    expect(batch.accepted).toBe(0);
    expect(batch.results[0]!.issues).toContainEqual(expect.objectContaining({ code: 'CONTACT_SUPPRESSED', field: 'email', severity: 'ERROR' }));
  });

  it('refuses the contact of an upheld NOT_INTERESTED dispute next time', async () => {
    const phone = uniquePhone();
    const email = freshEmail();
    const seller = await createSellerActor(app);
    const buyer = await signUpAs(app, 'BUYER');
    const [leadId] = await listLeads(app, seller, [personLead(phone, email)]);
    const { purchases } = await buyThroughStripe(app, actorOf(buyer, 'BUYER'), [leadId!]);
    // before the decision the person may still be offered: a claim is not yet evidence
    const dispute = await openDispute(app.runtime.deps, actorOf(buyer, 'BUYER'), {
      purchaseId: purchases[0]!.id,
      reason: 'NOT_INTERESTED',
      evidence: 'Said they never filled in a form.',
    });
    if (dispute.status === 'OPEN') await acceptDispute(app.runtime.deps, actorOf(operator, 'OPERATOR'), dispute.id, { refundAmount: null });
    const issues = await submitAsNewSeller(validLead({ phone, email: freshEmail() }));
    expect(issues.map((i) => [i.code, i.field])).toContainEqual(['CONTACT_SUPPRESSED', 'phone']);
    const [entry] = await app.runtime.deps.db
      .select()
      .from(schema.globalSuppressions)
      .where(eq(schema.globalSuppressions.hash, (await leadRow(leadId!)).phoneHash!));
    expect(entry).toMatchObject({ source: 'DISPUTE' });
  });

  it('refuses a contact the operator uploaded, through submitLeads and through post', async () => {
    const phone = uniquePhone();
    const email = freshEmail();
    raw.push(phone, email);
    const before = (await app.client(operator).request<{ globalSuppressionList: ListView }>(GLOBAL)).globalSuppressionList;
    const { addGlobalSuppressions } = await app.client(operator).request<{ addGlobalSuppressions: ListView }>(ADD_GLOBAL, { c: [{ phone }, { email }] });
    expect(addGlobalSuppressions.size).toBe(before.size + 2);
    expect(addGlobalSuppressions.updatedAt).not.toBeNull();
    // the same upload twice is no change
    expect((await app.client(operator).request<{ addGlobalSuppressions: ListView }>(ADD_GLOBAL, { c: [{ phone }] })).addGlobalSuppressions.size).toBe(
      before.size + 2,
    );
    // buyers and sellers cannot touch or read the global list
    const buyer = await signUpAs(app, 'BUYER');
    expect((await errorOf(app.client(buyer).request(ADD_GLOBAL, { c: [{ email: freshEmail() }] }))).extensions).toMatchObject({ code: 'FORBIDDEN' });

    expect((await submitAsNewSeller(validLead({ email }))).map((i) => [i.code, i.field])).toContainEqual(['CONTACT_SUPPRESSED', 'email']);

    // ping-post: the ping has no contact, the post is refused like any lead
    const seller = await createSellerActor(app);
    const [bidder] = await createBuyerActors(app, 1);
    await fundWallet(app, bidder!, '300.00');
    const city = 'Costa Mesa';
    await campaign(bidder!, app, { maxBid: '250.00', filter: { cities: [city] } });
    const pinged = { segment: 'AUTO_TEST_DRIVE', country: 'US', region: 'US-CA', city, kind: 'INTERESTED', temperature: 'HOT', exclusivity: 'EXCLUSIVE' };
    const offer = await ping(app.runtime.deps, seller, pinged);
    expect(offer).not.toBeNull();
    const result = await post(app.runtime.deps, seller, offer!.id, validLead({ ...pinged, phone }));
    expect(result.status).toBe('REJECTED');
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'CONTACT_SUPPRESSED', field: 'phone' }));
  });

  it('refuses a malformed entry with its path and stores nothing of that call', async () => {
    const before = (await app.client(operator).request<{ globalSuppressionList: ListView }>(GLOBAL)).globalSuppressionList.size;
    const err = await errorOf(app.client(operator).request(ADD_GLOBAL, { c: [{ email: freshEmail() }, { phone: '2133734253' }, {}] }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((err.extensions!.fields as { path: string }[]).map((f) => f.path)).toEqual(['contacts[1].phone', 'contacts[2]']);
    expect((await app.client(operator).request<{ globalSuppressionList: ListView }>(GLOBAL)).globalSuppressionList.size).toBe(before);
  });
});

describe("a buyer's own suppression list", () => {
  it('hides the lead from that buyer only, refuses it by id and skips it in N-matching orders, until removed', async () => {
    const city = 'Santa Barbara';
    const phone = uniquePhone();
    const email = freshEmail();
    const seller = await createSellerActor(app);
    const [mine, other] = await listLeads(app, seller, [personLead(phone, email, { city }), sharedLead(3, { city })]);
    const [buyer, otherBuyer] = [await signUpAs(app, 'BUYER'), await signUpAs(app, 'BUYER')];
    expect((await app.client(buyer).request<{ suppressionList: ListView }>(LIST)).suppressionList).toEqual({ size: 0, updatedAt: null });
    // the buyer's CRM writes the number nationally and the e-mail in capitals
    const added = await app
      .client(buyer)
      .request<{ addSuppressedContacts: ListView }>(ADD, { c: [{ phone: phone.slice(2), country: 'US', email: email.toUpperCase() }] });
    expect(added.addSuppressedContacts).toEqual({ size: 2, updatedAt: expect.any(String) });

    const market = async (u: TestUser) =>
      (
        await app
          .client(u)
          .request<{ marketplace: { totalCount: number; edges: { node: { id: string } }[] } }>(MARKETPLACE, { filter: { cities: [city] }, first: 50 })
      ).marketplace;
    const seen = await market(buyer);
    expect(seen.edges.map((e) => e.node.id)).toEqual([other]);
    expect(seen.totalCount).toBe(1);
    const seenByOther = await market(otherBuyer);
    expect(seenByOther.edges.map((e) => e.node.id).sort()).toEqual([mine, other].sort());
    expect(seenByOther.totalCount).toBe(2);

    const refused = await errorOf(app.client(buyer).request(ORDER, { input: { leadIds: [other, mine] } }));
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_YOUR_CONTACT',
      fields: [{ path: 'input.leadIds[1]', message: expect.any(String) }],
    });
    const matching = await app
      .client(buyer)
      .request<{ createOrder: { lines: { lead: { id: string } }[] } }>(ORDER, { input: { matching: { cities: [city] }, quantity: 1 } });
    expect(matching.createOrder.lines.map((l) => l.lead.id)).toEqual([other]);
    // the other buyer orders the very lead
    const theirs = await app.client(otherBuyer).request<{ createOrder: { lines: { lead: { id: string } }[] } }>(ORDER, { input: { leadIds: [mine] } });
    expect(theirs.createOrder.lines.map((l) => l.lead.id)).toEqual([mine]);

    const removed = await app.client(buyer).request<{ removeSuppressedContacts: ListView }>(REMOVE, { c: [{ phone }, { email }] });
    expect(removed.removeSuppressedContacts.size).toBe(0);
    expect(new Date(removed.removeSuppressedContacts.updatedAt!).getTime()).toBeGreaterThanOrEqual(new Date(added.addSuppressedContacts.updatedAt!).getTime());
    const after = await market(buyer);
    expect(after.edges.map((e) => e.node.id)).toContain(mine);
    expect(after.totalCount).toBe(2);
  });

  it("keeps the lead from that buyer's campaigns in allocation and in a ping's post, while another buyer's campaign wins it", async () => {
    const [suppressing, rival] = await createBuyerActors(app, 2);
    for (const b of [suppressing!, rival!]) await fundWallet(app, b, '600.00');
    const city = 'Ventura';
    const high = await campaign(suppressing!, app, { maxBid: '300.00', filter: { cities: [city] } });
    const low = await campaign(rival!, app, { maxBid: '200.00', filter: { cities: [city] } });
    const seller = await createSellerActor(app);

    // allocation: the higher bid is the suppressing buyer's, the lower one wins
    const phone = uniquePhone();
    raw.push(phone);
    await addSuppressedContacts(app.runtime.deps, suppressing!, [{ phone }]);
    const [leadId] = await listLeads(app, seller, [exclusiveLead({ city, phone })]);
    await allocateLead(app.runtime.deps, leadId!); // the allocation worker may have sold it already: one sale either way
    const wins = await app.runtime.deps.db.select().from(schema.campaignWins).where(eq(schema.campaignWins.leadId, leadId!));
    expect(wins.map((w) => w.campaignId)).toEqual([low.id]);

    // ping-post: the ping (no contact) is offered to the higher bid; the post is not sold to that buyer
    const email = freshEmail();
    raw.push(email);
    await addSuppressedContacts(app.runtime.deps, suppressing!, [{ email }]);
    const pinged = { segment: 'AUTO_TEST_DRIVE', country: 'US', region: 'US-CA', city, kind: 'INTERESTED', temperature: 'HOT', exclusivity: 'EXCLUSIVE' };
    const offer = await ping(app.runtime.deps, seller, pinged);
    expect(offer!.campaignId).toBe(high.id);
    const result = await post(app.runtime.deps, seller, offer!.id, validLead({ ...pinged, email }));
    expect(result.status).toBe('LISTED');
    await allocateLead(app.runtime.deps, result.lead!.id);
    const postWins = await app.runtime.deps.db.select().from(schema.campaignWins).where(eq(schema.campaignWins.leadId, result.lead!.id));
    expect(postWins.map((w) => w.campaignId)).toEqual([low.id]);
  });
});

it('stores keyed hashes only: no phone or e-mail in the suppression tables', async () => {
  const db = app.runtime.deps.db;
  const stored = JSON.stringify([await db.select().from(schema.globalSuppressions), await db.select().from(schema.buyerSuppressions)]);
  expect(raw.length).toBeGreaterThan(5);
  for (const value of raw) {
    expect(stored).not.toContain(value);
    if (value.startsWith('+')) expect(stored).not.toContain(value.slice(-7));
  }
  // and the hashes are the leads' own keyed hashes (one normalisation for both)
  const hashes = new Set((await db.select().from(schema.globalSuppressions)).map((r) => r.hash));
  expect(hashes.has(app.runtime.deps.vault.hash(normalizedPhoneKey(raw[0]!)))).toBe(true);
  expect(hashes.has(app.runtime.deps.vault.hash(normalizedEmailKey(raw[1]!)))).toBe(true);
});
