import { schema } from '@leadex/db';
import { CREATE_API_KEY, SIGN_IN, SIGN_UP } from '../helpers/operations';
import { signUpAs } from '../helpers/actors';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { errorOf } from '../helpers/graphql-errors';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'auth' });
});
afterAll(() => app.close());

describe('sign-up and sign-in', () => {
  it('signs up a seller, returns a token that identifies them, and sets an HTTP-only cookie', async () => {
    const email = `seller-${Date.now()}@example.com`;
    const res = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: SIGN_UP,
        variables: { input: { email, password: 'correct horse battery staple', name: 'Sam', organizationName: 'Sam Leads', role: 'SELLER' } },
      }),
    });
    const body = (await res.json()) as { data: { signUp: { token: string; user: { role: string; email: string } } } };
    expect(body.data.signUp.user).toMatchObject({ role: 'SELLER', email });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/leadex_session=/);
    expect(cookie).toMatch(/HttpOnly/i);

    const me = await app.client({ token: body.data.signUp.token }).request<{ me: { email: string } }>('{ me { email role organization { name } } }');
    expect(me.me.email).toBe(email);
    // the cookie alone works as well (the web app's way)
    const viaCookie = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0]! },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(((await viaCookie.json()) as { data: { me: { email: string } } }).data.me.email).toBe(email);
  });

  it('refuses a second account with the same e-mail as CONFLICT', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const err = await errorOf(
      app
        .client()
        .request(SIGN_UP, { input: { email: seller.email.toUpperCase(), password: 'another long password', name: 'X', organizationName: 'X', role: 'BUYER' } }),
    );
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
  });

  it('reports every bad sign-up field with its path', async () => {
    const err = await errorOf(
      app.client().request(SIGN_UP, { input: { email: 'not-an-email', password: 'short', name: '', organizationName: 'Org', role: 'SELLER' } }),
    );
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (err.extensions!.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['input.email', 'input.name', 'input.password']);
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const wrong = await errorOf(app.client().request(SIGN_IN, { email: seller.email, password: 'wrong password!!' }));
    const unknown = await errorOf(app.client().request(SIGN_IN, { email: 'nobody@example.com', password: 'wrong password!!' }));
    expect(wrong.extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.message).toBe(unknown.message);
    const ok = await app.client().request<{ signIn: { token: string } }>(SIGN_IN, { email: seller.email, password: 'correct horse battery staple' });
    expect(ok.signIn.token).toMatch(/^lxs_/);
  });

  it('rate-limits repeated sign-in attempts on one account', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const codes: string[] = [];
    for (let i = 0; i < 12; i++)
      codes.push(String((await errorOf(app.client().request(SIGN_IN, { email: seller.email, password: `guess number ${i}` }))).extensions?.code));
    expect(codes.slice(0, 10).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('signs out: the token stops working', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    expect(await app.client({ token: buyer.token }).request('mutation { signOut }')).toEqual({ signOut: true });
    const err = await errorOf(app.client({ token: buyer.token }).request('{ me { id } }'));
    expect(err.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('API keys', () => {
  it('lets a seller create a key that is shown once and stored hashed', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const res = await app
      .client({ token: seller.token })
      .request<{ createApiKey: { key: string; apiKey: { id: string; prefix: string } } }>(CREATE_API_KEY, { name: 'CRM sync' });
    expect(res.createApiKey.key).toMatch(/^lxk_/);
    expect(res.createApiKey.key.startsWith(res.createApiKey.apiKey.prefix)).toBe(true);
    const rows = await app.runtime.deps.db.select().from(schema.apiKeys);
    expect(JSON.stringify(rows)).not.toContain(res.createApiKey.key);
    const listed = await app.client({ token: seller.token }).request<{ myApiKeys: { id: string }[] }>('{ myApiKeys { id name prefix } }');
    expect(listed.myApiKeys.map((k) => k.id)).toEqual([res.createApiKey.apiKey.id]);
  });

  it('does not give buyers API keys, and refuses unknown keys', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    expect((await errorOf(app.client({ token: buyer.token }).request(CREATE_API_KEY, { name: 'x' }))).extensions?.code).toBe('FORBIDDEN');
    expect((await errorOf(app.client({ apiKey: 'lxk_nope' }).request('{ me { id } }'))).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('revoked keys stop working', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const { createApiKey } = await app
      .client({ token: seller.token })
      .request<{ createApiKey: { key: string; apiKey: { id: string } } }>(CREATE_API_KEY, { name: 'old' });
    await app.client({ token: seller.token }).request('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: createApiKey.apiKey.id });
    expect((await errorOf(app.client({ apiKey: createApiKey.key }).request('{ segments { code } }'))).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
