// Every signed-in user: the organisation's members and pending invitations. Owners and admins invite, change
// roles, remove members and revoke invitations (an admin cannot touch owners); the server decides, the page
// only hides what the signed-in member's role cannot do.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { MemberRole } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { formatDateTime } from '../../lib/format';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { SelectField, TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { useSession } from '../auth/session';
import { ChangeMemberRoleMutation, InviteMemberMutation, RemoveMemberMutation, RevokeInvitationMutation, TeamQuery } from './team.operations';

export const ROLE_OPTIONS: { value: MemberRole; label: string }[] = [
  { value: 'OWNER', label: 'Owner: billing, payouts, members' },
  { value: 'ADMIN', label: 'Admin: everything but ownership' },
  { value: 'MEMBER', label: 'Member: buy or list, no money settings' },
  { value: 'VIEWER', label: 'Viewer: read-only' },
];

/** The roles the signed-in member may hand out: none for members and viewers, all but OWNER for admins. */
export function assignableRoles(mine: MemberRole | undefined): MemberRole[] {
  if (mine === 'OWNER') return ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];
  if (mine === 'ADMIN') return ['ADMIN', 'MEMBER', 'VIEWER'];
  return [];
}

export function TeamPage() {
  const { user } = useSession();
  const [team, reexecute] = useQuery({ query: TeamQuery });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('MEMBER');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [inviting, inviteMember] = useMutation(InviteMemberMutation);
  const [, revokeInvitation] = useMutation(RevokeInvitationMutation);
  const [, changeMemberRole] = useMutation(ChangeMemberRoleMutation);
  const [, removeMember] = useMutation(RemoveMemberMutation);
  const canManage = assignableRoles(user?.memberRole).length > 0 && user?.role !== 'OPERATOR';
  const assignable = assignableRoles(user?.memberRole);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  const run = async (p: Promise<{ error?: Parameters<typeof apiErrorFromGraphql>[0] }>) => {
    setError(null);
    setNotice(null);
    const res = await p;
    const apiError = apiErrorFromGraphql(res.error);
    setError(apiError);
    if (!apiError) refresh();
    return apiError;
  };

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setFieldErrors(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? {} : { email: 'Enter a valid e-mail address.' });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return;
    setError(null);
    const res = await inviteMember({ email: email.trim(), role }, { additionalTypenames: ['Invitation'] });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      setError(apiError);
      setFieldErrors(placeApiErrors(apiError, ['email', 'role']).byField);
      return;
    }
    setEmail('');
    setNotice(res.data?.inviteMember.emailSent ? 'Invitation sent.' : 'The invitation was made but the e-mail could not be sent; invite the address again.');
    refresh();
  };

  const members = team.data?.members;
  const invitations = team.data?.invitations ?? [];
  const listError = apiErrorFromGraphql(team.error);

  return (
    <Page title="Team" intro={<>The people of {user?.organization.name ?? 'your organisation'} and what each may do.</>}>
      <ErrorMessage error={error} title="That did not work" />
      {notice && <p role="status">{notice}</p>}
      {!members ? (
        listError ? (
          <ErrorMessage error={listError} title="The team could not be loaded" />
        ) : (
          <Loading label="Loading the team…" />
        )
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => {
                const touchable = canManage && (m.role !== 'OWNER' || user?.memberRole === 'OWNER');
                const self = m.id === user?.id;
                return (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{m.email}</td>
                    <td>
                      {touchable ? (
                        <select
                          aria-label={`Role of ${m.name}`}
                          value={m.role}
                          onChange={(e) => run(changeMemberRole({ userId: m.id, role: e.target.value as MemberRole }))}
                        >
                          {ROLE_OPTIONS.filter((o) => assignable.includes(o.value) || o.value === m.role).map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.value}
                            </option>
                          ))}
                        </select>
                      ) : (
                        m.role
                      )}
                    </td>
                    <td>{formatDateTime(m.joinedAt)}</td>
                    <td>
                      {(touchable || self) && user?.role !== 'OPERATOR' && (
                        <ConfirmButton
                          label={self ? 'Leave' : 'Remove'}
                          ariaLabel={self ? 'Leave the organisation' : `Remove ${m.name}`}
                          question={self ? 'Leave the organisation? You are signed out.' : `Remove ${m.name}? Their sessions end now.`}
                          confirmLabel={self ? 'Yes, leave' : 'Yes, remove'}
                          busy={false}
                          onConfirm={() => run(removeMember({ userId: m.id }))}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {canManage && (
        <>
          <h2>Invite someone</h2>
          <form className="form form--inline" onSubmit={invite} noValidate aria-label="Invite a member">
            <TextField label="E-mail" name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldErrors.email} />
            <SelectField
              label="Role"
              name="role"
              value={role}
              onChange={(e) => setRole(e.target.value as MemberRole)}
              error={fieldErrors.role}
              options={ROLE_OPTIONS.filter((o) => assignable.includes(o.value))}
            />
            <button type="submit" className="button" disabled={inviting.fetching}>
              {inviting.fetching ? 'Inviting…' : 'Send invitation'}
            </button>
          </form>
        </>
      )}

      <h2>Pending invitations</h2>
      {invitations.length === 0 ? (
        <p>No invitations waiting.</p>
      ) : (
        <ul>
          {invitations.map((i) => (
            <li key={i.id}>
              {i.email} as {i.role}, until {formatDateTime(i.expiresAt)}{' '}
              {canManage && (i.role !== 'OWNER' || user?.memberRole === 'OWNER') && (
                <ConfirmButton
                  label="Revoke"
                  ariaLabel={`Revoke the invitation of ${i.email}`}
                  question={`Revoke the invitation of ${i.email}? The link stops working.`}
                  confirmLabel="Yes, revoke"
                  busy={false}
                  onConfirm={() => run(revokeInvitation({ id: i.id }))}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
