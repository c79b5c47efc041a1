// Which URLs and addresses the product may send a request to when a user named the URL (webhooks, later remote
// bidders): public unicast addresses on the web ports only, unless an operator allow-listed the exact host:port.
import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

export interface OutboundPolicy {
  /** production sends over https only */
  production: boolean;
  /** `host:port` pairs (lower case, IPv6 in brackets) that may be reached whatever they resolve to */
  allowHosts: ReadonlySet<string>;
}

export type UrlRefusal = 'INVALID_URL' | 'SCHEME' | 'CREDENTIALS' | 'PORT' | 'ADDRESS';

export type UrlCheck =
  { ok: true; url: URL; hostname: string; port: number; allowListed: boolean; ipLiteral: boolean } | { ok: false; reason: UrlRefusal; message: string };

const WEB_PORTS = new Set([80, 443]);

/**
 * ipaddr.js's name for the range an address is in ('unicast' = public); IPv4-mapped IPv6 (::ffff:a.b.c.d) is
 * classified as the IPv4 address it carries, since that is where a socket would connect.
 */
export function addressRange(address: string): string {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return 'invalid';
  return ipaddr.process(bare).range();
}

/** Only public unicast: loopback, private, link-local (169.254/16, metadata), CGNAT, ULA, multicast, broadcast,
 * reserved, unspecified, NAT64/6to4/Teredo (which embed other addresses) and the rest are all refused. */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === 'unicast';
}

/** `WEBHOOK_ALLOW_HOSTS`: "127.0.0.1:5055, localhost:8080" → a set of `host:port`; entries without a port are ignored. */
export function parseAllowHosts(raw: string): Set<string> {
  const out = new Set<string>();
  for (const entry of raw.split(',')) {
    const trimmed = entry.trim().toLowerCase();
    if (/^(\[[0-9a-f:.]+\]|[^:\s[\]]+):\d{1,5}$/.test(trimmed)) out.add(trimmed);
  }
  return out;
}

/**
 * Everything that can be decided from the URL alone. A host name still has to be resolved (ssrf-guard.ts); an IP
 * literal is decided here, because sockets connect to literals without any lookup a connect-time check could see.
 * The WHATWG parser has already turned decimal, octal and hex spellings (2130706433, 0x7f.1) into dotted IPv4.
 */
export function checkUrlShape(raw: string, policy: OutboundPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'INVALID_URL', message: 'Not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'SCHEME', message: 'Must be an http(s) URL' };
  if (policy.production && url.protocol !== 'https:') return { ok: false, reason: 'SCHEME', message: 'Must be an https URL' };
  if (url.username || url.password) return { ok: false, reason: 'CREDENTIALS', message: 'Must not contain a user name or password' };
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const hostname = url.hostname.toLowerCase();
  const allowListed = policy.allowHosts.has(`${hostname}:${port}`);
  if (!allowListed && !WEB_PORTS.has(port)) return { ok: false, reason: 'PORT', message: 'Must use port 443 (or 80)' };
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  const ipLiteral = isIP(bare) !== 0;
  if (ipLiteral && !allowListed && !isPublicAddress(bare))
    return { ok: false, reason: 'ADDRESS', message: 'Must not point to a private, loopback or reserved address' };
  return { ok: true, url, hostname: bare, port, allowListed, ipLiteral };
}
