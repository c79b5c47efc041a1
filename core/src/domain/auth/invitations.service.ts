// Invitations into an organisation (teams, issue 16): by e-mail, with a single-use link that works for seven
// days. The link's token is 256 random bits and only its sha-256 is stored; the mail is sent after the row
// commits, so a rolled-back invitation never reaches anyone.
import { recordMemberAudit } from '../audit/record-audit';
import { schema } from '@leadex/db';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { isUniqueViolation } from '../shared/db-errors';
import { DomainError, type FieldError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { parseInput } from '../shared/validation';
import { requireActor, requireCapability, requireUser, type Actor } from './access';
import { hashPassword } from './auth.service';
import { openSession, type AuthResult } from './sessions.service';
import { invitationLink, renderInvitationMail } from './invitation-email';
import { INVITATION_TTL_MS, MEMBER_ROLES, invitationState, inviteRefusal, type InvitationState } from './member-roles.rules';
import { parseWithStrongPassword } from './password-strength';

const { invitations, organizations, users } = schema;
type InvitationRow = typeof invitations.$inferSelect;
export type InvitationView = InvitationRow & { state: InvitationState };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ZEmail = z.string().trim().toLowerCase().email().max(254);

const ZInvite = z.object({ email: ZEmail, role: z.enum(MEMBER_ROLES) });

const emailTaken = (path: string) => new DomainError('EMAIL_TAKEN', 'An account with this e-mail already exists', [{ path, message: 'already registered' }]);

const view = (row: InvitationRow, now: Date): InvitationView => ({ ...row, state: invitationState(row, now) });

/** The organisation's invitations still waiting for an answer, newest first. */
export async function listInvitations(deps: AppDeps, actor: Actor | null): Promise<InvitationView[]> {
  const a = requireActor(actor);
  const now = deps.clock();
  const rows = await deps.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, a.organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => view(r, now));
}

/**
 * Owners and admins invite (an admin not an owner). Inviting an address again replaces its pending invitation
 * (the old link stops working). `emailSent` is false when the SMTP server did not take the mail: the
 * invitation stands, and inviting again sends a new link.
 */
export async function inviteMember(deps: AppDeps, actor: Actor | null, raw: { email: string; role: string }) {
  const a = requireCapability(requireUser(actor, 'SELLER', 'BUYER'), 'MEMBERS');
  const input = parseInput(ZInvite, raw, '');
  const refusal = inviteRefusal(a.memberRole ?? 'OWNER', input.role);
  if (refusal) throw new DomainError(refusal.code, refusal.message);
  const token = `lxi_${randomBytes(32).toString('base64url')}`;
  const now = deps.clock();
  const { row, organizationName, inviterName } = await deps.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (taken) throw emailTaken('email');
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, a.organizationId));
    const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, a.userId));
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.organizationId, a.organizationId),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [saved] = await tx
      .insert(invitations)
      .values({
        id: newId('inv'),
        organizationId: a.organizationId,
        email: input.email,
        memberRole: input.role,
        tokenHash: sha256(token),
        invitedBy: a.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .returning();
    // the entry names the invitation and its role, never the invitee's address
    await recordMemberAudit(tx, {
      actor: a,
      action: 'member.invited',
      organizationId: a.organizationId,
      target: { type: 'invitation', id: saved!.id },
      details: { role: saved!.memberRole },
      at: now,
      requestId: a.requestId,
    });
    return { row: saved!, organizationName: org!.name, inviterName: inviter!.name };
  });
  const link = invitationLink(deps.config.WEB_ORIGIN, token);
  const mail = renderInvitationMail({ organizationName, inviterName, role: row.memberRole, link, expiresAt: row.expiresAt });
  const emailSent = await deps.mailer.send({ to: [row.email], ...mail }).then(
    () => true,
    (err: Error) => {
      // the error names the failure kind and the server's code only; never the address
      deps.logger.warn({ invitationId: row.id, err: err.message }, 'invitation e-mail not sent');
      return false;
    },
  );
  return { invitation: view(row, now), emailSent };
}

export async function revokeInvitation(deps: AppDeps, actor: Actor | null, id: string): Promise<InvitationView> {
  const a = requireCapability(requireUser(actor, 'SELLER', 'BUYER'), 'MEMBERS');
  const [row] = await deps.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, parseInput(z.string().max(64), id, 'id')), eq(invitations.organizationId, a.organizationId)));
  if (!row) throw new DomainError('INVITATION_NOT_FOUND', 'No such invitation in your organisation');
  // whoever could not have sent it (an admin, an owner's invitation) cannot take it back either
  const refusal = inviteRefusal(a.memberRole ?? 'OWNER', row.memberRole);
  if (refusal) throw new DomainError(refusal.code, refusal.message);
  const now = deps.clock();
  if (row.acceptedAt)
    throw new DomainError('INVITATION_INVALID', 'This invitation was already accepted: remove the member instead', [{ path: 'id', message: 'accepted' }]);
  if (row.revokedAt) return view(row, now);
  const saved = await deps.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt)))
      .returning();
    if (!revoked)
      throw new DomainError('INVITATION_INVALID', 'This invitation was just accepted: remove the member instead', [{ path: 'id', message: 'accepted' }]);
    await recordMemberAudit(tx, {
      actor: a,
      action: 'invitation.revoked',
      organizationId: a.organizationId,
      target: { type: 'invitation', id: row.id },
      details: { role: row.memberRole },
      at: now,
      requestId: a.requestId,
    });
    return revoked;
  });
  return view(saved, now);
}

const ZAccept = z.object({
  token: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  // length and strength are checked by parseWithStrongPassword
  password: z.string().min(1).max(200),
});

const invalidToken = (state: InvitationState | 'UNKNOWN') => {
  const why = {
    UNKNOWN: 'This invitation link is not valid',
    ACCEPTED: 'This invitation was already used',
    REVOKED: 'This invitation was withdrawn',
    EXPIRED: 'This invitation has expired',
    PENDING: 'This invitation link is not valid',
  }[state];
  return new DomainError('INVITATION_INVALID', `${why}: ask for a new invitation`, [{ path: 'token', message: why }]);
};

// the arguments are top-level (token, name, password), not under `input`
const topLevel = (err: unknown): never => {
  if (err instanceof DomainError && err.fields.length) {
    const fields: FieldError[] = err.fields.map((f) => ({ ...f, path: f.path.replace(/^input\./, '') }));
    throw new DomainError(err.code, err.message, fields);
  }
  throw err;
};

/**
 * Anonymous: makes the invited person's account in the inviting organisation, with the invited role, and signs
 * them in (a new session, like signUp). An unknown, used, revoked or expired link is INVITATION_INVALID; an
 * address that has an account by now is EMAIL_TAKEN. The link works once: the row is locked while it is used.
 */
export async function acceptInvitation(deps: AppDeps, raw: { token: string; name: string; password: string }): Promise<AuthResult> {
  const tokenOnly = parseInput(ZAccept.pick({ token: true }), { token: raw?.token }, '');
  const tokenHash = sha256(tokenOnly.token);
  const [found] = await deps.db
    .select({ invitation: invitations, organization: organizations })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, tokenHash));
  if (!found) throw invalidToken('UNKNOWN');
  const before = invitationState(found.invitation, deps.clock());
  if (before !== 'PENDING') throw invalidToken(before);
  let input: z.infer<typeof ZAccept>;
  try {
    input = parseWithStrongPassword(ZAccept, { ...raw, email: found.invitation.email, organizationName: found.organization.name }, deps.config);
  } catch (err) {
    return topLevel(err);
  }
  const passwordHash = await hashPassword(input.password);
  return deps.db
    .transaction(async (tx) => {
      const [inv] = await tx.select().from(invitations).where(eq(invitations.id, found.invitation.id)).for('update');
      const state = invitationState(inv!, deps.clock());
      if (state !== 'PENDING') throw invalidToken(state);
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, inv!.email)).limit(1);
      if (taken) throw emailTaken('token');
      const userId = newId('usr');
      await tx.insert(users).values({
        id: userId,
        email: inv!.email,
        name: input.name,
        passwordHash,
        // the organisation's kind: a member of a buyer organisation is a buyer
        role: found.organization.kind,
        organizationId: inv!.organizationId,
        memberRole: inv!.memberRole,
      });
      await tx.update(invitations).set({ acceptedAt: deps.clock(), acceptedUserId: userId }).where(eq(invitations.id, inv!.id));
      await recordMemberAudit(tx, {
        actor: { userId, organizationId: inv!.organizationId, role: found.organization.kind },
        action: 'member.joined',
        organizationId: inv!.organizationId,
        target: { type: 'user', id: userId },
        details: { role: inv!.memberRole, invitationId: inv!.id },
        at: deps.clock(),
      });
      return openSession(deps, tx, userId);
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err, 'users_email_uq')) throw emailTaken('token');
      throw err;
    });
}
