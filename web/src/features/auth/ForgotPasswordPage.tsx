// Ask for a password-reset link; the answer is the same whether or not the address has an account.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { ErrorMessage, SuccessMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { RequestPasswordResetMutation } from './auth.operations';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const [state, request] = useMutation(RequestPasswordResetMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!email.trim()) return setFieldError('Enter your e-mail.');
    setFieldError(undefined);
    const res = await request({ email: email.trim() });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) return setError(apiError);
    setSent(true);
  };

  return (
    <Page title="Reset your password">
      {sent ? (
        <SuccessMessage>If an account uses {email.trim()}, we have sent it a link to choose a new password. The link works for 30 minutes.</SuccessMessage>
      ) : (
        <form className="form form--narrow" onSubmit={submit} noValidate aria-label="Reset your password">
          <ErrorMessage error={error} />
          <TextField
            label="E-mail"
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={state.fetching}>
              {state.fetching ? 'Sending…' : 'Send me a link'}
            </button>
          </div>
        </form>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </Page>
  );
}
