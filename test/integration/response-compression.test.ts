// API answers are compressed (issue 15): brotli or gzip as the client asks, nothing for a client that asks for neither.
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'compression' });
});
afterAll(() => app.close());

// the catalogue is public and well over the 1 kB threshold
const SEGMENTS = JSON.stringify({ query: '{ segments { code name subsegments { code name } } }' });

async function post(acceptEncoding: string) {
  return fetch(app.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding },
    body: SEGMENTS,
  });
}

describe('response compression', () => {
  it('answers a GraphQL query with brotli when the client prefers it, and the body decodes to the same data', async () => {
    const res = await post('br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    const body = (await res.json()) as { data: { segments: unknown[] } };
    expect(body.data.segments.length).toBeGreaterThan(0);
  });

  it('uses gzip for a client that accepts only gzip', async () => {
    const res = await post('gzip');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(((await res.json()) as { data: unknown }).data).toBeTruthy();
  });

  it('sends the body as is to a client that accepts no encoding', async () => {
    const res = await post('identity');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(((await res.json()) as { data: unknown }).data).toBeTruthy();
  });
});
