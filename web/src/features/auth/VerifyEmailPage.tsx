// The verification e-mail's link: confirms the address once, signed in or not.
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { VerifyEmailMutation } from './auth.operations';

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [, verify] = useMutation(VerifyEmailMutation);
  const [outcome, setOutcome] = useState<'pending' | 'done' | ApiError>('pending');
  const sent = useRef(false);

  useEffect(() => {
    // once: the token is single-use, and a second answer would say "used"
    if (sent.current || !token) return;
    sent.current = true;
    void verify({ token }).then((res) => setOutcome(apiErrorFromGraphql(res.error) ?? 'done'));
  }, [token, verify]);

  return (
    <Page title="Confirm your e-mail address">
      {!token ? (
        <ErrorMessage error="This page needs the link from the confirmation e-mail." />
      ) : outcome === 'pending' ? (
        <Loading label="Confirming…" />
      ) : outcome === 'done' ? (
        <SuccessMessage>Thank you: your e-mail address is confirmed.</SuccessMessage>
      ) : (
        <ErrorMessage error={outcome} />
      )}
      <p>
        <Link to="/">Go to Leadex</Link>
      </p>
    </Page>
  );
}
