import { actorColumns, auditDetails, auditScopeOf, MAX_DETAILS_CHARS, visibleActor } from './audit.rules';

describe('audit rules', () => {
  it('names the system when there is no actor, and an API key without a user', () => {
    expect(actorColumns(null)).toEqual({ actorUserId: null, actorApiKeyId: null, actorOrgId: null, actorRole: 'SYSTEM', requestId: null });
    expect(actorColumns({ userId: null, apiKeyId: 'key_1', organizationId: 'org_1', role: 'SELLER', requestId: 'r1' })).toEqual({
      actorUserId: null,
      actorApiKeyId: 'key_1',
      actorOrgId: 'org_1',
      actorRole: 'SELLER',
      requestId: 'r1',
    });
  });

  it('takes an explicit request id over the actor’s', () => {
    expect(actorColumns({ userId: 'usr_1', role: 'BUYER', requestId: 'a' }, 'b').requestId).toBe('b');
  });

  it('refuses details that would carry contact data or secrets, at any depth', () => {
    expect(() => auditDetails({ phone: '+15550100' })).toThrow(/phone/);
    expect(() => auditDetails({ change: { password: 'x' } })).toThrow(/change\.password/);
    expect(() => auditDetails({ list: [{ email: 'a@b.c' }] })).toThrow(/email/);
    expect(auditDetails({ purpose: 'BUYER', amount: 1200 })).toEqual({ purpose: 'BUYER', amount: 1200 });
    expect(auditDetails(undefined)).toEqual({});
  });

  it('cuts oversized details to a marker', () => {
    const big = { note: 'x'.repeat(MAX_DETAILS_CHARS) };
    expect(auditDetails(big)).toEqual({ truncated: true, size: JSON.stringify(big).length });
  });

  it('lets operators read every organisation and anybody else only their own', () => {
    expect(auditScopeOf({ role: 'OPERATOR', organizationId: 'org_p' })).toBeNull();
    expect(auditScopeOf({ role: 'BUYER', organizationId: 'org_b' })).toBe('org_b');
  });
});

describe('visibleActor', () => {
  const entry = { actorUserId: 'usr_op', actorApiKeyId: null, actorOrgId: 'org_p', actorName: 'Olga', action: 'dispute.resolved' };
  it('shows an operator everybody, and an organisation its own people', () => {
    expect(visibleActor(entry, { role: 'OPERATOR', organizationId: 'org_p' })).toBe(entry);
    expect(visibleActor({ ...entry, actorOrgId: 'org_b' }, { role: 'BUYER', organizationId: 'org_b' }).actorName).toBe('Olga');
  });
  it('hides who of another organisation acted, keeping what was done', () => {
    expect(visibleActor(entry, { role: 'BUYER', organizationId: 'org_b' })).toEqual({
      actorUserId: null,
      actorApiKeyId: null,
      actorOrgId: null,
      actorName: null,
      action: 'dispute.resolved',
    });
  });
});
