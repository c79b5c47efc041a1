// The SSRF guard: a URL a user named is checked when it is saved and again, on the address actually resolved, when
// a socket connects, so a name that resolves to a public address at set time and to 127.0.0.1 later (DNS
// rebinding) still never reaches inside the network. The resolver is a parameter so tests can play DNS.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { Config } from '../../../config';
import { checkUrlShape, isPublicAddress, parseAllowHosts, type OutboundPolicy, type UrlRefusal } from './ssrf.rules';

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const LOOKUP_TIMEOUT_MS = 5_000;

// getaddrinfo has no deadline of its own; a name that takes longer than this counts as not resolving
export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`lookup of ${hostname} timed out`), { code: 'ETIMEOUT' })), LOOKUP_TIMEOUT_MS);
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(addresses);
    });
  });

export type GuardRefusal = UrlRefusal | 'UNRESOLVABLE';

/** Thrown for a URL or address the product must not reach; `message` is safe to show the user who named the URL. */
export class OutboundRefusedError extends Error {
  readonly reason: GuardRefusal;
  constructor(reason: GuardRefusal, message: string) {
    super(message);
    this.name = 'OutboundRefusedError';
    this.reason = reason;
  }
}

export function outboundPolicy(config: Pick<Config, 'NODE_ENV' | 'WEBHOOK_ALLOW_HOSTS'>): OutboundPolicy {
  return { production: config.NODE_ENV === 'production', allowHosts: parseAllowHosts(config.WEBHOOK_ALLOW_HOSTS) };
}

export interface CheckedUrl {
  url: URL;
  hostname: string;
  allowListed: boolean;
}

/** Checks the URL and every address its host resolves to now; throws OutboundRefusedError. */
export async function assertOutboundUrl(raw: string, policy: OutboundPolicy, resolve: Resolver = systemResolver): Promise<CheckedUrl> {
  const shape = checkUrlShape(raw, policy);
  if (!shape.ok) throw new OutboundRefusedError(shape.reason, shape.message);
  const checked = { url: shape.url, hostname: shape.hostname, allowListed: shape.allowListed };
  if (shape.allowListed || shape.ipLiteral) return checked;
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(shape.hostname);
  } catch {
    throw new OutboundRefusedError('UNRESOLVABLE', 'The host name could not be resolved');
  }
  assertPublic(addresses);
  return checked;
}

// Every address must be public: a name with one public and one private address is refused, not filtered.
function assertPublic(addresses: LookupAddress[]): void {
  if (!addresses.length) throw new OutboundRefusedError('UNRESOLVABLE', 'The host name could not be resolved');
  if (!addresses.every((a) => isPublicAddress(a.address))) {
    throw new OutboundRefusedError('ADDRESS', 'Must not point to a private, loopback or reserved address');
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect (undici `Agent({ connect: { lookup } })`): resolves with `resolve` and refuses
 * non-public results, so the socket only ever connects to an address this function approved. `allowListed`
 * (the URL's host:port is in WEBHOOK_ALLOW_HOSTS) skips the address rule.
 */
export function guardedLookup(resolve: Resolver, allowListed: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname)
      .then((all) => {
        const family = options.family === 4 || options.family === 6 ? options.family : null;
        const addresses = family ? all.filter((a) => a.family === family) : all;
        if (!allowListed) assertPublic(addresses);
        if (!addresses.length) throw new OutboundRefusedError('UNRESOLVABLE', 'The host name could not be resolved');
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, ''));
  };
}
