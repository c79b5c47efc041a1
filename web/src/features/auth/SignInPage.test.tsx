import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { Layout } from '../../app/Layout';
import { renderWithApi } from '../../test/render-with-api';
import { RequireRole } from './RequireRole';
import { SignInPage } from './SignInPage';
import { SessionProvider } from './session';

const BUYER = {
  __typename: 'User',
  id: 'usr_1',
  email: 'buyer@example.org',
  name: 'Bea Buyer',
  role: 'BUYER',
  memberRole: 'OWNER',
  organization: { __typename: 'Organization', id: 'org_1', name: 'Acme Insurance', kind: 'BUYER', qualityScore: 80, suspended: false },
};

function app(route: string) {
  let signedIn = false;
  const rendered = renderWithApi(
    <SessionProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route
            path="/marketplace"
            element={
              <RequireRole>
                <p>the marketplace</p>
              </RequireRole>
            }
          />
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
      Me: () => ({ data: { me: signedIn ? BUYER : null } }),
      SignIn: (v) => {
        if (v.password !== 'correct horse')
          return { errors: [{ message: 'Wrong e-mail or password', extensions: { code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' } }] };
        signedIn = true;
        return { data: { signIn: { __typename: 'AuthPayload', user: { __typename: 'User', id: 'usr_1', name: 'Bea Buyer', role: 'BUYER' } } } };
      },
      SignOut: () => {
        signedIn = false;
        return { data: { signOut: true } };
      },
    },
    route,
  );
  return rendered;
}

describe('signing in', () => {
  it('sends a visitor to sign in, then back to the page they wanted, with the header showing who they are', async () => {
    app('/marketplace');
    fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: 'buyer@example.org' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('the marketplace')).toBeTruthy();
    expect(screen.getByLabelText('Signed in user').textContent).toMatch(/Bea Buyer.*Buyer · Acme Insurance/);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    // the everyday links in the row, the rest behind "More" (a disclosure button, closed until pressed)
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Marketplace', 'Campaigns', 'Orders', 'Wallet', 'My purchases', 'Deliveries']);
    const more = within(nav).getByRole('button', { name: /More/ });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(expect.arrayContaining(['Delivery endpoints', 'Suppression list', 'Dashboard', 'Audit log', 'Team', 'CPL calculator']));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(more.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Sign up' })).toBeTruthy());
  });

  it('shows a wrong password as an error and stays on the page', async () => {
    app('/sign-in');
    fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: 'buyer@example.org' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Wrong e-mail or password/);
  });

  it('tells a signed-in user of another role that the page is not for them', async () => {
    const { requests } = app('/seller/listings');
    fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: 'buyer@example.org' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Not available for your account' })).toBeTruthy();
    expect(screen.queryByText('listings')).toBeNull();
    // `me` is asked again on the fresh client after signing in
    expect(requests.filter((r) => r.operationName === 'Me').length).toBeGreaterThanOrEqual(2);
  });
});
