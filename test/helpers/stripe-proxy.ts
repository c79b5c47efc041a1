// A loopback proxy in front of the Stripe stand-in that can swallow the answer to chosen requests: Stripe
// did the work, the caller never hears back — the moment to kill a worker for a fault test.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  url: string;
  /** hold the responses to `METHOD /path` requests from now on */
  holdNext(method: string, path: string): Promise<{ status: number; body: string }>;
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(upstream: string): Promise<HoldingProxy> {
  const target = new URL(upstream);
  let hold: { method: string; path: string; seen: (r: { status: number; body: string }) => void } | null = null;
  const held: ServerResponse[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const up = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (upRes) => {
        const body: Buffer[] = [];
        upRes.on('data', (c: Buffer) => body.push(c));
        upRes.on('end', () => {
          const text = Buffer.concat(body).toString('utf8');
          if (hold && req.method === hold.method && req.url?.startsWith(hold.path)) {
            hold.seen({ status: upRes.statusCode ?? 0, body: text });
            held.push(res); // never answered: the caller is left waiting
            return;
          }
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          res.end(text);
        });
      });
      up.on('error', () => res.destroy());
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    holdNext(method, path) {
      return new Promise((resolve) => {
        hold = { method, path, seen: resolve };
      });
    },
    release() {
      hold = null;
      for (const res of held.splice(0)) res.destroy();
    },
    async close() {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
