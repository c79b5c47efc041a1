// Must-show of issue 10: over 5,000 generated hostile HTTP requests (malformed JSON, wrong types for every
// argument of real operations, NUL and lone-surrogate text, huge numbers, bad cursors, oversize, truncated and
// aborted multipart, random GraphQL documents) at the running app, from anonymous, seller and buyer callers.
// None may be answered with a 5xx or INTERNAL_SERVER_ERROR, the process must keep answering, and nothing a
// refused request carried may be written.
import { count, schema } from '@leadex/db';
import { request as httpRequest } from 'node:http';
import { signUpAs, type TestUser } from '../helpers/actors';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { bearer, sendRaw, type RawRequest } from './http-requests';
import { hostileRequests, type HostileRequest, type Who } from './hostile-requests';

let app: TestApp;
const tokens: Partial<Record<Who, string>> = {};
beforeAll(async () => {
  app = await startTestApp({ label: 'hostile-input' });
  const [seller, buyer]: TestUser[] = await Promise.all([signUpAs(app, 'SELLER'), signUpAs(app, 'BUYER')]);
  tokens.seller = seller!.token;
  tokens.buyer = buyer!.token;
});
afterAll(() => app.close());

const SEED = Number(process.env.HOSTILE_SEED ?? 20261201);
const CONCURRENCY = 8;
const MB = 1024 * 1024;

async function rowCounts() {
  const db = app.runtime.deps.db;
  const tables = {
    leads: schema.leads,
    orders: schema.orders,
    leadBatches: schema.leadBatches,
    webhookEndpoints: schema.webhookEndpoints,
    campaigns: schema.campaigns,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = Number((await db.select({ n: count() }).from(table))[0]!.n);
  return out;
}

interface Outcome {
  kind: string;
  status: number | 'aborted';
  codes: string[];
  wrote: boolean;
  request: RawRequest;
}

const withAuth = (who: Who, request: RawRequest): RawRequest =>
  who === 'anonymous' ? request : { ...request, headers: { ...request.headers, ...bearer(tokens[who]!) } };

let progress = 0;
async function send(h: HostileRequest): Promise<Outcome> {
  const request = withAuth(h.who, h.request);
  const t0 = Date.now();
  const answer = await sendRaw(app.url, request, 10_000).catch(() => null);
  if (process.env.HOSTILE_TRACE && Date.now() - t0 > 1000)
    console.log(`slow ${Date.now() - t0} ms: ${h.kind} ${typeof h.request.body === 'string' ? h.request.body.slice(0, 200) : ''}`);
  if (process.env.HOSTILE_TRACE && ++progress % 500 === 0) console.log(`${progress} sent`);
  // no answer within 10 s counts as a server failure: a client mistake must never hang the API
  if (!answer) return { kind: h.kind, status: 599, codes: ['TIMEOUT'], wrote: false, request };
  const data = (answer.json as { data?: Record<string, unknown> | null } | null)?.data;
  // a refused mutation has errors and no value for its field; anything else would be a write slipping through
  const graphql = (h.request.path ?? '/graphql').startsWith('/graphql');
  const accepted = answer.status < 300 && answer.codes.length === 0 && (graphql ? !!data && Object.values(data).some((v) => v != null) : true);
  const wrote = h.mustRefuse && accepted;
  return { kind: h.kind, status: answer.status, codes: answer.codes, wrote, request };
}

/** A multipart upload whose connection drops after `cutAt` bytes: no answer is expected, the process must live. */
function abortedUpload(who: Who, size: number, cutAt: number): Promise<Outcome> {
  const boundary = 'abortedboundary9';
  const head = `--${boundary}\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: 'mutation($file: Upload!) { importLeadsCsv(file: $file) { id } }', variables: { file: null } })}\r\n--${boundary}\r\ncontent-disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n--${boundary}\r\ncontent-disposition: form-data; name="0"; filename="leads.csv"\r\ncontent-type: text/csv\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.alloc(size, 'b')]);
  const headers = {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'content-length': String(body.length),
    'apollo-require-preflight': 'true',
    ...(who === 'anonymous' ? {} : bearer(tokens[who]!)),
  };
  return new Promise((resolve) => {
    const done = (status: number | 'aborted') => resolve({ kind: 'multipart-aborted', status, codes: [], wrote: false, request: { headers } });
    const req = httpRequest(`${app.url}/graphql`, { method: 'POST', headers });
    req.on('response', (res) => {
      res.resume();
      done(res.statusCode ?? 'aborted');
    });
    req.on('error', () => done('aborted'));
    req.write(body.subarray(0, Math.min(cutAt, body.length)), () =>
      setTimeout(() => {
        req.destroy();
        done('aborted');
      }, 30),
    );
  });
}

const oversize = (who: Who): HostileRequest[] => [
  {
    kind: 'json-oversize',
    who,
    mustRefuse: false,
    request: { headers: { 'content-type': 'application/json' }, body: `{"query":"{ me { id } }","variables":{"x":"${'a'.repeat(21 * MB)}"}}` },
  },
  {
    kind: 'multipart-oversize',
    who,
    mustRefuse: true,
    request: (() => {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query: 'mutation($file: Upload!) { importLeadsCsv(file: $file) { id } }', variables: { file: null } }));
      form.append('map', JSON.stringify({ 0: ['variables.file'] }));
      form.append('0', new Blob([new Uint8Array(21 * MB).fill(97)], { type: 'text/csv' }), 'leads.csv');
      return { headers: { 'apollo-require-preflight': 'true' }, body: form };
    })(),
  },
];

async function runPool<T, R>(items: T[], worker: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await worker(items[i]!);
      }
    }),
  );
  return results;
}

function tally(outcomes: Outcome[]) {
  const byClass: Record<string, number> = {};
  const byCode: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  for (const o of outcomes) {
    const cls = o.status === 'aborted' ? 'aborted' : `${String(o.status)[0]}xx`;
    byClass[cls] = (byClass[cls] ?? 0) + 1;
    byKind[o.kind] = (byKind[o.kind] ?? 0) + 1;
    for (const code of o.codes.length ? new Set(o.codes) : ['(none)']) byCode[code] = (byCode[code] ?? 0) + 1;
  }
  return { sent: outcomes.length, byClass, byCode, byKind };
}

const describeRequest = (o: Outcome) =>
  `${o.kind} ${o.status} ${o.codes.join(',')} ${o.request.method ?? 'POST'} ${o.request.path ?? '/graphql'} ${typeof o.request.body === 'string' ? o.request.body.slice(0, 300) : '[binary]'}`;

it('answers 5,000+ hostile requests with 4xx (or a GraphQL refusal), never a 5xx, and writes nothing they carried', async () => {
  const before = await rowCounts();
  const started = Date.now();
  const planned = hostileRequests(SEED, Number(process.env.HOSTILE_SCALE ?? 1));
  const outcomes = await runPool(planned, send);
  for (const who of ['anonymous', 'seller', 'buyer'] as const) {
    outcomes.push(...(await Promise.all(oversize(who).map(send))));
    outcomes.push(...(await Promise.all([abortedUpload(who, 2 * MB, 300), abortedUpload(who, 2 * MB, 64 * 1024), abortedUpload(who, 2 * MB, MB)])));
  }
  const seconds = (Date.now() - started) / 1000;

  const summary = tally(outcomes);
  console.log(`hostile input (seed ${SEED}, ${seconds.toFixed(1)} s):\n${JSON.stringify(summary, null, 2)}`);

  const serverErrors = outcomes.filter((o) => (typeof o.status === 'number' && o.status >= 500) || o.codes.includes('INTERNAL_SERVER_ERROR'));
  const writes = outcomes.filter((o) => o.wrote);
  if (serverErrors.length || writes.length) console.log([...serverErrors, ...writes].slice(0, 15).map(describeRequest).join('\n'));
  expect(summary.sent).toBeGreaterThanOrEqual(5000);
  expect(serverErrors.map(describeRequest)).toEqual([]);
  expect(writes.map(describeRequest)).toEqual([]);

  // the process is alive and still serving real requests
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  const me = await sendRaw(app.url, withAuth('seller', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }) }));
  expect(me.status).toBe(200);
  expect(me.codes).toEqual([]);
  expect(await rowCounts()).toEqual(before);
}, 240_000);
