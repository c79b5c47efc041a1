import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { Layout } from '../../app/Layout';
import { renderWithApi } from '../../test/render-with-api';
import { RequireRole } from './RequireRole';
import { SignInPage } from './SignInPage';
import { SessionProvider } from './session';

const SELLER = {
  __typename: 'User',
  id: 'usr_2',
  email: 'seller@example.org',
  name: 'Sam Seller',
  role: 'SELLER',
  emailVerified: true,
  twoFactorEnrolmentRequired: false,
  organization: { __typename: 'Organization', id: 'org_2', name: 'Sam Leads', kind: 'SELLER', qualityScore: 80, suspended: false },
};

function app() {
  let signedIn = false;
  return renderWithApi(
    <SessionProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route
            path="/seller/listings"
            element={
              <RequireRole roles={['SELLER']}>
                <p>listings</p>
              </RequireRole>
            }
          />
        </Route>
      </Routes>
    </SessionProvider>,
    {
      Me: () => ({ data: { me: signedIn ? SELLER : null } }),
      SignIn: () => ({ data: { signIn: { __typename: 'AuthPayload', twoFactorRequired: true, challengeToken: 'lxc_1', user: null } } }),
      CompleteTwoFactorSignIn: (v) => {
        if (v.code !== '123456' && v.recoveryCode !== 'abcd-efgh-jkmn-pqrs') {
          return { errors: [{ message: 'That code is not right', extensions: { code: 'UNAUTHENTICATED', reason: 'BAD_TWO_FACTOR_CODE' } }] };
        }
        signedIn = true;
        return {
          data: { completeTwoFactorSignIn: { __typename: 'AuthPayload', user: { __typename: 'User', id: 'usr_2', name: 'Sam Seller', role: 'SELLER' } } },
        };
      },
    },
    '/sign-in',
  );
}

async function enterPassword() {
  fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: 'seller@example.org' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('two-factor sign-in', () => {
  it('asks for the authenticator code after the password, refuses a wrong one and signs in with the right one', async () => {
    const { requests } = app();
    await enterPassword();
    fireEvent.change(await screen.findByLabelText('Authentication code'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not right/);
    fireEvent.change(screen.getByLabelText('Authentication code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('listings')).toBeTruthy();
    expect(requests.filter((r) => r.operationName === 'CompleteTwoFactorSignIn').map((r) => r.variables)).toEqual([
      { challengeToken: 'lxc_1', code: '000000' },
      { challengeToken: 'lxc_1', code: '123456' },
    ]);
  });

  it('offers a recovery code instead', async () => {
    const { requests } = app();
    await enterPassword();
    fireEvent.click(await screen.findByRole('button', { name: 'Use a recovery code' }));
    fireEvent.change(screen.getByLabelText('Recovery code'), { target: { value: 'abcd-efgh-jkmn-pqrs' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('listings')).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'CompleteTwoFactorSignIn')!.variables).toEqual({
      challengeToken: 'lxc_1',
      recoveryCode: 'abcd-efgh-jkmn-pqrs',
    });
  });
});
