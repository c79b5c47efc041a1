// Seller: the form origins (scheme, host, port) whose pages may ask Leadex for consent certificates. The capture
// script on any other page is refused, so a form's origin must be here before its leads carry certificates.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { formatDateTime } from '../../lib/format';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { AddConsentOriginMutation, MyConsentOriginsQuery, RemoveConsentOriginMutation } from './consent.operations';

export function FormOriginsPage() {
  const [origins, reexecute] = useQuery({ query: MyConsentOriginsQuery });
  const [origin, setOrigin] = useState('');
  const [originError, setOriginError] = useState<string | null>(null);
  const [addError, setAddError] = useState<ApiError | null>(null);
  const [addErrorDetails, setAddErrorDetails] = useState<string[]>([]);
  const [adding, addConsentOrigin] = useMutation(AddConsentOriginMutation);
  const [removal, removeConsentOrigin] = useMutation(RemoveConsentOriginMutation);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setAddError(null);
    setAddErrorDetails([]);
    setOriginError(origin.trim() ? null : 'Enter the address your form is served from, e.g. https://forms.example.com.');
    if (!origin.trim()) return;
    const res = await addConsentOrigin({ origin: origin.trim() }, { additionalTypenames: ['ConsentOrigin'] });
    const error = apiErrorFromGraphql(res.error);
    if (error) {
      const placed = placeApiErrors(error, ['origin']);
      setOriginError(placed.byField.origin ?? null);
      setAddError(error);
      setAddErrorDetails(placed.unplaced);
      return;
    }
    setOrigin('');
    reexecute({ requestPolicy: 'network-only' });
  };

  const remove = async (id: string) => {
    setRemoveError(null);
    const res = await removeConsentOrigin({ id }, { additionalTypenames: ['ConsentOrigin'] });
    const error = apiErrorFromGraphql(res.error);
    setRemoveError(error);
    if (!error) reexecute({ requestPolicy: 'network-only' });
  };

  const list = origins.data?.myConsentOrigins;
  const listError = apiErrorFromGraphql(origins.error);

  return (
    <Page
      title="Form origins"
      intro={
        <>
          The consent capture script asks for a certificate only from these origins: the scheme and host of your form’s page, with a port if it has one, and no
          path.
        </>
      }
    >
      <form className="form form--inline" onSubmit={add} noValidate aria-label="Add a form origin">
        <TextField
          label="Origin"
          name="origin"
          value={origin}
          onChange={(e) => setOrigin(e.target.value)}
          error={originError}
          placeholder="https://forms.example.com"
          maxLength={300}
        />
        <button type="submit" className="button" disabled={adding.fetching}>
          {adding.fetching ? 'Adding…' : 'Add origin'}
        </button>
      </form>
      <ErrorMessage error={addError} details={addErrorDetails} title="The origin was not added" />

      <h2>Your origins</h2>
      <ErrorMessage error={removeError} title="The origin was not removed" />
      {!list ? (
        listError ? (
          <ErrorMessage error={listError} title="Origins could not be loaded" />
        ) : (
          <Loading label="Loading origins…" />
        )
      ) : list.length === 0 ? (
        <EmptyState title="No form origins yet.">Add the origin of each page your capture script runs on.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Origin</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((o) => (
                <tr key={o.id}>
                  <td className="mono">{o.origin}</td>
                  <td>{formatDateTime(o.createdAt)}</td>
                  <td>
                    <ConfirmButton
                      label="Remove"
                      ariaLabel={`Remove origin ${o.origin}`}
                      question={`Remove ${o.origin}? Certificates are no longer issued to forms there.`}
                      confirmLabel="Yes, remove"
                      busy={removal.fetching && removal.operation?.variables.id === o.id}
                      onConfirm={() => remove(o.id)}
                    />
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
