// Finding 15 (part): passwords are checked for strength with zxcvbn, and sign-in answers an unknown e-mail
// exactly like a wrong password (message, code, and the argon2 work that sets its timing).
import { createOperator } from '@leadex/core/domain/auth/auth.service';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { eq, schema } from '@leadex/db';
import { randomBytes } from 'node:crypto';
import { SIGN_UP } from '../helpers/operations';
import { signUpAs } from '../helpers/actors';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'password-and-signin' });
});
afterAll(() => app.close());

type Answer = { data?: unknown; errors?: { message: string; extensions: { code: string; reason?: string; fields?: { path: string; message: string }[] } }[] };
let ipCounter = 0;
async function post(query: string, variables: Record<string, unknown>): Promise<{ status: number; body: Answer; ms: number }> {
  const started = performance.now();
  // each request from its own address (app.ts trusts loopback proxies), so the sign-in guard stays out of the way
  const res = await fetch(app.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.18.0.${++ipCounter}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer, ms: performance.now() - started };
}

const newAccount = (password: string, extra: Record<string, unknown> = {}) => ({
  email: `pw-${randomBytes(4).toString('hex')}@example.com`,
  password,
  name: 'Pat Example',
  organizationName: 'Example Leads',
  role: 'SELLER',
  ...extra,
});
const usersNamed = async (email: string) => app.runtime.deps.db.select().from(schema.users).where(eq(schema.users.email, email));

describe('password strength', () => {
  it.each([
    ['a common password', 'password123'],
    ['a keyboard walk', 'qwertyuiop12'],
    ['one repeated character', 'aaaaaaaaaaaaaaa'],
    ['a short random one', 'Xk9#mQ2'],
  ])('refuses %s at input.password with PASSWORD_TOO_WEAK and advice', async (_what, password) => {
    const input = newAccount(password);
    const { body } = await post(SIGN_UP, { input });
    const err = body.errors![0]!;
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_TOO_WEAK', fields: [{ path: 'input.password' }] });
    expect(err.extensions.fields![0]!.message.length).toBeGreaterThan(10);
    expect(await usersNamed(input.email)).toHaveLength(0);
  });

  it("refuses a password made of the user's own name", async () => {
    const input = newAccount('zorblaxquintrell', { name: 'Zorblax Quintrell' });
    const { body } = await post(SIGN_UP, { input });
    expect(body.errors![0]!.extensions.reason).toBe('PASSWORD_TOO_WEAK');
  });

  it('accepts a passphrase of unrelated words', async () => {
    const { body } = await post(SIGN_UP, { input: newAccount('violet tractor mumbles sideways') });
    expect(body.errors).toBeUndefined();
  });

  it('holds operators made from the command line to the same rule', async () => {
    const email = `op-${randomBytes(4).toString('hex')}@example.com`;
    const err = await createOperator(app.runtime.deps, email, 'password123', 'Weak Op').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('PASSWORD_TOO_WEAK');
    expect(await usersNamed(email)).toHaveLength(0);
  });
});

describe('uniform sign-in errors', () => {
  const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';

  it('answers an unknown e-mail and a wrong password with the same message and code', async () => {
    const user = await signUpAs(app, 'BUYER');
    const wrong = (await post(SIGN_IN, { e: user.email, p: 'not the password at all' })).body.errors![0]!;
    const unknown = (await post(SIGN_IN, { e: `ghost-${randomBytes(4).toString('hex')}@example.com`, p: 'not the password at all' })).body.errors![0]!;
    const malformed = (await post(SIGN_IN, { e: 'not an e-mail address', p: 'x' })).body.errors![0]!;
    expect(wrong.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' });
    for (const other of [unknown, malformed]) {
      expect(other.message).toBe(wrong.message);
      expect(other.extensions).toEqual(wrong.extensions);
    }
  });

  it('takes about as long for an unknown e-mail as for a wrong password (both verify an argon2 hash)', async () => {
    const user = await signUpAs(app, 'BUYER');
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      wrong.push((await post(SIGN_IN, { e: user.email, p: `wrong ${i}` })).ms);
      unknown.push((await post(SIGN_IN, { e: `ghost-${i}-${randomBytes(3).toString('hex')}@example.com`, p: `wrong ${i}` })).ms);
    }
    // an unknown e-mail that skipped argon2 would answer in a fraction of the time
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
