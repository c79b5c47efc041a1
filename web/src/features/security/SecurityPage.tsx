// The signed-in user's security: two-factor sign-in, the e-mail address's verification, and their sessions.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/session';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { useResetGraphqlCache } from '../../lib/graphql-client';
import { ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { ResendEmailVerificationMutation, RevokeSessionMutation, SecurityQuery, SignOutEverywhereMutation } from './security.operations';
import { TwoFactorSection } from './TwoFactorSection';

export function SecurityPage() {
  const { user } = useSession();
  const [result, refetch] = useQuery({ query: SecurityQuery, requestPolicy: 'cache-and-network' });
  const [, revoke] = useMutation(RevokeSessionMutation);
  const [, everywhere] = useMutation(SignOutEverywhereMutation);
  const [resending, resend] = useMutation(ResendEmailVerificationMutation);
  const [error, setError] = useState<ApiError | null>(null);
  const [resent, setResent] = useState(false);
  const resetCache = useResetGraphqlCache();
  const navigate = useNavigate();
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const signedOut = () => {
    resetCache();
    navigate('/sign-in', { replace: true });
  };
  const revokeOne = async (id: string, current: boolean) => {
    const res = await revoke({ id });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) return setError(apiError);
    if (current) return signedOut();
    reload();
  };
  const signOutEverywhere = async () => {
    const res = await everywhere({});
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) return setError(apiError);
    signedOut();
  };
  const resendLink = async () => {
    const res = await resend({});
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) return setError(apiError);
    setResent(true);
  };

  if (!result.data) return result.error ? <ErrorMessage error={apiErrorFromGraphql(result.error)} /> : <Loading />;
  const { twoFactorStatus, mySessions } = result.data;
  return (
    <Page title="Security">
      {user?.twoFactorEnrolmentRequired ? (
        <div className="banner banner--warn" role="status">
          Operators must use two-factor sign-in: set it up below to open the rest of Leadex.
        </div>
      ) : null}
      <ErrorMessage error={error} />
      <TwoFactorSection status={twoFactorStatus} onChanged={reload} />

      {user && !user.emailVerified ? (
        <section aria-labelledby="email-title">
          <h2 id="email-title">E-mail address</h2>
          <p>{user.email} is not confirmed yet: follow the link we sent you.</p>
          {resent ? (
            <SuccessMessage>A new link is on its way.</SuccessMessage>
          ) : (
            <button type="button" className="button button--ghost" onClick={resendLink} disabled={resending.fetching}>
              Send the link again
            </button>
          )}
        </section>
      ) : null}

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Where you are signed in</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">IP</th>
              <th scope="col">Signed in</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mySessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.userAgent ?? 'Unknown device'}
                  {s.current ? ' (this browser)' : ''}
                </td>
                <td>{s.ip ?? '—'}</td>
                <td>{new Date(s.createdAt).toLocaleString()}</td>
                <td>{new Date(s.expiresAt).toLocaleDateString()}</td>
                <td>
                  <button type="button" className="button button--ghost button--small" onClick={() => revokeOne(s.id, s.current)}>
                    {s.current ? 'Sign out' : 'Revoke'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="button button--ghost" onClick={signOutEverywhere}>
          Sign out everywhere
        </button>
      </section>
    </Page>
  );
}
