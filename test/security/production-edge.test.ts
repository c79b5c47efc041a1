// Finding 15, production side: no schema map for strangers (introspection off, no landing page), /metrics only
// for operators, HSTS and upgrade-insecure-requests on. Development keeps all three open (client-errors.test.ts).
import { randomBytes } from 'node:crypto';
import { createOperatorUser, enrolTotp, signUpAs, type TestUser } from '../helpers/actors';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { bearer, gql, sendRaw } from './http-requests';

let app: TestApp;
let buyer: TestUser;
let operator: TestUser;
beforeAll(async () => {
  // hex, like Stripe's own key alphabet (a base64url secret may start with '-' and not look like a live key)
  const secret = () => randomBytes(32).toString('hex');
  app = await startTestApp({
    label: 'production-edge',
    env: {
      NODE_ENV: 'production',
      STRIPE_SECRET_KEY: `sk_live_${secret()}`,
      STRIPE_WEBHOOK_SECRET: `whsec_${secret()}`,
      CONTACT_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      CONTACT_HASH_KEY: secret(),
      CONSENT_SIGNING_KEY: secret(),
      COOKIE_SECURE: 'true',
    },
  });
  [buyer, operator] = await Promise.all([signUpAs(app, 'BUYER'), createOperatorUser(app)]);
});
afterAll(() => app.close());

it('refuses introspection in production as a client mistake', async () => {
  const answer = await sendRaw(app.url, gql('{ __schema { types { name } } }'));
  expect(answer.status).toBe(400);
  expect(answer.codes).toEqual(['BAD_USER_INPUT']);
  expect(JSON.stringify(answer.json)).not.toContain('"types"');
  const typeProbe = await sendRaw(app.url, gql('{ __type(name: "Lead") { fields { name } } }', undefined, bearer(buyer.token)));
  expect(typeProbe.codes).toEqual(['BAD_USER_INPUT']);
});

it('still answers ordinary operations in production', async () => {
  const answer = await sendRaw(app.url, gql('{ me { id } }', undefined, bearer(buyer.token)));
  expect(answer.status).toBe(200);
  expect(answer.codes).toEqual([]);
});

it('serves no schema-browser landing page in production', async () => {
  const res = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(await res.text()).not.toMatch(/apollographql\.com|sandbox/i);
});

it('shows /metrics to operators only', async () => {
  expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
  expect((await fetch(`${app.url}/metrics`, { headers: bearer('lxs_forged') })).status).toBe(401);
  expect((await fetch(`${app.url}/metrics`, { headers: bearer(buyer.token) })).status).toBe(403);
  // production requires operators' two-factor sign-in: until the operator enrols, the session opens nothing here
  expect((await fetch(`${app.url}/metrics`, { headers: bearer(operator.token) })).status).toBe(401);
  await enrolTotp(app, operator, 'OPERATOR');
  const allowed = await fetch(`${app.url}/metrics`, { headers: bearer(operator.token) });
  expect(allowed.status).toBe(200);
  expect(await allowed.text()).toContain('leadex_http_requests_total');
});

it('pins HTTPS with HSTS and upgrades insecure subresources', async () => {
  const res = await fetch(`${app.url}/healthz`);
  expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
});
