// The audit log (issue 16): every listed action leaves one entry, written in the action's transaction; operators
// read and filter all of it, an organisation's users only their own organisation's; CSV export; append-only.
import { createApiKey, revokeApiKey, signIn } from '@leadex/core/domain/auth/auth.service';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { refundAcceptedDispute } from '@leadex/core/domain/disputes/refund-dispute';
import { resolveDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import { setBuyerReturnPolicy, setReturnPolicy } from '@leadex/core/domain/disputes/return-policies.service';
import { eraseLeadContact } from '@leadex/core/domain/leads/lead-actions';
import { setCommissionRate, setPriceFactors, setPriceGrid } from '@leadex/core/domain/pricing/pricing.service';
import { runSettlement } from '@leadex/core/domain/settlement/run-settlement';
import { setSegmentPolicy, setSellerSuspended } from '@leadex/core/domain/verification/seller-quality.service';
import { recordAudit } from '@leadex/core/domain/audit/record-audit';
import { eq, schema, sql } from '@leadex/db';
import { signUpAs, type TestUser } from '../helpers/actors';
import { createBuyerActors, listLeads, sharedLead } from '../helpers/market-fixtures';
import { asActor, onboardedSeller, operatorActor, sellAndBuy, type UserActor } from '../helpers/money-path-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let operator: UserActor;
let seller: UserActor;
let buyer: UserActor;
let purchaseId: string;
let leadId: string;
let sellerUser: TestUser;

const AUDIT = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at action actorUserId actorRole targetType targetId targetOrganizationId requestId details } }
  }
}`;
interface Entry {
  id: string;
  action: string;
  actorUserId: string | null;
  actorRole: string;
  targetType: string;
  targetId: string | null;
  targetOrganizationId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}
interface AuditAnswer {
  auditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Entry }[] };
}

let operatorToken: string;
async function auditAs(token: string, filter: Record<string, unknown> = {}, first = 100) {
  const res = await app.client({ token }).request<AuditAnswer>(AUDIT, { filter, first });
  return res.auditLog;
}
const actions = (page: { edges: { node: Entry }[] }) => page.edges.map((e) => e.node.action);

beforeAll(async () => {
  app = await startTestApp({ label: 'audit', stripe: true, env: { MIN_PAYOUT: '1.00' } });
  operator = await operatorActor(app);
  operatorToken = (
    (await signIn(
      app.runtime.deps,
      (await app.runtime.deps.db.select().from(schema.users).where(eq(schema.users.id, operator.userId)))[0]!.email,
      'correct horse battery staple',
      '127.0.0.1',
    )) as { token: string }
  ).token;
  seller = await onboardedSeller(app);
  const sold = await sellAndBuy(app, seller, [['AUTO_TEST_DRIVE', '20.00']]);
  buyer = sold.buyer;
  purchaseId = sold.purchases[0]!.id;
  leadId = sold.purchases[0]!.leadId;
});
afterAll(() => app.close());

describe('audit entries for each listed action', () => {
  it('records the order paid by Stripe, as the system, for the buyer', async () => {
    const page = await auditAs(operatorToken, { action: 'order.paid', organizationId: buyer.organizationId });
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]!.node).toMatchObject({
      actorRole: 'SYSTEM',
      targetType: 'order',
      targetOrganizationId: buyer.organizationId,
      details: { via: 'STRIPE', leads: 1 },
    });
  });

  it('records a contact read with the request id the actor carries, beside contact_reads', async () => {
    const { readLeadContact } = await import('@leadex/core/domain/leads/read-contact');
    const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadId));
    await readLeadContact(app.runtime.deps, { ...buyer, requestId: 'req-audit-1' }, lead!);
    const reads = await auditAs(operatorToken, { action: 'contact.read', targetId: leadId });
    expect(reads.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({
        actorUserId: buyer.userId,
        targetOrganizationId: buyer.organizationId,
        requestId: 'req-audit-1',
        details: { purpose: 'BUYER' },
      }),
    );
    // the contact_reads trace is kept beside it
    const kept = await app.runtime.deps.db.select().from(schema.contactReads).where(eq(schema.contactReads.leadId, leadId));
    expect(kept.length).toBeGreaterThan(0);
  });

  it('records the request id of a GraphQL request on the actor', async () => {
    const res = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operatorToken}`, 'x-request-id': 'req-gql-42' },
      body: JSON.stringify({ query: 'mutation { setCommissionRate(segment: "EDUCATION", rate: "0.25") { code } }' }),
    });
    expect(res.ok).toBe(true);
    const page = await auditAs(operatorToken, { action: 'commission.set' });
    expect(page.edges[0]!.node).toMatchObject({
      actorUserId: operator.userId,
      actorRole: 'OPERATOR',
      targetId: 'EDUCATION',
      requestId: 'req-gql-42',
      details: { commissionBps: 2500 },
    });
  });

  it('records a dispute resolved and the refund issued', async () => {
    const dispute = await openDispute(app.runtime.deps, buyer, { purchaseId, reason: 'OTHER', evidence: 'wrong person' });
    await resolveDispute(app.runtime.deps, operator, dispute.id, 'ACCEPT', null, 'ok');
    expect(await refundAcceptedDispute(app.runtime.deps, dispute.id)).toBe('SUCCEEDED');
    const resolved = await auditAs(operatorToken, { action: 'dispute.resolved', targetId: dispute.id });
    expect(resolved.edges[0]!.node).toMatchObject({
      actorUserId: operator.userId,
      targetOrganizationId: buyer.organizationId,
      details: { decision: 'ACCEPT' },
    });
    const refunds = await auditAs(operatorToken, { action: 'refund.issued', organizationId: buyer.organizationId });
    expect(refunds.edges[0]!.node).toMatchObject({ actorRole: 'SYSTEM', targetType: 'refund', details: { disputeId: dispute.id, destination: 'STRIPE' } });
  });

  it('records price, commission and policy edits and suspensions', async () => {
    const deps = app.runtime.deps;
    await setPriceGrid(deps, operator, [{ segment: 'EDUCATION', geoTier: 'TIER_1', baseAmount: '9.00' }]);
    await setPriceFactors(deps, operator, [{ name: 'TEMPERATURE_HOT', value: '1.3' }]);
    await setCommissionRate(deps, operator, 'FINANCE', '0.2');
    await setSegmentPolicy(deps, operator, 'EDUCATION', { verificationProvider: 'manual' });
    await setReturnPolicy(deps, operator, 'EDUCATION', { windowHours: 48 });
    await setBuyerReturnPolicy(deps, operator, buyer.organizationId, { maxReturnRatePercent: 30 });
    const other = asActor(await signUpAs(app, 'SELLER'), 'SELLER');
    await setSellerSuspended(deps, operator, other.organizationId, true);
    await setSellerSuspended(deps, operator, other.organizationId, false);
    const seen = actions(await auditAs(operatorToken, { actorUserId: operator.userId }));
    for (const a of [
      'price_grid.set',
      'price_factors.set',
      'commission.set',
      'segment_policy.set',
      'return_policy.set',
      'buyer_return_policy.set',
      'seller.suspended',
      'seller.reinstated',
    ])
      expect(seen).toContain(a);
    const otherOrg = await auditAs(operatorToken, { organizationId: other.organizationId });
    expect(actions(otherOrg).sort()).toEqual(['seller.reinstated', 'seller.suspended']);
  });

  it('records API keys created and revoked, and sign-ins that worked and failed', async () => {
    const deps = app.runtime.deps;
    const { apiKey, key } = await createApiKey(deps, seller, { name: 'crm' });
    await revokeApiKey(deps, seller, apiKey.id);
    sellerUser = (await deps.db.select().from(schema.users).where(eq(schema.users.id, seller.userId))).map((u) => ({
      token: '',
      userId: u.id,
      organizationId: u.organizationId,
      email: u.email,
    }))[0]!;
    const session = (await signIn(deps, sellerUser.email, 'correct horse battery staple', '10.0.0.9', null, 'req-sign-in')) as { token: string };
    sellerUser.token = session.token;
    await expect(signIn(deps, sellerUser.email, 'wrong password!', '10.0.0.9', null, 'req-bad')).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    const own = await auditAs(sellerUser.token, {});
    expect(actions(own)).toEqual(expect.arrayContaining(['api_key.created', 'api_key.revoked', 'session.signed_in', 'session.sign_in_failed']));
    const failed = own.edges.find((e) => e.node.action === 'session.sign_in_failed')!.node;
    expect(failed).toMatchObject({ actorRole: 'ANONYMOUS', targetId: seller.userId, requestId: 'req-bad', details: { ip: '10.0.0.9', knownAccount: true } });
    // the key itself is never in the log
    expect(JSON.stringify(own)).not.toContain(key);
  });

  it('records settlement runs and payouts', async () => {
    // the first sale was refunded above: another one gives the seller something to be paid
    await sellAndBuy(app, seller, [['AUTO_TEST_DRIVE', '20.00']]);
    const later = new Date(Date.now() + 30 * 86_400_000);
    await runSettlement({ ...app.runtime.deps, clock: () => later }, later);
    const ops = actions(await auditAs(operatorToken, { action: 'settlement.run' }));
    expect(ops).toContain('settlement.run');
    const payouts = await auditAs(operatorToken, { action: 'payout.*', organizationId: seller.organizationId });
    expect(actions(payouts).sort()).toEqual(['payout.recorded', 'payout.sent']);
  });

  it('records a wallet top-up paid through Stripe', async () => {
    const [walletBuyer] = await createBuyerActors(app, 1);
    const { topUpWallet } = await import('@leadex/core/domain/exchange/wallet.service');
    const checkout = await topUpWallet(app.runtime.deps, walletBuyer!, '30.00');
    await fetch(`${app.stripe!.url}/_standin/checkout/${checkout.sessionId}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await app.stripe!.deliverPendingEvents();
    const page = await auditAs(operatorToken, { action: 'wallet.top_up', organizationId: walletBuyer!.organizationId });
    expect(page.edges[0]!.node).toMatchObject({ targetType: 'wallet_top_up', details: { amount: 3000 } });
  });

  it('records an erasure of contact data for the seller', async () => {
    const [id] = await listLeads(app, seller, [sharedLead(2)]);
    await eraseLeadContact(app.runtime.deps, operator, id!);
    const page = await auditAs(operatorToken, { action: 'contact.erased', targetId: id });
    expect(page.edges[0]!.node).toMatchObject({ actorUserId: operator.userId, targetOrganizationId: seller.organizationId, details: { purpose: 'ERASURE' } });
  });
});

describe('who reads what', () => {
  it("shows an organisation's users their own organisation's entries only, without other organisations' people", async () => {
    const own = await auditAs(sellerUser.token, {});
    expect(own.totalCount).toBeGreaterThan(0);
    expect(own.edges.every((e) => e.node.targetOrganizationId === seller.organizationId)).toBe(true);
    // the operator who erased the seller's lead is named by role only
    const erased = own.edges.find((e) => e.node.action === 'contact.erased')!.node;
    expect(erased).toMatchObject({ actorUserId: null, actorRole: 'OPERATOR' });
    const refused = await app
      .client({ token: sellerUser.token })
      .request(AUDIT, { filter: { organizationId: buyer.organizationId } })
      .catch((e: { response: { errors: { extensions: unknown }[] } }) => e.response.errors[0]!.extensions);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'filter.organizationId' }] });
  });

  it('filters by date, search and pages with a cursor; bad dates are BAD_USER_INPUT on the field', async () => {
    const all = await auditAs(operatorToken, {});
    const first = await auditAs(operatorToken, {}, 2);
    expect(first.edges).toHaveLength(2);
    const next = await app.client({ token: operatorToken }).request<AuditAnswer>(AUDIT, { first: 2, after: first.pageInfo.endCursor });
    expect(next.auditLog.edges[0]!.node.id).toBe(all.edges[2]!.node.id);
    expect((await auditAs(operatorToken, { to: '2000-01-01' })).totalCount).toBe(0);
    expect((await auditAs(operatorToken, { from: new Date(Date.now() - 3_600_000).toISOString() })).totalCount).toBe(all.totalCount);
    expect(actions(await auditAs(operatorToken, { search: 'req-gql-42' }))).toEqual(['commission.set']);
    const bad = await app
      .client({ token: operatorToken })
      .request(AUDIT, { filter: { from: '2026-02-31', action: 'nope' } })
      .catch((e: { response: { errors: { extensions: { code: string; fields: { path: string }[] } }[] } }) => e.response.errors[0]!.extensions);
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((bad as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual(['filter.action', 'filter.from']);
  });

  it('exports CSV with the same filter and scope, formula-safe', async () => {
    const res = await fetch(`${app.url}/audit.csv?action=api_key.created`, { headers: { authorization: `Bearer ${sellerUser.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^id,at,action,actor_role/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('api_key.created');
    const theirs = await fetch(`${app.url}/audit.csv?organizationId=${buyer.organizationId}`, { headers: { authorization: `Bearer ${sellerUser.token}` } });
    expect(theirs.status).toBe(403);
    const bad = await fetch(`${app.url}/audit.csv?to=yesterday`, { headers: { authorization: `Bearer ${operatorToken}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe('filter.to');
    expect((await fetch(`${app.url}/audit.csv`)).status).toBe(401);
    // a key named like a formula is written as text
    await createApiKey(app.runtime.deps, seller, { name: '=HYPERLINK("x")' });
    const csv = await (await fetch(`${app.url}/audit.csv?action=api_key.created`, { headers: { authorization: `Bearer ${operatorToken}` } })).text();
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('append-only, same transaction', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on audit_log in Postgres', async () => {
    const db = app.runtime.deps.db;
    await expect(db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    await expect(db.execute(sql`TRUNCATE audit_log`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
  });

  it('leaves no entry for an action that rolled back', async () => {
    const db = app.runtime.deps.db;
    const before = (await auditAs(operatorToken, {})).totalCount;
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, { actor: operator, action: 'commission.set', target: { type: 'segment', id: 'FINANCE', organizationId: null }, at: new Date() });
        throw new Error('the action failed after writing its entry');
      }),
    ).rejects.toThrow(/action failed/);
    // a domain action refused half-way (unknown seller) writes nothing either
    await expect(setSellerSuspended(app.runtime.deps, operator, buyer.organizationId, true)).rejects.toMatchObject({ code: 'SELLER_NOT_FOUND' });
    expect((await auditAs(operatorToken, {})).totalCount).toBe(before);
  });
});
