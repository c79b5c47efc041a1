// Finding 15 (part): setSellerSuspended wrote before it refused (a buyer's organization could be "suspended"),
// and sellers could read the free-text reason a buyer wrote in their CRM when marking a lead LOST.
import { schema } from '@leadex/db';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { buyThroughStripe, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { errorOf } from '../helpers/graphql-errors';

let app: TestApp;
let operator: TestUser;
let seller: TestUser;
let buyer: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'suspension-and-notes', stripe: true });
  operator = await createOperatorUser(app);
  seller = await signUpAs(app, 'SELLER');
  buyer = await signUpAs(app, 'BUYER');
});
afterAll(() => app.close());

const SUSPEND = 'mutation($id: ID!, $s: Boolean!) { setSellerSuspended(organizationId: $id, suspended: $s) { id suspended } }';
const organizationsSnapshot = async () => JSON.stringify(await app.runtime.deps.db.select().from(schema.organizations).orderBy(schema.organizations.id));

describe('setSellerSuspended', () => {
  it.each([
    ["a buyer's organization", () => buyer.organizationId],
    ["the operators' own organization", () => operator.organizationId],
    ['an unknown id', () => 'org_doesnotexist'],
  ])('refuses %s as NOT_FOUND and writes nothing', async (_what, id) => {
    const before = await organizationsSnapshot();
    const err = await errorOf(app.client(operator).request(SUSPEND, { id: id(), s: true }));
    expect(err.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SELLER_NOT_FOUND' });
    expect(await organizationsSnapshot()).toBe(before);
  });

  it('refuses anyone but an operator before looking at the id', async () => {
    const before = await organizationsSnapshot();
    expect((await errorOf(app.client(seller).request(SUSPEND, { id: seller.organizationId, s: true }))).extensions?.code).toBe('FORBIDDEN');
    expect(await organizationsSnapshot()).toBe(before);
  });

  it('suspends and restores a seller', async () => {
    const other = await signUpAs(app, 'SELLER', 'other');
    expect(await app.client(operator).request(SUSPEND, { id: other.organizationId, s: true })).toEqual({
      setSellerSuspended: { id: other.organizationId, suspended: true },
    });
    expect(await app.client(operator).request(SUSPEND, { id: other.organizationId, s: false })).toEqual({
      setSellerSuspended: { id: other.organizationId, suspended: false },
    });
  });
});

describe("a buyer's CRM notes", () => {
  const NOTE = 'Chose a competitor after our call; cousin works there';

  it('are private to the buyer: the seller sees the outcome but never the reason, through any query', async () => {
    const sellerActor = { userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER' as const, via: 'session' as const };
    const [leadId] = await listLeads(app, sellerActor, [sharedLead(2)]);
    const { purchases } = await buyThroughStripe(app, { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' }, [leadId!]);
    const purchaseId = purchases[0]!.id;
    await app
      .client(buyer)
      .request('mutation($id: ID!, $r: String) { updateLeadOutcome(purchaseId: $id, outcome: LOST, reason: $r) { id } }', { id: purchaseId, r: NOTE });
    // a dispute makes the purchase reachable from the seller's side (Dispute.purchase)
    await app.client(buyer).request('mutation($input: OpenDisputeInput!) { openDispute(input: $input) { id } }', {
      input: { purchaseId, reason: 'NOT_INTERESTED', evidence: 'not interested after all' },
    });

    const { myPurchases } = await app
      .client(buyer)
      .request<{ myPurchases: { edges: { node: { outcome: string; outcomeReason: string | null } }[] } }>(
        '{ myPurchases { edges { node { outcome outcomeReason } } } }',
      );
    expect(myPurchases.edges[0]!.node).toEqual({ outcome: 'LOST', outcomeReason: NOTE });

    const sellerSees = [
      await app
        .client(seller)
        .request<{ disputes: { edges: { node: { purchase: { outcome: string; outcomeReason: string | null } } }[] } }>(
          '{ disputes { edges { node { evidence purchase { id outcome outcomeReason status lead { id } } } } } }',
        ),
      await app
        .client(seller)
        .request<{ mySales: { edges: { node: { outcome: string } }[] } }>('{ mySales { edges { node { id outcome status lead { id status } } } } }'),
      await app.client(seller).request(`{ lead(id: "${leadId}") { id status salesCount } }`),
      await app.client(seller).request('{ myListings { edges { node { id attributes } } } }'),
    ];
    const [disputes, sales] = sellerSees as [
      { disputes: { edges: { node: { purchase: { outcome: string; outcomeReason: string | null } } }[] } },
      { mySales: { edges: { node: { outcome: string } }[] } },
    ];
    expect(disputes.disputes.edges[0]!.node.purchase).toMatchObject({ outcome: 'LOST', outcomeReason: null });
    expect(sales.mySales.edges[0]!.node.outcome).toBe('LOST');
    expect(JSON.stringify(sellerSees)).not.toContain('competitor');
  });
});
