// Two-factor sign-in on the security page: enrol with the QR code, confirm with a code, see the recovery codes
// once, disable.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { SecurityQuery as TSecurity } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { ErrorMessage, SuccessMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { ConfirmTotpEnrolmentMutation, DisableTotpMutation, StartTotpEnrolmentMutation } from './security.operations';

type Enrolment = { otpauthUri: string; qrCodeDataUrl: string; secret: string };

export function TwoFactorSection({ status, onChanged }: { status: TSecurity['twoFactorStatus']; onChanged: () => void }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [starting, start] = useMutation(StartTotpEnrolmentMutation);
  const [confirming, confirm] = useMutation(ConfirmTotpEnrolmentMutation);
  const [disabling, disable] = useMutation(DisableTotpMutation);

  const begin = async () => {
    setError(null);
    const res = await start({});
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) return setError(apiError);
    setEnrolment(res.data?.startTotpEnrolment ?? null);
  };

  const submitConfirm = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const res = await confirm({ code: code.trim() });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) return setError(apiError);
    setRecoveryCodes(res.data?.confirmTotpEnrolment ?? []);
    setEnrolment(null);
    setCode('');
    onChanged();
  };

  const submitDisable = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const res = await disable({ code: code.trim() });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) return setError(apiError);
    setCode('');
    onChanged();
  };

  return (
    <section aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">Two-factor sign-in</h2>
      <ErrorMessage error={error} />
      {recoveryCodes ? (
        <div role="region" aria-label="Recovery codes">
          <SuccessMessage>Two-factor sign-in is on.</SuccessMessage>
          <p>
            <strong>Save these recovery codes now: they are shown only once.</strong> Each one signs you in once if you lose your authenticator app.
          </p>
          <ul className="recovery-codes">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => setRecoveryCodes(null)}>
            I have saved them
          </button>
        </div>
      ) : status.enabled ? (
        <>
          <p>
            On since {status.enabledAt ? new Date(status.enabledAt).toLocaleDateString() : '—'}; {status.recoveryCodesLeft} recovery codes left.
          </p>
          {status.required ? (
            <p>Operators must keep two-factor sign-in on.</p>
          ) : (
            <form className="form form--narrow" onSubmit={submitDisable} noValidate aria-label="Turn off two-factor sign-in">
              <TextField label="Code or recovery code" name="code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
              <div className="form-actions">
                <button type="submit" className="button button--ghost" disabled={disabling.fetching || !code.trim()}>
                  Turn off two-factor sign-in
                </button>
              </div>
            </form>
          )}
        </>
      ) : enrolment ? (
        <form className="form form--narrow" onSubmit={submitConfirm} noValidate aria-label="Confirm two-factor sign-in">
          <p>Scan this QR code with your authenticator app (Google Authenticator, 1Password, Authy …), then enter the code it shows.</p>
          <img src={enrolment.qrCodeDataUrl} alt="QR code for your authenticator app" width={240} height={240} />
          <p>
            Cannot scan? Enter this key: <code>{enrolment.secret}</code>
          </p>
          <TextField
            label="Authentication code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={confirming.fetching || !code.trim()}>
              Turn on
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>
            {status.required
              ? 'Operators must use two-factor sign-in: set it up to continue.'
              : 'Protect your account with a code from an authenticator app on your phone, asked for after your password.'}
          </p>
          <button type="button" className="button" onClick={begin} disabled={starting.fetching}>
            Set up two-factor sign-in
          </button>
        </>
      )}
    </section>
  );
}
