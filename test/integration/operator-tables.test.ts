// The operators' searchable tables and overview (issue 15): sellers, ledger accounts and spot-check tasks
// searched and paged by offset, disputes searched, the overview's figures, and bad inputs refused as such.
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { runSpotCheck } from '@leadex/core';
import { schema } from '@leadex/db';
import { randomBytes } from 'node:crypto';
import { validLead } from '../fixtures/leads';
import { createOperatorUser, type TestUser } from '../helpers/actors';
import { fundWallet } from '../helpers/exchange-fixtures';
import { errorOf } from '../helpers/graphql-errors';
import { buyThroughStripe, createBuyerActors, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

const SELLERS = `query($search: String, $first: Int, $offset: Int) {
  sellers(search: $search, first: $first, offset: $offset) { totalCount items { id name emailDomain qualityScore suspended listedLeads } } }`;
const LEDGER = `query($search: String, $first: Int, $offset: Int) {
  ledgerAccounts(search: $search, first: $first, offset: $offset) {
    totalCount items { account kind normalBalance organization { id name } balance { amount currencyCode } postings } } }`;
const TASKS = `query($status: VerificationTaskStatus, $search: String, $first: Int, $offset: Int) {
  verificationTaskPage(status: $status, search: $search, first: $first, offset: $offset) { totalCount items { id batchId lead { id } } } }`;
const OVERVIEW = `query($days: Int!) { operatorOverview(days: $days) {
  days since currencyCode
  daily { date sales salesAmount { amount } commission { amount } disputesOpened batchesChecked batchesFailed }
  totals { sales salesAmount { amount } commission { amount } disputeRate batchesChecked batchesFailed spotCheckFailureRate }
  topSellers { id name emailDomain sales amount { amount } } topBuyers { id name sales amount { amount } } } }`;
const DISPUTES = `query($search: String) { disputes(status: null, search: $search, first: 10) { totalCount } }`;

type SellerItem = { id: string; name: string; emailDomain: string | null };
type LedgerItem = { account: string; kind: string; normalBalance: string; organization: { id: string; name: string } | null; balance: { amount: string } };

let app: TestApp;
let operator: TestUser;
const tag = randomBytes(3).toString('hex');
const twinName = `Twin Leads ${tag}`;

/** A seller organisation with one member, straight into the tables. */
async function sellerOrg(name: string, email: string) {
  const id = `org_${randomBytes(5).toString('hex')}`;
  await app.runtime.deps.db.insert(schema.organizations).values({ id, name, kind: 'SELLER' });
  await app.runtime.deps.db
    .insert(schema.users)
    .values({ id: `usr_${randomBytes(5).toString('hex')}`, email, name, passwordHash: 'x', role: 'SELLER', organizationId: id });
  return { userId: '', organizationId: id, role: 'SELLER' as const, via: 'session' as const };
}

let twinA: Awaited<ReturnType<typeof sellerOrg>>;
let twinB: Awaited<ReturnType<typeof sellerOrg>>;
let buyer: Awaited<ReturnType<typeof createBuyerActors>>[number] | undefined;

beforeAll(async () => {
  app = await startTestApp({ label: 'operatortables', stripe: true });
  operator = await createOperatorUser(app);
  twinA = await sellerOrg(twinName, `ana-${tag}@alpha-${tag}.example`);
  twinB = await sellerOrg(twinName, `bo-${tag}@beta-${tag}.example`);
  [buyer] = await createBuyerActors(app, 1);
  const leads = await listLeads(app, twinA, [validLead(), validLead()]);
  await buyThroughStripe(app, buyer!, leads);
  await fundWallet(app, buyer!, '40.00');
});
afterAll(() => app.close());

const asOperator = <T>(query: string, vars: Record<string, unknown> = {}) => app.client(operator).request<T>(query, vars);

describe('the sellers table', () => {
  it('finds same-named sellers by name and tells them apart by e-mail domain', async () => {
    const { sellers } = await asOperator<{ sellers: { totalCount: number; items: SellerItem[] } }>(SELLERS, { search: twinName });
    expect(sellers.totalCount).toBe(2);
    expect(sellers.items.map((s) => s.emailDomain).sort()).toEqual([`alpha-${tag}.example`, `beta-${tag}.example`]);
    expect(new Set(sellers.items.map((s) => s.id))).toEqual(new Set([twinA.organizationId, twinB.organizationId]));
  });

  it('pages by offset with the total of the search, and finds a seller by a member e-mail or its id', async () => {
    const first = await asOperator<{ sellers: { totalCount: number; items: SellerItem[] } }>(SELLERS, { search: twinName, first: 1, offset: 0 });
    const second = await asOperator<{ sellers: { totalCount: number; items: SellerItem[] } }>(SELLERS, { search: twinName, first: 1, offset: 1 });
    const past = await asOperator<{ sellers: { totalCount: number; items: SellerItem[] } }>(SELLERS, { search: twinName, first: 1, offset: 5 });
    expect([first.sellers.totalCount, second.sellers.totalCount, past.sellers.totalCount]).toEqual([2, 2, 2]);
    expect(first.sellers.items[0]!.id).not.toBe(second.sellers.items[0]!.id);
    expect(past.sellers.items).toEqual([]);
    const byEmail = await asOperator<{ sellers: { items: SellerItem[] } }>(SELLERS, { search: `beta-${tag}` });
    expect(byEmail.sellers.items.map((s) => s.id)).toEqual([twinB.organizationId]);
    const byId = await asOperator<{ sellers: { items: SellerItem[] } }>(SELLERS, { search: twinA.organizationId });
    expect(byId.sellers.items.map((s) => s.id)).toEqual([twinA.organizationId]);
    // the pattern characters of a search are taken literally
    expect((await asOperator<{ sellers: { totalCount: number } }>(SELLERS, { search: '%' })).sellers.totalCount).toBe(0);
  });

  it('refuses a page size, an offset or a search out of bounds as bad input, naming each', async () => {
    const error = await errorOf(asOperator(SELLERS, { first: 0, offset: -1, search: 'x'.repeat(101) }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((error.extensions!.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(['first', 'offset', 'search']);
    expect((await errorOf(asOperator(SELLERS, { first: 101 }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'first' }] });
  });
});

describe('the ledger table', () => {
  it('names each account, platform accounts first, the balances summing to zero', async () => {
    const { ledgerAccounts } = await asOperator<{ ledgerAccounts: { totalCount: number; items: LedgerItem[] } }>(LEDGER, { first: 100 });
    const kinds = ledgerAccounts.items.map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['STRIPE_BALANCE', 'ESCROW', 'BUYER_WALLET']));
    const firstOrgAccount = ledgerAccounts.items.findIndex((a) => a.organization);
    expect(ledgerAccounts.items.slice(0, firstOrgAccount).every((a) => a.account.startsWith('platform:'))).toBe(true);
    expect(ledgerAccounts.items.find((a) => a.kind === 'STRIPE_BALANCE')).toMatchObject({ normalBalance: 'DEBIT' });
    expect(ledgerAccounts.items.find((a) => a.kind === 'ESCROW')).toMatchObject({ normalBalance: 'CREDIT' });
    const wallet = ledgerAccounts.items.find((a) => a.kind === 'BUYER_WALLET' && a.organization?.id === buyer!.organizationId);
    expect(wallet).toMatchObject({ organization: { name: 'BUYER 0' }, balance: { amount: '-40.00' } });
    const sum = ledgerAccounts.items.reduce((s, a) => s + Math.round(Number(a.balance.amount) * 100), 0);
    expect(sum).toBe(0);
    expect(ledgerAccounts.totalCount).toBe(ledgerAccounts.items.length);
  });

  it('finds accounts by what they are called or whose they are, and pages them', async () => {
    const escrow = await asOperator<{ ledgerAccounts: { items: LedgerItem[] } }>(LEDGER, { search: 'escrow' });
    expect(escrow.ledgerAccounts.items.map((a) => a.kind)).toEqual(['ESCROW']);
    const byOrg = await asOperator<{ ledgerAccounts: { items: LedgerItem[] } }>(LEDGER, { search: buyer!.organizationId });
    expect(byOrg.ledgerAccounts.items.map((a) => a.kind)).toEqual(['BUYER_WALLET']);
    const page = await asOperator<{ ledgerAccounts: { totalCount: number; items: LedgerItem[] } }>(LEDGER, { first: 1, offset: 1 });
    expect(page.ledgerAccounts.items).toHaveLength(1);
    expect(page.ledgerAccounts.totalCount).toBeGreaterThan(1);
    expect((await errorOf(asOperator(LEDGER, { offset: 100_001 }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'offset' }] });
  });
});

describe('the spot-check table', () => {
  it('searches the open call tasks by seller name and pages them', async () => {
    await asOperator('mutation { setSegmentPolicy(segment: "EDUCATION", verificationProvider: manual) { code } }');
    const caller = await sellerOrg(`Call Me ${tag}`, `cm-${tag}@calls.example`);
    const education = () => validLead({ segment: 'EDUCATION', subsegment: 'COURSE', attributes: { subject: 'Statistics' } });
    const batch = await submitLeads(app.runtime.deps, caller, Array.from({ length: 10 }, education), { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
    await runSpotCheck(app.runtime.deps, batch.id);
    type Tasks = { verificationTaskPage: { totalCount: number; items: { id: string; batchId: string }[] } };
    const all = await asOperator<Tasks>(TASKS, { search: `call me ${tag}`, first: 100 });
    expect(all.verificationTaskPage.totalCount).toBeGreaterThan(0);
    expect(all.verificationTaskPage.items.every((t) => t.batchId === batch.id)).toBe(true);
    const page = await asOperator<Tasks>(TASKS, { search: batch.id, first: 1, offset: 1 });
    expect(page.verificationTaskPage).toMatchObject({ totalCount: all.verificationTaskPage.totalCount });
    expect(page.verificationTaskPage.items[0]!.id).toBe(all.verificationTaskPage.items[1]?.id);
    expect((await asOperator<Tasks>(TASKS, { status: 'DONE', search: batch.id })).verificationTaskPage.totalCount).toBe(0);
  });
});

describe('the disputes search', () => {
  it('finds nothing for words no dispute has, and refuses an over-long search', async () => {
    expect((await asOperator<{ disputes: { totalCount: number } }>(DISPUTES, { search: `nothing-${tag}` })).disputes.totalCount).toBe(0);
    expect((await errorOf(asOperator(DISPUTES, { search: 'y'.repeat(101) }))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'search' }],
    });
  });
});

describe('the operator overview', () => {
  type Overview = {
    operatorOverview: {
      days: number;
      daily: { date: string; sales: number; salesAmount: { amount: string } }[];
      totals: { sales: number; disputeRate: number | null; batchesChecked: number };
      topSellers: { id: string; emailDomain: string | null; sales: number }[];
      topBuyers: { id: string; sales: number }[];
    };
  };
  it('gives one row a day with today last, the totals and the top seller and buyer', async () => {
    const { operatorOverview: o } = await asOperator<Overview>(OVERVIEW, { days: 7 });
    expect(o.days).toBe(7);
    expect(o.daily).toHaveLength(7);
    expect(o.daily[6]!.date).toBe(new Date().toISOString().slice(0, 10));
    expect(o.totals.sales).toBeGreaterThanOrEqual(2);
    expect(o.totals.disputeRate).toBe(0);
    expect(o.totals.batchesChecked).toBeGreaterThanOrEqual(1);
    expect(o.topSellers[0]).toMatchObject({ id: twinA.organizationId, emailDomain: `alpha-${tag}.example`, sales: 2 });
    expect(o.topBuyers[0]).toMatchObject({ id: buyer!.organizationId, sales: 2 });
  });

  it('refuses a window of no days or of more than a year', async () => {
    for (const days of [0, 366]) {
      expect((await errorOf(asOperator(OVERVIEW, { days }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'days' }] });
    }
  });
});
