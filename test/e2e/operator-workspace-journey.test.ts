// Journey (issue 15), in Chromium: an operator's daily tables at volume — the overview's charts, sellers,
// disputes, spot-check calls and the ledger searched and paged on the server; same-named sellers told apart by
// their e-mail domain; the navigation in one row at 1280 px with the rest behind "More" (also for sellers and
// buyers); every page checked with axe, at desktop and phone width.
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { runSpotCheck } from '@leadex/core';
import type { Actor } from '@leadex/core/domain/auth/access';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { validLead } from '../fixtures/leads';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { buyThroughStripe, createBuyerActors, listLeads } from '../helpers/market-fixtures';
import { SIGN_UP } from '../helpers/operations';
import type { TestApp } from '../helpers/test-app';
import { expectAccessible } from './accessibility';
import { launchBrowser, newPage, PASSWORD, PHONE, screenshots, signInThroughUi } from './browser';
import { startE2eApp } from './e2e-app';

const shoot = screenshots('operator-workspace');
const tag = randomBytes(3).toString('hex');
const TWIN = `Twin Leads ${tag}`;
let app: TestApp;
let browser: Browser;
let operator: TestUser;
let buyer: TestUser;
let twins: (TestUser & { actor: Actor })[];

async function signUpSeller(name: string, email: string) {
  const res = await app.client().request<{ signUp: { token: string; user: { id: string; organization: { id: string } } } }>(SIGN_UP, {
    input: { email, password: PASSWORD, name, organizationName: TWIN, role: 'SELLER' },
  });
  const { token, user } = res.signUp;
  return {
    token,
    userId: user.id,
    organizationId: user.organization.id,
    email,
    actor: { userId: user.id, organizationId: user.organization.id, role: 'SELLER', via: 'session' } as Actor,
  };
}

const OPEN_DISPUTE = `mutation($input: OpenDisputeInput!) { openDispute(input: $input) { id } }`;

beforeAll(async () => {
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-opwork', workers: true, stripe: true }), launchBrowser()]);
  operator = await createOperatorUser(app);
  twins = [await signUpSeller('Ana Twin', `ana-${tag}@alpha-${tag}.example`), await signUpSeller('Bo Twin', `bo-${tag}@beta-${tag}.example`)];
  // enough sellers for a second page of the sellers table (25 a page)
  await createBuyerActors(app, 30, 'SELLER');
  buyer = await signUpAs(app, 'BUYER', `wide${tag}`);
  const leads = await listLeads(app, twins[0]!.actor, [validLead(), validLead(), validLead()]);
  const { purchases } = await buyThroughStripe(app, { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' }, leads);
  await app.client({ token: buyer.token }).request(OPEN_DISPUTE, {
    input: { purchaseId: purchases[0]!.id, reason: 'INVALID_CONTACT', evidence: 'The number rings out every time.' },
  });
  // spot-check calls for the second twin's batch
  await app.client(operator).request('mutation { setSegmentPolicy(segment: "EDUCATION", verificationProvider: manual) { code } }');
  const education = () => validLead({ segment: 'EDUCATION', subsegment: 'COURSE', attributes: { subject: 'Statistics' } });
  const batch = await submitLeads(app.runtime.deps, twins[1]!.actor, Array.from({ length: 10 }, education), {
    source: 'GRAPHQL',
    shapeErrors: 'refuse-request',
  });
  await runSpotCheck(app.runtime.deps, batch.id);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The main navigation's links sit in one row, and the header's account area beside them, not below. */
async function expectNavInOneRow(page: Page, label: string) {
  const items = await Promise.all((await page.locator('#main-nav > ul > li').all()).map((li) => li.boundingBox()));
  const nav = (await page.locator('#main-nav').boundingBox())!;
  const account = (await page.locator('.account').boundingBox())!;
  const layout = {
    tops: [...new Set(items.map((r) => Math.round(r!.y)))],
    navBottom: nav.y + nav.height,
    accountTop: account.y,
    width: await page.evaluate(
      () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
    ),
  };
  expect({ label, rows: layout.tops.length, accountBesideNav: layout.accountTop < layout.navBottom, overflow: layout.width > 1280 }).toEqual({
    label,
    rows: 1,
    accountBesideNav: true,
    overflow: false,
  });
}

describe('operator workspace journey', () => {
  it('works through the overview, sellers, disputes, spot-checks and the ledger at desktop width', async () => {
    const { context, page } = await newPage(browser);
    await signInThroughUi(page, app.url, operator.email);
    await page.getByRole('heading', { name: 'Disputes' }).waitFor();
    await expectNavInOneRow(page, 'operator');

    // the less-used links are behind "More", a disclosure button
    const nav = page.getByRole('navigation', { name: 'Main' });
    const more = nav.getByRole('button', { name: /More/ });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Price factors' }).waitFor();
    await expectAccessible(page, 'operator More menu open');
    await shoot(page, '1-more-menu');
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');

    // overview: charts, each with its numbers as a table
    await nav.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const figures = page.getByLabel('Key figures');
    await figures.getByText('Dispute rate').waitFor();
    expect(await figures.textContent()).toMatch(/33\.33%/); // 1 dispute of 3 sales
    await page.getByRole('img', { name: /Sales a day over 30 days/ }).waitFor();
    await page.getByText(`${TWIN} (alpha-${tag}.example)`).waitFor();
    await page.getByText('Show the numbers').first().click();
    await page.getByRole('table', { name: 'Sales and commission a day' }).waitFor();
    await expectAccessible(page, 'operator overview');
    await shoot(page, '2-overview');
    await page.getByLabel('Period').selectOption('7');
    await page
      .getByRole('img', { name: /over 7 days/ })
      .first()
      .waitFor();

    // sellers: searched on the server, same-named sellers told apart, paged
    await nav.getByRole('link', { name: 'Sellers' }).click();
    const sellers = page.getByRole('region', { name: 'Sellers table' });
    await sellers.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^1–25 of \d+ · page 1 of 2/ })
      .waitFor();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^26–\d+ of \d+ · page 2 of 2/ })
      .waitFor();
    await page.getByLabel('Search sellers').fill(TWIN);
    await page
      .getByRole('status')
      .filter({ hasText: /^1–2 of 2$/ })
      .waitFor();
    await sellers.getByText(`alpha-${tag}.example`).waitFor();
    await sellers.getByText(`beta-${tag}.example`).waitFor();
    expect(page.url()).toContain(`q=${encodeURIComponent(TWIN).replace(/%20/g, '+')}`);
    await expectAccessible(page, 'operator sellers searched');
    await shoot(page, '3-sellers');

    // disputes: searched by the buyer's name
    await nav.getByRole('link', { name: 'Disputes' }).click();
    await page.getByLabel('Search disputes').fill(`wide${tag}`);
    await page
      .getByRole('article', { name: /^Dispute dsp_/ })
      .getByText('The number rings out every time.')
      .waitFor();
    await page.getByText('1 dispute', { exact: true }).waitFor();
    await page.getByLabel('Search disputes').fill(`nothing-${tag}`);
    await page.getByText(`No dispute matches “nothing-${tag}”.`).waitFor();
    await expectAccessible(page, 'operator disputes searched');
    await shoot(page, '4-disputes');

    // spot-check calls: searched by the seller, paged
    await nav.getByRole('link', { name: 'Spot-checks' }).click();
    await page.getByLabel('Search tasks').fill(TWIN);
    await page
      .getByRole('status')
      .filter({ hasText: / of \d+/ })
      .waitFor();
    await page
      .getByRole('article', { name: /^Call / })
      .first()
      .waitFor();
    await expectAccessible(page, 'operator spot-check calls searched');
    await shoot(page, '5-spot-checks');

    // ledger: accounts by name with the sign explained, searched
    await nav.getByRole('link', { name: 'Ledger' }).click();
    const accounts = page.getByRole('region', { name: 'Ledger accounts table' });
    await accounts.getByRole('rowheader', { name: /^Escrow/ }).waitFor();
    await accounts.getByRole('rowheader', { name: /^Stripe balance/ }).waitFor();
    await page.getByText('How to read the balances').waitFor();
    await page.getByText(/Sum of all accounts \(\d+\): .* balanced/).waitFor();
    await expectAccessible(page, 'operator ledger');
    await shoot(page, '6-ledger');
    await page.getByLabel('Search accounts').fill('escrow');
    await page
      .getByRole('status')
      .filter({ hasText: /^1–1 of 1$/ })
      .waitFor();
    expect(await accounts.getByRole('row').count()).toBe(2); // the header and escrow
    await context.close();
  }, 90_000);

  it('shows the same pages at phone width, the menu holding the "More" links', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signInThroughUi(page, app.url, operator.email);
    await page.getByRole('heading', { name: 'Disputes' }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: /More/ }).click();
    await nav.getByRole('link', { name: 'Commission' }).waitFor();
    await expectAccessible(page, 'operator menu (phone)');
    await shoot(page, 'phone-1-menu');
    for (const [path, heading, step] of [
      ['/operator/overview', 'Overview', 'phone-2-overview'],
      ['/operator/sellers', 'Sellers and verification', 'phone-3-sellers'],
      ['/operator/disputes', 'Disputes', 'phone-4-disputes'],
      ['/operator/verification', 'Spot-check calls', 'phone-5-spot-checks'],
      ['/operator/ledger', 'Ledger and settlement', 'phone-6-ledger'],
    ] as const) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page
        .getByText(/Loading/)
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      // wide tables scroll inside their box; the page itself does not scroll sideways
      expect({
        path,
        width: await page.evaluate(
          () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
        ),
      }).toEqual({ path, width: PHONE.width });
      await expectAccessible(page, `${heading} (phone)`);
      await shoot(page, step);
    }
    await context.close();
  }, 60_000);

  it('fits the seller’s and the buyer’s navigation in one row at 1280 px too', async () => {
    for (const [who, email] of [
      ['seller', twins[0]!.email],
      ['buyer', buyer.email],
    ] as const) {
      const { context, page } = await newPage(browser);
      await signInThroughUi(page, app.url, email);
      await expectNavInOneRow(page, who);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /More/ }).click();
      await expectAccessible(page, `${who} More menu open`);
      await shoot(page, `7-${who}-nav`);
      await context.close();
    }
  }, 60_000);
});
