// On each endpoint card: "Rotate secret" (the new secret shown once) and the answer of a test event.
import { useMutation } from 'urql';
import type { SendTestDeliveryMutation as TTest } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { ErrorMessage } from '../../lib/ui/feedback';
import { NewSecret } from './DeliveriesPage';
import { RotateDeliveryEndpointSecretMutation } from './delivery-endpoints.operations';

/** The button; the card shows the new secret (RotatedSecret) below its actions. */
export function RotateSecret({
  endpoint,
  onRotated,
}: {
  endpoint: { id: string; name: string };
  onRotated: (result: { secret: string | null; error: ApiError | null }) => void;
}) {
  const [rotation, rotate] = useMutation(RotateDeliveryEndpointSecretMutation);
  const run = async () => {
    onRotated({ secret: null, error: null });
    const res = await rotate({ id: endpoint.id });
    onRotated({ secret: res.data?.rotateDeliveryEndpointSecret.secret ?? null, error: apiErrorFromGraphql(res.error) });
  };
  return (
    <ConfirmButton
      label="Rotate secret"
      ariaLabel={`Rotate secret of ${endpoint.name}`}
      question="Make a new signing secret? The current one stops signing at once: update your receiver right after."
      confirmLabel="Rotate secret"
      busy={rotation.fetching}
      onConfirm={run}
    />
  );
}

export function RotatedSecret({
  url,
  result,
  onDone,
}: {
  url: string | null | undefined;
  result: { secret: string | null; error: ApiError | null } | null;
  onDone: () => void;
}) {
  if (!result) return null;
  if (result.error) return <ErrorMessage error={result.error} title="The secret was not rotated" />;
  return result.secret ? <NewSecret title="New signing secret" url={url ?? ''} secret={result.secret} onDone={onDone} /> : null;
}

export function TestResult({ test }: { test: TTest['sendTestDelivery'] | ApiError | null }) {
  const text = !test
    ? ''
    : 'ok' in test
      ? test.ok
        ? `Test delivered${test.httpStatus ? ` (HTTP ${test.httpStatus})` : ''}.`
        : `Test not delivered: ${test.error ?? 'refused'}.`
      : `Test not sent: ${test.message}`;
  return (
    <div role="status" aria-live="polite">
      <p>{text}</p>
      {test && 'ok' in test && test.responseBody ? (
        <>
          <p className="muted">The endpoint answered:</p>
          <pre className="code-block delivery-response">{test.responseBody}</pre>
        </>
      ) : null}
    </div>
  );
}
