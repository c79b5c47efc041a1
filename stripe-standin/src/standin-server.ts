// startStripeStandin: the stand-in listening on a port (0 = any free one), its URL known before the first request.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStripeStandin, type StripeStandin, type StripeStandinOptions } from './standin-app';

export interface StartStripeStandinOptions extends Omit<StripeStandinOptions, 'publicUrl'> {
  port: number;
  host?: string; // 127.0.0.1 unless told
  publicUrl?: string; // the listening URL unless told (e.g. behind a proxy or in a container)
  /** How often open Checkout Sessions past `expires_at` are expired without waiting for a request (ms). */
  sweepIntervalMs?: number;
}

export interface RunningStripeStandin extends StripeStandin {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startStripeStandin(options: StartStripeStandinOptions): Promise<RunningStripeStandin> {
  const { port, host = '127.0.0.1', publicUrl, sweepIntervalMs = 5000, ...standinOptions } = options;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  const standin = createStripeStandin({ ...standinOptions, publicUrl: publicUrl ?? url });
  server.on('request', standin.app);
  const sweep = setInterval(() => standin.expireDueSessions(), sweepIntervalMs);
  sweep.unref();

  let closing: Promise<void> | undefined;
  return {
    ...standin,
    url,
    port: actualPort,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        clearInterval(sweep);
        standin.stop();
        server.close((err) => (err ? reject(err) : resolve()));
        // the SDK keeps connections alive; without this, close() would wait for them to time out
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
