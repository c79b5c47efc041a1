// Seller: upload a CSV of leads to POST /leads/csv with a progress bar; show the counts and each row's findings.
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { apiErrorFromRest, type ApiError } from '../../lib/api-errors';
import { uploadFile } from '../../lib/upload';
import { EmptyState, ErrorMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { Badge } from '../../lib/ui/badge';
import { csvIssueRows, csvResultTone, parseCsvImportResult, type CsvImportResult } from './csv-import';

const MAX_BYTES = 20 * 1024 * 1024;

export function CsvUploadPage() {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const uploading = progress !== null;

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setError(null);
    if (!file) return setFileError('Choose a CSV file first.');
    if (file.size > MAX_BYTES) return setFileError('The file is larger than 20 MB.');
    setFileError(null);
    abort.current = new AbortController();
    setProgress(0);
    try {
      const res = await uploadFile('/leads/csv', file, { contentType: 'text/csv', onProgress: setProgress, signal: abort.current.signal });
      const parsed = res.status < 300 ? parseCsvImportResult(res.body) : null;
      if (parsed) setResult(parsed);
      else {
        const apiError = apiErrorFromRest(res.status, res.body);
        setError(apiError);
        const onFile = apiError.fields.filter((f) => f.path === 'file' || f.path === '').map((f) => f.message);
        if (onFile.length) setFileError(onFile.join(' '));
      }
    } catch (err) {
      setError(
        (err as Error).name === 'AbortError'
          ? { code: 'CANCELLED', reason: null, message: 'The upload was cancelled.', fields: [] }
          : apiErrorFromRest(0, null),
      );
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const percent = Math.round((progress ?? 0) * 100);

  return (
    <Page
      title="Upload leads (CSV)"
      intro={
        <>
          Every row is checked like a single lead. Columns and an example row are in the{' '}
          <a href="/leads/csv-template" download>
            CSV template
          </a>
          .
        </>
      }
    >
      <form className="form form--narrow" onSubmit={upload} noValidate aria-label="Upload a CSV of leads">
        <TextField
          label="CSV file"
          type="file"
          name="file"
          accept=".csv,text/csv"
          error={fileError}
          hint="Header row first; at most 20 MB."
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFileError(null);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={!file || uploading}>
            {uploading ? 'Uploading…' : 'Upload'}
          </button>
          {uploading ? (
            <button type="button" className="button button--ghost" onClick={() => abort.current?.abort()}>
              Cancel upload
            </button>
          ) : null}
          <a className="button button--secondary" href="/leads/csv-template" download>
            Download the template
          </a>
        </div>
        {uploading ? (
          <div className="progress">
            <label htmlFor="csv-progress">{percent < 100 ? `Uploading… ${percent}%` : 'Checking the rows…'}</label>
            <progress id="csv-progress" max={100} value={percent} aria-valuetext={`${percent}%`} />
          </div>
        ) : null}
      </form>

      <ErrorMessage error={error} title="The file was not imported" />
      {result ? <CsvResult result={result} /> : null}
    </Page>
  );
}

function CsvResult({ result }: { result: CsvImportResult }) {
  const rows = csvIssueRows(result);
  return (
    <section className="csv-result" aria-labelledby="csv-result-title">
      <h2 id="csv-result-title">Result</h2>
      {/* green only when every row was accepted (csvResultTone) */}
      <div className={`alert alert--${csvResultTone(result)}`} role="status">
        <p>
          <strong>{result.accepted}</strong> accepted, <strong>{result.rejected}</strong> rejected.
          {result.rejected ? ' Fix the rejected rows below and upload them again.' : null}
          {result.accepted ? (
            <>
              {' '}
              Accepted leads wait for the spot-check; see <Link to="/seller/listings">my listings</Link>.
            </>
          ) : null}
        </p>
      </div>
      {rows.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>Findings per row (row 1 is the header)</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Lead</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
                <th scope="col">Severity</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.row}-${r.code}-${r.column}-${i}`}>
                  <td>{r.row}</td>
                  <td>{r.rejected ? <Badge tone="bad">Rejected</Badge> : <Badge tone="good">Accepted</Badge>}</td>
                  <td>{r.column ? <code>{r.column}</code> : '—'}</td>
                  <td>{r.message}</td>
                  <td>{r.severity === 'ERROR' ? <Badge tone="bad">Error</Badge> : <Badge tone="warn">Warning</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title="No findings: every row was clean." />
      )}
    </section>
  );
}
