// The numbers of the sign-in guard (rate-limiter-flexible's login-protection pattern), and the pure rules on them.
// Only failed sign-ins are counted; a successful one is never counted and clears its e-mail+IP pair.
import ipaddr from 'ipaddr.js';

export const SIGN_IN_LIMITS = {
  /** failures in a row for one e-mail from one IP before that pair is blocked (the victim's other IPs are not) */
  consecutiveFailsPerPair: 10,
  /** the pair's failures are remembered this long (cleared by a successful sign-in) */
  pairMemorySeconds: 7 * 24 * 3600,
  /** the first block of a pair; each further failure after a block doubles it … */
  pairFirstBlockSeconds: 60,
  /** … up to this */
  pairMaxBlockSeconds: 24 * 3600,
  /** failures from one IP (any e-mails) per day before the IP is blocked for a day */
  failsPerIpPerDay: 100,
  ipBlockSeconds: 24 * 3600,
  /** failures for one e-mail (any IPs) per day: over this, only IPs that signed in to it before may try until the day ends */
  failsPerEmailPerDay: 50,
  /** how long a successful sign-in makes its IP "known" for that account */
  knownIpSeconds: 30 * 24 * 3600,
} as const;

/** How long a pair is blocked after its `failures`-th failure in a row, or 0 while it is under the limit. */
export function pairBlockSeconds(failures: number, limits = SIGN_IN_LIMITS): number {
  const over = failures - limits.consecutiveFailsPerPair;
  if (over < 0) return 0;
  // 2^over overflows to Infinity long before it matters; the cap keeps it bounded
  return Math.min(limits.pairFirstBlockSeconds * 2 ** over, limits.pairMaxBlockSeconds);
}

// one rounding for every refusal's retry-after (sign-in and lead submission alike)
export { retryAfterSeconds } from '../shared/insured-limiter';

/**
 * The address a limit is keyed on: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64 — one subscriber
 * usually holds a whole /64, so counting single IPv6 addresses would give an attacker 2^64 fresh starts.
 */
export function clientKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip.slice(0, 64);
  const addr = ipaddr.process(ip);
  if (addr.kind() === 'ipv4') return addr.toString();
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}
