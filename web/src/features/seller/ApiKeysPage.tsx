// Seller: API keys for posting leads from their own systems. A new key is shown once, with a copy button.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { formatDateTime } from '../../lib/format';
import { Badge } from '../../lib/ui/badge';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { CreateApiKeyMutation, MyApiKeysQuery, RevokeApiKeyMutation } from './seller.operations';

export function ApiKeysPage() {
  const [keys, reexecute] = useQuery({ query: MyApiKeysQuery });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [createError, setCreateError] = useState<ApiError | null>(null);
  const [creation, createApiKey] = useMutation(CreateApiKeyMutation);
  const [revocation, revokeApiKey] = useMutation(RevokeApiKeyMutation);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    setCreateError(null);
    if (!name.trim()) return setNameError('Give the key a name, e.g. the system that will use it.');
    setNameError(null);
    const res = await createApiKey({ name: name.trim() }, { additionalTypenames: ['ApiKey'] });
    const error = apiErrorFromGraphql(res.error);
    if (error) {
      setCreateError(error);
      setNameError(placeApiErrors(error, ['name']).byField.name ?? null);
      return;
    }
    if (res.data) {
      setCreated({ key: res.data.createApiKey.key, name: res.data.createApiKey.apiKey.name });
      setName('');
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
    <Page title="API keys" intro={<>Your systems post leads with <code>Authorization: ApiKey &lt;key&gt;</code> (GraphQL <code>submitLeads</code> or <code>POST /leads/csv</code>).</>}>
      <form className="form form--inline" onSubmit={create} noValidate aria-label="Create an API key">
        <TextField label="Key name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={nameError} placeholder="CRM integration" maxLength={100} />
        <button type="submit" className="button" disabled={creation.fetching}>{creation.fetching ? 'Creating…' : 'Create key'}</button>
      </form>
      <ErrorMessage error={createError} title="The key was not created" />
      {created ? <NewKey name={created.name} apiKey={created.key} onDone={() => setCreated(null)} /> : null}

      <h2>Your keys</h2>
      <ErrorMessage error={revokeError} title="The key was not revoked" />
      {!list ? (
        listError ? <ErrorMessage error={listError} title="Keys could not be loaded" /> : <Loading label="Loading keys…" />
      ) : list.length === 0 ? (
        <EmptyState title="No API keys yet.">Create one above; it is shown only once.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Key starts with</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
            </thead>
            <tbody>
              {list.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td><code>{k.prefix}…</code></td>
                  <td>{formatDateTime(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never'}</td>
                  <td>{k.revokedAt ? <Badge tone="bad">Revoked {formatDateTime(k.revokedAt)}</Badge> : <Badge tone="good">Active</Badge>}</td>
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
        <label htmlFor="new-api-key" className="visually-hidden">New API key</label>
        <input id="new-api-key" className="mono" readOnly value={apiKey} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={copy}>Copy key</button>
      </div>
      <p aria-live="polite" className="muted">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying failed; select the key and copy it by hand.' : ''}
      </p>
      <button type="button" className="button button--ghost" onClick={onDone}>I have stored the key</button>
    </SuccessMessage>
  );
}
