// Remote buyers' bidding systems for bench/pingtree: one node:http server per buyer on 127.0.0.1. A ping is
// answered after a delay drawn per (buyer, lead) from the configured range with a bid above the ask; a post is
// accepted after a few ms, except a seeded share that is refused. Each server remembers the delay it chose per
// lead and how long its posts took, so the bench knows the answers an auction had to wait for (its raw floor).
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BuyerServerOptions {
  /** ping answer delay range, ms */
  minDelayMs: number;
  maxDelayMs: number;
  /** share of posts refused (409) */
  refuseShare: number;
}

/** a stable number in [0, 1) for a key */
const unit = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;

export async function startBuyerServers(count: number, options: BuyerServerOptions) {
  const servers: Server[] = [];
  // lead id → the delay each buyer (by index) chose for it
  const delays = new Map<string, number[]>();
  // lead id → the post delays of its winners (one after another: a refusal passes the lead on)
  const postDelays = new Map<string, number>();
  const state = { ...options, slow: new Set<number>(), slowDelayMs: 0, slowShare: 0 };
  for (let b = 0; b < count; b++) {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { leadId?: string | null; lead?: { id?: string }; ask?: { amount: string } };
        // a ping names the lead at the top level, a post inside the lead
        const body = { ...parsed, leadId: parsed.leadId ?? parsed.lead?.id ?? null };
        const key = `${b}:${body.leadId}`;
        if (req.url === '/ping') {
          const slow = state.slow.has(b) && unit(`slow:${key}`) < state.slowShare;
          const delay = slow ? state.slowDelayMs : Math.round(state.minDelayMs + unit(key) * (state.maxDelayMs - state.minDelayMs));
          const list = delays.get(body.leadId ?? '') ?? [];
          list[b] = delay;
          delays.set(body.leadId ?? '', list);
          const bid = (Number(body.ask!.amount) * (1.05 + 2 * unit(`bid:${key}`))).toFixed(2);
          setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bid, reference: `b${b}-${body.leadId}` })), delay);
        } else {
          const refuse = unit(`post:${key}`) < state.refuseShare;
          const delay = 5 + Math.round(unit(`pd:${key}`) * 20);
          postDelays.set(body.leadId ?? '', (postDelays.get(body.leadId ?? '') ?? 0) + delay);
          setTimeout(() => res.writeHead(refuse ? 409 : 200).end(), delay);
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
  }
  const hosts = servers.map((s) => `127.0.0.1:${(s.address() as AddressInfo).port}`);
  return {
    hosts,
    delays,
    postDelays,
    /** from now on, buyers `indexes` answer a `share` of pings (seeded per lead) after `delayMs` */
    makeSlow(indexes: number[], delayMs: number, share: number) {
      state.slow = new Set(indexes);
      state.slowDelayMs = delayMs;
      state.slowShare = share;
    },
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((r) => {
              s.closeAllConnections();
              s.close(() => r());
            }),
        ),
      ),
  };
}
