// Buyers with funded wallets and campaigns, and webhook receivers, for exchange-mode tests.
import { createCampaign } from '@leadex/core/domain/exchange/campaigns.service';
import { topUpWallet } from '@leadex/core/domain/exchange/wallet.service';
import type { Actor } from '@leadex/core/domain/auth/access';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app';

/** Tops the buyer's wallet up through the Stripe stand-in's checkout (the app runs with `stripe: true`). */
export async function fundWallet(app: TestApp, buyer: Actor, amount: string): Promise<void> {
  const checkout = await topUpWallet(app.runtime.deps, buyer, amount);
  const res = await fetch(`${app.stripe!.url}/_standin/checkout/${checkout.sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: '4242424242424242' }),
  });
  if (!res.ok) throw new Error(`top-up payment failed: ${res.status}`);
  await app.stripe!.deliverPendingEvents();
}

export function campaign(buyer: Actor, app: TestApp, input: Record<string, unknown>) {
  return createCampaign(app.runtime.deps, buyer, { name: 'Test campaign', filter: { segments: ['AUTO_TEST_DRIVE'] }, exclusivity: 'EXCLUSIVE', ...input });
}

export interface ReceivedHook {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A buyer's webhook receiver on 127.0.0.1 (port 0). Start it before the app and pass `host` in
 * `WEBHOOK_ALLOW_HOSTS`, the only way the SSRF guard lets deliveries reach a loopback address.
 */
/** What the receiver answers: a status, or a status with a JSON body. */
export type HookAnswer = number | { status: number; json: unknown };

export async function startWebhookReceiver(answer: (hook: ReceivedHook) => HookAnswer = () => 200) {
  const received: ReceivedHook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hook = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(hook);
      const reply = answer(hook);
      if (typeof reply === 'number') res.writeHead(reply).end();
      else res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    url: (path = '/leadex') => `http://${host}${path}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The receiver's side of the documented check: HMAC-SHA256 over "<t>.<raw body>" with the endpoint secret. */
export function signedWith(hook: ReceivedHook, secret: string): boolean {
  const header = String(hook.headers['leadex-signature'] ?? '');
  const t = /t=(\d+)/.exec(header)?.[1] ?? '';
  const v1 = /v1=([0-9a-f]+)/.exec(header)?.[1] ?? '';
  const expected = createHmac('sha256', secret).update(`${t}.${hook.body}`).digest('hex');
  return v1.length === expected.length && timingSafeEqual(Buffer.from(v1), Buffer.from(expected)) && Math.abs(Date.now() / 1000 - Number(t)) < 300;
}
