// Finding 15: helmet's headers on the API and the web app it serves. The Content-Security-Policy allows only
// the app's own scripts, styles and API ('self'), so this walks the built React app in Chromium as a buyer, a
// seller and an operator and demands that the browser reports no CSP violation on any page.
import type { Browser, Page } from 'playwright-core';
import { QUEUE } from '@leadex/core/queues/job-payloads';
import { launchBrowser, newPage, signInThroughUi } from '../e2e/browser';
import { startE2eApp } from '../e2e/e2e-app';
import { createOperatorUser, signUpAs } from '../helpers/actors';
import type { TestApp } from '../helpers/test-app';

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startE2eApp({ label: 'security-headers' }), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Records every CSP violation the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  // runs in the page (as text: the test project compiles without the DOM library)
  await page.addInitScript("document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI))");
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function visitAll(email: string, paths: string[]): Promise<{ violations: string[]; headings: string[] }> {
  const { context, page } = await newPage(browser);
  const violations = await watchViolations(page);
  await signInThroughUi(page, app.url, email);
  const headings: string[] = [];
  for (const path of paths) {
    await page.goto(`${app.url}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    headings.push(await page.getByRole('heading', { level: 1 }).first().innerText());
  }
  await context.close();
  return { violations, headings };
}

describe('the web app under its Content-Security-Policy', () => {
  it('sends the policy and the other helmet headers with the app shell', async () => {
    const res = await fetch(`${app.url}/marketplace`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/img-src 'self' data:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    // development and tests run on plain HTTP: no HSTS pinning localhost
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('loads every buyer page with no CSP violation', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { violations, headings } = await visitAll(buyer.email, [
      '/marketplace',
      '/purchases',
      '/dashboard',
      '/campaigns',
      '/wallet',
      '/deliveries',
      '/calculator',
    ]);
    expect(violations).toEqual([]);
    expect(headings).toHaveLength(7);
  }, 60_000);

  it('loads every seller page with no CSP violation', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const { violations, headings } = await visitAll(seller.email, [
      '/seller/listings',
      '/seller/leads/new',
      '/seller/leads/csv',
      '/seller/sales',
      '/seller/payouts',
      '/seller/api-keys',
    ]);
    expect(violations).toEqual([]);
    expect(headings).toHaveLength(6);
  }, 60_000);

  it('loads the operator pages with no CSP violation', async () => {
    const operator = await createOperatorUser(app);
    const { violations, headings } = await visitAll(operator.email, [
      '/operator/disputes',
      '/operator/verification',
      '/operator/sellers',
      '/operator/ledger',
      '/operator/price-grid',
      '/operator/commission',
    ]);
    expect(violations).toEqual([]);
    expect(headings).toHaveLength(6);
  }, 60_000);

  it("lets the operators' queue dashboard run under its own, slightly wider policy", async () => {
    const operator = await createOperatorUser(app);
    const { context, page } = await newPage(browser);
    const violations = await watchViolations(page);
    await signInThroughUi(page, app.url, operator.email);
    await page.goto(`${app.url}/admin/queues`);
    await page.getByText(QUEUE.spotCheck, { exact: false }).first().waitFor();
    await context.close();
    expect(violations).toEqual([]);
  }, 60_000);
});
