// Issue 16, two-factor sign-in: enrol with the QR code's secret, confirm with a code an authenticator computes
// (otplib), then signIn answers a challenge instead of a session; the code (or a recovery code, once) completes it.
// Wrong codes count toward the sign-in lockout; operators where 2FA is required get a session that can only enrol.
import { eq, schema } from '@leadex/db';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { errorOf } from '../helpers/graphql-errors';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { secretOfUri, totpCode } from '../helpers/totp';

const PASSWORD = 'correct horse battery staple';
let app: TestApp;
let now: number;
beforeAll(async () => {
  app = await startTestApp({ label: 'twofactor' });
  now = Date.now();
  app.runtime.deps.clock = () => new Date(now);
});
afterAll(() => app.close());

// each code is for a later 30-second step than the one before (an accepted code never works twice)
const nextStep = () => {
  now += 30_000;
  return new Date(now);
};

const START = 'mutation { startTotpEnrolment { otpauthUri qrCodeDataUrl secret } }';
const CONFIRM = 'mutation($code: String!) { confirmTotpEnrolment(code: $code) }';
const SIGN_IN =
  'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token twoFactorRequired challengeToken challengeExpiresAt user { id } } }';
const COMPLETE =
  'mutation($t: String!, $code: String, $recoveryCode: String) { completeTwoFactorSignIn(challengeToken: $t, code: $code, recoveryCode: $recoveryCode) { token twoFactorRequired user { id email } } }';

type Started = { startTotpEnrolment: { otpauthUri: string; qrCodeDataUrl: string; secret: string } };
type SignedIn = { signIn: { token: string | null; twoFactorRequired: boolean; challengeToken: string | null; user: { id: string } | null } };
type Completed = { completeTwoFactorSignIn: { token: string; user: { id: string; email: string } } };

async function enrol(user: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const client = app.client(user);
  const { startTotpEnrolment } = await client.request<Started>(START);
  const secret = secretOfUri(startTotpEnrolment.otpauthUri);
  const { confirmTotpEnrolment } = await client.request<{ confirmTotpEnrolment: string[] }>(CONFIRM, { code: await totpCode(secret, nextStep()) });
  return { secret, recoveryCodes: confirmTotpEnrolment };
}

const challenge = async (u: TestUser) => (await app.client().request<SignedIn>(SIGN_IN, { email: u.email, password: PASSWORD })).signIn;

describe('enrolment', () => {
  it('gives a QR code of an otpauth URI whose secret is stored sealed, and turns on only with a right code', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const client = app.client(seller);
    const { startTotpEnrolment: e } = await client.request<Started>(START);
    expect(e.otpauthUri).toMatch(/^otpauth:\/\/totp\/Leadex:/);
    expect(e.otpauthUri).toContain(encodeURIComponent(seller.email));
    expect(e.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = secretOfUri(e.otpauthUri);
    expect(secret).toBe(e.secret);
    const [row] = await app.runtime.deps.db.select().from(schema.totpCredentials).where(eq(schema.totpCredentials.userId, seller.userId));
    expect(row!.confirmedAt).toBeNull();
    expect(JSON.stringify(row)).not.toContain(secret);

    // until confirmed, sign-in is as before
    expect((await challenge(seller)).twoFactorRequired).toBe(false);
    const wrong = await errorOf(client.request(CONFIRM, { code: '000000' }));
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOTP_CODE_INVALID', fields: [{ path: 'code' }] });

    const { confirmTotpEnrolment: codes } = await client.request<{ confirmTotpEnrolment: string[] }>(CONFIRM, { code: await totpCode(secret, nextStep()) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await app.runtime.deps.db.select().from(schema.recoveryCodes).where(eq(schema.recoveryCodes.userId, seller.userId));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace(/-/g, ''));
    const status = await client.request<{ twoFactorStatus: { enabled: boolean; recoveryCodesLeft: number } }>(
      '{ twoFactorStatus { enabled recoveryCodesLeft required } }',
    );
    expect(status.twoFactorStatus).toEqual({ enabled: true, recoveryCodesLeft: 10, required: false });
    const audited = await app.runtime.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, seller.userId));
    expect(audited.map((e) => e.action)).toContain('totp.enabled');
    // a second enrolment cannot replace the confirmed authenticator
    expect((await errorOf(client.request(START))).extensions).toMatchObject({ code: 'CONFLICT', reason: 'TOTP_ALREADY_ENABLED' });
  });
});

describe('signing in with two-factor on', () => {
  it('answers a challenge without a session, and the right code opens one', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { secret } = await enrol(buyer);
    const res = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { email: buyer.email, password: PASSWORD } }),
    });
    const { signIn } = ((await res.json()) as { data: SignedIn }).data;
    expect(signIn).toMatchObject({ token: null, user: null, twoFactorRequired: true, challengeToken: expect.stringMatching(/^lxc_/) });
    expect(res.headers.get('set-cookie')).toBeNull();
    // the challenge is no session
    expect((await errorOf(app.client({ token: signIn.challengeToken! }).request('{ me { id } }'))).extensions?.code).toBe('UNAUTHENTICATED');

    const wrong = await errorOf(app.client().request(COMPLETE, { t: signIn.challengeToken, code: '123456' }));
    expect(wrong.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_TWO_FACTOR_CODE' });

    const code = await totpCode(secret, nextStep());
    const { completeTwoFactorSignIn: done } = await app.client().request<Completed>(COMPLETE, { t: signIn.challengeToken, code });
    expect(done.user.email).toBe(buyer.email);
    expect((await app.client({ token: done.token }).request<{ me: { id: string } }>('{ me { id } }')).me.id).toBe(buyer.userId);

    // the challenge opened its session; the same code does not work again, not even with a new challenge
    expect((await errorOf(app.client().request(COMPLETE, { t: signIn.challengeToken, code }))).extensions?.reason).toBe('TWO_FACTOR_CHALLENGE_INVALID');
    const again = await challenge(buyer);
    expect((await errorOf(app.client().request(COMPLETE, { t: again.challengeToken, code }))).extensions?.reason).toBe('BAD_TWO_FACTOR_CODE');
  });

  it('accepts each recovery code once', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const { recoveryCodes } = await enrol(seller);
    const first = await challenge(seller);
    // typed in capitals with spaces, as people copy them from paper
    const typed = recoveryCodes[3]!.toUpperCase().replace(/-/g, ' ');
    const { completeTwoFactorSignIn } = await app.client().request<Completed>(COMPLETE, { t: first.challengeToken, recoveryCode: typed });
    expect(completeTwoFactorSignIn.token).toMatch(/^lxs_/);

    const second = await challenge(seller);
    const refused = await errorOf(app.client().request(COMPLETE, { t: second.challengeToken, recoveryCode: recoveryCodes[3] }));
    expect(refused.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_TWO_FACTOR_CODE', fields: [{ path: 'recoveryCode' }] });
    const status = await app
      .client({ token: completeTwoFactorSignIn.token })
      .request<{ twoFactorStatus: { recoveryCodesLeft: number } }>('{ twoFactorStatus { recoveryCodesLeft } }');
    expect(status.twoFactorStatus.recoveryCodesLeft).toBe(9);
    // another code still works with the same challenge
    await app.client().request<Completed>(COMPLETE, { t: second.challengeToken, recoveryCode: recoveryCodes[4] });
  });

  it('asks for exactly one of code and recovery code', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    await enrol(buyer);
    const c = await challenge(buyer);
    expect((await errorOf(app.client().request(COMPLETE, { t: c.challengeToken }))).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets a challenge expire after five minutes', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { secret } = await enrol(buyer);
    const c = await challenge(buyer);
    now += 5 * 60_000 + 1000;
    const expired = await errorOf(app.client().request(COMPLETE, { t: c.challengeToken, code: await totpCode(secret, new Date(now)) }));
    expect(expired.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_CHALLENGE_INVALID' });
  });

  it('counts wrong codes toward the sign-in lockout, which the right password alone does not clear', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const { secret } = await enrol(seller);
    const reasons: string[] = [];
    for (let round = 0; round < 2; round++) {
      const c = await challenge(seller);
      for (let i = 0; i < 5; i++)
        reasons.push(String((await errorOf(app.client().request(COMPLETE, { t: c.challengeToken, code: `00000${i}` }))).extensions?.reason));
    }
    expect(reasons.every((r) => r === 'BAD_TWO_FACTOR_CODE')).toBe(true);
    // ten failures in a row from this IP: the pair is blocked, password and code alike
    expect((await errorOf(app.client().request(SIGN_IN, { email: seller.email, password: PASSWORD }))).extensions?.code).toBe('RATE_LIMITED');
    expect((await app.runtime.deps.db.select().from(schema.sessions).where(eq(schema.sessions.userId, seller.userId))).length).toBe(1); // sign-up's only
    void secret;
  });

  it('spends a challenge after five wrong codes', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { secret } = await enrol(buyer);
    const c = await challenge(buyer);
    for (let i = 0; i < 5; i++) await errorOf(app.client().request(COMPLETE, { t: c.challengeToken, code: '999999' }));
    const spent = await errorOf(app.client().request(COMPLETE, { t: c.challengeToken, code: await totpCode(secret, nextStep()) }));
    expect(spent.extensions?.reason).toBe('TWO_FACTOR_CHALLENGE_INVALID');
  });
});

describe('turning it off', () => {
  it('needs a current code; sign-in then opens a session at once', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { secret } = await enrol(buyer);
    const client = app.client(buyer);
    const DISABLE = 'mutation($code: String!) { disableTotp(code: $code) }';
    expect((await errorOf(client.request(DISABLE, { code: '111111' }))).extensions?.reason).toBe('TOTP_CODE_INVALID');
    expect(await client.request(DISABLE, { code: await totpCode(secret, nextStep()) })).toEqual({ disableTotp: true });
    expect((await challenge(buyer)).twoFactorRequired).toBe(false);
    expect((await app.runtime.deps.db.select().from(schema.recoveryCodes).where(eq(schema.recoveryCodes.userId, buyer.userId))).length).toBe(0);
  });
});

describe('operators where two-factor sign-in is required', () => {
  beforeAll(() => {
    app.runtime.deps.config.REQUIRE_OPERATOR_2FA = true;
  });
  afterAll(() => {
    app.runtime.deps.config.REQUIRE_OPERATOR_2FA = false;
  });

  it('get a session that can only enrol until they have TOTP, then everything', async () => {
    const operator = await createOperatorUser(app);
    const client = app.client(operator);
    const me = await client.request<{ me: { twoFactorEnrolmentRequired: boolean; emailVerified: boolean } }>(
      '{ me { twoFactorEnrolmentRequired emailVerified } }',
    );
    expect(me.me).toEqual({ twoFactorEnrolmentRequired: true, emailVerified: true });
    const closed = await errorOf(client.request('{ ledgerBalances { account } }'));
    expect(closed.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TWO_FACTOR_ENROLMENT_REQUIRED' });
    // REST routes refuse such a session outright
    const dashboard = await fetch(`${app.url}/admin/queues`, { headers: { authorization: `Bearer ${operator.token}` } });
    expect(dashboard.status).toBe(401);

    const { secret } = await enrol(operator);
    await client.request('{ ledgerBalances { account } }');
    expect((await fetch(`${app.url}/admin/queues`, { headers: { authorization: `Bearer ${operator.token}` } })).status).toBe(200);
    expect((await client.request<{ me: { twoFactorEnrolmentRequired: boolean } }>('{ me { twoFactorEnrolmentRequired } }')).me.twoFactorEnrolmentRequired).toBe(
      false,
    );
    const keep = await errorOf(client.request('mutation($code: String!) { disableTotp(code: $code) }', { code: await totpCode(secret, nextStep()) }));
    expect(keep.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TWO_FACTOR_MANDATORY' });
  });
});
