// Journey 1, in Chromium: a seller signs up, lists a lead with the form, uploads a CSV made from the
// template and sees each row's result, then finds the leads in their listings table, searches it, opens a
// lead's history, and sees its sale in the sales table. Every page is checked with axe.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { uniquePhone } from '../fixtures/leads';
import type { TestApp } from '../helpers/test-app';
import { buyThroughStripe, createBuyerActors } from '../helpers/market-fixtures';
import { expectAccessible } from './accessibility';
import { PHONE, SCREENSHOT_DIR, launchBrowser, newPage, screenshots, signUpThroughUi } from './browser';
import { startE2eApp } from './e2e-app';

const shoot = screenshots('seller');
let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-seller', workers: true, stripe: true }), launchBrowser()]);
  ({ page } = await newPage(browser));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

// a real browser's user agent: the template's bare "Mozilla/5.0" reads as a bot, and its batch fails the spot-check
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML like Gecko) Chrome/131.0 Safari/537.36';

let externalIdOfGoodRow = '';

/** The template's example row made fresh and unique, plus a row with an unusable phone. */
function csvFromTemplate(template: string): string {
  const [header, example] = template.trim().split(/\r?\n/) as [string, string];
  const columns = header.split(',');
  const now = new Date(Date.now() - 30 * 60_000).toISOString();
  const row = (patch: Record<string, string>) => {
    const cells = example.split(',');
    for (const [column, value] of Object.entries(patch)) cells[columns.indexOf(column)] = value;
    return cells.join(',');
  };
  const tag = randomBytes(3).toString('hex');
  externalIdOfGoodRow = `crm-${tag}-1`;
  const good = row({
    full_name: 'Olga Petrova',
    phone: uniquePhone(),
    email: `olga.${tag}@example.org`,
    captured_at: now,
    consent_timestamp: now,
    user_agent: USER_AGENT,
    external_id: `crm-${tag}-1`,
  });
  const bad = row({
    full_name: 'Ivan Typo',
    phone: '12',
    email: '',
    captured_at: now,
    consent_timestamp: now,
    user_agent: USER_AGENT,
    external_id: `crm-${tag}-2`,
  });
  return [header, good, bad].join('\n') + '\n';
}

describe('seller journey', () => {
  it('signs up, lists a lead with the form, uploads a CSV and sees per-row results', async () => {
    const email = `seller-${randomBytes(4).toString('hex')}@example.com`;
    await signUpThroughUi(page, app.url, { role: 'Sell leads', name: 'Sofia Seller', email, organization: 'Sunrise Media' });
    await page.getByRole('heading', { name: 'My listings' }).waitFor();
    await page.getByText('You have not submitted any leads yet.').waitFor();
    await expectAccessible(page, 'my listings, empty');
    await shoot(page, '1-signed-up');

    // one lead through the form
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Submit a lead' }).click();
    await page.getByRole('heading', { name: 'Submit a lead' }).waitFor();
    await expectAccessible(page, 'submit a lead');
    await page.getByLabel('Segment', { exact: true }).selectOption({ label: 'Auto test drives' });
    await page.getByLabel('Brand').fill('Toyota');
    await page.getByLabel('Model').fill('Corolla');
    await page.getByLabel('Full name').fill('Nadia Karim');
    await page.getByLabel('Phone').fill(uniquePhone());
    await page.getByLabel('E-mail').fill(`nadia.${randomBytes(3).toString('hex')}@example.org`);
    await page.getByLabel('Country').fill('US');
    await page.getByLabel('Region').fill('US-CA');
    await page.getByLabel('City').fill('Los Angeles');
    await page.getByLabel('Kind').selectOption('INTERESTED');
    await page.getByLabel('Source channel').selectOption('CONTEXT_ADS');
    await page.getByLabel('Consent text').fill('I agree to be contacted about a test drive.');
    await expectAccessible(page, 'submit a lead, filled in');
    await shoot(page, '2-lead-form');
    await page.getByRole('button', { name: 'Submit lead' }).click();
    await page.getByText('Lead accepted').waitFor();
    await expectAccessible(page, 'lead accepted');
    await shoot(page, '3-lead-accepted');

    // a CSV made from the downloadable template
    const template = await (await fetch(`${app.url}/leads/csv-template`)).text();
    await page.goto(`${app.url}/seller/leads/csv`);
    await page.getByRole('heading', { name: 'Upload leads (CSV)' }).waitFor();
    await expectAccessible(page, 'csv upload');
    await page.getByLabel('CSV file').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFromTemplate(template)) });
    await page.getByRole('button', { name: 'Upload' }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await result.waitFor();
    await expectText(result.getByRole('status'), /1 accepted, 1 rejected/);
    // row 3 (the header is row 1) is the rejected one, with its phone finding
    const rejected = result.getByRole('row').filter({ hasText: 'Rejected' }).first();
    await expectText(rejected, /^3/);
    await expectText(rejected, /phone/i);
    await expectAccessible(page, 'csv results');
    await shoot(page, '4-csv-results');

    // the spot-check worker lists both accepted leads within a few seconds
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My listings' }).click();
    await page.getByLabel('Status').selectOption('LISTED');
    const listings = page.getByRole('region', { name: 'Listings', exact: true });
    await expectEventually(
      page,
      async () =>
        (await listings
          .locator('tbody')
          .getByRole('row', { name: /^Lead / })
          .count()) === 2,
    );
    await expectAccessible(page, 'my listings');
    await shoot(page, '5-listed');

    // search the table by the CSV row's external id, and open that lead's history
    await page.getByRole('searchbox', { name: /^Search/ }).fill(externalIdOfGoodRow);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('1–1 of 1 lead').waitFor();
    const row = listings.locator('tbody').getByRole('row', { name: /^Lead / });
    const leadId = (await row.locator('.mono').textContent())!;
    await row.getByRole('button', { name: /^History of lead/ }).click();
    const history = page.getByRole('list', { name: `History of lead ${leadId}` });
    await history.getByText('Listed on the marketplace').waitFor();
    await expectAccessible(page, 'my listings, history open');
    await shoot(page, '6-listing-history');

    // a buyer buys it: the sale is in the sales table, and the lead's history shows it
    const [buyer] = await createBuyerActors(app, 1);
    await buyThroughStripe(app, buyer!, [leadId]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sales' }).click();
    await page.getByText('1–1 of 1 sale').waitFor();
    await expectAccessible(page, 'sales');
    await page.getByRole('button', { name: /^History of the lead of sale/ }).click();
    await page
      .getByRole('list', { name: `History of lead ${leadId}` })
      .getByText(/^Sold · \$/)
      .waitFor();
    await expectAccessible(page, 'sales, history open');
    await shoot(page, '7-sales-history');
    const phone = await newPage(browser, PHONE);
    await phone.context.addCookies(await page.context().cookies());
    await phone.page.goto(`${app.url}/seller/sales`);
    await phone.page.getByText('1–1 of 1 sale').waitFor();
    await shoot(phone.page, '7-sales-phone');
    await phone.page.goto(`${app.url}/seller/listings`);
    await phone.page.getByRole('region', { name: 'Listings', exact: true }).waitFor();
    await shoot(phone.page, '5-listed-phone');
    await phone.context.close();
  }, 120_000);
});

async function expectText(locator: ReturnType<Page['locator']>, pattern: RegExp): Promise<void> {
  const text = (await locator.textContent()) ?? '';
  expect(text).toMatch(pattern);
}

/** Reloads until the check passes (workers decide asynchronously), at most ~20 s. */
async function expectEventually(on: Page, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    if (await check()) return;
    await on.waitForTimeout(500);
    await on.reload();
    await on.getByText(/\d+ leads?$/).waitFor();
  }
  await on.screenshot({ path: `${SCREENSHOT_DIR}seller-timeout.png`, fullPage: true });
  throw new Error('condition not met in time (see seller-timeout.png)');
}
