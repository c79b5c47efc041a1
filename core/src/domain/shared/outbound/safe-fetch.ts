// The one way the product sends an HTTP request to a URL a user named: SSRF-guarded before and while connecting,
// no redirects, a deadline, and at most a small part of the answer read. Failures come back as a kind with a
// message fit for the user; the underlying error is kept in `detail` for the log only.
import { Agent, request } from 'undici';
import { assertOutboundUrl, guardedLookup, OutboundRefusedError, systemResolver, type Resolver } from './ssrf-guard';
import type { OutboundPolicy } from './ssrf.rules';

export type OutboundFailureKind = 'ADDRESS_NOT_ALLOWED' | 'TIMED_OUT' | 'CONNECTION_FAILED';

/** what the user who named the URL may read about a failure (the same for webhooks and bidders) */
export const OUTBOUND_FAILURE_TEXT: Record<OutboundFailureKind, string> = {
  ADDRESS_NOT_ALLOWED: 'address not allowed',
  TIMED_OUT: 'timed out',
  CONNECTION_FAILED: 'connection failed',
};

export class OutboundError extends Error {
  readonly kind: OutboundFailureKind;
  /** the library's own error text: for the log, never for the user */
  readonly detail: string;
  constructor(kind: OutboundFailureKind, detail: string) {
    super(OUTBOUND_FAILURE_TEXT[kind]);
    this.name = 'OutboundError';
    this.kind = kind;
    this.detail = detail;
  }
}

export interface OutboundRequest {
  method: 'POST' | 'GET';
  headers?: Record<string, string>;
  body?: string;
}

export interface OutboundOptions {
  policy: OutboundPolicy;
  resolve?: Resolver;
  /** the whole exchange, connect to last byte read */
  timeoutMs?: number;
  /** bytes of the answer read at most; the rest is never read */
  maxResponseBytes?: number;
  /** aborts the request early (an auction's overall budget); counts as TIMED_OUT */
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** the answer was longer than maxResponseBytes */
  truncated: boolean;
}

/**
 * Sends one request. A 3xx is returned as is (never followed: undici's `request` has no redirect handling), so
 * callers treat it as a refusal. Throws OutboundError for a refused address, a timeout or a failed connection.
 */
export async function safeFetch(rawUrl: string, init: OutboundRequest, options: OutboundOptions): Promise<OutboundResponse> {
  const resolve = options.resolve ?? systemResolver;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxResponseBytes ?? 16 * 1024;
  let checked;
  try {
    checked = await assertOutboundUrl(rawUrl, options.policy, resolve);
  } catch (err) {
    throw toOutboundError(err);
  }
  // a fresh agent per request: its lookup knows whether this host:port is allow-listed, and nothing is pooled
  const agent = new Agent({
    connect: { lookup: guardedLookup(resolve, checked.allowListed), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    pipelining: 0,
  });
  const signal = options.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]) : AbortSignal.timeout(timeoutMs);
  try {
    const res = await request(checked.url, { dispatcher: agent, method: init.method, headers: init.headers, body: init.body, signal });
    const { body, truncated } = await readCapped(res.body, maxBytes);
    return { status: res.statusCode, headers: res.headers, body, truncated };
  } catch (err) {
    throw toOutboundError(err, signal.aborted);
  } finally {
    agent.destroy().catch(() => undefined);
  }
}

async function readCapped(stream: AsyncIterable<Buffer> & { destroy(): void }, maxBytes: number): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const room = maxBytes - size;
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room));
      stream.destroy();
      return { body: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { body: Buffer.concat(chunks), truncated: false };
}

function toOutboundError(err: unknown, aborted = false): OutboundError {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof OutboundRefusedError) return new OutboundError('ADDRESS_NOT_ALLOWED', `${e.reason}: ${e.message}`);
  }
  const error = err instanceof Error ? err : new Error(String(err));
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const detail = `${error.name}${code ? ` ${code}` : ''}: ${error.message}`;
  if (aborted || error.name === 'TimeoutError' || /TIMEOUT/.test(code)) return new OutboundError('TIMED_OUT', detail);
  return new OutboundError('CONNECTION_FAILED', detail);
}
