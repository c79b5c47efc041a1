// Journey 6, in Chromium (issue 16): a buyer organisation's owner invites a member from the Team page; the
// member accepts from the invitation e-mail (read back from a real SMTP server the test runs), signs in
// with the invited role and buys a lead through the Stripe stand-in; the owner gets the order's e-mail and
// sees the member joining and the order paid in the audit log.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { startSmtpCatcher, tokenOfLink, type SmtpCatcher } from '../helpers/smtp-catcher';
import type { TestApp } from '../helpers/test-app';
import { expectAccessible } from './accessibility';
import { fillStandInCard, launchBrowser, newPage, PASSWORD, PHONE, screenshots, signInThroughUi } from './browser';
import { startE2eApp } from './e2e-app';
import { listThroughApi } from './seed-market';

const shoot = screenshots('team');
let app: TestApp;
let smtp: SmtpCatcher;
let browser: Browser;
let owner: TestUser;
let wanted: string;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-team', workers: true, stripe: true, env: { SMTP_URL: smtp.url } }), launchBrowser()]);
  const seller = await signUpAs(app, 'SELLER');
  owner = await signUpAs(app, 'BUYER', 'owner');
  [wanted] = (await listThroughApi(app, seller, owner, [validLead({ exclusivity: 'EXCLUSIVE', fullName: 'Nadia Karim', phone: '+14155550177' })])) as [string];
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await smtp?.close();
});

describe('team journey', () => {
  it('an owner invites a member, who joins from the e-mail and buys a lead; the owner gets the e-mail and reads the audit log', async () => {
    const { page: ownerPage } = await newPage(browser);
    await signInThroughUi(ownerPage, app.url, owner.email);
    // Team is one of the less-used links behind the navigation's "More" button
    const nav = ownerPage.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: /More/ }).click();
    await nav.getByRole('link', { name: 'Team' }).click();
    await ownerPage.getByRole('heading', { name: 'Team' }).waitFor();
    await expectAccessible(ownerPage, 'team page');
    const invitee = `member-${randomBytes(4).toString('hex')}@example.com`;
    const form = ownerPage.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('E-mail').fill(invitee);
    await form.getByLabel('Role').selectOption('MEMBER');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await ownerPage.getByText(invitee).waitFor();
    await expectAccessible(ownerPage, 'team page with the invitation');
    await shoot(ownerPage, '1-invited');

    // the member opens the link of the e-mail, on a phone
    const invitation = await smtp.mailTo(invitee, /invited you to/);
    const token = tokenOfLink(invitation, '/accept-invitation');
    const { page: memberPage } = await newPage(browser, PHONE);
    await memberPage.goto(`${app.url}/accept-invitation?token=${encodeURIComponent(token)}`);
    await memberPage.getByLabel('Your name').fill('Mia Member');
    await memberPage.getByLabel('Password').fill(PASSWORD);
    await expectAccessible(memberPage, 'accept invitation (phone)');
    await shoot(memberPage, '2-accept');
    await memberPage.getByRole('button', { name: 'Join' }).click();
    await memberPage.getByRole('heading', { name: 'Marketplace' }).waitFor();
    await expectAccessible(memberPage, 'marketplace (phone)');
    await buyTheLead(memberPage);
    await expectAccessible(memberPage, 'paid order (phone)');
    await shoot(memberPage, '3-member-paid');

    // the owner is told by e-mail, and the audit log names who did what
    const paid = await smtp.mailTo(owner.email, /^Order ord_\w+ is paid$/);
    expect(paid.text).toContain('1 lead for');
    await ownerPage.goto(`${app.url}/audit`);
    await ownerPage.getByRole('heading', { name: 'Audit log' }).waitFor();
    const entries = ownerPage.getByRole('table');
    for (const action of ['member.invited', 'member.joined', 'order.paid']) await entries.getByText(action, { exact: true }).first().waitFor();
    // the member who joined is named as the actor of their own entry
    await entries.getByRole('row').filter({ hasText: 'member.joined' }).getByText('Mia Member').waitFor();
    await expectAccessible(ownerPage, 'audit log');
    await shoot(ownerPage, '4-audit-log');
  });
});

async function buyTheLead(page: Page) {
  await page.getByRole('checkbox', { name: `Select lead ${wanted}` }).check();
  await page.getByRole('button', { name: 'Buy selected' }).click();
  await page.waitForURL(/\/orders\/ord_/);
  await page.getByRole('button', { name: 'Pay with Stripe' }).waitFor();
  await expectAccessible(page, 'order to pay (phone)');
  await page.getByRole('button', { name: 'Pay with Stripe' }).click();
  await page.waitForURL((url) => url.port === new URL(app.stripe!.url).port);
  await fillStandInCard(page, 'Mia Member');
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByText(/^Paid on /).waitFor();
}
