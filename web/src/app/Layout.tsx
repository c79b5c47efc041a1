// The page frame: header with the signed-in user and sign-out, role-based navigation, main content.
import { Suspense, useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { SignOutMutation } from '../features/auth/auth.operations';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { PendingOrderBanner } from '../features/orders/PendingOrderBanner';
import { useSession } from '../features/auth/session';
import { enumLabel } from '../lib/enums';
import { useResetGraphqlCache } from '../lib/graphql-client';
import { Loading } from '../lib/ui/feedback';
import { ErrorBoundary } from './ErrorBoundary';
import { NavMenu } from './NavMenu';
import { accountNavItems, navItemsFor } from './navigation';

export function Layout() {
  const { user, loading } = useSession();
  const [signingOut, signOut] = useMutation(SignOutMutation);
  const [menuOpen, setMenuOpen] = useState(false);
  const resetCache = useResetGraphqlCache();
  const navigate = useNavigate();
  const items = navItemsFor(user?.role ?? null, user?.memberRole ?? null);

  const doSignOut = async () => {
    await signOut({});
    resetCache();
    navigate('/sign-in', { replace: true });
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="brand" aria-label="Leadex home">
            Leadex
          </Link>
          <button
            type="button"
            className="header__menu button button--ghost"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            Menu
          </button>
          <NavMenu items={items} role={user?.role ?? null} open={menuOpen} onNavigate={() => setMenuOpen(false)} />
          <div className="account">
            {loading ? null : user ? (
              <>
                <span className="account__who" aria-label="Signed in user">
                  <span className="account__name">{user.name}</span>
                  <span className="account__meta">
                    {enumLabel(user.role)} · {user.organization.name}
                  </span>
                </span>
                <NotificationBell />
                {accountNavItems().map((item) => (
                  <NavLink key={item.to} to={item.to}>
                    {item.label}
                  </NavLink>
                ))}
                <button type="button" className="button button--ghost" onClick={doSignOut} disabled={signingOut.fetching}>
                  {signingOut.fetching ? 'Signing out…' : 'Sign out'}
                </button>
              </>
            ) : (
              <>
                <NavLink to="/sign-in">Sign in</NavLink>
                <NavLink to="/sign-up" className="button button--small">
                  Sign up
                </NavLink>
              </>
            )}
          </div>
        </div>
      </header>
      {user?.organization.suspended ? (
        <div className="banner banner--warn" role="status">
          Your organization is suspended: it cannot list leads. Contact support.
        </div>
      ) : null}
      <PendingOrderBanner />
      <main id="main" className="main" tabIndex={-1}>
        <ErrorBoundary>
          {/* pages load on first visit (routes.tsx) */}
          <Suspense fallback={<Loading label="Loading the page…" />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="footer">Leadex · verified leads, priced per lead</footer>
    </div>
  );
}
