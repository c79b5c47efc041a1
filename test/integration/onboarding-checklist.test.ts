// The first-run checklist (issue 15): every item is ticked from what the organisation really did.
import { eq, schema } from '@leadex/db';
import { signUpAs, type TestUser } from '../helpers/actors';
import { exclusiveLead, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'onboarding', stripe: true, env: { WEBHOOK_ALLOW_HOSTS: '127.0.0.1:9' } });
});
afterAll(() => app.close());

const CHECKLIST = '{ onboardingChecklist { complete items { step done } } }';
async function doneSteps(user: TestUser): Promise<{ done: string[]; complete: boolean; steps: string[] }> {
  const { onboardingChecklist: c } = await app
    .client(user)
    .request<{ onboardingChecklist: { complete: boolean; items: { step: string; done: boolean }[] } }>(CHECKLIST);
  return { done: c.items.filter((i) => i.done).map((i) => i.step), complete: c.complete, steps: c.items.map((i) => i.step) };
}
const actorOf = (u: TestUser, role: 'SELLER' | 'BUYER') => ({ userId: u.userId, organizationId: u.organizationId, role, via: 'session' as const });

describe('onboardingChecklist', () => {
  it("ticks a seller's steps as they add a lead, create an API key and get payouts enabled", async () => {
    const seller = await signUpAs(app, 'SELLER');
    expect(await doneSteps(seller)).toEqual({ done: [], complete: false, steps: ['ADD_LEAD', 'CONNECT_PAYOUTS', 'CREATE_API_KEY'] });

    await listLeads(app, actorOf(seller, 'SELLER'), [exclusiveLead()]);
    const { createApiKey } = await app
      .client(seller)
      .request<{ createApiKey: { apiKey: { id: string } } }>('mutation { createApiKey(name: "CRM") { apiKey { id } } }');
    expect((await doneSteps(seller)).done).toEqual(['ADD_LEAD', 'CREATE_API_KEY']);

    // a revoked key does not count
    await app.client(seller).request('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: createApiKey.apiKey.id });
    expect((await doneSteps(seller)).done).toEqual(['ADD_LEAD']);

    // connected is not enough; Stripe's account.updated enabling payouts is
    await app.client(seller).request('mutation { connectPayoutAccount { url } }');
    expect((await doneSteps(seller)).done).toEqual(['ADD_LEAD']);
    await app.runtime.deps.db.update(schema.organizations).set({ stripePayoutsEnabled: true }).where(eq(schema.organizations.id, seller.organizationId));
    await app.client(seller).request('mutation { createApiKey(name: "Site") { apiKey { id } } }');
    expect(await doneSteps(seller)).toMatchObject({ done: ['ADD_LEAD', 'CONNECT_PAYOUTS', 'CREATE_API_KEY'], complete: true });
  });

  it("ticks a buyer's steps from orders, campaigns and endpoints, and only their own", async () => {
    const seller = await signUpAs(app, 'SELLER', 'lister');
    const buyer = await signUpAs(app, 'BUYER');
    const other = await signUpAs(app, 'BUYER', 'other');
    expect(await doneSteps(buyer)).toEqual({ done: [], complete: false, steps: ['BROWSE_MARKETPLACE', 'BUY_OR_TOP_UP', 'CREATE_CAMPAIGN', 'SET_WEBHOOK'] });

    const [leadId] = await listLeads(app, actorOf(seller, 'SELLER'), [exclusiveLead()]);
    await app.client(buyer).request('mutation($ids: [ID!]) { createOrder(input: { leadIds: $ids }) { id } }', { ids: [leadId] });
    expect((await doneSteps(buyer)).done).toEqual(['BROWSE_MARKETPLACE']);

    await app.client(buyer).request('mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }', {
      input: { name: 'Starter', filter: { segments: ['FINANCE'] }, maxBid: '20.00', exclusivity: 'SHARED' },
    });
    await app.client(buyer).request('mutation { setWebhookEndpoint(url: "http://127.0.0.1:9/hook") { id } }');
    expect((await doneSteps(buyer)).done).toEqual(['BROWSE_MARKETPLACE', 'CREATE_CAMPAIGN', 'SET_WEBHOOK']);

    // a paid top-up is buying's other half
    await app.runtime.deps.db
      .insert(schema.walletTopUps)
      .values({ id: 'wtu_onboarding1', buyerOrgId: buyer.organizationId, amount: 10_000, currency: 'USD', status: 'PAID', createdAt: new Date() });
    expect(await doneSteps(buyer)).toMatchObject({ complete: true });
    expect((await doneSteps(other)).done).toEqual([]);
  });

  it('is refused to operators and API keys', async () => {
    const { createOperatorUser } = await import('../helpers/actors');
    const operator = await createOperatorUser(app);
    await expect(app.client(operator).request(CHECKLIST)).rejects.toMatchObject({ response: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
  });
});
