import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { SessionProvider } from '../auth/session';
import { renderWithApi } from '../../test/render-with-api';
import { SecurityPage } from './SecurityPage';

const ME = {
  __typename: 'User',
  id: 'usr_1',
  email: 'buyer@example.org',
  name: 'Bea Buyer',
  role: 'BUYER',
  emailVerified: false,
  twoFactorEnrolmentRequired: false,
  organization: { __typename: 'Organization', id: 'org_1', name: 'Acme', kind: 'BUYER', qualityScore: 80, suspended: false },
};
const CODES = Array.from({ length: 10 }, (_, i) => `code-${i}aaa-bbbb-cccc`);

function page() {
  let enabled = false;
  let sessions = [
    {
      __typename: 'Session',
      id: 'ses_1',
      createdAt: '2026-12-01T10:00:00Z',
      expiresAt: '2026-12-31T10:00:00Z',
      current: true,
      userAgent: 'Firefox',
      ip: '10.0.0.1',
    },
    {
      __typename: 'Session',
      id: 'ses_2',
      createdAt: '2026-11-01T10:00:00Z',
      expiresAt: '2026-12-01T10:00:00Z',
      current: false,
      userAgent: 'Phone',
      ip: '10.0.0.2',
    },
  ];
  return renderWithApi(
    <SessionProvider>
      <Routes>
        <Route path="/security" element={<SecurityPage />} />
        <Route path="/sign-in" element={<p>sign-in page</p>} />
      </Routes>
    </SessionProvider>,
    {
      Me: () => ({ data: { me: ME } }),
      Security: () => ({
        data: {
          twoFactorStatus: {
            __typename: 'TwoFactorStatus',
            enabled,
            enabledAt: enabled ? '2026-12-02T10:00:00Z' : null,
            recoveryCodesLeft: enabled ? 10 : 0,
            required: false,
          },
          mySessions: sessions,
        },
      }),
      StartTotpEnrolment: () => ({
        data: {
          startTotpEnrolment: {
            __typename: 'TotpEnrolment',
            otpauthUri: 'otpauth://totp/Leadex:b?secret=ABC',
            qrCodeDataUrl: 'data:image/png;base64,AAAA',
            secret: 'ABC',
          },
        },
      }),
      ConfirmTotpEnrolment: () => {
        enabled = true;
        return { data: { confirmTotpEnrolment: CODES } };
      },
      RevokeSession: (v) => {
        sessions = sessions.filter((s) => s.id !== v.id);
        return { data: { revokeSession: true } };
      },
      SignOutEverywhere: () => ({ data: { signOutEverywhere: true } }),
      ResendEmailVerification: () => ({ data: { resendEmailVerification: true } }),
    },
    '/security',
  );
}

describe('the security page', () => {
  it('enrols with the QR code, confirms with a code and shows the recovery codes once', async () => {
    page();
    fireEvent.click(await screen.findByRole('button', { name: 'Set up two-factor sign-in' }));
    const qr = (await screen.findByAltText('QR code for your authenticator app')) as HTMLImageElement;
    expect(qr.src).toBe('data:image/png;base64,AAAA');
    fireEvent.change(screen.getByLabelText('Authentication code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    const region = await screen.findByRole('region', { name: 'Recovery codes' });
    expect(region.querySelectorAll('li')).toHaveLength(10);
    fireEvent.click(screen.getByRole('button', { name: 'I have saved them' }));
    expect(await screen.findByText(/10 recovery codes left/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Recovery codes' })).toBeNull();
  });

  it('lists the sessions, revokes one and signs out everywhere', async () => {
    const { requests } = page();
    expect(await screen.findByText('Firefox (this browser)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(screen.queryByText('Phone')).toBeNull());
    expect(requests.find((r) => r.operationName === 'RevokeSession')!.variables).toEqual({ id: 'ses_2' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText('sign-in page')).toBeTruthy();
  });

  it('sends the verification link again for an unconfirmed address', async () => {
    page();
    fireEvent.click(await screen.findByRole('button', { name: 'Send the link again' }));
    expect(await screen.findByText('A new link is on its way.')).toBeTruthy();
  });
});
