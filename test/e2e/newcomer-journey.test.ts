// Journey, in Chromium: a newcomer opens `/`, reads what Leadex is, tries the CPL calculator and signs up as a
// seller; the first-run checklist ticks "add a lead" once the downloaded CSV template is uploaded as it is
// (green: every row accepted), and the lead is listed. A second newcomer opens the app at localhost (the
// loopback twin of the app's 127.0.0.1 origin), signs up as a buyer, buys that lead on the stand-in's hosted
// checkout and comes back to localhost still signed in; their checklist ticks browsing and buying.
// Every product page is checked with axe; the new pages are shot at desktop and phone width.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { eq, schema } from '@leadex/db';
import type { TestApp } from '../helpers/test-app';
import { expectAccessible } from './accessibility';
import { PASSWORD, PHONE, fillStandInCard, launchBrowser, newPage, screenshots } from './browser';
import { startE2eApp } from './e2e-app';

const shoot = screenshots('newcomer');
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-newcomer', workers: true, stripe: true }), launchBrowser()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The page at phone width too, in a context of its own with the same cookies. */
async function shootPhone(page: Page, step: string, ready: (p: Page) => Promise<unknown>): Promise<void> {
  const phone = await newPage(browser, PHONE);
  await phone.context.addCookies(await page.context().cookies());
  await phone.page.goto(page.url());
  await ready(phone.page);
  await expectAccessible(phone.page, `${step} (phone)`);
  await shoot(phone.page, `${step}-phone`);
  await phone.context.close();
}

async function signUp(page: Page, who: { name: string; organization: string }): Promise<void> {
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('E-mail').fill(`${who.name.split(' ')[0]!.toLowerCase()}-${randomBytes(4).toString('hex')}@example.com`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Organization name').fill(who.organization);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Welcome to Leadex' }).waitFor();
}

async function waitForListed(leadId: string): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    const [row] = await app.runtime.deps.db.select({ status: schema.leads.status }).from(schema.leads).where(eq(schema.leads.id, leadId));
    if (row?.status === 'LISTED') return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`lead ${leadId} was not listed in time`);
}

describe('newcomer journey', () => {
  let leadId = '';

  it('reads the front page, signs up as a seller, uploads the template as it is and gets a first listing', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { name: 'Leadex: a marketplace for leads' }).waitFor();
    await page.getByRole('heading', { name: 'How it works' }).waitFor();
    await expectAccessible(page, 'front page');
    await shoot(page, '1-front-page');
    await shootPhone(page, '1-front-page', (p) => p.getByRole('heading', { name: 'For buyers' }).waitFor());

    // the CPL calculator, on the front page
    const calculator = page.getByRole('form', { name: 'Campaign calculator' });
    await calculator.getByLabel('Clicks').fill('1000');
    await calculator.getByLabel('Cost per click').fill('0.50');
    await calculator.getByLabel('Leads').fill('20');
    await calculator.getByRole('button', { name: 'Calculate' }).click();
    const results = page.getByRole('definition').filter({ hasText: '$25.00' });
    await results.waitFor();
    await expectAccessible(page, 'front page, calculated');
    await shoot(page, '2-calculated');

    // sign-up for sellers: the role is chosen already
    await page.getByRole('link', { name: 'Sign up to sell leads' }).click();
    await page.waitForURL(/\/sign-up\?role=SELLER$/);
    expect(await page.getByRole('radio', { name: /Sell leads/ }).isChecked()).toBe(true);
    await expectAccessible(page, 'sign up');
    await signUp(page, { name: 'Selma Seller', organization: 'Northwind Leads' });
    await page.getByText('0 of 3 done.').waitFor();
    await expectAccessible(page, 'welcome checklist (seller)');
    await shoot(page, '3-seller-checklist');
    await shootPhone(page, '3-seller-checklist', (p) => p.getByText('0 of 3 done.').waitFor());

    // the downloaded template, uploaded as it is: every row accepted, so the result is green
    await page.goto(`${app.url}/seller/leads/csv`);
    await page.getByRole('heading', { name: 'Upload leads (CSV)' }).waitFor();
    await expectAccessible(page, 'csv upload');
    const template = await (await fetch(`${app.url}/leads/csv-template`)).text();
    await page.getByLabel('CSV file').setInputFiles({ name: 'leadex-leads-template.csv', mimeType: 'text/csv', buffer: Buffer.from(template) });
    await page.getByRole('button', { name: 'Upload' }).click();
    const status = page.getByRole('region', { name: 'Result' }).getByRole('status');
    await status.filter({ hasText: '1 accepted, 0 rejected' }).waitFor();
    expect(await status.getAttribute('class')).toContain('alert--success');
    await expectAccessible(page, 'csv upload, all accepted');
    await shoot(page, '4-template-accepted');

    // the checklist ticks the first step from real state
    await page.goto(`${app.url}/welcome`);
    await page.getByText('1 of 3 done.').waitFor();
    const first = page.getByRole('list', { name: 'First steps' }).getByRole('listitem').first();
    await first.getByText('Done').waitFor();
    await expectAccessible(page, 'welcome checklist, one done');
    await shoot(page, '5-seller-checklist-one-done');

    // the spot-check worker lists the lead: the first listing
    const [lead] = await app.runtime.deps.db
      .select({ id: schema.leads.id })
      .from(schema.leads)
      .innerJoin(schema.organizations, eq(schema.organizations.id, schema.leads.sellerOrgId))
      .where(eq(schema.organizations.name, 'Northwind Leads'));
    leadId = lead!.id;
    await waitForListed(leadId);
    await page.getByRole('link', { name: 'Skip for now' }).click();
    await page.getByRole('heading', { name: 'My listings' }).waitFor();
    await page
      .getByRole('region', { name: 'Listings', exact: true })
      .getByRole('row', { name: /^Lead / })
      .getByText('Listed', { exact: true })
      .waitFor();
    await expectAccessible(page, 'my listings, first listing');
    await shoot(page, '6-first-listing');
    await context.close();
  }, 120_000);

  it('opens the app at localhost, signs up as a buyer, pays on the hosted checkout and comes back signed in', async () => {
    expect(leadId).not.toBe('');
    const twin = app.url.replace('127.0.0.1', 'localhost');
    const { context, page } = await newPage(browser);
    await page.goto(`${twin}/`);
    await page.getByRole('link', { name: 'Sign up to buy leads' }).click();
    expect(await page.getByRole('radio', { name: /Buy leads/ }).isChecked()).toBe(true);
    await signUp(page, { name: 'Bruno Buyer', organization: 'Contoso Insurance' });
    await page.getByText('0 of 4 done.').waitFor();
    await expectAccessible(page, 'welcome checklist (buyer)');
    await shoot(page, '7-buyer-checklist');
    await shootPhone(page, '7-buyer-checklist', (p) => p.getByText('0 of 4 done.').waitFor());

    await page.getByRole('link', { name: 'Open the marketplace' }).click();
    await page.getByRole('heading', { name: 'Marketplace' }).waitFor();
    await page.getByRole('checkbox', { name: `Select lead ${leadId}` }).check();
    await expectAccessible(page, 'marketplace');
    await page.getByRole('button', { name: 'Buy selected' }).click();
    await page.waitForURL(/\/orders\/ord_/);
    await page.getByRole('button', { name: 'Pay with Stripe' }).waitFor();
    await expectAccessible(page, 'order');
    await page.getByRole('button', { name: 'Pay with Stripe' }).click();
    await page.waitForURL((url) => url.port === new URL(app.stripe!.url).port);
    await fillStandInCard(page, 'Bruno Buyer');
    await page.getByRole('button', { name: /^Pay / }).click();

    // back on the origin the buyer opened, still signed in
    await page.waitForURL((url) => url.hostname === 'localhost' && url.pathname.startsWith('/orders/') && url.searchParams.get('paid') === '1');
    await page.getByText(/^Paid on /).waitFor();
    await page.getByLabel('Signed in user').getByText('Bruno Buyer').waitFor();
    await expectAccessible(page, 'paid order');
    await shoot(page, '8-paid-back-signed-in');

    await page.goto(`${twin}/welcome`);
    await page.getByText('2 of 4 done.').waitFor();
    await expectAccessible(page, 'welcome checklist, bought');
    await shoot(page, '9-buyer-checklist-bought');
    await shootPhone(page, '9-buyer-checklist-bought', (p) => p.getByText('2 of 4 done.').waitFor());
    await context.close();
  }, 120_000);
});
