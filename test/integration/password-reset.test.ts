// Issue 16, password reset and e-mail verification by e-mail, read back from a real SMTP server started here:
// the reset link works once and for 30 minutes, ends every session; asking never tells whether an account
// exists; the verification link marks the address verified; sessions can be listed and ended everywhere.
import { eq, schema } from '@leadex/db';
import { signUpAs } from '../helpers/actors';
import { errorOf } from '../helpers/graphql-errors';
import { startSmtpCatcher, tokenOfLink, type SmtpCatcher } from '../helpers/smtp-catcher';
import { startTestApp, type TestApp } from '../helpers/test-app';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'lantern orchard quietly sailing';
let app: TestApp;
let smtp: SmtpCatcher;
let now: number;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  app = await startTestApp({
    label: 'passwordreset',
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Leadex <no-reply@leadex.test>', WEB_ORIGIN: 'https://app.leadex.test' },
  });
  now = Date.now();
  app.runtime.deps.clock = () => new Date(now);
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

const REQUEST = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation($token: String!, $p: String!) { resetPassword(token: $token, newPassword: $p) }';
const SIGN_IN = 'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }';

async function resetMailFor(email: string): Promise<string> {
  const before = smtp.mails.length;
  expect(await app.client().request(REQUEST, { email })).toEqual({ requestPasswordReset: true });
  const mail = await smtp.mailTo(email, /Reset your Leadex password/, before);
  expect(mail.html).toContain('https://app.leadex.test/reset-password?token=');
  return tokenOfLink(mail, '/reset-password');
}

describe('password reset', () => {
  it('mails a link that resets the password once and ends every old session', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const other = (await app.client().request<{ signIn: { token: string } }>(SIGN_IN, { email: seller.email, password: PASSWORD })).signIn.token;
    const token = await resetMailFor(seller.email);
    expect(token).toMatch(/^lxr_/);
    const rows = await app.runtime.deps.db.select().from(schema.accountTokens).where(eq(schema.accountTokens.userId, seller.userId));
    expect(JSON.stringify(rows)).not.toContain(token);

    const weak = await errorOf(app.client().request(RESET, { token, p: 'password1' }));
    expect(weak.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_TOO_WEAK', fields: [{ path: 'newPassword' }] });
    expect(await app.client().request(RESET, { token, p: NEW_PASSWORD })).toEqual({ resetPassword: true });

    for (const old of [seller.token, other])
      expect((await errorOf(app.client({ token: old }).request('{ me { id } }'))).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await errorOf(app.client().request(SIGN_IN, { email: seller.email, password: PASSWORD }))).extensions?.reason).toBe('BAD_CREDENTIALS');
    await app.client().request(SIGN_IN, { email: seller.email, password: NEW_PASSWORD });
    const audited = await app.runtime.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, seller.userId));
    expect(audited.map((e) => e.action)).toEqual(expect.arrayContaining(['password.reset', 'session.signed_in']));

    const again = await errorOf(app.client().request(RESET, { token, p: 'another lantern orchard sailing' }));
    expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_RESET_TOKEN_INVALID', fields: [{ path: 'token' }] });
  });

  it('refuses a link older than 30 minutes', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const token = await resetMailFor(buyer.email);
    now += 30 * 60_000 + 1000;
    expect((await errorOf(app.client().request(RESET, { token, p: NEW_PASSWORD }))).extensions?.reason).toBe('PASSWORD_RESET_TOKEN_INVALID');
    await app.client().request(SIGN_IN, { email: buyer.email, password: PASSWORD });
  });

  it('answers true for an unknown address and mails nothing', async () => {
    const before = smtp.mails.length;
    expect(await app.client().request(REQUEST, { email: 'nobody-here@example.com' })).toEqual({ requestPasswordReset: true });
    expect(await app.client().request(REQUEST, { email: 'not an address' })).toEqual({ requestPasswordReset: true });
    // a known address's mail sent after them arrives; none went to the unknown one
    const buyer = await signUpAs(app, 'BUYER');
    await resetMailFor(buyer.email);
    expect(smtp.mails.slice(before).some((m) => JSON.stringify(m.to).includes('nobody-here'))).toBe(false);
  });

  it('rate-limits requests for one address', async () => {
    const email = `limited-${Date.now()}@example.com`;
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        await app
          .client()
          .request(REQUEST, { email })
          .then(
            () => 'OK',
            async (e: unknown) => String((await errorOf(Promise.reject(e))).extensions?.code),
          ),
      );
    }
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'RATE_LIMITED']);
  });
});

describe('e-mail verification', () => {
  it('mails a link at sign-up that verifies the address once', async () => {
    const before = smtp.mails.length;
    const buyer = await signUpAs(app, 'BUYER');
    const client = app.client(buyer);
    expect((await client.request<{ me: { emailVerified: boolean } }>('{ me { emailVerified } }')).me.emailVerified).toBe(false);
    const mail = await smtp.mailTo(buyer.email, /Confirm your e-mail address/, before);
    expect(mail.text).toContain('https://app.leadex.test/verify-email?token=');
    const token = tokenOfLink(mail, '/verify-email');
    // the link works signed out (another device)
    expect(await app.client().request('mutation($t: String!) { verifyEmail(token: $t) }', { t: token })).toEqual({ verifyEmail: true });
    expect((await client.request<{ me: { emailVerified: boolean } }>('{ me { emailVerified } }')).me.emailVerified).toBe(true);
    const used = await errorOf(app.client().request('mutation($t: String!) { verifyEmail(token: $t) }', { t: token }));
    expect(used.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMAIL_VERIFICATION_TOKEN_INVALID' });
    expect((await errorOf(client.request('mutation { resendEmailVerification }'))).extensions?.reason).toBe('EMAIL_ALREADY_VERIFIED');
  });

  it('sends a new link on request; the old one stops working', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const first = tokenOfLink(await smtp.mailTo(seller.email, /Confirm your e-mail address/), '/verify-email');
    const before = smtp.mails.length;
    expect(await app.client(seller).request('mutation { resendEmailVerification }')).toEqual({ resendEmailVerification: true });
    const second = tokenOfLink(await smtp.mailTo(seller.email, /Confirm your e-mail address/, before), '/verify-email');
    expect(second).not.toBe(first);
    expect((await errorOf(app.client().request('mutation($t: String!) { verifyEmail(token: $t) }', { t: first }))).extensions?.reason).toBe(
      'EMAIL_VERIFICATION_TOKEN_INVALID',
    );
    await app.client().request('mutation($t: String!) { verifyEmail(token: $t) }', { t: second });
  });
});

describe('sessions', () => {
  const LIST = '{ mySessions { id current userAgent ip createdAt expiresAt } }';
  type Listed = { mySessions: { id: string; current: boolean; userAgent: string | null }[] };

  it('lists them with the current one marked, revokes one, and signs out everywhere', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const second = (await app.client().request<{ signIn: { token: string } }>(SIGN_IN, { email: buyer.email, password: PASSWORD })).signIn.token;
    const third = (await app.client().request<{ signIn: { token: string } }>(SIGN_IN, { email: buyer.email, password: PASSWORD })).signIn.token;
    const { mySessions } = await app.client({ token: second }).request<Listed>(LIST);
    expect(mySessions).toHaveLength(3);
    expect(mySessions.filter((s) => s.current)).toHaveLength(1);
    const mine = mySessions.find((s) => s.current)!;

    const stranger = await signUpAs(app, 'SELLER');
    const notYours = await errorOf(app.client(stranger).request('mutation($id: ID!) { revokeSession(id: $id) }', { id: mine.id }));
    expect(notYours.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SESSION_NOT_FOUND' });

    await app.client({ token: third }).request('mutation($id: ID!) { revokeSession(id: $id) }', { id: mine.id });
    expect((await errorOf(app.client({ token: second }).request('{ me { id } }'))).extensions?.code).toBe('UNAUTHENTICATED');

    expect(await app.client({ token: third }).request('mutation { signOutEverywhere }')).toEqual({ signOutEverywhere: true });
    for (const t of [buyer.token, third]) expect((await errorOf(app.client({ token: t }).request('{ me { id } }'))).extensions?.code).toBe('UNAUTHENTICATED');
    // the stranger's session is untouched
    await app.client(stranger).request('{ me { id } }');
  });
});
