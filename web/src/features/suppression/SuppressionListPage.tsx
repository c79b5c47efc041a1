// Buyer: the suppression list. A CSV of the buyer's own customers (phone, email, optional country) is sent in
// chunks with a progress bar and per-row errors; the API stores keyed hashes only, never the contacts.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { formatDateTime } from '../../lib/format';
import { Badge } from '../../lib/ui/badge';
import { ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { SelectField, TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { parseSuppressionCsv, sendInChunks, type RowError, type SendChunk } from './suppression-csv';
import { AddSuppressedContactsMutation, RemoveSuppressedContactsMutation, SuppressionListQuery } from './suppression.operations';

type Action = 'add' | 'remove';
const ACTIONS = [
  { value: 'add', label: 'Add these contacts' },
  { value: 'remove', label: 'Remove these contacts' },
] as const;
interface Outcome {
  action: Action;
  sent: number;
  errors: RowError[];
  stopped: string | null;
}

export function SuppressionListPage() {
  const [list, reload] = useQuery({ query: SuppressionListQuery, requestPolicy: 'cache-and-network' });
  const [, add] = useMutation(AddSuppressedContactsMutation);
  const [, remove] = useMutation(RemoveSuppressedContactsMutation);
  const [file, setFile] = useState<File | null>(null);
  const [action, setAction] = useState<Action>('add');
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [one, setOne] = useState({ phone: '', email: '', country: '' });
  const [oneError, setOneError] = useState<ApiError | null>(null);
  const [oneDone, setOneDone] = useState(false);

  type Mutate = (vars: { contacts: Parameters<SendChunk>[0] }, context: { additionalTypenames: string[] }) => Promise<{ error?: CombinedError }>;
  const sendWith =
    (mutate: Mutate): SendChunk =>
    async (contacts) => {
      const res = await mutate({ contacts }, { additionalTypenames: ['SuppressionList'] });
      const error = apiErrorFromGraphql(res.error);
      return error ? { ok: false, fields: error.code === 'BAD_USER_INPUT' ? error.fields : [], message: error.message } : { ok: true };
    };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    if (!file) return setFileError('Choose a CSV file first.');
    const parsed = parseSuppressionCsv(await file.text());
    if (parsed.fileError) return setFileError(parsed.fileError);
    setFileError(null);
    setProgress(0);
    try {
      const result = await sendInChunks(parsed.rows, sendWith(action === 'add' ? add : remove), setProgress);
      setOutcome({ action, ...result, errors: [...parsed.errors, ...result.errors].sort((a, b) => a.line - b.line) });
    } finally {
      setProgress(null);
      reload({ requestPolicy: 'network-only' });
    }
  };

  const removeOne = async (event: FormEvent) => {
    event.preventDefault();
    setOneDone(false);
    const contact = { phone: one.phone.trim() || null, email: one.email.trim() || null, ...(one.country.trim() ? { country: one.country.trim() } : {}) };
    const res = await remove({ contacts: [contact] }, { additionalTypenames: ['SuppressionList'] });
    setOneError(apiErrorFromGraphql(res.error));
    if (!res.error) {
      setOneDone(true);
      setOne({ phone: '', email: '', country: '' });
      reload({ requestPolicy: 'network-only' });
    }
  };

  const summary = list.data?.suppressionList;
  const percent = Math.round((progress ?? 0) * 100);
  const oneField = (name: string) =>
    oneError?.fields
      .filter((f) => f.path.endsWith(`.${name}`))
      .map((f) => f.message)
      .join(' ') || null;

  return (
    <Page
      title="Suppression list"
      intro={
        <>
          People who are already your customers: their leads are hidden from your marketplace, your campaigns never win them, and ordering one is refused. Other
          buyers still see them. Leadex keeps only a keyed hash of each phone and e-mail.
        </>
      }
    >
      <section className="card" aria-labelledby="suppression-size">
        <h2 id="suppression-size">Your list</h2>
        {summary ? (
          <p>
            <strong aria-label="Suppressed contacts">{summary.size}</strong> phones and e-mails
            {summary.updatedAt ? <>, last changed {formatDateTime(summary.updatedAt)}</> : null}.
          </p>
        ) : list.fetching ? (
          <Loading />
        ) : null}
        <ErrorMessage error={apiErrorFromGraphql(list.error)} title="The list could not be loaded" />
      </section>

      <form className="form form--narrow" onSubmit={upload} noValidate aria-label="Upload a suppression CSV">
        <TextField
          label="CSV file"
          type="file"
          name="file"
          accept=".csv,text/csv"
          error={fileError}
          hint="Header row with phone and/or email columns (and country for national phone numbers)."
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFileError(null);
          }}
        />
        <SelectField label="Action" name="action" options={ACTIONS} value={action} onChange={(e) => setAction(e.target.value as Action)} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={!file || progress !== null}>
            {progress !== null ? 'Sending…' : 'Upload'}
          </button>
        </div>
        {progress !== null ? (
          <div className="progress">
            <label htmlFor="suppression-progress">{`Sending… ${percent}%`}</label>
            <progress id="suppression-progress" max={100} value={percent} aria-valuetext={`${percent}%`} />
          </div>
        ) : null}
      </form>
      {outcome ? <UploadResult outcome={outcome} /> : null}

      <form className="form form--narrow" onSubmit={removeOne} noValidate aria-label="Remove one contact">
        <h2>Remove one contact</h2>
        <TextField label="Phone" name="phone" value={one.phone} error={oneField('phone')} onChange={(e) => setOne({ ...one, phone: e.target.value })} />
        <TextField label="E-mail" name="email" value={one.email} error={oneField('email')} onChange={(e) => setOne({ ...one, email: e.target.value })} />
        <TextField
          label="Country (for a national phone number)"
          name="country"
          value={one.country}
          error={oneField('country')}
          onChange={(e) => setOne({ ...one, country: e.target.value })}
        />
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            Remove
          </button>
        </div>
        <ErrorMessage error={oneError} title="Nothing was removed" />
        {oneDone ? (
          <SuccessMessage>
            <p>Removed from your list.</p>
          </SuccessMessage>
        ) : null}
      </form>
    </Page>
  );
}

function UploadResult({ outcome }: { outcome: Outcome }) {
  return (
    <section className="csv-result" aria-labelledby="suppression-result-title">
      <h2 id="suppression-result-title">Result</h2>
      <SuccessMessage>
        <p>
          <strong>{outcome.sent}</strong> rows {outcome.action === 'add' ? 'added' : 'removed'}, <strong>{outcome.errors.length}</strong> with errors.
        </p>
      </SuccessMessage>
      {outcome.stopped ? <ErrorMessage error={outcome.stopped} title="The upload stopped" /> : null}
      {outcome.errors.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>Rows not sent (row 1 is the header)</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {outcome.errors.map((e, i) => (
                <tr key={`${e.line}-${e.column}-${i}`}>
                  <td>{e.line}</td>
                  <td>{e.column ? <code>{e.column}</code> : '—'}</td>
                  <td>
                    <Badge tone="bad">Error</Badge> {e.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
