// Route guard: signed-in users with one of the roles see the page; others are sent to sign in or told why not.
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { Role } from '../../gql/graphql';
import { enumLabel } from '../../lib/enums';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { useSession } from './session';

export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { user, loading, error } = useSession();
  const location = useLocation();
  if (loading) return <Loading label="Checking your session…" />;
  if (!user) {
    if (error && error.code !== 'UNAUTHENTICATED') return <ErrorMessage error={error} title="Your session could not be checked" />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  // an operator without two-factor sign-in where it is required may only enrol (the API refuses the rest)
  if (user.twoFactorEnrolmentRequired && location.pathname !== '/security') return <Navigate to="/security" replace />;
  if (roles && !roles.includes(user.role)) {
    return (
      <Page title="Not available for your account">
        <p>
          This page is for {roles.map((r) => `${enumLabel(r).toLowerCase()}s`).join(' and ')}; you are signed in as a {enumLabel(user.role).toLowerCase()}.
        </p>
        <p>
          <Link to="/">Back to the start page</Link>
        </p>
      </Page>
    );
  }
  return <>{children}</>;
}
