// The second step of signing in with two-factor sign-in on: the authenticator's 6-digit code, or a recovery code.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { Role } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { ErrorMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { CompleteTwoFactorSignInMutation } from './auth.operations';

export function TwoFactorStep({
  challengeToken,
  onSignedIn,
  onRestart,
}: {
  challengeToken: string;
  onSignedIn: (role: Role | undefined) => Promise<void>;
  onRestart: () => void;
}) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [state, complete] = useMutation(CompleteTwoFactorSignInMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!value.trim()) {
      setFieldError(useRecovery ? 'Enter one of your recovery codes.' : 'Enter the 6-digit code from your authenticator app.');
      return;
    }
    setFieldError(undefined);
    const res = await complete(useRecovery ? { challengeToken, recoveryCode: value.trim() } : { challengeToken, code: value.trim() });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      setError(apiError);
      return;
    }
    await onSignedIn(res.data?.completeTwoFactorSignIn.user?.role);
  };

  const expired = error?.reason === 'TWO_FACTOR_CHALLENGE_INVALID' || error?.code === 'RATE_LIMITED';
  return (
    <Page title="Two-factor sign-in">
      <form className="form form--narrow" onSubmit={submit} noValidate aria-label="Two-factor sign-in">
        <ErrorMessage error={error} />
        {useRecovery ? (
          <TextField
            label="Recovery code"
            name="recoveryCode"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={fieldError}
            hint="One of the ten codes you saved when you set up two-factor sign-in; each works once."
          />
        ) : (
          <TextField
            label="Authentication code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={fieldError}
            hint="The 6-digit code your authenticator app shows for Leadex."
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={state.fetching || expired}>
            {state.fetching ? 'Checking…' : 'Verify'}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setValue('');
              setFieldError(undefined);
            }}
          >
            {useRecovery ? 'Use the authenticator app' : 'Use a recovery code'}
          </button>
        </div>
        {expired ? (
          <p>
            <button type="button" className="button button--ghost" onClick={onRestart}>
              Sign in again
            </button>
          </p>
        ) : null}
      </form>
    </Page>
  );
}
