import { clientKey, pairBlockSeconds, retryAfterSeconds, SIGN_IN_LIMITS } from './sign-in-limits.rules';

describe('sign-in limits', () => {
  it('does not block a pair under ten failures in a row', () => {
    for (let n = 0; n < SIGN_IN_LIMITS.consecutiveFailsPerPair; n++) expect(pairBlockSeconds(n)).toBe(0);
  });

  it('blocks a pair for a minute at the tenth failure and doubles with each failure after', () => {
    expect(pairBlockSeconds(10)).toBe(60);
    expect(pairBlockSeconds(11)).toBe(120);
    expect(pairBlockSeconds(15)).toBe(60 * 32);
  });

  it('never blocks a pair for longer than a day', () => {
    expect(pairBlockSeconds(21)).toBe(24 * 3600);
    expect(pairBlockSeconds(5000)).toBe(24 * 3600);
  });

  it('keeps one IP under the per-e-mail daily limit: about twenty failures fit in a day of doubling blocks', () => {
    let elapsed = 0;
    let failures = 0;
    while (elapsed < 24 * 3600) elapsed += pairBlockSeconds(++failures);
    expect(failures).toBeLessThan(SIGN_IN_LIMITS.failsPerEmailPerDay);
  });

  it('rounds the wait up to whole seconds and never says 0', () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(60_000)).toBe(60);
  });

  it('keys IPv4 by address and IPv6 by its /64, so one subscriber cannot rotate through a prefix', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
    expect(clientKey('unknown')).toBe('unknown');
  });
});
