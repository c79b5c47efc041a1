// Teams (issue 16): an invitation's round trip through a real SMTP server, member roles enforced in the domain
// (VIEWER buys nothing, MEMBER changes no money settings, ADMIN makes no owner), the last owner kept, revoked
// and expired invitations refused, a removed member's session ended.
import { eq, schema } from '@leadex/db';
import { gql } from 'graphql-request';
import { signUpAs } from '../helpers/actors';
import { errorOf } from '../helpers/graphql-errors';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher';
import { startTestApp, type TestApp } from '../helpers/test-app';

const PASSWORD = 'Orchard lantern 42 quietly';
const INVITE = gql`
  mutation Invite($email: String!, $role: MemberRole!) {
    inviteMember(email: $email, role: $role) {
      emailSent
      invitation {
        id
        email
        role
        status
      }
    }
  }
`;
const ACCEPT = gql`
  mutation Accept($token: String!, $name: String!, $password: String!) {
    acceptInvitation(token: $token, name: $name, password: $password) {
      token
      user {
        id
        memberRole
        role
        organization {
          id
        }
      }
    }
  }
`;
const ME = gql`
  query {
    me {
      id
      memberRole
    }
  }
`;

let app: TestApp;
let smtp: SmtpCatcher;
let seq = 0;
const address = (tag: string) => `${tag}-${++seq}-${Date.now()}@team.example`;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  app = await startTestApp({ label: 'teams', stripe: true, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Leadex <team@leadex.test>' } });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

function tokenFromMail(to: string): string {
  const mail = smtp.mails.find((m) => [m.to].flat().some((t) => t!.text.includes(to)));
  if (!mail) throw new Error(`no mail to ${to}`);
  const link = /(http\S+\/accept-invitation\?token=\S+)/.exec(mail.text ?? '')![1]!;
  expect(link.startsWith(`${app.url}/accept-invitation?token=`)).toBe(true);
  return new URL(link).searchParams.get('token')!;
}

/** Invites, reads the link from the mail and accepts it: the new member's session token and id. */
// the mailer resolves once the SMTP server took the mail, so it is in `smtp.mails` when inviteMember answers
async function memberOf(owner: { token: string }, role: string): Promise<{ token: string; userId: string; email: string }> {
  const email = address(role.toLowerCase());
  const res = await app.client(owner).request<{ inviteMember: { emailSent: boolean } }>(INVITE, { email, role });
  expect(res.inviteMember.emailSent).toBe(true);
  const accepted = await app.client().request<{ acceptInvitation: { token: string; user: { id: string } } }>(ACCEPT, {
    token: tokenFromMail(email),
    name: `Team ${role}`,
    password: PASSWORD,
  });
  return { token: accepted.acceptInvitation.token, userId: accepted.acceptInvitation.user.id, email };
}

describe('invitations', () => {
  it('mails a link that makes the member in the organisation with the role, signed in and able to sign in again', async () => {
    const owner = await signUpAs(app, 'BUYER', 'owner');
    const email = address('new');
    const res = await app.client(owner).request<{ inviteMember: { emailSent: boolean; invitation: { role: string; status: string } } }>(INVITE, {
      email,
      role: 'MEMBER',
    });
    expect(res.inviteMember).toMatchObject({ emailSent: true, invitation: { role: 'MEMBER', status: 'PENDING' } });
    const mail = smtp.mails.find((m) => [m.to].flat().some((t) => t!.text.includes(email)))!;
    expect(mail.subject).toContain('invited you to');
    expect(mail.html).toContain('accept-invitation?token=');
    const token = tokenFromMail(email);
    // only the hash is stored
    const rows = await app.runtime.deps.db.select().from(schema.invitations).where(eq(schema.invitations.email, email));
    expect(rows[0]!.tokenHash).not.toContain(token);

    const accepted = await app
      .client()
      .request<{ acceptInvitation: { token: string; user: { memberRole: string; role: string; organization: { id: string } } } }>(ACCEPT, {
        token,
        name: 'New Member',
        password: PASSWORD,
      });
    expect(accepted.acceptInvitation.user).toMatchObject({ memberRole: 'MEMBER', role: 'BUYER', organization: { id: owner.organizationId } });
    const signIn = await app.client().request<{ signIn: { token: string } }>(
      gql`
        mutation ($email: String!, $password: String!) {
          signIn(email: $email, password: $password) {
            token
          }
        }
      `,
      { email, password: PASSWORD },
    );
    const me = await app.client({ token: signIn.signIn.token }).request<{ me: { memberRole: string } }>(ME);
    expect(me.me.memberRole).toBe('MEMBER');
    const members = await app.client(owner).request<{ members: { email: string; role: string }[] }>(gql`
      query {
        members {
          email
          role
        }
      }
    `);
    expect(members.members.map((m) => m.role).sort()).toEqual(['MEMBER', 'OWNER']);

    // the link works once
    const again = await errorOf(app.client().request(ACCEPT, { token, name: 'Twice', password: PASSWORD }));
    expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITATION_INVALID' });
  });

  it('refuses a revoked invitation and an expired one with INVITATION_INVALID', async () => {
    const owner = await signUpAs(app, 'SELLER', 'owner');
    const email = address('revoked');
    const res = await app.client(owner).request<{ inviteMember: { invitation: { id: string } } }>(INVITE, { email, role: 'VIEWER' });
    await app.client(owner).request(
      gql`
        mutation ($id: ID!) {
          revokeInvitation(id: $id) {
            status
          }
        }
      `,
      { id: res.inviteMember.invitation.id },
    );
    const revoked = await errorOf(app.client().request(ACCEPT, { token: tokenFromMail(email), name: 'Late', password: PASSWORD }));
    expect(revoked.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITATION_INVALID' });
    expect(revoked.message).toContain('withdrawn');

    const email2 = address('expired');
    const res2 = await app.client(owner).request<{ inviteMember: { invitation: { id: string } } }>(INVITE, { email: email2, role: 'VIEWER' });
    await app.runtime.deps.db
      .update(schema.invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.invitations.id, res2.inviteMember.invitation.id));
    const expired = await errorOf(app.client().request(ACCEPT, { token: tokenFromMail(email2), name: 'Late', password: PASSWORD }));
    expect(expired.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITATION_INVALID' });
    expect(expired.message).toContain('expired');
  });
});

describe('member roles', () => {
  it('refuses a viewer buying', async () => {
    const owner = await signUpAs(app, 'BUYER', 'owner');
    const viewer = await memberOf(owner, 'VIEWER');
    const err = await errorOf(
      app.client(viewer).request(
        gql`
          mutation ($input: CreateOrderInput!) {
            createOrder(input: $input) {
              id
            }
          }
        `,
        { input: { leadIds: ['lead_none'] } },
      ),
    );
    expect(err.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_ROLE_REQUIRED' });
  });

  it('refuses a member the money settings: wallet top-up, payout account, API keys', async () => {
    const buyerOwner = await signUpAs(app, 'BUYER', 'owner');
    const buyerMember = await memberOf(buyerOwner, 'MEMBER');
    const topUp = await errorOf(
      app.client(buyerMember).request(gql`
        mutation {
          topUpWallet(amount: "10.00") {
            url
          }
        }
      `),
    );
    expect(topUp.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_ROLE_REQUIRED' });

    const sellerOwner = await signUpAs(app, 'SELLER', 'owner');
    const sellerMember = await memberOf(sellerOwner, 'MEMBER');
    const payout = await errorOf(
      app.client(sellerMember).request(gql`
        mutation {
          connectPayoutAccount {
            url
          }
        }
      `),
    );
    expect(payout.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_ROLE_REQUIRED' });
    const key = await errorOf(
      app.client(sellerMember).request(gql`
        mutation {
          createApiKey(name: "mine") {
            key
          }
        }
      `),
    );
    expect(key.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_ROLE_REQUIRED' });
  });

  it('lets an admin invite but not make an owner', async () => {
    const owner = await signUpAs(app, 'SELLER', 'owner');
    const admin = await memberOf(owner, 'ADMIN');
    const viewer = await memberOf(admin, 'VIEWER');
    const invite = await errorOf(app.client(admin).request(INVITE, { email: address('owner'), role: 'OWNER' }));
    expect(invite.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_ROLE_REQUIRED' });
    const promote = await errorOf(app.client(admin).request(CHANGE_ROLE, { userId: viewer.userId, role: 'OWNER' }));
    expect(promote.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_ROLE_REQUIRED' });
    const demoteOwner = await errorOf(app.client(admin).request(CHANGE_ROLE, { userId: owner.userId, role: 'VIEWER' }));
    expect(demoteOwner.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_ROLE_REQUIRED' });
    const changed = await app.client(admin).request<{ changeMemberRole: { role: string } }>(CHANGE_ROLE, { userId: viewer.userId, role: 'MEMBER' });
    expect(changed.changeMemberRole.role).toBe('MEMBER');
  });

  it('keeps the last owner: they cannot be demoted or leave, until another owner exists', async () => {
    const owner = await signUpAs(app, 'BUYER', 'owner');
    const demote = await errorOf(app.client(owner).request(CHANGE_ROLE, { userId: owner.userId, role: 'ADMIN' }));
    expect(demote.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_OWNER' });
    const leave = await errorOf(app.client(owner).request(REMOVE, { userId: owner.userId }));
    expect(leave.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_OWNER' });
    const second = await memberOf(owner, 'OWNER');
    await app.client(owner).request(REMOVE, { userId: owner.userId });
    const me = await app.client(second).request<{ members: { role: string }[] }>(gql`
      query {
        members {
          role
        }
      }
    `);
    expect(me.members.map((m) => m.role)).toEqual(['OWNER']);
    // each change is in the audit log, in the organisation's own entries
    const entries = await app.runtime.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.targetOrgId, owner.organizationId));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['member.invited', 'member.joined', 'member.removed']));
    expect(entries.find((e) => e.action === 'member.removed')).toMatchObject({
      actorUserId: owner.userId,
      targetId: owner.userId,
      details: { role: 'OWNER', left: true },
    });
  });

  it("ends a removed member's session", async () => {
    const owner = await signUpAs(app, 'BUYER', 'owner');
    const member = await memberOf(owner, 'MEMBER');
    expect((await app.client(member).request<{ me: { id: string } | null }>(ME)).me?.id).toBe(member.userId);
    expect((await app.client(owner).request<{ removeMember: boolean }>(REMOVE, { userId: member.userId })).removeMember).toBe(true);
    const gone = await errorOf(app.client(member).request(ME));
    expect(gone.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    const signIn = await errorOf(
      app.client().request(
        gql`
          mutation ($email: String!, $password: String!) {
            signIn(email: $email, password: $password) {
              token
            }
          }
        `,
        { email: member.email, password: PASSWORD },
      ),
    );
    expect(signIn.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

const CHANGE_ROLE = gql`
  mutation ($userId: ID!, $role: MemberRole!) {
    changeMemberRole(userId: $userId, role: $role) {
      id
      role
    }
  }
`;
const REMOVE = gql`
  mutation ($userId: ID!) {
    removeMember(userId: $userId)
  }
`;
