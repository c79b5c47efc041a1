// Journey 4, in Chromium: exchange mode. A buyer signs up, tops up the wallet on the Stripe stand-in's
// hosted checkout, creates a campaign for test drives in one city with a max bid above the grid price and
// sets a webhook endpoint. A seller's matching lead is then listed; the allocation worker sells it to the
// campaign within seconds, the lead is POSTed (signed) to the endpoint, and the buyer sees it on
// /purchases with its contact, and the campaign's spend and wins updated.
import { eq, schema } from '@leadex/db';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { Actor } from '@leadex/core/domain/auth/access';
import { createSellerActor, exclusiveLead, listLeads } from '../helpers/market-fixtures';
import type { TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';
import { expectAccessible } from './accessibility';
import { fillStandInCard, launchBrowser, newPage, PHONE, screenshots, signUpThroughUi } from './browser';
import { startE2eApp } from './e2e-app';

const shoot = screenshots('exchange');
const CITY = 'Pasadena';
const usd = (minor: number) => `$${(minor / 100).toFixed(2)}`;

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The buyer's own server: records every webhook and answers 200. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/leadex-webhook`,
    received,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** README's verifier: `Leadex-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
function signatureValid(rawBody: string, header: string, secret: string): boolean {
  const t = /t=(\d+)/.exec(header)?.[1];
  const v1 = /v1=([0-9a-f]+)/.exec(header)?.[1];
  if (!t || !v1 || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return v1.length === expected.length && timingSafeEqual(Buffer.from(v1), Buffer.from(expected));
}

let app: TestApp;
let browser: Browser;
let page: Page;
let seller: Actor;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  // the receiver first: its port is what the app is told it may deliver to (WEBHOOK_ALLOW_HOSTS)
  receiver = await startReceiver();
  const env = { WEBHOOK_ALLOW_HOSTS: new URL(receiver.url).host };
  [app, browser] = await Promise.all([startE2eApp({ label: 'e2e-exchange', workers: true, stripe: true, env }), launchBrowser()]);
  seller = await createSellerActor(app);
  ({ page } = await newPage(browser));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await receiver?.close();
});

describe('exchange journey', () => {
  it('tops up, runs a campaign that wins a listed lead, and receives it by webhook', async () => {
    await signUpThroughUi(page, app.url, {
      role: 'Buy leads',
      name: 'Cam Buyer',
      email: `exchange-${randomBytes(4).toString('hex')}@example.com`,
      organization: 'Pasadena Motors',
    });
    const nav = page.getByRole('navigation', { name: 'Main' });

    // 1. wallet: top up through the stand-in's hosted checkout
    await nav.getByRole('link', { name: 'Wallet' }).click();
    await page.getByLabel('Wallet balance').filter({ hasText: '$0.00' }).waitFor();
    await expectAccessible(page, 'wallet, empty');
    await shoot(page, '1-wallet-empty');
    await page.getByLabel('Amount (USD)').fill('300');
    await page.getByRole('button', { name: 'Top up with Stripe' }).click();
    await page.waitForURL((url) => url.port === new URL(app.stripe!.url).port);
    await fillStandInCard(page, 'Cam Buyer');
    await shoot(page, '2-checkout');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL((url) => url.pathname === '/wallet' && url.searchParams.get('topped_up') === '1' && !!url.searchParams.get('session'));
    await page.getByText('Top-up received').waitFor();
    expect(await page.getByLabel('Wallet balance').textContent()).toBe('$300.00');
    await expectAccessible(page, 'wallet, topped up');
    await shoot(page, '3-wallet-topped-up');

    // 2. a campaign: exclusive test drives in one city, a bid well above the grid price, on all week
    await nav.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByText('No campaigns yet.').waitFor();
    await expectAccessible(page, 'campaigns, none');
    await page.getByRole('link', { name: 'New campaign' }).first().click();
    const form = page.getByRole('form', { name: 'New campaign' });
    await form.getByLabel('Name', { exact: true }).fill('Pasadena test drives');
    await form.getByLabel('Exclusivity').selectOption('EXCLUSIVE');
    await form.getByLabel('Max bid').fill('250');
    await form.getByLabel('Budget').fill('1000');
    await form.getByLabel('Daily cap').fill('5');
    await form.getByRole('checkbox', { name: 'Auto test drives' }).check();
    await form.getByLabel('Countries').fill('US');
    await form.getByLabel('Cities').fill(CITY);
    expect(await form.getByLabel('Time zone').inputValue()).toBe('UTC'); // the browser's zone (newPage: timezoneId UTC)
    await form.getByRole('button', { name: 'Add a time window' }).click();
    const window1 = form.getByRole('group', { name: 'Window 1' });
    await window1.getByRole('checkbox', { name: 'Sat' }).check();
    await window1.getByRole('checkbox', { name: 'Sun' }).check();
    await window1.getByLabel('From', { exact: true }).fill('00:00');
    await window1.getByLabel('To', { exact: true }).fill('00:00'); // midnight to midnight: the whole day
    await expectAccessible(page, 'campaign form');
    await shoot(page, '4-campaign-form');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await page.waitForURL((url) => url.pathname === '/campaigns');
    await page.getByText('Campaign “Pasadena test drives” saved.').waitFor();
    const card = page.getByRole('article', { name: 'Campaign Pasadena test drives' });
    await card.getByText('Active', { exact: true }).waitFor();
    expect(await card.getByLabel('Spent').textContent()).toBe('$0.00');
    expect(await card.getByText(/Mon–Sun 00:00–24:00/).count()).toBe(1);
    await expectAccessible(page, 'campaigns');
    await shoot(page, '5-campaigns');

    // 3. the webhook endpoint; its secret is shown once
    await nav.getByRole('link', { name: 'Deliveries' }).click();
    await page.getByText('No deliveries yet.').waitFor();
    await expectAccessible(page, 'deliveries, none');
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByRole('button', { name: 'Save endpoint' }).click();
    const secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByText('Leadex-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>').waitFor();
    await expectAccessible(page, 'deliveries, new secret');
    await shoot(page, '6-webhook-secret');

    // 4. a seller's matching lead is listed; the allocation worker sells it to the campaign
    const listedAt = Date.now();
    const [leadId] = await listLeads(app, seller, [exclusiveLead({ city: CITY, fullName: 'Nadia Karim', phone: '+14155550177' })]);
    const sold = await waitFor(
      async () => {
        const [p] = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.leadId, leadId!));
        return p;
      },
      'the allocation worker to sell the lead to the campaign',
      15_000,
    );
    const soldWithinMs = Date.now() - listedAt;
    expect(soldWithinMs).toBeLessThan(15_000);
    expect(sold.campaignId).toMatch(/^cmp_/);
    const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadId!));
    // one bidder: the second price is the lead's own (grid) price, below the max bid
    expect(lead!.price).toBeLessThan(25_000);
    expect(sold.price).toBe(lead!.price);

    // 5. the webhook arrives, signed with the secret shown once
    const hook = await waitFor(async () => receiver.received[0], 'the lead to be POSTed to the webhook endpoint', 15_000);
    expect(signatureValid(hook.body, String(hook.headers['leadex-signature']), secret)).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({
      type: 'lead.purchased',
      purchase: { id: sold.id, campaignId: sold.campaignId },
      lead: { id: leadId, city: CITY, contact: { fullName: 'Nadia Karim' } },
    });

    // 6. the buyer's purchases hold the lead with its contact
    await nav.getByRole('link', { name: 'My purchases' }).click();
    const purchase = page.getByRole('article', { name: 'Purchase Nadia Karim' });
    await purchase.getByRole('link', { name: '(415) 555-0177' }).waitFor();
    expect(await purchase.getByText(usd(sold.price)).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'purchases');
    await shoot(page, '7-purchases');

    // 7. the campaign's spend and today's wins, and the wallet debited
    await nav.getByRole('link', { name: 'Campaigns' }).click();
    await card
      .getByLabel('Spent')
      .filter({ hasText: usd(sold.price) })
      .waitFor();
    expect(await card.getByLabel('Won today').textContent()).toBe('1');
    expect(await card.getByText(`of $1,000.00 budget`).count()).toBe(1);
    expect(await page.getByLabel('Wallet balance').textContent()).toBe(usd(30_000 - sold.price));
    await expectAccessible(page, 'campaigns after a win');
    await shoot(page, '8-campaign-won');

    // 8. the delivery and its attempt log
    await nav.getByRole('link', { name: 'Deliveries' }).click();
    const table = page.getByRole('table', { name: /1 delivery/ });
    await table.getByRole('cell', { name: 'Delivered', exact: true }).waitFor();
    await table.getByText('HTTP 200').waitFor();
    await page.getByRole('button', { name: /^Show attempts of delivery / }).click();
    await page.getByRole('table', { name: /^Attempts of delivery / }).waitFor();
    await expectAccessible(page, 'deliveries with the attempt log');
    await shoot(page, '9-deliveries');

    // the same pages at phone width
    const phone = await browser.newContext({ viewport: PHONE, locale: 'en-US', timezoneId: 'UTC', storageState: await page.context().storageState() });
    const small = await phone.newPage();
    for (const [path, step] of [
      ['/campaigns', '10-phone-campaigns'],
      ['/campaigns/new', '11-phone-campaign-form'],
      ['/wallet', '12-phone-wallet'],
      ['/deliveries', '13-phone-deliveries'],
    ] as const) {
      await small.goto(`${app.url}${path}`);
      await small.getByRole('heading', { level: 1 }).waitFor();
      await small
        .getByText(/Loading/)
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await expectAccessible(small, `phone ${path}`);
      await shoot(small, step);
    }
    await phone.close();
  }, 85_000);
});
