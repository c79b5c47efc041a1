// Remote buyers' bidding systems for exchange tests and the ping-tree bench: one node:http server on 127.0.0.1
// serving any number of buyers at /<buyer>/ping and /<buyer>/post, each answering as the test tells it to (after a
// delay, with a status and a JSON body, or not at all until released). Start it before the app and pass `host` in
// WEBHOOK_ALLOW_HOSTS, the only way the SSRF guard lets pings reach a loopback address.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type BuyerAnswer = { status: number; body?: unknown; delayMs?: number } | 'HANG';
export interface BuyerBehaviour {
  ping?: (body: Record<string, unknown>) => BuyerAnswer;
  post?: (body: Record<string, unknown>) => BuyerAnswer;
}
export interface ReceivedCall {
  buyer: string;
  kind: 'ping' | 'post';
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
}

/** A buyer that bids `amount` (a decimal string) on every ping and accepts every post. */
export const bidding = (amount: string, reference?: string): BuyerBehaviour => ({
  ping: () => ({ status: 200, body: { bid: amount, reference } }),
  post: () => ({ status: 200, body: { ok: true } }),
});

export async function startRemoteBuyers() {
  const behaviours = new Map<string, BuyerBehaviour>();
  const received: ReceivedCall[] = [];
  const hung = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [, buyer = '', kind = ''] = (req.url ?? '').split('/');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        // answered like any other call; the test sees the raw text
      }
      const behaviour = behaviours.get(buyer);
      const handler = kind === 'ping' ? behaviour?.ping : kind === 'post' ? behaviour?.post : undefined;
      if (kind === 'ping' || kind === 'post') received.push({ buyer, kind, headers: req.headers, raw, body });
      const answer = handler ? handler(body) : { status: 404 };
      if (answer === 'HANG') {
        hung.add(res);
        res.on('close', () => hung.delete(res));
        return;
      }
      const send = () => {
        if (answer.body === undefined) res.writeHead(answer.status).end();
        else
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    received,
    /** registers a buyer's behaviour; returns its ping and post URLs */
    buyer(name: string, behaviour: BuyerBehaviour) {
      behaviours.set(name, behaviour);
      return { pingUrl: `http://${host}/${name}/ping`, postUrl: `http://${host}/${name}/post` };
    },
    /** calls still waiting for an answer (HANG) */
    hanging: () => hung.size,
    /** answers every hung call with 204 */
    release() {
      for (const res of hung) res.writeHead(204).end();
      hung.clear();
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
