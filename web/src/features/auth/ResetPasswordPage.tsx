// Choose a new password with the link's token; every session of the account ends, so the user signs in again.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { ErrorMessage, SuccessMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { ResetPasswordMutation } from './auth.operations';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [state, reset] = useMutation(ResetPasswordMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (password.length < 10) return setFieldError('At least 10 characters.');
    setFieldError(undefined);
    const res = await reset({ token, newPassword: password });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      setError(apiError);
      setFieldError(placeApiErrors(apiError, ['newPassword']).byField.newPassword);
      return;
    }
    setDone(true);
  };

  if (!token) {
    return (
      <Page title="Choose a new password">
        <ErrorMessage error="This page needs the link from the reset e-mail." />
        <Link to="/forgot-password">Ask for a new link</Link>
      </Page>
    );
  }
  return (
    <Page title="Choose a new password">
      {done ? (
        <>
          <SuccessMessage>Your password is changed and you are signed out everywhere.</SuccessMessage>
          <Link to="/sign-in">Sign in</Link>
        </>
      ) : (
        <form className="form form--narrow" onSubmit={submit} noValidate aria-label="Choose a new password">
          <ErrorMessage error={error} />
          <TextField
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={state.fetching}>
              {state.fetching ? 'Saving…' : 'Set the new password'}
            </button>
          </div>
          {error?.reason === 'PASSWORD_RESET_TOKEN_INVALID' ? <Link to="/forgot-password">Ask for a new link</Link> : null}
        </form>
      )}
    </Page>
  );
}
