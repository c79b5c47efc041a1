// Journey 5, in Chromium: a visitor fills in the demo test-drive form (GET /demo/lead-form), whose consent
// capture script (GET /consent.js) gets a certificate at submit; the lead is listed with it, verified. A buyer buys
// it in the web app (the stand-in's hosted checkout) and opens its printable certificate page from the purchase.
// Typed at a person's pace the lead carries no pace signal; pasted in and sent within 3 seconds it carries
// FAST_FORM_FILL and CONTACT_PASTED.
import type { Browser, Page } from 'playwright-core';
import { signIn, signUp } from '@leadex/core/domain/auth/auth.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@leadex/core/seed/demo-data';
import { runSpotCheck } from '@leadex/core/domain/verification/run-spot-check';
import { eq, schema } from '@leadex/db';
import { uniquePhone } from '../fixtures/leads';
import { signUpAs } from '../helpers/actors';
import type { TestApp } from '../helpers/test-app';
import { expectAccessible } from './accessibility';
import { fillStandInCard, launchBrowser, newPage, screenshots, signInThroughUi } from './browser';
import { startE2eApp } from './e2e-app';

const shoot = screenshots('consent');
let app: TestApp;
let browser: Browser;
let token: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-consent', stripe: true }), launchBrowser()]);
  // the demo seller, as the seed makes it (the demo form belongs to the first demo seller)
  const email = DEMO_ACCOUNTS.sellers[0]!;
  await signUp(app.runtime.deps, { email, password: DEMO_PASSWORD, name: 'Demo seller 1', organizationName: 'Sunrise Media', role: 'SELLER' });
  const session = await signIn(app.runtime.deps, email, DEMO_PASSWORD, '127.0.0.1');
  if (session.twoFactorRequired) throw new Error('the demo seller has no TOTP');
  token = session.token;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

interface SellerLead {
  signals: { code: string }[] | null;
  consent: { certificate: { verified: boolean; phoneEntry: string; timeOnPageMs: number } | null } | null;
}

async function sellerLead(id: string): Promise<SellerLead> {
  const { lead } = await app
    .client({ token })
    .request<{ lead: SellerLead }>('query($id: ID!) { lead(id: $id) { signals { code } consent { certificate { verified phoneEntry timeOnPageMs } } } }', {
      id,
    });
  return lead;
}

async function acceptedLeadId(page: Page): Promise<string> {
  await page.getByRole('heading', { name: 'Lead accepted' }).waitFor();
  expect(await page.getByTestId('certificate').textContent()).toBe('attached and verified');
  return (await page.getByTestId('lead-id').textContent())!;
}

const codes = (lead: SellerLead) => (lead.signals ?? []).map((s) => s.code);

describe('consent journey', () => {
  it('types the form at a person’s pace: the lead comes with a verified certificate and no pace signal', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/demo/lead-form`);
    await page.getByLabel('Car').selectOption({ label: 'Kia Sportage' });
    await page.getByLabel('Full name').pressSequentially('Nadia Karim', { delay: 120 });
    await page.getByLabel('Phone').pressSequentially(uniquePhone(), { delay: 150 });
    await page.getByRole('checkbox').check();
    await expectAccessible(page, 'demo lead form');
    await shoot(page, '1-filled-in');
    await page.getByRole('button', { name: 'Book a test drive' }).click();
    const leadId = await acceptedLeadId(page);
    await expectAccessible(page, 'demo lead form, accepted');
    await shoot(page, '2-accepted');

    const lead = await sellerLead(leadId);
    expect(lead.consent?.certificate).toMatchObject({ verified: true, phoneEntry: 'TYPED' });
    expect(lead.consent!.certificate!.timeOnPageMs).toBeGreaterThanOrEqual(3_000);
    expect(codes(lead)).not.toContain('FAST_FORM_FILL');
    expect(codes(lead)).not.toContain('CONTACT_PASTED');
    await context.close();

    // the spot-check lists it (the certificate re-verified), and a buyer buys it in the web app
    const [row] = await app.runtime.deps.db.select({ batchId: schema.leads.batchId }).from(schema.leads).where(eq(schema.leads.id, leadId));
    await runSpotCheck(app.runtime.deps, row!.batchId, { offerToCampaigns: false });
    const buyer = await signUpAs(app, 'BUYER', 'dealer-group');
    const shopper = await newPage(browser);
    const buyerPage = shopper.page;
    await signInThroughUi(buyerPage, app.url, buyer.email);
    await buyerPage.goto(`${app.url}/marketplace`);
    await buyerPage.getByRole('checkbox', { name: `Select lead ${leadId}` }).check();
    await expectAccessible(buyerPage, 'marketplace');
    await buyerPage.getByRole('button', { name: 'Buy selected' }).click();
    await buyerPage.waitForURL(/\/orders\/ord_/);
    await buyerPage.getByRole('button', { name: 'Pay with Stripe' }).waitFor();
    await expectAccessible(buyerPage, 'order');
    await buyerPage.getByRole('button', { name: 'Pay with Stripe' }).click();
    await buyerPage.waitForURL((url) => url.port === new URL(app.stripe!.url).port);
    await fillStandInCard(buyerPage, 'Dealer Group');
    await buyerPage.getByRole('button', { name: /^Pay / }).click();
    await buyerPage.getByText(/^Paid on /).waitFor();
    await expectAccessible(buyerPage, 'paid order');

    // the purchase links its certificate; the page is the buyer's evidence
    await buyerPage.getByRole('link', { name: 'your purchases' }).click();
    const purchase = buyerPage.getByRole('article', { name: 'Purchase Nadia Karim' });
    await purchase.getByRole('link', { name: 'Consent certificate' }).waitFor();
    await expectAccessible(buyerPage, 'purchases');
    await shoot(buyerPage, '3-purchase-with-certificate');
    await purchase.getByRole('link', { name: 'Consent certificate' }).click();
    const certificate = buyerPage.getByRole('article', { name: 'Certificate' });
    await certificate.getByText('Signature verified').waitFor();
    expect(await certificate.getByText('Typed by the person').count()).toBe(1);
    expect(await certificate.getByText(`${app.url}/demo/lead-form`).count()).toBe(1);
    await expectAccessible(buyerPage, 'certificate page');
    await shoot(buyerPage, '4-certificate-page');
    await shopper.context.close();
  }, 90_000);

  it('pastes the phone and sends within 3 seconds: the lead carries FAST_FORM_FILL and CONTACT_PASTED', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/demo/lead-form`);
    await page.getByLabel('Full name').fill('Paul Paster');
    // what a paste does in the browser: a paste event on the field, then the text inserted
    // (a page script: the test's TypeScript has no DOM types)
    await page.evaluate(`{
      const el = document.querySelector('[data-leadex="phone"]');
      el.focus();
      el.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true }));
      el.value = ${JSON.stringify(uniquePhone())};
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }`);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Book a test drive' }).click();
    const leadId = await acceptedLeadId(page);
    await expectAccessible(page, 'demo lead form, pasted and accepted');
    await shoot(page, '5-pasted-accepted');

    const lead = await sellerLead(leadId);
    expect(lead.consent?.certificate).toMatchObject({ verified: true, phoneEntry: 'PASTED' });
    expect(codes(lead)).toEqual(expect.arrayContaining(['FAST_FORM_FILL', 'CONTACT_PASTED']));
    await context.close();
  }, 60_000);
});
