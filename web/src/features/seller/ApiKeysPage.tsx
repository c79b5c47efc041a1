// Seller: API keys for posting leads from their own systems. A new key is shown once, with a copy button.
// Keys submit leads (LEADS_WRITE); reading leads and contacts (LEADS_READ) is ticked on purpose, and a key may expire.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { dateTimeLocalToIso, formatDateTime } from '../../lib/format';
import { Badge } from '../../lib/ui/badge';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { CheckboxField, TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import type { ApiKeyScope } from '../../gql/graphql';
import { CreateApiKeyMutation, MyApiKeysQuery, RevokeApiKeyMutation } from './seller.operations';

const SCOPE_LABELS: Record<ApiKeyScope, string> = { LEADS_WRITE: 'Submit leads', LEADS_READ: 'Read leads and contacts' };

function keyStatus(k: { revokedAt?: string | null; expiresAt?: string | null }, now = Date.now()) {
  if (k.revokedAt) return <Badge tone="bad">Revoked {formatDateTime(k.revokedAt)}</Badge>;
  if (k.expiresAt && Date.parse(k.expiresAt) <= now) return <Badge tone="bad">Expired</Badge>;
  return <Badge tone="good">Active</Badge>;
}

export function ApiKeysPage() {
  const [keys, reexecute] = useQuery({ query: MyApiKeysQuery });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [canRead, setCanRead] = useState(false);
  const [expiresAt, setExpiresAt] = useState('');
  const [expiryError, setExpiryError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [createError, setCreateError] = useState<ApiError | null>(null);
  const [creation, createApiKey] = useMutation(CreateApiKeyMutation);
  const [revocation, revokeApiKey] = useMutation(RevokeApiKeyMutation);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    setCreateError(null);
    const expiry = expiresAt.trim() ? dateTimeLocalToIso(expiresAt) : null;
    setNameError(name.trim() ? null : 'Give the key a name, e.g. the system that will use it.');
    setExpiryError(expiresAt.trim() && !expiry ? 'Pick a date and time, or leave it empty for a key that does not expire.' : null);
    if (!name.trim() || (expiresAt.trim() && !expiry)) return;
    const scopes: ApiKeyScope[] = canRead ? ['LEADS_WRITE', 'LEADS_READ'] : ['LEADS_WRITE'];
    const res = await createApiKey({ name: name.trim(), scopes, expiresAt: expiry }, { additionalTypenames: ['ApiKey'] });
    const error = apiErrorFromGraphql(res.error);
    if (error) {
      setCreateError(error);
      const placed = placeApiErrors(error, ['name', 'expiresAt']).byField;
      setNameError(placed.name ?? null);
      setExpiryError(placed.expiresAt ?? null);
      return;
    }
    if (res.data) {
      setCreated({ key: res.data.createApiKey.key, name: res.data.createApiKey.apiKey.name });
      setName('');
      setCanRead(false);
      setExpiresAt('');
      reexecute({ requestPolicy: 'network-only' });
    }
  };

  const revoke = async (id: string) => {
    setRevokeError(null);
    const res = await revokeApiKey({ id }, { additionalTypenames: ['ApiKey'] });
    setRevokeError(apiErrorFromGraphql(res.error));
  };

  const list = keys.data?.myApiKeys;
  const listError = apiErrorFromGraphql(keys.error);

  return (
    <Page
      title="API keys"
      intro={
        <>
          Your systems post leads with <code>Authorization: ApiKey &lt;key&gt;</code> (GraphQL <code>submitLeads</code>, <code>ping</code>/<code>post</code> or{' '}
          <code>POST /leads/csv</code>). A key reads your leads and contacts only when you tick that when creating it.
        </>
      }
    >
      <form className="form form--inline" onSubmit={create} noValidate aria-label="Create an API key">
        <TextField
          label="Key name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          placeholder="CRM integration"
          maxLength={100}
        />
        <TextField
          label="Expires (optional)"
          name="expiresAt"
          type="datetime-local"
          value={expiresAt}
          onChange={(e) => setExpiresAt(e.target.value)}
          error={expiryError}
          hint="Empty: the key works until you revoke it."
        />
        <CheckboxField
          label="Also read our leads and their contacts (LEADS_READ)"
          name="canRead"
          checked={canRead}
          onChange={(e) => setCanRead(e.target.checked)}
        />
        <button type="submit" className="button" disabled={creation.fetching}>
          {creation.fetching ? 'Creating…' : 'Create key'}
        </button>
      </form>
      <ErrorMessage error={createError} title="The key was not created" />
      {created ? <NewKey name={created.name} apiKey={created.key} onDone={() => setCreated(null)} /> : null}

      <h2>Your keys</h2>
      <ErrorMessage error={revokeError} title="The key was not revoked" />
      {!list ? (
        listError ? (
          <ErrorMessage error={listError} title="Keys could not be loaded" />
        ) : (
          <Loading label="Loading keys…" />
        )
      ) : list.length === 0 ? (
        <EmptyState title="No API keys yet.">Create one above; it is shown only once.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key starts with</th>
                <th scope="col">May</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{k.scopes.map((s) => SCOPE_LABELS[s]).join(', ')}</td>
                  <td>{formatDateTime(k.createdAt)}</td>
                  <td>{k.expiresAt ? formatDateTime(k.expiresAt) : 'never'}</td>
                  <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never'}</td>
                  <td>{keyStatus(k)}</td>
                  <td>
                    {k.revokedAt ? null : (
                      <ConfirmButton
                        label="Revoke"
                        ariaLabel={`Revoke key ${k.name}`}
                        question={`Revoke “${k.name}”? Systems using it stop working.`}
                        confirmLabel="Yes, revoke"
                        busy={revocation.fetching && revocation.operation?.variables.id === k.id}
                        onConfirm={() => revoke(k.id)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function NewKey({ name, apiKey, onDone }: { name: string; apiKey: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <SuccessMessage>
      <p className="alert__title">Key “{name}” created</p>
      <p>Copy it now: it is shown only this once and cannot be recovered.</p>
      <div className="copy-row">
        <label htmlFor="new-api-key" className="visually-hidden">
          New API key
        </label>
        <input id="new-api-key" className="mono" readOnly value={apiKey} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={copy}>
          Copy key
        </button>
      </div>
      <p aria-live="polite" className="muted">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying failed; select the key and copy it by hand.' : ''}
      </p>
      <button type="button" className="button button--ghost" onClick={onDone}>
        I have stored the key
      </button>
    </SuccessMessage>
  );
}
