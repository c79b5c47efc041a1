import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderWithApi, type Handlers } from '../../test/render-with-api';
import { SessionProvider } from '../auth/session';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { TeamPage, assignableRoles } from './TeamPage';

const me = (memberRole: string) => ({
  __typename: 'User',
  id: 'usr_me',
  email: 'me@example.org',
  name: 'Me Myself',
  role: 'BUYER',
  memberRole,
  organization: { __typename: 'Organization', id: 'org_b', name: 'Acme', kind: 'BUYER', qualityScore: 80, suspended: false },
});
const member = (id: string, name: string, role: string) => ({
  __typename: 'Member',
  id,
  name,
  email: `${id}@example.org`,
  role,
  joinedAt: '2026-11-01T10:00:00.000Z',
});

function renderTeam(memberRole: string, extra: Handlers = {}) {
  return renderWithApi(
    <SessionProvider>
      <TeamPage />
    </SessionProvider>,
    {
      Me: () => ({ data: { me: me(memberRole) } }),
      Team: () => ({
        data: {
          members: [member('usr_me', 'Me Myself', memberRole), member('usr_2', 'Second Person', 'MEMBER')],
          invitations: [
            { __typename: 'Invitation', id: 'inv_1', email: 'new@example.org', role: 'VIEWER', status: 'PENDING', expiresAt: '2026-12-09T10:00:00.000Z' },
          ],
        },
      }),
      ...extra,
    },
    '/team',
  );
}

describe('<TeamPage>', () => {
  it('lists members with their roles and the pending invitations', async () => {
    renderTeam('VIEWER');
    expect(await screen.findByText('Second Person')).toBeTruthy();
    expect(screen.getByText(/new@example.org as VIEWER/)).toBeTruthy();
  });

  it('hides inviting, role changes and revoking from a viewer', async () => {
    renderTeam('VIEWER');
    await screen.findByText('Second Person');
    expect(screen.queryByRole('form', { name: 'Invite a member' })).toBeNull();
    expect(screen.queryByLabelText('Role of Second Person')).toBeNull();
    expect(screen.queryByRole('button', { name: /Revoke/ })).toBeNull();
  });

  it('lets an owner invite with a role', async () => {
    const page = renderTeam('OWNER', {
      InviteMember: () => ({
        data: { inviteMember: { __typename: 'InviteMemberPayload', emailSent: true, invitation: { __typename: 'Invitation', id: 'inv_2' } } },
      }),
    });
    fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: 'colleague@example.org' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'ADMIN' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('Invitation sent.')).toBeTruthy();
    expect(page.requests.find((r) => r.operationName === 'InviteMember')!.variables).toEqual({ email: 'colleague@example.org', role: 'ADMIN' });
  });

  it('changes a member’s role', async () => {
    const page = renderTeam('ADMIN', { ChangeMemberRole: (v) => ({ data: { changeMemberRole: { __typename: 'Member', id: v.userId, role: v.role } } }) });
    fireEvent.change(await screen.findByLabelText('Role of Second Person'), { target: { value: 'VIEWER' } });
    await waitFor(() => expect(page.requests.some((r) => r.operationName === 'ChangeMemberRole')).toBe(true));
    expect(page.requests.find((r) => r.operationName === 'ChangeMemberRole')!.variables).toEqual({ userId: 'usr_2', role: 'VIEWER' });
  });

  it('offers admins every role but owner', () => {
    expect(assignableRoles('ADMIN')).toEqual(['ADMIN', 'MEMBER', 'VIEWER']);
    expect(assignableRoles('MEMBER')).toEqual([]);
  });
});

describe('<AcceptInvitationPage>', () => {
  const renderAccept = (route: string, handlers: Handlers) =>
    renderWithApi(
      <Routes>
        <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
        <Route path="/marketplace" element={<p>Marketplace here</p>} />
      </Routes>,
      handlers,
      route,
    );

  it('accepts with a name and password and lands signed in', async () => {
    const page = renderAccept('/accept-invitation?token=lxi_abc', {
      AcceptInvitation: () => ({
        data: { acceptInvitation: { __typename: 'AuthPayload', token: 't', user: { __typename: 'User', id: 'usr_n', role: 'BUYER', memberRole: 'MEMBER' } } },
      }),
      Me: () => ({ data: { me: me('MEMBER') } }),
    });
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'New Person' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Orchard lantern 42 quietly' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(await screen.findByText('Marketplace here')).toBeTruthy();
    expect(page.requests.find((r) => r.operationName === 'AcceptInvitation')!.variables).toEqual({
      token: 'lxi_abc',
      name: 'New Person',
      password: 'Orchard lantern 42 quietly',
    });
  });

  it('says why an expired link is refused', async () => {
    renderAccept('/accept-invitation?token=lxi_old', {
      AcceptInvitation: () => ({
        errors: [
          {
            message: 'This invitation has expired: ask for a new invitation',
            extensions: { code: 'BAD_USER_INPUT', reason: 'INVITATION_INVALID', fields: [{ path: 'token', message: 'This invitation has expired' }] },
          },
        ],
      }),
    });
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Late' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Orchard lantern 42 quietly' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(await screen.findByText(/expired/)).toBeTruthy();
  });
});
