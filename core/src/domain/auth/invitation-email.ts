// The e-mail that invites someone into an organisation, pure: subject, plain text and HTML (every value
// HTML-escaped, with validator.escape like the delivery mails: core's own dependency; escape-html is the api's).
import validator from 'validator';
import type { MemberRole } from './member-roles.rules';

export interface InvitationMailFacts {
  organizationName: string;
  inviterName: string;
  role: MemberRole;
  /** the accept link, with the token */
  link: string;
  expiresAt: Date;
}

const ROLE_WORDS: Record<MemberRole, string> = {
  OWNER: 'an owner (billing, payouts and members)',
  ADMIN: 'an admin (everything but ownership)',
  MEMBER: 'a member (buying or listing leads)',
  VIEWER: 'a viewer (read-only)',
};

/** The accept-invitation page of the web app for a token. */
export function invitationLink(webOrigin: string, token: string): string {
  return `${webOrigin.replace(/\/$/, '')}/accept-invitation?token=${encodeURIComponent(token)}`;
}

export function renderInvitationMail(f: InvitationMailFacts): { subject: string; text: string; html: string } {
  const until = f.expiresAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const subject = `${f.inviterName} invited you to ${f.organizationName} on Leadex`;
  const text = [
    `${f.inviterName} invited you to join ${f.organizationName} on Leadex as ${ROLE_WORDS[f.role]}.`,
    '',
    'Accept the invitation and choose your password here:',
    f.link,
    '',
    `The link works once, until ${until}. If you did not expect this invitation, ignore this e-mail.`,
  ].join('\n');
  const esc = (v: string) => validator.escape(v);
  const html =
    '<!doctype html><html><body>' +
    `<p>${esc(f.inviterName)} invited you to join <strong>${esc(f.organizationName)}</strong> on Leadex as ${esc(ROLE_WORDS[f.role])}.</p>` +
    `<p><a href="${esc(f.link)}">Accept the invitation</a></p>` +
    `<p>The link works once, until ${esc(until)}. If you did not expect this invitation, ignore this e-mail.</p>` +
    '</body></html>';
  return { subject, text: `${text}\n`, html };
}
