// Finding 5: about 50 request shapes used to be answered with HTTP 500 or INTERNAL_SERVER_ERROR. Each is a
// client's mistake and now gets a 4xx (or, for an operation a resolver refused, GraphQL's 200) with the
// code that says what to fix — never a 5xx. Plus the edge items of finding 15 (request ids, metrics, headers).
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { bearer, gql, sendRaw } from './http-requests';
import { clientErrorShapes, ME } from './client-error-shapes';

let app: TestApp;
let seller: TestUser;
let buyer: TestUser;
let operator: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'client-errors' });
  [seller, buyer, operator] = await Promise.all([signUpAs(app, 'SELLER'), signUpAs(app, 'BUYER'), createOperatorUser(app)]);
});
afterAll(() => app.close());

const shapes = clientErrorShapes({ seller: () => seller, buyer: () => buyer, operator: () => operator });

describe('client mistakes are 4xx with a code, never a 5xx', () => {
  it.each(shapes.map((s) => [s.name, s] as const))('%s', async (_name, shape) => {
    const request = shape.request();
    if (shape.auth) request.headers = { ...request.headers, ...bearer(shape.auth().token) };
    const answer = await sendRaw(app.url, request);
    expect({ status: answer.status, code: answer.codes[0] }).toEqual({ status: shape.status, code: shape.code });
    expect(answer.codes).not.toContain('INTERNAL_SERVER_ERROR');
    if (shape.reason) expect(answer.reasons).toContain(shape.reason);
    if (shape.path) expect(answer.paths).toContain(shape.path);
    // the body is always JSON an API client can read
    expect(typeof answer.json).toBe('object');
  });

  it('covers about fifty shapes', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(50);
  });
});

describe('text that cannot be stored, past the GraphQL edge', () => {
  const captured = new Date(Date.now() - 2 * 3_600_000).toISOString();
  const header =
    'segment,country,region,city,full_name,phone,email,kind,temperature,source_channel,captured_at,consent_text,consent_timestamp,exclusivity,max_sales,attr.brand,attr.model';
  const row = (city: string) =>
    `AUTO_TEST_DRIVE,US,US-CA,${city},Ana Silva,+14152000077,ana.77@example.org,INTERESTED,WARM,SEO,${captured},Yes call me,${captured},SHARED,2,Kia,Ceed`;

  it('rejects a CSV row whose cell holds a NUL as a row issue instead of failing the import', async () => {
    const answer = await sendRaw(app.url, {
      path: '/leads/csv',
      headers: { 'content-type': 'text/csv', ...bearer(seller.token) },
      body: `${header}\n${row('Los\u0000Angeles')}\n`,
    });
    expect(answer.status).toBeLessThan(500);
    const batch = answer.json as { accepted?: number; rejected?: number; results?: { issues: { field: string }[] }[] };
    expect(batch.accepted ?? 0).toBe(0);
    expect(batch.results?.[0]?.issues.map((i) => i.field)).toContain('city');
  });
});

describe('the edge (finding 15)', () => {
  it('keeps a safe x-request-id and replaces one that could forge log lines', async () => {
    const kept = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'trace-42.a_b' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-42.a_b');
    for (const bad of ['x'.repeat(65), '{"level":60,"msg":"forged"}', 'a b', 'ü']) {
      const replaced = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': bad } }).catch(() => null);
      if (!replaced) continue; // fetch itself refuses some header values
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('sends security headers on the API and on the web app', async () => {
    const api = await sendRaw(app.url, gql(ME));
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    expect(api.headers.get('x-powered-by')).toBeNull();
    const page = await fetch(`${app.url}/sign-in`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves /metrics openly outside production', async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('leadex_http_requests_total');
  });

  it('labels metrics by known route, so random paths cannot grow the registry', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`${app.url}/random-${i}-${Date.now()}`)));
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).not.toMatch(/route="\/random-/);
  });

  it('still answers after every shape above', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
  });
});
