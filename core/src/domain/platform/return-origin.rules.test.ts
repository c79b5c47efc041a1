import { allowedWebOrigins, loopbackTwin, originScopedKey, returnOriginFor } from './return-origin.rules';

const dev = { NODE_ENV: 'development' as const, WEB_ORIGIN: 'http://localhost:4000' };

describe('where Stripe sends the browser back', () => {
  it('returns to the origin the app was opened at when it is the loopback twin of WEB_ORIGIN', () => {
    expect(returnOriginFor(dev, 'http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
    expect(returnOriginFor(dev, 'http://localhost:4000')).toBe('http://localhost:4000');
  });
  it('falls back to WEB_ORIGIN for an origin outside the list, a missing one or garbage', () => {
    expect(returnOriginFor(dev, 'https://evil.example')).toBe('http://localhost:4000');
    expect(returnOriginFor(dev, 'http://127.0.0.1:4001')).toBe('http://localhost:4000');
    expect(returnOriginFor(dev, undefined)).toBe('http://localhost:4000');
    expect(returnOriginFor(dev, 'null')).toBe('http://localhost:4000');
    expect(returnOriginFor(dev, 'javascript:alert(1)')).toBe('http://localhost:4000');
  });
  it('has no loopback twin in production', () => {
    expect(allowedWebOrigins({ ...dev, NODE_ENV: 'production' })).toEqual(['http://localhost:4000']);
    expect(loopbackTwin('https://app.leadex.io')).toBeNull();
  });
  it('takes WEB_ORIGINS as the whole list, its first entry the canonical one', () => {
    const config = { NODE_ENV: 'production' as const, WEB_ORIGIN: 'https://app.leadex.io', WEB_ORIGINS: 'https://leadex.io, https://app.leadex.io/' };
    expect(allowedWebOrigins(config)).toEqual(['https://leadex.io', 'https://app.leadex.io']);
    expect(returnOriginFor(config, 'https://app.leadex.io')).toBe('https://app.leadex.io');
    expect(returnOriginFor(config, 'https://other.io')).toBe('https://leadex.io');
  });
  it('keeps the idempotency key on the canonical origin and tags it on another', () => {
    expect(originScopedKey(dev, 'checkout-ord_1', 'http://localhost:4000')).toBe('checkout-ord_1');
    expect(originScopedKey(dev, 'checkout-ord_1', 'http://127.0.0.1:4000')).toBe('checkout-ord_1@http://127.0.0.1:4000');
  });
});
