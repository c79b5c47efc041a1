// Sign in with e-mail and password, then (two-factor sign-in on) the authenticator's code or a recovery code;
// the API sets the session cookie.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { useResetGraphqlCache } from '../../lib/graphql-client';
import { ErrorMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { SignInMutation } from './auth.operations';
import { TwoFactorStep } from './TwoFactorStep';
import { homePathFor, startSession, safeNextPath } from './session';

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [state, signIn] = useMutation(SignInMutation);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const resetCache = useResetGraphqlCache();
  const [challengeToken, setChallengeToken] = useState<string | null>(null);

  const enter = async (role: Parameters<typeof homePathFor>[0]) => {
    await startSession(resetCache);
    navigate(safeNextPath(params.get('next')) ?? homePathFor(role), { replace: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = 'Enter your e-mail.';
    if (!password) found.password = 'Enter your password.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const res = await signIn({ email: email.trim(), password });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      setError(apiError);
      setErrors(placeApiErrors(apiError, ['email', 'password']).byField);
      return;
    }
    if (res.data?.signIn.twoFactorRequired && res.data.signIn.challengeToken) {
      setChallengeToken(res.data.signIn.challengeToken);
      return;
    }
    await enter(res.data?.signIn.user?.role);
  };

  if (challengeToken) {
    return (
      <TwoFactorStep
        challengeToken={challengeToken}
        onSignedIn={enter}
        onRestart={() => {
          setChallengeToken(null);
          setPassword('');
        }}
      />
    );
  }

  return (
    <Page title="Sign in">
      <form className="form form--narrow" onSubmit={submit} noValidate aria-label="Sign in">
        <ErrorMessage error={error} />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={state.fetching}>
            {state.fetching ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
        <p>
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <p>
          New to Leadex? <Link to="/sign-up">Create an account</Link>
        </p>
      </form>
    </Page>
  );
}
