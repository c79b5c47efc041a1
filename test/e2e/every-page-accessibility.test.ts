// Every product page, for each role that may open it, checked with axe-core in Chromium (issue 15): 0 serious or
// critical violations, with data on the pages (a listed lead, a sale, a pending order, a wallet top-up). The
// journeys check the pages again in the middle of their flows; this sweep makes sure no page is left out.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { validLead } from '../fixtures/leads';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { buyThroughStripe, listLeads } from '../helpers/market-fixtures';
import type { TestApp } from '../helpers/test-app';
import { expectAccessible } from './accessibility';
import { launchBrowser, newPage, PHONE, signInThroughUi } from './browser';
import { startE2eApp } from './e2e-app';

const SIGNED_OUT = ['/', '/sign-in', '/sign-up', '/sign-up?role=BUYER', '/forgot-password', '/reset-password?token=x', '/calculator', '/no-such-page'];
const EVERYONE = ['/security', '/team', '/notifications', '/audit', '/calculator'];
const BUYER = [
  '/welcome',
  '/marketplace',
  '/orders',
  '/purchases',
  '/dashboard',
  '/campaigns',
  '/campaigns/new',
  '/wallet',
  '/deliveries',
  '/delivery-endpoints',
  '/suppression',
];
const SELLER = [
  '/welcome',
  '/seller/listings',
  '/seller/leads/new',
  '/seller/leads/csv',
  '/seller/sales',
  '/seller/returns',
  '/seller/payouts',
  '/seller/origins',
  '/seller/api-keys',
];
const OPERATOR = [
  '/operator/overview',
  '/operator/disputes',
  '/operator/return-policies',
  '/operator/verification',
  '/operator/sellers',
  '/operator/ledger',
  '/operator/price-grid',
  '/operator/price-factors',
  '/operator/commission',
  '/marketplace',
];

let app: TestApp;
let browser: Browser;
let buyer: TestUser;
let seller: TestUser;
let operator: TestUser;
let pendingOrder: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-axe', stripe: true }), launchBrowser()]);
  const tag = randomBytes(3).toString('hex');
  [buyer, seller, operator] = await Promise.all([signUpAs(app, 'BUYER', `axeb${tag}`), signUpAs(app, 'SELLER', `axes${tag}`), createOperatorUser(app)]);
  const sellerActor = { userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER' as const, via: 'session' as const };
  const buyerActor = { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER' as const, via: 'session' as const };
  const [sold, held] = await listLeads(app, sellerActor, [validLead({ exclusivity: 'EXCLUSIVE' }), validLead({ exclusivity: 'EXCLUSIVE' }), validLead()]);
  await buyThroughStripe(app, buyerActor, [sold!]);
  const order = await app
    .client({ token: buyer.token })
    .request<{ createOrder: { id: string } }>(`mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }`, { input: { leadIds: [held!] } });
  pendingOrder = order.createOrder.id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function check(page: Page, path: string, label: string) {
  await page.goto(`${app.url}${path}`);
  await page.locator('h1').first().waitFor();
  // the page's own queries settle before the check (loading states are checked by the journeys)
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, `${label} ${path}`);
}

async function sweep(user: TestUser | null, paths: string[], label: string, viewport?: typeof PHONE) {
  const { context, page } = await newPage(browser, viewport);
  try {
    if (user) await signInThroughUi(page, app.url, user.email);
    for (const path of paths) await check(page, path, label);
  } finally {
    await context.close();
  }
}

it('signed out: the front page, sign-in and sign-up, the calculator, a missing page', () => sweep(null, SIGNED_OUT, 'visitor'));

it('buyer: every page, at desktop and phone width', async () => {
  await sweep(buyer, [...BUYER, `/orders/${pendingOrder}`, ...EVERYONE], 'buyer');
  await sweep(buyer, ['/marketplace', '/orders', '/purchases', '/wallet'], 'buyer (phone)', PHONE);
});

it('seller: every page, at desktop and phone width', async () => {
  await sweep(seller, [...SELLER, ...EVERYONE], 'seller');
  await sweep(seller, ['/seller/listings', '/seller/sales', '/seller/leads/new'], 'seller (phone)', PHONE);
});

it('operator: every page', () => sweep(operator, [...OPERATOR, '/security', '/notifications', '/audit'], 'operator'));
