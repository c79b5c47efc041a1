// Journey 2, in Chromium: a buyer signs up, filters the marketplace, buys a lead, pays on the Stripe
// stand-in's hosted checkout page, comes back to the order page as PAID, reads the contact on
// /purchases and opens a dispute.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import type { TestApp } from '../helpers/test-app';
import { expectAccessible } from './accessibility';
import { fillStandInCard, launchBrowser, newPage, PHONE, screenshots, signUpThroughUi } from './browser';
import { startE2eApp } from './e2e-app';
import { listThroughApi } from './seed-market';

const shoot = screenshots('buyer');
let app: TestApp;
let browser: Browser;
let page: Page;
let wanted: string;
let other: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-buyer', workers: true, stripe: true }), launchBrowser()]);
  const seller: TestUser = await signUpAs(app, 'SELLER');
  const lister: TestUser = await signUpAs(app, 'BUYER', 'lister');
  [wanted, other] = (await listThroughApi(app, seller, lister, [
    validLead({ exclusivity: 'EXCLUSIVE', fullName: 'Nadia Karim', phone: '+14155550177' }),
    validLead({
      segment: 'EDUCATION',
      subsegment: 'COURSE',
      country: 'GB',
      region: null,
      city: 'London',
      phone: '+447911123456',
      attributes: { subject: 'Data science' },
    }),
  ])) as [string, string];
  ({ page } = await newPage(browser));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('buyer journey', () => {
  it('filters, buys a lead, pays on the hosted checkout, reads the contact and disputes it', async () => {
    await signUpThroughUi(page, app.url, {
      role: 'Buy leads',
      name: 'Bea Buyer',
      email: `buyer-${randomBytes(4).toString('hex')}@example.com`,
      organization: 'Acme Insurance',
    });
    await page.getByRole('heading', { name: 'Marketplace' }).waitFor();
    await page.getByText('2 leads match').waitFor();
    await expectAccessible(page, 'marketplace');
    await shoot(page, '1-marketplace');

    // filter: auto test drives in the US
    const filters = page.getByRole('form', { name: 'Lead filters' });
    await filters.getByRole('checkbox', { name: 'Auto test drives' }).check();
    await filters.getByRole('checkbox', { name: 'United States' }).check();
    // filters apply as they change
    await page.getByText('1 lead matches').waitFor();
    expect(page.url()).toContain('segment=AUTO_TEST_DRIVE&country=US');
    expect(await page.getByRole('checkbox', { name: `Select lead ${other}` }).count()).toBe(0);

    // select it and order
    await page.getByRole('checkbox', { name: `Select lead ${wanted}` }).check();
    await page.getByRole('region', { name: 'Selected leads' }).getByText('1 lead selected').waitFor();
    await expectAccessible(page, 'marketplace with a selection');
    await shoot(page, '2-selected');
    await page.getByRole('button', { name: 'Buy selected' }).click();
    await page.waitForURL(/\/orders\/ord_/);
    const orderUrl = page.url();
    await page.getByRole('timer', { name: 'Time left to pay' }).waitFor();
    await expectAccessible(page, 'reserved order');
    await shoot(page, '3-order-reserved');

    // Stripe Checkout (the stand-in's hosted page)
    await page.getByRole('button', { name: 'Pay with Stripe' }).click();
    await page.waitForURL((url) => url.port === new URL(app.stripe!.url).port);
    await fillStandInCard(page, 'Bea Buyer');
    await shoot(page, '4-checkout');
    await page.getByRole('button', { name: /^Pay / }).click();

    // back on the order page, which waits for the webhook to mark the order paid
    await page.waitForURL((url) => url.href.startsWith(`${orderUrl}?paid=1&session=`));
    await page.getByText(/^Paid on /).waitFor();
    expect(await page.getByText('Paid', { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'paid order');
    await shoot(page, '5-order-paid');

    // the contact, in full
    await page.getByRole('link', { name: 'your purchases' }).click();
    const card = page.getByRole('article', { name: 'Purchase Nadia Karim' });
    // the phone in the lead's national format, dialled as E.164
    expect(await card.getByRole('link', { name: '(415) 555-0177' }).getAttribute('href')).toBe('tel:+14155550177');
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe('/purchases/csv');
    await expectAccessible(page, 'purchases');
    await shoot(page, '6-purchases');

    // a dispute, with evidence
    await card.getByRole('button', { name: 'Dispute the lead Nadia Karim' }).click();
    await card.getByLabel('Reason').selectOption('FAKE');
    await card.getByLabel('Evidence').fill('Called twice: the person says she never asked about a test drive.');
    await card.getByRole('button', { name: 'Open dispute' }).click();
    await card.getByText('Dispute open', { exact: true }).waitFor();
    await expectAccessible(page, 'purchases with an open dispute');
    await shoot(page, '7-dispute-open');

    // the same pages at phone width
    const phone = await browser.newContext({ viewport: PHONE, storageState: await page.context().storageState() });
    const small = await phone.newPage();
    for (const [path, step] of [
      ['/purchases', '8-phone-purchases'],
      [new URL(orderUrl).pathname, '9-phone-order'],
      ['/dashboard', '10-phone-dashboard'],
    ] as const) {
      await small.goto(`${app.url}${path}`);
      await small.getByRole('heading', { level: 1 }).waitFor();
      await small
        .getByText(/Loading/)
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await expectAccessible(small, step);
      await shoot(small, step);
    }
    await small.goto(`${app.url}/marketplace`);
    await small.getByRole('checkbox', { name: `Select lead ${other}` }).check();
    await small.getByRole('region', { name: 'Selected leads' }).waitFor();
    await expectAccessible(small, 'phone marketplace with a selection');
    await shoot(small, '11-phone-marketplace-cart');
    await phone.close();
  }, 85_000);
});
