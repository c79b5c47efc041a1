// Issue 15, the buyer at volume, in Chromium: the marketplace table (sort, pages, chips, country and region
// pickers, the lead drawer, held and bought leads marked, the bulk-buy estimate), purchases (search, bulk
// outcome) and the suppression list upload, at desktop and phone width, each page checked with axe.
import type { Actor } from '@leadex/core/domain/auth/access';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import type { Browser, Page } from 'playwright-core';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { buyThroughStripe } from '../helpers/market-fixtures';
import type { TestApp } from '../helpers/test-app';
import { expectAccessible } from './accessibility';
import { launchBrowser, newPage, PHONE, screenshots, signInThroughUi } from './browser';
import { startE2eApp } from './e2e-app';
import { listThroughApi } from './seed-market';

const shoot = screenshots('buyer-market');
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
let app: TestApp;
let browser: Browser;
let page: Page;
let buyer: TestUser;
let bought: string;
let held: string;

/** Waits for the results to settle after a change (the count is the last thing to change). */
const settled = async (p: Page, count: string) => {
  await p.getByRole('status').filter({ hasText: count }).first().waitFor();
  await p
    .getByText(/^Loading/)
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
};

beforeAll(async () => {
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-buyer-market', workers: true, stripe: true }), launchBrowser()]);
  const seller = await signUpAs(app, 'SELLER');
  buyer = await signUpAs(app, 'BUYER');
  const many = Array.from({ length: 22 }, (_, i) => validLead({ capturedAt: hoursAgo(3 + i), maxSales: 3 }));
  const ids = await listThroughApi(app, seller, buyer, [
    validLead({ fullName: 'Zoe Quartz', phone: '+14155550101', capturedAt: hoursAgo(1), maxSales: 3 }),
    validLead({ fullName: 'Yann Basalt', capturedAt: hoursAgo(1.5), maxSales: 3 }),
    validLead({
      segment: 'EDUCATION',
      subsegment: 'COURSE',
      country: 'GB',
      region: 'GB-LND',
      city: 'London',
      phone: '+447911123456',
      attributes: { subject: 'Data science' },
      capturedAt: hoursAgo(2),
    }),
    ...many,
  ]);
  const actor: Actor = { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' };
  [bought, held] = [ids[0]!, ids[1]!];
  await buyThroughStripe(app, actor, [bought]);
  await createOrder(app.runtime.deps, actor, { leadIds: [held] });
  ({ page } = await newPage(browser));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('buyer at volume', () => {
  it('works the marketplace table, the drawer, purchases and the suppression list', async () => {
    await signInThroughUi(page, app.url, buyer.email);
    await page.goto(`${app.url}/marketplace`);
    await settled(page, '25 leads match');
    const table = page.getByRole('table');
    await table.waitFor();
    await expectAccessible(page, 'marketplace table');
    await shoot(page, '1-table');

    // held and bought leads are marked and cannot be selected
    expect(await page.getByRole('checkbox', { name: `Select lead ${bought}` }).isDisabled()).toBe(true);
    expect(await page.getByRole('checkbox', { name: `Select lead ${held}` }).isDisabled()).toBe(true);
    await table.getByText('Bought', { exact: true }).waitFor();
    await table.getByText('In your pending order').waitFor();

    // sort by a column, then page through
    await table.getByRole('button', { name: /^Price/ }).click();
    await page.waitForURL(/sort=PRICE_ASC/);
    expect(await page.getByRole('columnheader', { name: /Price/ }).getAttribute('aria-sort')).toBe('ascending');
    const pages = page.getByRole('navigation', { name: 'Pages' });
    await pages.getByRole('button', { name: 'Page 2' }).click();
    await page.waitForURL(/page=2/);
    await page.getByRole('table').getByRole('row').nth(5).waitFor();
    expect(await pages.getByRole('button', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');
    await shoot(page, '2-page-2');
    await pages.getByRole('button', { name: 'Previous' }).click();
    await page.waitForURL((url) => !url.search.includes('page='));

    // country and region pickers by name; filters apply as they change and show as chips
    const filters = page.getByRole('form', { name: 'Lead filters' });
    await filters.getByRole('checkbox', { name: 'United Kingdom' }).check();
    await filters.getByRole('group', { name: 'Regions in United Kingdom' }).getByRole('checkbox', { name: 'London' }).check();
    await page.waitForURL(/country=GB&region=GB-LND/);
    await settled(page, '1 lead matches');
    const chips = page.getByRole('group', { name: 'Active filters' });
    await chips.getByText('London').waitFor();
    await expectAccessible(page, 'marketplace with chips');
    await shoot(page, '3-chips');

    // the lead drawer: attributes, checks, consent, the seller's record and the price breakdown
    await page.getByRole('button', { name: /^Details of lead/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('heading', { name: 'Price breakdown' }).waitFor();
    await drawer.getByText('Base price (grid)').waitFor();
    await drawer.getByRole('heading', { name: 'Seller in Education' }).waitFor();
    await drawer.getByText('Data science').waitFor();
    await drawer.getByText(/Consent recorded at capture/).waitFor();
    await expectAccessible(page, 'lead drawer');
    await shoot(page, '4-drawer');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // removing a chip widens the filter again
    await chips.getByRole('button', { name: 'Remove filter United Kingdom' }).click();
    await settled(page, '25 leads match');
    expect(page.url()).not.toContain('country=');

    // the bulk buy shows its estimate, and is disabled when nothing matches
    await page.getByLabel('Quantity').fill('2');
    await page
      .getByRole('status', { name: 'Estimated total' })
      .getByText(/for 2 leads/)
      .waitFor();
    await shoot(page, '5-bulk-estimate');
    await filters.getByLabel('Max price').fill('0.01');
    await settled(page, '0 leads match');
    expect(await page.getByRole('button', { name: /matching this filter/ }).isDisabled()).toBe(true);
    await page.getByText('No leads match this filter.').waitFor();
    await expectAccessible(page, 'marketplace, nothing matches');

    // purchases: search by name, then one outcome for the selection
    await page.goto(`${app.url}/purchases`);
    await page.getByRole('article', { name: 'Purchase Zoe Quartz' }).waitFor();
    await page.getByRole('searchbox', { name: /Search/ }).fill('quartz');
    await page.waitForURL(/q=quartz/);
    await settled(page, '1 purchase');
    const card = page.getByRole('article', { name: 'Purchase Zoe Quartz' });
    expect(await card.getByRole('link', { name: '(415) 555-0101' }).getAttribute('href')).toBe('tel:+14155550101');
    await card.getByRole('checkbox', { name: 'Select purchase Zoe Quartz' }).check();
    const bulk = page.getByRole('region', { name: 'Bulk outcome' });
    await bulk.getByLabel('Outcome', { exact: true }).selectOption('CONTACTED');
    await bulk.getByRole('button', { name: 'Set outcome for 1' }).click();
    await page.getByText('1 purchase marked contacted.').waitFor();
    await expectAccessible(page, 'purchases');
    await shoot(page, '6-purchases');

    // the suppression list: upload a CSV of own contacts
    await page.goto(`${app.url}/suppression`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('CSV file').setInputFiles({
      name: 'own-customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('phone,email\n+14155550199,own.customer@example.com\n,second@example.com\n'),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    await page
      .getByLabel('Suppressed contacts')
      .filter({ hasText: /^[1-9]/ })
      .waitFor();
    await expectAccessible(page, 'suppression list');
    await shoot(page, '7-suppression');

    // the same pages at phone width: cards instead of the table
    const phone = await browser.newContext({ viewport: PHONE, storageState: await page.context().storageState() });
    const small = await phone.newPage();
    await small.goto(`${app.url}/marketplace`);
    await settled(small, '25 leads match');
    expect(await small.getByRole('table').count()).toBe(0);
    await small.getByRole('article').first().waitFor();
    await expectAccessible(small, 'phone marketplace');
    await shoot(small, '8-phone-marketplace');
    await small
      .getByRole('button', { name: /^Details of lead/ })
      .first()
      .click();
    await small.getByRole('dialog').getByRole('heading', { name: 'Price breakdown' }).waitFor();
    await expectAccessible(small, 'phone lead drawer');
    await shoot(small, '9-phone-drawer');
    await small.keyboard.press('Escape');
    for (const [path, step] of [
      ['/purchases', '10-phone-purchases'],
      ['/suppression', '11-phone-suppression'],
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
    await phone.close();
  }, 120_000);
});
