// On each endpoint card: "Rotate secret" (the new secret shown once) and the answer of a test event.
import { useState } from 'react';
import { useMutation } from 'urql';
import type { SendTestDeliveryMutation as TTest } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { ErrorMessage } from '../../lib/ui/feedback';
import { NewSecret } from './DeliveriesPage';
import { RotateDeliveryEndpointSecretMutation } from './delivery-endpoints.operations';

export function RotateSecret({ endpoint }: { endpoint: { id: string; name: string; url?: string | null } }) {
  const [rotation, rotate] = useMutation(RotateDeliveryEndpointSecretMutation);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async () => {
    setError(null);
    const res = await rotate({ id: endpoint.id });
    setError(apiErrorFromGraphql(res.error));
    setSecret(res.data?.rotateDeliveryEndpointSecret.secret ?? null);
  };
  return (
    <>
      <ConfirmButton
        label="Rotate secret"
        ariaLabel={`Rotate secret of ${endpoint.name}`}
        question="Make a new signing secret? The current one stops signing at once: update your receiver right after."
        confirmLabel="Rotate secret"
        busy={rotation.fetching}
        onConfirm={run}
      />
      <ErrorMessage error={error} title="The secret was not rotated" />
      {secret ? <NewSecret title="New signing secret" url={endpoint.url ?? ''} secret={secret} onDone={() => setSecret(null)} /> : null}
    </>
  );
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
