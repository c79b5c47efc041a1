// People for the benches, made the way the product makes them (signUp), as domain actors.
import type { Actor } from '@leadex/core/domain/auth/access';
import { getUser, signUp } from '@leadex/core/domain/auth/auth.service';
import type { AppDeps } from '@leadex/core';
import { randomBytes } from 'node:crypto';

export async function signUpActor(deps: AppDeps, role: 'SELLER' | 'BUYER'): Promise<Actor> {
  const email = `bench-${role.toLowerCase()}-${randomBytes(4).toString('hex')}@example.com`;
  const name = `Bench ${role.toLowerCase()}`;
  const session = await signUp(deps, { email, password: 'correct horse battery staple', name, organizationName: `${name} Ltd`, role });
  const found = await getUser(deps, session.userId);
  if (!found) throw new Error('the user just signed up is missing');
  return { userId: session.userId, organizationId: found.organization.id, role, via: 'session' };
}
