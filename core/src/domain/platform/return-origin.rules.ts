// Where Stripe sends the browser back (Checkout success/cancel, Connect return/refresh): the origin the
// person opened the app at, when it is allow-listed, so the session cookie of that origin is still there.
// Never an arbitrary header: an origin outside the list falls back to the canonical WEB_ORIGIN.

export interface ReturnOriginConfig {
  NODE_ENV: 'development' | 'test' | 'production';
  WEB_ORIGIN: string;
  /** comma list of origins; unset → WEB_ORIGIN, plus its localhost/127.0.0.1 twin outside production */
  WEB_ORIGINS?: string;
}

/** `scheme://host[:port]` of a URL, or null when it is not an http(s) URL. */
export function normalOrigin(value: string | undefined | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The same origin with `localhost` and `127.0.0.1` swapped, or null for any other host. */
export function loopbackTwin(origin: string): string | null {
  const url = new URL(origin);
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  else if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  else return null;
  return url.origin;
}

/** The allow-listed web origins, the canonical one (WEB_ORIGIN, or the list's first) first. */
export function allowedWebOrigins(config: ReturnOriginConfig): string[] {
  const canonical = normalOrigin(config.WEB_ORIGIN)!;
  const listed = (config.WEB_ORIGINS ?? '')
    .split(',')
    .map((o) => normalOrigin(o.trim()))
    .filter((o): o is string => o !== null);
  if (listed.length > 0) return [...new Set(listed)];
  const twin = config.NODE_ENV === 'production' ? null : loopbackTwin(canonical);
  return twin ? [canonical, twin] : [canonical];
}

/** The origin to send the browser back to for a request whose `Origin` header says `requestOrigin`. */
export function returnOriginFor(config: ReturnOriginConfig, requestOrigin: string | undefined | null): string {
  const allowed = allowedWebOrigins(config);
  const asked = normalOrigin(requestOrigin);
  return asked && allowed.includes(asked) ? asked : allowed[0]!;
}

/**
 * An idempotency key for a Stripe call that carries return URLs: unchanged on the canonical origin (so a
 * repeated click still finds the first session), tagged with the origin elsewhere, because Stripe refuses a
 * key reused with other parameters.
 */
export function originScopedKey(config: ReturnOriginConfig, key: string, origin: string): string {
  return origin === allowedWebOrigins(config)[0] ? key : `${key}@${origin}`;
}
