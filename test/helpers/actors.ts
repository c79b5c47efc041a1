// Signing up the people a test needs.
import { eq, schema } from '@leadex/db';
import { randomBytes } from 'node:crypto';
import { SIGN_UP } from './operations';
import type { TestApp } from './test-app';

export interface TestUser {
  token: string;
  userId: string;
  organizationId: string;
  email: string;
}

export async function signUpAs(app: TestApp, role: 'SELLER' | 'BUYER', name = role.toLowerCase()): Promise<TestUser> {
  const email = `${name}-${randomBytes(4).toString('hex')}@example.com`;
  const res = await app.client().request<{ signUp: { token: string; user: { id: string; organization: { id: string } } } }>(SIGN_UP, {
    input: { email, password: 'correct horse battery staple', name: `Test ${name}`, organizationName: `${name} Ltd`, role },
  });
  return { token: res.signUp.token, userId: res.signUp.user.id, organizationId: res.signUp.user.organization.id, email };
}

/** Operators cannot be made through the API; tests use the same domain function as the CLI. */
export async function createOperatorUser(app: TestApp): Promise<TestUser> {
  const { createOperator, signIn } = await import('@leadex/core/domain/auth/auth.service');
  const email = `operator-${randomBytes(4).toString('hex')}@example.com`;
  const op = await createOperator(app.runtime.deps, email, 'correct horse battery staple', 'Operator');
  const session = await signIn(app.runtime.deps, email, 'correct horse battery staple', '127.0.0.1');
  if (session.twoFactorRequired) throw new Error('a new operator has no TOTP');
  const [user] = await app.runtime.deps.db.select().from(schema.users).where(eq(schema.users.id, op.id));
  return { token: session.token, userId: op.id, organizationId: user!.organizationId, email };
}

/** Turns two-factor sign-in on for a user (as the Security page does), with a code computed like an authenticator's. */
export async function enrolTotp(app: TestApp, user: TestUser, role: 'SELLER' | 'BUYER' | 'OPERATOR'): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { startTotpEnrolment, confirmTotpEnrolment } = await import('@leadex/core/domain/auth/two-factor.service');
  const { secretOfUri, totpCode } = await import('./totp');
  const actor = { userId: user.userId, organizationId: user.organizationId, role, via: 'session' as const };
  const { otpauthUri } = await startTotpEnrolment(app.runtime.deps, actor);
  const secret = secretOfUri(otpauthUri);
  const recoveryCodes = await confirmTotpEnrolment(app.runtime.deps, actor, await totpCode(secret, app.runtime.deps.clock()));
  return { secret, recoveryCodes };
}
