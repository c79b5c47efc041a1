import { capabilitiesOf, hasCapability, invitationState, inviteRefusal, MEMBER_ROLES, memberChangeRefusal, type MemberChangeFacts } from './member-roles.rules';

const facts = (f: Partial<MemberChangeFacts>): MemberChangeFacts => ({
  actor: 'OWNER',
  self: false,
  target: 'MEMBER',
  change: { kind: 'REMOVE' },
  owners: 1,
  ...f,
});

describe('member roles', () => {
  it('grants each role everything the role below it has', () => {
    const [owner, admin, member, viewer] = MEMBER_ROLES.map((r) => capabilitiesOf(r));
    for (const [higher, lower] of [
      [owner, admin],
      [admin, member],
      [member, viewer],
    ] as const) {
      expect(lower!.every((c) => higher!.includes(c))).toBe(true);
    }
  });

  it('lets a viewer only read, a member trade, an admin all but ownership', () => {
    expect(capabilitiesOf('VIEWER')).toEqual(['READ']);
    expect(hasCapability('MEMBER', 'TRADE')).toBe(true);
    expect(hasCapability('MEMBER', 'MONEY')).toBe(false);
    expect(hasCapability('ADMIN', 'MONEY')).toBe(true);
    expect(hasCapability('ADMIN', 'MEMBERS')).toBe(true);
    expect(hasCapability('ADMIN', 'OWNERSHIP')).toBe(false);
    expect(hasCapability('OWNER', 'OWNERSHIP')).toBe(true);
  });
});

describe('invitations', () => {
  it('lets owners invite anyone and admins anyone but an owner', () => {
    for (const role of MEMBER_ROLES) expect(inviteRefusal('OWNER', role)).toBeNull();
    expect(inviteRefusal('ADMIN', 'ADMIN')).toBeNull();
    expect(inviteRefusal('ADMIN', 'OWNER')?.code).toBe('MEMBER_ROLE_REQUIRED');
  });

  it('refuses members and viewers inviting at all', () => {
    expect(inviteRefusal('MEMBER', 'VIEWER')?.code).toBe('MEMBER_ROLE_REQUIRED');
    expect(inviteRefusal('VIEWER', 'VIEWER')?.code).toBe('MEMBER_ROLE_REQUIRED');
  });

  it('is pending until it expires, and accepted or revoked wins over expiry', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const base = { acceptedAt: null, revokedAt: null, expiresAt: new Date(now.getTime() + 1) };
    expect(invitationState(base, now)).toBe('PENDING');
    expect(invitationState({ ...base, expiresAt: now }, now)).toBe('EXPIRED');
    expect(invitationState({ ...base, expiresAt: now, acceptedAt: now }, now)).toBe('ACCEPTED');
    expect(invitationState({ ...base, revokedAt: now }, now)).toBe('REVOKED');
  });
});

describe('changing and removing members', () => {
  it('lets any member leave, but not the last owner', () => {
    expect(memberChangeRefusal(facts({ actor: 'VIEWER', target: 'VIEWER', self: true }))).toBeNull();
    expect(memberChangeRefusal(facts({ actor: 'OWNER', target: 'OWNER', self: true, owners: 1 }))?.code).toBe('LAST_OWNER');
    expect(memberChangeRefusal(facts({ actor: 'OWNER', target: 'OWNER', self: true, owners: 2 }))).toBeNull();
  });

  it('never demotes the last owner, even by themselves', () => {
    const demote = { kind: 'CHANGE_ROLE', to: 'ADMIN' } as const;
    expect(memberChangeRefusal(facts({ target: 'OWNER', self: true, change: demote, owners: 1 }))?.code).toBe('LAST_OWNER');
    expect(memberChangeRefusal(facts({ target: 'OWNER', change: demote, owners: 2 }))).toBeNull();
    // keeping an owner an owner loses nobody
    expect(memberChangeRefusal(facts({ target: 'OWNER', change: { kind: 'CHANGE_ROLE', to: 'OWNER' }, owners: 1 }))).toBeNull();
  });

  it('lets an admin manage members and admins but not touch owners or make one', () => {
    expect(memberChangeRefusal(facts({ actor: 'ADMIN', target: 'ADMIN', change: { kind: 'CHANGE_ROLE', to: 'VIEWER' } }))).toBeNull();
    expect(memberChangeRefusal(facts({ actor: 'ADMIN', target: 'MEMBER' }))).toBeNull();
    expect(memberChangeRefusal(facts({ actor: 'ADMIN', target: 'MEMBER', change: { kind: 'CHANGE_ROLE', to: 'OWNER' } }))?.code).toBe('MEMBER_ROLE_REQUIRED');
    expect(memberChangeRefusal(facts({ actor: 'ADMIN', self: true, target: 'ADMIN', change: { kind: 'CHANGE_ROLE', to: 'OWNER' } }))?.code).toBe(
      'MEMBER_ROLE_REQUIRED',
    );
    expect(memberChangeRefusal(facts({ actor: 'ADMIN', target: 'OWNER', owners: 3 }))?.code).toBe('MEMBER_ROLE_REQUIRED');
  });

  it('refuses members and viewers changing anyone but leaving themselves', () => {
    expect(memberChangeRefusal(facts({ actor: 'MEMBER', target: 'VIEWER' }))?.code).toBe('MEMBER_ROLE_REQUIRED');
    expect(memberChangeRefusal(facts({ actor: 'VIEWER', self: true, target: 'VIEWER', change: { kind: 'CHANGE_ROLE', to: 'ADMIN' } }))?.code).toBe(
      'MEMBER_ROLE_REQUIRED',
    );
  });

  it('answers a refused permission before the last-owner rule', () => {
    expect(memberChangeRefusal(facts({ actor: 'ADMIN', target: 'OWNER', owners: 1 }))?.code).toBe('MEMBER_ROLE_REQUIRED');
  });
});
