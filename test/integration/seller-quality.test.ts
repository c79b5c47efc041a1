// Seller quality learns from every piece of evidence (issue 11 §4): automatic checks per lead, disputes and
// buyers' outcomes, recomputed from the database in the transaction that adds the evidence.
import { ping, post } from '@leadex/core/domain/exchange/ping-post';
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { runSpotCheck } from '@leadex/core';
import { eq, schema } from '@leadex/db';
import { validLead } from '../fixtures/leads';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { campaign, fundWallet } from '../helpers/exchange-fixtures';
import { buyThroughStripe, createBuyerActors, createSellerActor, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

const SELLER_QUALITY = `{ sellerQuality { id qualityScore suspended evidenceCount qualityUpperBound
  evidence { automaticPassed automaticFailed samplePassed sampleFailed disputeUpheld disputeRejected contacted qualified converted lostDenied } } }`;
const OPEN = `mutation($input: OpenDisputeInput!) { openDispute(input: $input) { id status } }`;
const RESOLVE = `mutation($id: ID!, $decision: DisputeDecision!) { resolveDispute(id: $id, decision: $decision) { id status } }`;
const OUTCOME = `mutation($id: ID!, $outcome: LeadOutcome!, $reason: String) { updateLeadOutcome(purchaseId: $id, outcome: $outcome, reason: $reason) { id outcome } }`;

type Quality = { id: string; qualityScore: number; suspended: boolean; evidenceCount: number; qualityUpperBound: number; evidence: Record<string, number> };

let app: TestApp;
let operator: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'sellerquality', stripe: true, workers: true });
  operator = await createOperatorUser(app);
});
afterAll(() => app.close());

async function qualityOf(sellerOrgId: string): Promise<Quality> {
  const { sellerQuality } = await app.client(operator).request<{ sellerQuality: Quality[] }>(SELLER_QUALITY);
  const row = sellerQuality.find((q) => q.id === sellerOrgId)!;
  // the stored score (what buyers read as SellerProfile.qualityScore) is the one the operator sees
  const [org] = await app.runtime.deps.db.select().from(schema.organizations).where(eq(schema.organizations.id, sellerOrgId));
  expect(org).toMatchObject({ qualityScore: row.qualityScore, suspended: row.suspended });
  return row;
}

// a made-up name fails the automatic PLAUSIBLE_NAME check
const pseudoLead = (extra: Record<string, unknown> = {}) => validLead({ fullName: 'Test User', ...extra });

describe('seller quality from every piece of evidence', () => {
  it('moves a seller with a long clean record a little for four bad ping-post leads, and does not suspend them', async () => {
    const seller = await createSellerActor(app);
    await listLeads(
      app,
      seller,
      Array.from({ length: 200 }, () => validLead()),
    );
    const before = await qualityOf(seller.organizationId);
    // Beta(8 + 200 × 0.5, 2) = Beta(108, 2)
    expect(before).toMatchObject({ qualityScore: 98, evidenceCount: 200, suspended: false, evidence: expect.objectContaining({ automaticPassed: 200 }) });

    const [buyer] = await createBuyerActors(app, 1);
    await fundWallet(app, buyer!, '500.00');
    const city = 'Pasadena';
    await campaign(buyer!, app, { maxBid: '300.00', filter: { cities: [city] } });
    const fields = { segment: 'AUTO_TEST_DRIVE', country: 'US', region: 'US-CA', city, kind: 'INTERESTED', temperature: 'HOT', exclusivity: 'EXCLUSIVE' };
    for (let i = 0; i < 4; i++) {
      const offer = await ping(app.runtime.deps, seller, fields);
      expect({ i, offer: !!offer }).toEqual({ i, offer: true }); // still not suspended: the exchange still bids
      const result = await post(app.runtime.deps, seller, offer!.id, pseudoLead(fields));
      expect(result.lead?.verification).not.toBe('VERIFIED');
    }
    const after = await qualityOf(seller.organizationId);
    // Beta(108, 6): 95, upper bound 97.7%
    expect(after).toMatchObject({
      qualityScore: 95,
      suspended: false,
      evidenceCount: 204,
      evidence: expect.objectContaining({ automaticPassed: 200, automaticFailed: 4 }),
    });
    expect(before.qualityScore - after.qualityScore).toBeLessThanOrEqual(3);
    expect(after.qualityUpperBound).toBeGreaterThan(97);
  });

  it("moves a new seller's score a lot for one bad batch, and suspends only on strong evidence", async () => {
    const seller = await createSellerActor(app);
    const batch = await submitLeads(
      app.runtime.deps,
      seller,
      Array.from({ length: 5 }, () => pseudoLead()),
      { source: 'GRAPHQL', shapeErrors: 'refuse-request' },
    );
    await runSpotCheck(app.runtime.deps, batch.id);
    const first = await qualityOf(seller.organizationId);
    // Beta(8, 2 + 5) = 53: 27 points down from the prior's 80, but five leads are not strong evidence
    expect(first).toMatchObject({
      qualityScore: 53,
      suspended: false,
      evidenceCount: 5,
      evidence: expect.objectContaining({ automaticFailed: 5, automaticPassed: 0 }),
    });

    const more = await submitLeads(
      app.runtime.deps,
      seller,
      Array.from({ length: 10 }, () => pseudoLead()),
      { source: 'GRAPHQL', shapeErrors: 'refuse-request' },
    );
    await runSpotCheck(app.runtime.deps, more.id);
    // Beta(8, 17): 32, upper bound 47.7% < 50%
    const second = await qualityOf(seller.organizationId);
    expect(second).toMatchObject({ qualityScore: 32, suspended: true, evidenceCount: 15 });
    expect(second.qualityUpperBound).toBeLessThan(50);
  });

  it('counts upheld disputes and "never asked" outcomes against the seller, refusals to buy not at all', async () => {
    const seller = await createSellerActor(app);
    const buyer = await signUpAs(app, 'BUYER', 'outcomes');
    const leadIds = await listLeads(
      app,
      seller,
      Array.from({ length: 6 }, () => validLead()),
    );
    const { purchases } = await buyThroughStripe(
      app,
      { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' },
      leadIds.slice(0, 4),
    );
    const [denied, disputed, refusedToBuy, converted] = purchases.map((p) => p.id);
    // Beta(8 + 6 × 0.5, 2) = Beta(11, 2): 85
    expect((await qualityOf(seller.organizationId)).qualityScore).toBe(85);

    await app.client(buyer).request(OUTCOME, { id: denied, outcome: 'LOST', reason: 'She says she never asked to be contacted' });
    // β + 2 → Beta(11, 4): 73
    expect((await qualityOf(seller.organizationId)).qualityScore).toBe(73);

    const { openDispute } = await app.client(buyer).request<{ openDispute: { id: string; status: string } }>(OPEN, {
      input: { purchaseId: disputed, reason: 'OUT_OF_GEO', evidence: 'Lives in another state' },
    });
    expect(openDispute.status).toBe('OPEN');
    await app.client(operator).request(RESOLVE, { id: openDispute.id, decision: 'ACCEPT' });
    // β + 4 → Beta(11, 8): 58
    expect((await qualityOf(seller.organizationId)).qualityScore).toBe(58);

    await app.client(buyer).request(OUTCOME, { id: refusedToBuy, outcome: 'LOST', reason: 'refused to buy: too expensive' });
    expect((await qualityOf(seller.organizationId)).qualityScore).toBe(58);
    const rejected = await app
      .client(buyer)
      .request<{ openDispute: { id: string } }>(OPEN, { input: { purchaseId: refusedToBuy, reason: 'FAKE', evidence: 'Did not want to buy' } });
    await app.client(operator).request(RESOLVE, { id: rejected.openDispute.id, decision: 'REJECT' });
    await app.client(buyer).request(OUTCOME, { id: converted, outcome: 'CONVERTED' });
    // α + 0.5 (rejected dispute) + 2 (converted) → Beta(13.5, 8): 63
    const last = await qualityOf(seller.organizationId);
    expect(last).toMatchObject({
      qualityScore: 63,
      suspended: false,
      evidenceCount: 10,
      evidence: {
        automaticPassed: 6,
        automaticFailed: 0,
        samplePassed: 0,
        sampleFailed: 0,
        disputeUpheld: 1,
        disputeRejected: 1,
        contacted: 0,
        qualified: 0,
        converted: 1,
        lostDenied: 1,
      },
    });
    // an upheld dispute's sale does not count its outcome again
    await app.client(buyer).request(OUTCOME, { id: disputed, outcome: 'LOST', reason: 'never asked' });
    expect(await qualityOf(seller.organizationId)).toMatchObject({ qualityScore: 63, evidenceCount: 10 });
  });

  it("counts the operator's calls on a sampled batch: a person reached for, a wrong number against, no answer not at all", async () => {
    await app.client(operator).request('mutation { setSegmentPolicy(segment: "EDUCATION", verificationProvider: manual) { code } }');
    const seller = await createSellerActor(app);
    const education = () => validLead({ segment: 'EDUCATION', subsegment: 'COURSE', attributes: { subject: 'Statistics' } });
    const batch = await submitLeads(app.runtime.deps, seller, Array.from({ length: 10 }, education), { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
    expect(await runSpotCheck(app.runtime.deps, batch.id)).toBeNull(); // waiting for the operators' calls
    const { verificationTasks } = await app
      .client(operator)
      .request<{ verificationTasks: { id: string; batchId: string }[] }>('{ verificationTasks { id batchId } }');
    const tasks = verificationTasks.filter((t) => t.batchId === batch.id);
    expect(tasks).toHaveLength(3);
    const RECORD = 'mutation($id: ID!, $o: CallOutcome!) { recordVerificationOutcome(taskId: $id, outcome: $o) { batchVerdict } }';
    for (const [i, o] of ['REACHABLE', 'NO_ANSWER', 'WRONG_NUMBER'].entries()) await app.client(operator).request(RECORD, { id: tasks[i]!.id, o });
    // 10 × 0.5 + 2 (reached) → α = 15; 3 (wrong number) → β = 5: 75
    expect(await qualityOf(seller.organizationId)).toMatchObject({
      qualityScore: 75,
      evidenceCount: 12,
      evidence: expect.objectContaining({ automaticPassed: 10, samplePassed: 1, sampleFailed: 1 }),
    });
    await app.client(operator).request('mutation { setSegmentPolicy(segment: "EDUCATION", verificationProvider: automatic) { code } }');
  });
});
