// The invitation e-mail's link: the invited person chooses a name and a password and is signed in.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { useResetGraphqlCache } from '../../lib/graphql-client';
import { ErrorMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { homePathFor, startSession } from '../auth/session';
import { AcceptInvitationMutation } from './team.operations';

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [state, accept] = useMutation(AcceptInvitationMutation);
  const navigate = useNavigate();
  const resetCache = useResetGraphqlCache();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Enter your name.';
    if (password.length < 10) found.password = 'At least 10 characters.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const res = await accept({ token, name: name.trim(), password });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      setError(apiError);
      setErrors(placeApiErrors(apiError, ['name', 'password']).byField);
      return;
    }
    await startSession(resetCache);
    navigate(homePathFor(res.data?.acceptInvitation.user?.role), { replace: true });
  };

  if (!token) {
    return (
      <Page title="Accept an invitation">
        <p>This link has no invitation in it. Open the link from your invitation e-mail, or ask for a new invitation.</p>
      </Page>
    );
  }
  return (
    <Page title="Accept an invitation" intro={<>Choose your name and a password; you are signed in to the organisation that invited you.</>}>
      <form className="form form--narrow" onSubmit={submit} noValidate aria-label="Accept the invitation">
        <ErrorMessage error={error} />
        <TextField label="Your name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="name" />
        <TextField
          label="Password"
          name="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          autoComplete="new-password"
        />
        <button type="submit" className="button" disabled={state.fetching}>
          {state.fetching ? 'Joining…' : 'Join'}
        </button>
      </form>
    </Page>
  );
}
