// GET /consent.js (the capture script sellers embed) and the demo form's absence of demo data.
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'consentjs' });
});
afterAll(() => app.close());

describe('GET /consent.js', () => {
  it('serves a small script other sites may load, cached for a few minutes', async () => {
    const res = await fetch(`${app.url}/consent.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('etag')).toBeTruthy();
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const body = await res.text();
    expect(Buffer.byteLength(body)).toBeLessThan(4096);
    expect(body).toContain('/consent/certificates');
    expect(body).toContain("credentials: 'omit'");
    // it parses as a script
    expect(() => new Function(body)).not.toThrow();
  });
});

describe('the demo lead form', () => {
  it('answers 404 when the demo data is absent', async () => {
    expect((await fetch(`${app.url}/demo/lead-form`)).status).toBe(404);
    const post = await fetch(`${app.url}/demo/lead-form`, { method: 'POST', body: new URLSearchParams({ fullName: 'x' }) });
    expect(post.status).toBe(404);
  });
});
