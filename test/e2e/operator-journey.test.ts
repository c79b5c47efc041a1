// Journey 3, in Chromium: an operator (made like the CLI makes one) signs in, accepts a buyer's dispute
// from the queue; the buyer then sees the refund on /purchases.
import type { Browser } from 'playwright-core';
import { validLead } from '../fixtures/leads';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { buyThroughStripe } from '../helpers/market-fixtures';
import type { TestApp } from '../helpers/test-app';
import { expectAccessible } from './accessibility';
import { launchBrowser, newPage, screenshots, signInThroughUi } from './browser';
import { startE2eApp } from './e2e-app';
import { listThroughApi } from './seed-market';

const shoot = screenshots('operator');
let app: TestApp;
let browser: Browser;
let seller: TestUser;
let buyer: TestUser;
let operator: TestUser;
let disputeId: string;

const OPEN_DISPUTE = `mutation($input: OpenDisputeInput!, $key: String) { openDispute(input: $input, idempotencyKey: $key) { id status } }`;

beforeAll(async () => {
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-operator', workers: true, stripe: true }), launchBrowser()]);
  seller = await signUpAs(app, 'SELLER');
  buyer = await signUpAs(app, 'BUYER', 'disputer');
  const [leadId] = await listThroughApi(app, seller, buyer, [validLead({ exclusivity: 'EXCLUSIVE', fullName: 'Nadia Karim', phone: '+14155550177' })]);
  const { purchases } = await buyThroughStripe(app, { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' }, [leadId!]);
  const opened = await app.client({ token: buyer.token }).request<{ openDispute: { id: string; status: string } }>(OPEN_DISPUTE, {
    input: { purchaseId: purchases[0]!.id, reason: 'FAKE', evidence: 'The person says she never asked about a test drive.' },
    key: 'e2e-dispute-1',
  });
  expect(opened.openDispute.status).toBe('OPEN');
  disputeId = opened.openDispute.id;
  operator = await createOperatorUser(app);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('operator journey', () => {
  it('accepts the dispute from the queue; the buyer then sees the refund', async () => {
    const { context, page } = await newPage(browser);
    await signInThroughUi(page, app.url, operator.email);
    // operators land on the disputes queue
    await page.getByRole('heading', { name: 'Disputes' }).waitFor();
    const card = page.getByRole('article', { name: `Dispute ${disputeId}` });
    await card.getByText('The person says she never asked about a test drive.').waitFor();
    await card.getByText('Nadia Karim').waitFor();
    await card.getByText(/Verification history/).waitFor();
    await expectAccessible(page, 'operator disputes queue');
    await shoot(page, '1-queue');

    await card.getByLabel('Note').fill('Called the person: she confirms she never left her contact.');
    await card.getByRole('button', { name: 'Accept' }).click();
    await page.getByText(`Dispute ${disputeId} accepted: a refund of $`, { exact: false }).waitFor();
    await page.getByText('No open disputes: the queue is empty.').waitFor();
    await expectAccessible(page, 'operator disputes queue after the decision');
    await shoot(page, '2-accepted');

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Ledger' }).click();
    await page.getByText('Sum of all accounts').waitFor();
    await page.getByRole('button', { name: 'Run settlement now' }).click();
    await page.getByText(/^Settlement stl_\w+ completed/).waitFor();
    await expectAccessible(page, 'operator ledger');
    await shoot(page, '3-ledger');
    await nav.getByRole('link', { name: 'Sellers' }).click();
    await page
      .getByRole('button', { name: /^Save policy for / })
      .first()
      .waitFor();
    await expectAccessible(page, 'operator sellers');
    await shoot(page, '3b-sellers');
    await context.close();

    // the buyer, in their own browser session
    const buyerSide = await newPage(browser);
    await signInThroughUi(buyerSide.page, app.url, buyer.email);
    await buyerSide.page.goto(`${app.url}/purchases`);
    const purchase = buyerSide.page.getByRole('article').first();
    await purchase.getByText('Dispute accepted').waitFor();
    const refund = await purchase.getByLabel('Refund amount').textContent();
    expect(refund).toMatch(/^\$\d+\.\d{2}$/);
    await purchase.getByText('Called the person: she confirms she never left her contact.').waitFor();
    // the dispute-refund worker sends the Stripe refund; the purchase then reads "Refunded"
    for (let i = 0; i < 30 && !(await purchase.getByText('Refunded', { exact: true }).count()); i += 1) {
      await buyerSide.page.waitForTimeout(500);
      await buyerSide.page.reload();
      await purchase.getByText('Dispute accepted').waitFor();
    }
    expect(await purchase.getByText('Refunded', { exact: true }).count()).toBe(1);
    await expectAccessible(buyerSide.page, 'buyer purchases with the refund');
    await shoot(buyerSide.page, '4-buyer-refund');
    await buyerSide.context.close();
  }, 60_000);

  it('the seller sees the returned sale on their dashboard and connects a payout account', async () => {
    const { context, page } = await newPage(browser);
    await signInThroughUi(page, app.url, seller.email);
    await page.goto(`${app.url}/seller/sales`);
    const returns = page.getByRole('list', { name: 'Return rate by segment' });
    expect(await returns.getByRole('listitem').first().textContent()).toMatch(/100% · 1 of 1$/);
    await page.getByRole('row').filter({ hasText: 'Accepted' }).waitFor();
    await expectAccessible(page, 'seller sales');
    await shoot(page, '5-seller-sales');

    await page.goto(`${app.url}/seller/payouts`);
    await page.getByText(/ \/ 100$/).waitFor();
    await page.getByRole('button', { name: 'Connect payout account' }).click();
    // the stand-in's hosted Connect onboarding, which sends the seller back to WEB_ORIGIN
    await page.getByRole('button', { name: 'Complete onboarding' }).click();
    await page.waitForURL(`${app.url}/seller/payouts?onboarded=1`);
    await page.getByText(/Welcome back from Stripe/).waitFor();
    await expectAccessible(page, 'seller payouts');
    await shoot(page, '6-seller-payouts');
    await context.close();
  }, 30_000);
});
