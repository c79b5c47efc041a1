// The attempts of one delivery: when, the HTTP status, the error in words, what the endpoint answered (first 2 KB).
import type { MyDeliveriesQuery as TMyDeliveries } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

type Attempt = TMyDeliveries['myDeliveries'][number]['attemptLog'][number];

export function DeliveryAttemptLog({ attempts, label }: { attempts: readonly Attempt[]; label: string }) {
  return (
    <table className="table table--compact" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">At</th>
          <th scope="col">HTTP</th>
          <th scope="col">Error</th>
          <th scope="col">Response</th>
          <th scope="col" className="num">
            Took
          </th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((a) => (
          <tr key={a.attempt}>
            <td>{a.attempt}</td>
            <td>{formatDateTime(a.at)}</td>
            <td>{a.httpStatus ?? '—'}</td>
            <td>{a.error ?? '—'}</td>
            <td>{a.responseBody ? <pre className="code-block delivery-response">{a.responseBody}</pre> : <span className="muted">empty</span>}</td>
            <td className="num">{a.durationMs.toLocaleString('en-US')} ms</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
