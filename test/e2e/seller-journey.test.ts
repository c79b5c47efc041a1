// Journey 1, in Chromium: a seller signs up, lists a lead with the form, uploads a CSV made from the
// template and sees each row's result, then finds the leads in their listings.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { uniquePhone } from '../fixtures/leads';
import type { TestApp } from '../helpers/test-app';
import { SCREENSHOT_DIR, launchBrowser, newPage, screenshots, signUpThroughUi } from './browser';
import { startE2eApp } from './e2e-app';

const shoot = screenshots('seller');
let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-seller', workers: true }), launchBrowser()]);
  ({ page } = await newPage(browser));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

// a real browser's user agent: the template's bare "Mozilla/5.0" reads as a bot, and its batch fails the spot-check
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML like Gecko) Chrome/131.0 Safari/537.36';

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
    await shoot(page, '1-signed-up');

    // one lead through the form
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Submit a lead' }).click();
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
    await shoot(page, '2-lead-form');
    await page.getByRole('button', { name: 'Submit lead' }).click();
    await page.getByText('Lead accepted').waitFor();
    await shoot(page, '3-lead-accepted');

    // a CSV made from the downloadable template
    const template = await (await fetch(`${app.url}/leads/csv-template`)).text();
    await page.goto(`${app.url}/seller/leads/csv`);
    await page.getByLabel('CSV file').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFromTemplate(template)) });
    await page.getByRole('button', { name: 'Upload' }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await result.waitFor();
    await expectText(result.getByRole('status'), /1 accepted, 1 rejected/);
    // row 3 (the header is row 1) is the rejected one, with its phone finding
    const rejected = result.getByRole('row').filter({ hasText: 'Rejected' }).first();
    await expectText(rejected, /^3/);
    await expectText(rejected, /phone/i);
    await shoot(page, '4-csv-results');

    // the spot-check worker lists both accepted leads within a few seconds
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My listings' }).click();
    await page.getByLabel('Status').selectOption('LISTED');
    await expectEventually(page, async () => (await page.getByRole('article').count()) === 2);
    await shoot(page, '5-listed');
  }, 80_000);
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
    await on.getByText(/^\d+ leads?$/).waitFor();
  }
  await on.screenshot({ path: `${SCREENSHOT_DIR}seller-timeout.png`, fullPage: true });
  throw new Error('condition not met in time (see seller-timeout.png)');
}
