// Buyer: the delivery endpoints bought leads go to — webhooks (signed JSON), mapped HTTP posts (a CRM's
// web-to-lead form: renamed, picked and constant fields, JSON or form-encoded) and e-mail. One is the default
// (marketplace purchases and campaigns without an endpoint of their own); each can be sent a test lead and have
// its signing secret rotated.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { DeliveryEndpointKind, DeliveryEndpointsQuery as TEndpoints, DeliveryStatus, SendTestDeliveryMutation as TTest } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { enumLabel } from '../../lib/enums';
import { formatDateTime } from '../../lib/format';
import { Badge, type BadgeTone } from '../../lib/ui/badge';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { SelectField, TextAreaField, TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { NewSecret } from './DeliveriesPage';
import {
  CreateDeliveryEndpointMutation,
  DeliveryEndpointsQuery,
  ENDPOINTS_CONTEXT,
  RemoveDeliveryEndpointMutation,
  SendTestDeliveryMutation,
  SetDefaultDeliveryEndpointMutation,
} from './delivery-endpoints.operations';
import { RotatedSecret, RotateSecret, TestResult } from './EndpointSecretAndTest';
import { CONSTANT, EMPTY_FORM, PAYLOAD_FIELDS, endpointTarget, toEndpointInput, type EndpointForm, type FormErrors } from './endpoint-form';

type Endpoint = TEndpoints['deliveryEndpoints'][number];
const KIND_LABEL: Record<DeliveryEndpointKind, string> = { WEBHOOK: 'Webhook (signed JSON)', HTTP_MAPPED: 'Mapped HTTP post', EMAIL: 'E-mail' };
const STATUS_TONE: Record<DeliveryStatus, BadgeTone> = { DELIVERED: 'good', PENDING: 'info', FAILED: 'bad', CANCELLED: 'neutral' };

export function DeliveryEndpointsPage() {
  return (
    <Page
      title="Delivery endpoints"
      wide
      intro="Where the leads you buy are sent: your webhook, your CRM's lead form, or an inbox. Campaigns can choose one; everything else goes to the default."
    >
      <EndpointList />
      <NewEndpoint />
      <p>
        <Link to="/deliveries">See every delivery and its attempts</Link>
      </p>
    </Page>
  );
}

function EndpointList() {
  const [result] = useQuery({ query: DeliveryEndpointsQuery, context: ENDPOINTS_CONTEXT });
  const [, remove] = useMutation(RemoveDeliveryEndpointMutation);
  const [, makeDefault] = useMutation(SetDefaultDeliveryEndpointMutation);
  const [error, setError] = useState<ApiError | null>(null);
  const list = result.data?.deliveryEndpoints;
  const act = async (run: () => Promise<{ error?: Parameters<typeof apiErrorFromGraphql>[0] }>) => {
    setError(null);
    setError(apiErrorFromGraphql((await run()).error));
  };
  if (!list) {
    const loadError = apiErrorFromGraphql(result.error);
    return loadError ? <ErrorMessage error={loadError} title="Endpoints could not be loaded" /> : <Loading label="Loading endpoints…" />;
  }
  return (
    <section aria-labelledby="endpoints-title">
      <h2 id="endpoints-title">Your endpoints</h2>
      <ErrorMessage error={error} title="The endpoint was not changed" />
      {list.length === 0 ? (
        <EmptyState title="No delivery endpoint yet.">Add one below: until then bought leads are only in My purchases.</EmptyState>
      ) : (
        <ul className="listing" aria-label="Delivery endpoints">
          {list.map((e) => (
            <EndpointItem
              key={e.id}
              endpoint={e}
              onRemove={() => act(() => remove({ id: e.id }, ENDPOINTS_CONTEXT))}
              onMakeDefault={() => act(() => makeDefault({ id: e.id }, ENDPOINTS_CONTEXT))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function EndpointItem({ endpoint: e, onRemove, onMakeDefault }: { endpoint: Endpoint; onRemove: () => Promise<void>; onMakeDefault: () => Promise<void> }) {
  const [testing, sendTest] = useMutation(SendTestDeliveryMutation);
  const [test, setTest] = useState<TTest['sendTestDelivery'] | ApiError | null>(null);
  const [rotation, setRotation] = useState<{ secret: string | null; error: ApiError | null } | null>(null);
  const runTest = async () => {
    setTest(null);
    const res = await sendTest({ endpointId: e.id });
    setTest(res.data?.sendTestDelivery ?? apiErrorFromGraphql(res.error));
  };
  return (
    <li className="card" aria-label={`Endpoint ${e.name}`}>
      <div className="section-header">
        <h3>{e.name}</h3>
        <span>
          <Badge tone="info">{KIND_LABEL[e.kind]}</Badge> {e.isDefault ? <Badge tone="good">Default</Badge> : null}
        </span>
      </div>
      <p className="mono">{endpointTarget(e)}</p>
      {e.mapping ? <p className="muted">Sends {e.mapping.fields.map((f) => f.to).join(', ')}</p> : null}
      <p>
        Last delivery:{' '}
        {e.lastDeliveryStatus ? (
          <>
            <Badge tone={STATUS_TONE[e.lastDeliveryStatus]}>{enumLabel(e.lastDeliveryStatus)}</Badge> {e.lastDeliveryAt ? formatDateTime(e.lastDeliveryAt) : ''}
          </>
        ) : (
          'none yet'
        )}
      </p>
      <div className="listing__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={runTest}
          disabled={testing.fetching}
          aria-label={`Send a test lead to ${e.name}`}
        >
          {testing.fetching ? 'Sending…' : 'Send a test lead'}
        </button>
        {e.isDefault ? null : (
          <button type="button" className="button button--ghost button--small" onClick={onMakeDefault} aria-label={`Make default: ${e.name}`}>
            Make default
          </button>
        )}
        {e.kind === 'EMAIL' ? null : <RotateSecret endpoint={e} onRotated={setRotation} />}
        <ConfirmButton
          label="Remove"
          ariaLabel={`Remove ${e.name}`}
          question="Remove it? Deliveries still pending for it are cancelled, and its campaigns go to the default."
          confirmLabel="Remove endpoint"
          onConfirm={onRemove}
        />
      </div>
      <RotatedSecret url={e.url} result={rotation} onDone={() => setRotation(null)} />
      <TestResult test={test} />
    </li>
  );
}

function NewEndpoint() {
  const [form, setForm] = useState<EndpointForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<{ url: string; secret: string } | null>(null);
  const [creating, create] = useMutation(CreateDeliveryEndpointMutation);
  const set = (patch: Partial<EndpointForm>) => setForm((f) => ({ ...f, ...patch }));
  const setRow = (i: number, patch: Partial<EndpointForm['rows'][number]>) => set({ rows: form.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    setSaved(null);
    const checked = toEndpointInput(form);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    const res = await create({ input: checked.input }, ENDPOINTS_CONTEXT);
    const error = apiErrorFromGraphql(res.error);
    if (error || !res.data) {
      setApiError(error);
      setErrors(Object.fromEntries((error?.fields ?? []).map((f) => [f.path, f.message])));
      return;
    }
    const created = res.data.createDeliveryEndpoint;
    if (created.secret) setSaved({ url: created.url ?? '', secret: created.secret });
    setForm(EMPTY_FORM);
  };

  return (
    <section className="card" aria-labelledby="new-endpoint-title">
      <h2 id="new-endpoint-title">Add an endpoint</h2>
      <form className="form" onSubmit={submit} noValidate aria-label="New delivery endpoint">
        <TextField label="Name" value={form.name} onChange={(e) => set({ name: e.target.value })} error={errors['input.name']} maxLength={80} />
        <SelectField
          label="Kind"
          value={form.kind}
          onChange={(e) => set({ kind: e.target.value as DeliveryEndpointKind })}
          options={(Object.keys(KIND_LABEL) as DeliveryEndpointKind[]).map((k) => ({ value: k, label: KIND_LABEL[k] }))}
        />
        {form.kind === 'EMAIL' ? (
          <TextAreaField
            label="Recipients"
            hint="E-mail addresses, separated by commas or new lines (up to 10)"
            value={form.recipients}
            onChange={(e) => set({ recipients: e.target.value })}
            error={errors['input.recipients'] ?? Object.entries(errors).find(([k]) => k.startsWith('input.recipients['))?.[1]}
          />
        ) : (
          <TextField
            label="URL"
            type="url"
            inputMode="url"
            value={form.url}
            onChange={(e) => set({ url: e.target.value })}
            error={errors['input.url']}
            maxLength={2000}
          />
        )}
        {form.kind === 'HTTP_MAPPED' ? (
          <fieldset>
            <legend>Body fields</legend>
            <SelectField
              label="Format"
              value={form.format}
              onChange={(e) => set({ format: e.target.value as EndpointForm['format'] })}
              options={[
                { value: 'FORM', label: 'Form-encoded (application/x-www-form-urlencoded)' },
                { value: 'JSON', label: 'JSON' },
              ]}
            />
            {form.rows.map((r, i) => (
              <div key={i} className="form--inline" role="group" aria-label={`Field ${i + 1}`}>
                <TextField
                  label={`Send as (field ${i + 1})`}
                  value={r.to}
                  onChange={(e) => setRow(i, { to: e.target.value })}
                  error={errors[`input.mapping.fields[${i}].to`]}
                />
                <SelectField
                  label={`Value of field ${i + 1}`}
                  value={r.source}
                  onChange={(e) => setRow(i, { source: e.target.value })}
                  error={errors[`input.mapping.fields[${i}].from`]}
                  options={[...PAYLOAD_FIELDS.map((p) => ({ value: p, label: p })), { value: CONSTANT, label: 'A constant…' }]}
                />
                {r.source === CONSTANT ? (
                  <TextField label={`Constant of field ${i + 1}`} value={r.value} onChange={(e) => setRow(i, { value: e.target.value })} />
                ) : null}
                <button type="button" className="button button--ghost button--small" onClick={() => set({ rows: form.rows.filter((_, j) => j !== i) })}>
                  Remove field {i + 1}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => set({ rows: [...form.rows, { to: '', source: 'lead.contact.phone', value: '' }] })}
            >
              Add a field
            </button>
          </fieldset>
        ) : null}
        <button type="submit" className="button" disabled={creating.fetching}>
          {creating.fetching ? 'Saving…' : 'Add endpoint'}
        </button>
      </form>
      <ErrorMessage error={apiError} title="The endpoint was not added" />
      {saved ? <NewSecret url={saved.url} secret={saved.secret} onDone={() => setSaved(null)} /> : null}
    </section>
  );
}
