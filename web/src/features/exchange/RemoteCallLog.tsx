// Buyer: the call log of a REMOTE campaign — every ping (with the bid or why there was none) and every post of a
// won lead (accepted or not), with its latency, newest first.
import { useQuery } from 'urql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { formatMoney } from '../../lib/format';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { RemoteCallsQuery } from './exchange.operations';

const OUTCOME_TEXT: Record<string, string> = {
  BID: 'bid',
  PASS: 'passed',
  TIMEOUT: 'timed out',
  ERROR: 'failed',
  MALFORMED: 'answer not readable',
  ACCEPTED: 'accepted',
  REFUSED: 'refused',
};

export function RemoteCallLog({ campaignId, first = 50 }: { campaignId: string; first?: number }) {
  const [result, reexecute] = useQuery({ query: RemoteCallsQuery, variables: { campaignId, first }, requestPolicy: 'network-only' });
  const error = apiErrorFromGraphql(result.error);
  const page = result.data?.remoteCalls;
  return (
    <section aria-labelledby="remote-calls-title">
      <h2 id="remote-calls-title">Pings and posts</h2>
      {!page ? (
        error ? (
          <>
            <ErrorMessage error={error} title="The call log could not be loaded" />
            <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </>
        ) : (
          <Loading label="Loading the call log…" />
        )
      ) : !page.edges.length ? (
        <EmptyState title="No calls yet">Leadex pings your system when a lead that matches this campaign is listed.</EmptyState>
      ) : (
        <table className="table">
          <caption className="muted">
            The newest {page.edges.length} of {page.totalCount}
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Call</th>
              <th scope="col">Outcome</th>
              <th scope="col">Bid / price</th>
              <th scope="col">HTTP</th>
              <th scope="col">Latency</th>
            </tr>
          </thead>
          <tbody>
            {page.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>{new Date(node.at).toLocaleString()}</td>
                <td>{node.kind === 'PING' ? 'ping' : 'post'}</td>
                <td>{OUTCOME_TEXT[node.outcome] ?? node.outcome}</td>
                <td>{node.bid ? formatMoney(node.bid) : '—'}</td>
                <td>{node.httpStatus ?? '—'}</td>
                <td>{node.latencyMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
