// Journey (issue 15), in Chromium: the buyer's money pages. A buyer tops up on the Stripe stand-in, holds an order
// (the pending-payment banner leads back to it) and pays it from the wallet; reads it on the Orders page and in the
// wallet's transactions with a receipt; adds a webhook endpoint, sends a test event to a real node:http receiver on
// 127.0.0.1 through the SSRF guard, rotates its secret; and reads a campaign's figures. Every page is checked with
// axe, and the new pages are shot at desktop and phone width.
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import type { Actor } from '@leadex/core/domain/auth/access';
import { eq, schema } from '@leadex/db';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { campaign, signedWith, startWebhookReceiver } from '../helpers/exchange-fixtures';
import { createSellerActor, exclusiveLead, listLeads } from '../helpers/market-fixtures';
import type { TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';
import { expectAccessible } from './accessibility';
import { fillStandInCard, launchBrowser, newPage, PHONE, screenshots, signUpThroughUi } from './browser';
import { startE2eApp } from './e2e-app';

const shoot = screenshots('buyer-money');
const CITY = 'Fresno';

let app: TestApp;
let browser: Browser;
let page: Page;
let seller: Actor;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let hookUrl: string;

beforeAll(async () => {
  // the buyer's CRM answers every lead with a small JSON body, which the endpoint page shows
  receiver = await startWebhookReceiver(() => ({ status: 200, json: { ok: true } }));
  hookUrl = receiver.url('/crm-hook');
  const env = { WEBHOOK_ALLOW_HOSTS: receiver.host };
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-money', stripe: true, env }), launchBrowser()]);
  seller = await createSellerActor(app);
  ({ page } = await newPage(browser));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await receiver?.close();
});

/** Waits for the page's loading states to end, then checks it with axe. */
async function settledAndAccessible(p: Page, label: string) {
  await p.getByRole('heading', { level: 1 }).waitFor();
  await p
    .getByText(/^Loading/)
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await expectAccessible(p, label);
}

describe('buyer money journey', () => {
  it('pays an order from the wallet, reads orders, transactions and receipts, manages a webhook endpoint and reads campaign figures', async () => {
    const email = `money-${randomBytes(4).toString('hex')}@example.com`;
    await signUpThroughUi(page, app.url, { role: 'Buy leads', name: 'Mona Buyer', email, organization: 'Fresno Auto' });
    const [user] = await app.runtime.deps.db.select().from(schema.users).where(eq(schema.users.email, email));
    const buyer: Actor & { userId: string } = { userId: user!.id, organizationId: user!.organizationId, role: 'BUYER', via: 'session' };
    const nav = page.getByRole('navigation', { name: 'Main' });

    // 1. top up the wallet on the stand-in's hosted checkout
    await nav.getByRole('link', { name: 'Wallet' }).click();
    await page.getByLabel('Wallet balance').filter({ hasText: '$0.00' }).waitFor();
    await page.getByText('No transactions yet').waitFor();
    await expectAccessible(page, 'wallet, empty');
    await page.getByLabel('Amount (USD)').fill('500');
    await page.getByRole('button', { name: 'Top up with Stripe' }).click();
    await page.waitForURL((url) => url.port === new URL(app.stripe!.url).port);
    await fillStandInCard(page, 'Mona Buyer');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL((url) => url.pathname === '/wallet' && url.searchParams.get('topped_up') === '1');
    await page.getByText('Top-up received').waitFor();
    await expectAccessible(page, 'wallet, topped up');

    // 2. an order held for the buyer: the banner across the app leads back to it
    const [leadId] = await listLeads(app, seller, [exclusiveLead({ city: 'Bakersfield' })]);
    const order = await createOrder(app.runtime.deps, buyer, { leadIds: [leadId!] });
    await nav.getByRole('link', { name: 'Campaigns' }).click();
    const banner = page.getByRole('region', { name: 'Pending payment' });
    await banner.getByText(/is waiting for payment/).waitFor();
    await expectAccessible(page, 'campaigns with the pending-payment banner');
    await shoot(page, '1-pending-banner');
    await banner.getByRole('link', { name: 'Pay now' }).click();
    await page.waitForURL((url) => url.pathname === `/orders/${order.id}`);

    // 3. pay it from the wallet, no card
    const payFromWallet = page.getByRole('button', { name: 'Pay from wallet (balance $500.00)' });
    await payFromWallet.waitFor();
    await expectAccessible(page, 'order, reserved');
    await shoot(page, '2-order-pay-from-wallet');
    await payFromWallet.click();
    await page.getByText(/^Paid from your wallet on/).waitFor();
    await expectAccessible(page, 'order, paid from the wallet');
    await shoot(page, '3-order-paid');
    expect(await banner.count()).toBe(0);
    const [paid] = await app.runtime.deps.db.select().from(schema.orders).where(eq(schema.orders.id, order.id));
    expect(paid).toMatchObject({ status: 'PAID', paymentIntentId: null });

    // 4. the Orders page, by status
    await nav.getByRole('link', { name: 'Orders' }).click();
    const reference = `Order #${order.id.slice(-6).toUpperCase()}`;
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Wallet');
    expect(await row.textContent()).toContain('1 lead');
    await settledAndAccessible(page, 'orders');
    await page.getByRole('link', { name: 'Paid', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'PAID');
    await row.waitFor();
    await page.getByRole('link', { name: 'Pending payment', exact: true }).click();
    await page.getByText('No orders with this status').waitFor();
    await expectAccessible(page, 'orders, pending payment');
    await page.getByRole('link', { name: 'All', exact: true }).click();
    await row.waitFor();
    await shoot(page, '4-orders');

    // 5. the wallet's transactions, in words, and a receipt
    await nav.getByRole('link', { name: 'Wallet' }).click();
    const paymentRow = page.getByRole('row', { name: new RegExp(`${reference} paid from the wallet \\(1 lead\\)`) });
    await paymentRow.waitFor();
    await page.getByRole('row', { name: /Top-up by card/ }).waitFor();
    expect(await paymentRow.textContent()).toMatch(/−\$\d/);
    await settledAndAccessible(page, 'wallet transactions');
    await shoot(page, '5-wallet-transactions');
    await paymentRow.getByRole('link', { name: /^Receipt/ }).click();
    await page.getByRole('heading', { name: 'Receipt · Order paid' }).waitFor();
    await page.getByRole('link', { name: reference }).waitFor();
    const receiptPath = new URL(page.url()).pathname;
    await expectAccessible(page, 'receipt');
    await shoot(page, '6-receipt');

    // 6. a webhook endpoint: test event through the SSRF guard to the receiver, then a rotated secret
    // Delivery endpoints is one of the less-used links behind the navigation's "More" button
    await nav.getByRole('button', { name: /More/ }).click();
    await nav.getByRole('link', { name: 'Delivery endpoints' }).click();
    await page.getByText('No delivery endpoint yet.').waitFor();
    await expectAccessible(page, 'delivery endpoints, none');
    const form = page.getByRole('form', { name: 'New delivery endpoint' });
    await form.getByLabel('Name', { exact: true }).fill('CRM');
    await form.getByLabel('URL').fill(hookUrl);
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const firstSecret = await page.getByLabel('Signing secret').inputValue();
    expect(firstSecret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    const card = page.getByRole('listitem', { name: 'Endpoint CRM' });
    await card.getByRole('button', { name: 'Send a test lead to CRM' }).click();
    await card.getByText('Test delivered (HTTP 200).').waitFor();
    await card.getByText('{"ok":true}').waitFor();
    const test1 = await waitFor(async () => receiver.received[0], 'the test event at the receiver', 10_000);
    expect(JSON.parse(test1.body)).toMatchObject({ type: 'lead.test' });
    expect(signedWith(test1, firstSecret)).toBe(true);
    await expectAccessible(page, 'delivery endpoints, after a test event');
    await card.getByRole('button', { name: 'Rotate secret of CRM' }).click();
    await card.getByRole('button', { name: 'Rotate secret', exact: true }).click();
    await card.getByText('New signing secret').waitFor();
    const rotated = await card.getByLabel('Signing secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(firstSecret);
    await expectAccessible(page, 'delivery endpoints, new secret');
    await shoot(page, '7-endpoint-rotated');
    await card.getByRole('button', { name: 'Send a test lead to CRM' }).click();
    const test2 = await waitFor(async () => receiver.received[1], 'the second test event', 10_000);
    expect(signedWith(test2, rotated)).toBe(true);
    expect(signedWith(test2, firstSecret)).toBe(false);

    // 7. the deliveries page shows the current endpoint
    await nav.getByRole('link', { name: 'Deliveries' }).click();
    await page.getByText(`Leads go to ${hookUrl}.`).waitFor();
    await settledAndAccessible(page, 'deliveries');

    // 8. a campaign's figures after a win
    const made = await campaign(buyer, app, { name: 'Fresno test drives', maxBid: '250.00', filter: { cities: [CITY] } });
    const [won] = await listLeads(app, seller, [exclusiveLead({ city: CITY })]);
    expect((await allocateLead(app.runtime.deps, won!)).sold).toEqual([expect.objectContaining({ campaignId: made.id })]);
    await nav.getByRole('link', { name: 'Campaigns' }).click();
    const figures = page.getByRole('article', { name: 'Campaign Fresno test drives' }).getByRole('group', { name: 'Campaign figures' });
    await figures.waitFor();
    expect(await figures.textContent()).toContain('Leads won1');
    expect(await figures.textContent()).toContain('Win rate100%');
    await settledAndAccessible(page, 'campaigns with figures');
    await shoot(page, '8-campaign-figures');

    // the new pages at phone width
    const phone = await browser.newContext({ viewport: PHONE, locale: 'en-US', timezoneId: 'UTC', storageState: await page.context().storageState() });
    const small = await phone.newPage();
    for (const [path, step] of [
      ['/orders', '9-phone-orders'],
      [`/orders/${order.id}`, '10-phone-order-paid'],
      ['/wallet', '11-phone-wallet'],
      [receiptPath, '12-phone-receipt'],
      ['/delivery-endpoints', '13-phone-endpoints'],
      ['/deliveries', '14-phone-deliveries'],
      ['/campaigns', '15-phone-campaigns'],
    ] as const) {
      await small.goto(`${app.url}${path}`);
      await settledAndAccessible(small, `phone ${path}`);
      await shoot(small, step);
    }
    await phone.close();
  }, 120_000);
});
