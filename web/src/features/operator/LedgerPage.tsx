// Operator: the ledger's account balances (every posting is double-entry, so they sum to zero), the
// settlement runs with "Run settlement now", and the link to the queue dashboard.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { formatDateTime, formatMoney } from '../../lib/format';
import { money, toMinor } from '../../lib/money';
import { usePlatform } from '../../lib/platform';
import { usePageCursors } from '../../lib/use-page-cursors';
import { Badge } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { LedgerBalancesQuery, RunSettlementMutation, SettlementRunsQuery } from './quality.operations';

// a settlement moves money between accounts: balances and the run list are asked again after one
const LEDGER_CONTEXT = { additionalTypenames: ['SettlementRun', 'AccountBalance'] };

export function LedgerPage() {
  const [running, runSettlement] = useMutation(RunSettlementMutation);
  const [runError, setRunError] = useState<ApiError | null>(null);
  const [ran, setRan] = useState<string | null>(null);

  const run = async () => {
    setRunError(null);
    setRan(null);
    const res = await runSettlement({}, LEDGER_CONTEXT);
    const error = apiErrorFromGraphql(res.error);
    if (error || !res.data) return setRunError(error);
    const r = res.data.runSettlement;
    setRan(
      `Settlement ${r.id} ${r.status.toLowerCase()}: ${r.maturedSales} sales matured (${formatMoney(r.maturedAmount)}), ${r.payoutsCount} payouts (${formatMoney(r.payoutsAmount)}).`,
    );
  };

  return (
    <Page
      title="Ledger and settlement"
      wide
      intro="Balances per ledger account, and the settlement runs that move matured sales to sellers’ payables and pay them out."
      actions={
        <a className="button button--secondary" href="/admin/queues">
          Queue dashboard
        </a>
      }
    >
      <section aria-labelledby="balances-title">
        <h2 id="balances-title">Account balances</h2>
        <Balances />
      </section>
      <section aria-labelledby="runs-title">
        <div className="section-header">
          <h2 id="runs-title">Settlement runs</h2>
          <button type="button" className="button" onClick={run} disabled={running.fetching}>
            {running.fetching ? 'Settling…' : 'Run settlement now'}
          </button>
        </div>
        <ErrorMessage error={runError} title="The settlement did not run" />
        {ran ? <SuccessMessage>{ran}</SuccessMessage> : null}
        <Runs />
      </section>
    </Page>
  );
}

function Balances() {
  const digits = usePlatform().minorUnitDigits;
  const [result, reexecute] = useQuery({ query: LedgerBalancesQuery, context: LEDGER_CONTEXT });
  const balances = result.data?.ledgerBalances;
  const error = apiErrorFromGraphql(result.error);
  if (!balances) {
    return error ? (
      <div>
        <ErrorMessage error={error} title="Balances could not be loaded" />
        <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
          Try again
        </button>
      </div>
    ) : (
      <Loading label="Loading balances…" />
    );
  }
  if (!balances.length) return <EmptyState title="No postings yet.">Balances appear with the first payment.</EmptyState>;
  const currency = balances[0]!.balance.currencyCode;
  const sum = balances.reduce((s, b) => s + toMinor(b.balance, digits), 0);
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Balance</th>
          </tr>
        </thead>
        <tbody>
          {balances.map((b) => (
            <tr key={`${b.account}-${b.balance.currencyCode}`}>
              <th scope="row">
                <code>{b.account}</code>
              </th>
              <td className="num">{formatMoney(b.balance)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Sum of all accounts</th>
            <td className="num">
              {formatMoney(money(sum, currency, digits))} {sum === 0 ? <Badge tone="good">balanced</Badge> : <Badge tone="bad">unbalanced</Badge>}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Runs() {
  const { cursors, loadMore } = usePageCursors();
  return (
    <>
      {cursors.map((after, i) => (
        <RunsChunk key={after ?? 'first'} after={after} isFirst={i === 0} isLast={i === cursors.length - 1} onLoadMore={loadMore} />
      ))}
    </>
  );
}

function RunsChunk({ after, isFirst, isLast, onLoadMore }: { after: string | null; isFirst: boolean; isLast: boolean; onLoadMore: (c: string) => void }) {
  const [result, reexecute] = useQuery({ query: SettlementRunsQuery, variables: { first: 20, after }, context: LEDGER_CONTEXT });
  const connection = result.data?.settlementRuns;
  const error = apiErrorFromGraphql(result.error);
  if (!connection) {
    return error ? (
      <div>
        <ErrorMessage error={error} title="Settlement runs could not be loaded" />
        <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
          Try again
        </button>
      </div>
    ) : (
      <Loading label="Loading settlement runs…" />
    );
  }
  if (isFirst && !connection.edges.length) return <EmptyState title="No settlement has run yet.">The schedule runs it; or run it now.</EmptyState>;
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          {isFirst ? <caption>{connection.totalCount === 1 ? '1 run' : `${connection.totalCount} runs`}, newest first</caption> : null}
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Status</th>
              <th scope="col">Matured sales</th>
              <th scope="col">Matured amount</th>
              <th scope="col">Commission</th>
              <th scope="col">Payouts</th>
              <th scope="col">Finished</th>
            </tr>
          </thead>
          <tbody>
            {connection.edges.map(({ node: r }) => (
              <tr key={r.id}>
                <th scope="row">
                  {formatDateTime(r.startedAt)}
                  <span className="table__sub-text mono">{r.id}</span>
                </th>
                <td>
                  <Badge tone={r.status === 'COMPLETED' ? 'good' : r.status === 'FAILED' ? 'bad' : 'info'}>{r.status}</Badge>
                </td>
                <td className="num">{r.maturedSales}</td>
                <td className="num">{formatMoney(r.maturedAmount)}</td>
                <td className="num">{formatMoney(r.commission)}</td>
                <td className="num">
                  {r.payoutsCount} · {formatMoney(r.payoutsAmount)}
                </td>
                <td>{formatDateTime(r.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isLast && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
        <button type="button" className="button button--secondary load-more" onClick={() => onLoadMore(connection.pageInfo.endCursor!)}>
          Load more
        </button>
      ) : null}
    </>
  );
}
