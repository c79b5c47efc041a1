// A seller's listings and sales as searchable tables, and each lead's history (issue 15): submission,
// checks, listing, the sale and its return, for the owning seller and operators only.
import { signUpAs, createOperatorUser, type TestUser } from '../helpers/actors';
import { buyThroughStripe, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let seller: TestUser;
let buyer: TestUser;
let soldLead: string;
let saleId: string;
let otherLead: string;
beforeAll(async () => {
  app = await startTestApp({ label: 'seller-history', stripe: true });
  seller = await signUpAs(app, 'SELLER');
  buyer = await signUpAs(app, 'BUYER');
  const actor = { userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER' as const, via: 'session' as const };
  const ids = await listLeads(app, actor, [
    sharedLead(2, { externalId: 'crm-sold-1', city: 'Los Angeles' }),
    exclusiveLead({ externalId: 'crm-other-2', city: 'San Diego' }),
  ]);
  [soldLead, otherLead] = [ids[0]!, ids[1]!];
  const { purchases } = await buyThroughStripe(app, { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' }, [soldLead]);
  saleId = purchases[0]!.id;
  await app.client(buyer).request('mutation($input: OpenDisputeInput!) { openDispute(input: $input) { id } }', {
    input: { purchaseId: saleId, reason: 'INVALID_CONTACT', evidence: 'No such number' },
  });
});
afterAll(() => app.close());

const LISTINGS = 'query($search: String) { myListings(search: $search, first: 10) { totalCount edges { node { id } } } }';
const SALES = 'query($search: String) { mySales(search: $search, first: 10) { totalCount edges { node { id lead { id } } } } }';
const HISTORY = `query($id: ID!) { lead(id: $id) { history { at kind detail severity amount { amount } saleId disputeReason disputeStatus } } }`;

describe('searching listings and sales', () => {
  it('finds a listing by external id, city, lead id prefix and nothing for other text', async () => {
    const search = async (text: string) =>
      (await app.client(seller).request<{ myListings: { totalCount: number; edges: { node: { id: string } }[] } }>(LISTINGS, { search: text })).myListings;
    expect((await search('crm-sold')).edges.map((e) => e.node.id)).toEqual([soldLead]);
    expect((await search('san diego')).edges.map((e) => e.node.id)).toEqual([otherLead]);
    expect((await search(otherLead)).edges.map((e) => e.node.id)).toEqual([otherLead]);
    expect((await search('nothing-like-it')).totalCount).toBe(0);
    // LIKE wildcards are matched as themselves
    expect((await search('%')).totalCount).toBe(0);
    expect((await search('  ')).totalCount).toBe(2);
  });

  it('finds a sale by its id or by its lead', async () => {
    const search = async (text: string) =>
      (await app.client(seller).request<{ mySales: { totalCount: number; edges: { node: { id: string } }[] } }>(SALES, { search: text })).mySales;
    expect((await search(saleId)).edges.map((e) => e.node.id)).toEqual([saleId]);
    expect((await search('crm-sold-1')).edges.map((e) => e.node.id)).toEqual([saleId]);
    expect((await search('crm-other')).totalCount).toBe(0);
  });

  it('refuses a search over 100 characters as BAD_USER_INPUT naming search', async () => {
    await expect(app.client(seller).request(LISTINGS, { search: 'x'.repeat(101) })).rejects.toMatchObject({
      response: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] },
    });
  });
});

describe("a lead's history", () => {
  it('tells the seller the lead was submitted, checked, listed, sold and returned, oldest first', async () => {
    const { lead } = await app
      .client(seller)
      .request<{ lead: { history: { kind: string; saleId: string | null; amount: { amount: string } | null; disputeReason: string | null }[] } }>(HISTORY, {
        id: soldLead,
      });
    const kinds = lead.history.map((e) => e.kind);
    expect(kinds[0]).toBe('SUBMITTED');
    expect(kinds).toEqual(expect.arrayContaining(['LISTED', 'SOLD', 'DISPUTE_OPENED']));
    expect(kinds.indexOf('LISTED')).toBeLessThan(kinds.indexOf('SOLD'));
    expect(kinds.indexOf('SOLD')).toBeLessThan(kinds.indexOf('DISPUTE_OPENED'));
    const sold = lead.history.find((e) => e.kind === 'SOLD')!;
    expect(sold).toMatchObject({ saleId, amount: { amount: expect.stringMatching(/^\d+\.\d{2}$/) } });
    expect(lead.history.find((e) => e.kind === 'DISPUTE_OPENED')).toMatchObject({ saleId, disputeReason: 'INVALID_CONTACT' });
  });

  it('is there for operators and null for the buyer', async () => {
    const operator = await createOperatorUser(app);
    const asOperator = await app.client(operator).request<{ lead: { history: unknown[] } }>(HISTORY, { id: soldLead });
    expect(asOperator.lead.history.length).toBeGreaterThan(2);
    const asBuyer = await app.client(buyer).request<{ lead: { history: unknown } }>(HISTORY, { id: soldLead });
    expect(asBuyer.lead.history).toBeNull();
  });
});
