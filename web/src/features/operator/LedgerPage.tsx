// Operator: the ledger's account balances (every posting is double-entry, so they sum to zero), the
// settlement runs with "Run settlement now", and the link to the queue dashboard.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { enumLabel } from '../../lib/enums';
import { formatDateTime, formatMoney } from '../../lib/format';
import { money, toMinor } from '../../lib/money';
import { usePlatform } from '../../lib/platform';
import { usePageCursors } from '../../lib/use-page-cursors';
import { Badge } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { Pager, SearchBox, useTableParams } from '../../lib/ui/table-controls';
import { balanceReading, LEDGER_ACCOUNT_KIND_LABELS, ledgerAccountName } from './ledger-account-labels';
import { LedgerAccountsQuery } from './operator-tables.operations';
import { LedgerBalancesQuery, RunSettlementMutation, SettlementRunsQuery } from './quality.operations';
import { TableWrap } from '../../lib/ui/table-wrap';

// a settlement moves money between accounts: balances and the run list are asked again after one
const LEDGER_CONTEXT = { additionalTypenames: ['SettlementRun', 'AccountBalance', 'LedgerAccount'] };

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

const ACCOUNTS_PER_PAGE = 25;

function SignConventions() {
  return (
    <details className="findings" open>
      <summary>How to read the balances</summary>
      <p>
        Every posting is double-entry: a debit is positive, a credit negative, and all accounts sum to zero. An account the platform <em>has</em> (the Stripe
        balance) is normally positive; one it <em>owes</em> or has <em>earned</em> (escrow, wallets, payables, revenue) is normally negative, so “−$12.00” in a
        seller payable means the platform owes that seller $12.00.
      </p>
      <dl className="contact">
        {Object.entries(LEDGER_ACCOUNT_KIND_LABELS)
          .filter(([kind]) => kind !== 'OTHER')
          .map(([kind, { label, meaning }]) => (
            <div key={kind}>
              <dt>{label}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
      </dl>
    </details>
  );
}

const READING_LABEL = { holds: 'holds', owes: 'owes', earned: 'earned', empty: 'empty', unusual: 'unusual sign' } as const;

function Balances() {
  const table = useTableParams(ACCOUNTS_PER_PAGE);
  const [result, reexecute] = useQuery({
    query: LedgerAccountsQuery,
    variables: { search: table.search || null, first: table.first, offset: table.offset },
    context: LEDGER_CONTEXT,
  });
  const page = result.data?.ledgerAccounts;
  const error = apiErrorFromGraphql(result.error);
  return (
    <>
      <SignConventions />
      <div className="toolbar toolbar--start">
        <SearchBox label="Search accounts" hint="Account, seller or buyer name, or organisation id" value={table.search} onSearch={table.setSearch} />
      </div>
      {!page ? (
        error ? (
          <div>
            <ErrorMessage error={error} title="Balances could not be loaded" />
            <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </div>
        ) : (
          <Loading label="Loading balances…" />
        )
      ) : !page.items.length ? (
        table.search ? (
          <EmptyState title={`No account matches “${table.search}”.`} />
        ) : (
          <EmptyState title="No postings yet.">Balances appear with the first payment.</EmptyState>
        )
      ) : (
        <TableWrap label="Ledger accounts table">
          <table className="table table--compact">
            <caption>Ledger accounts, the platform’s first</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Balance</th>
                <th scope="col">Reads as</th>
                <th scope="col">Postings</th>
                <th scope="col">Last posting</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => {
                const reading = balanceReading(a.kind, a.normalBalance, a.balance.amount);
                const absolute = { ...a.balance, amount: a.balance.amount.replace(/^-/, '') };
                return (
                  <tr key={`${a.account}-${a.balance.currencyCode}`}>
                    <th scope="row">
                      {ledgerAccountName(a.kind, a.organization?.name)}
                      <span className="table__sub-text mono">{a.account}</span>
                    </th>
                    <td className="num">{formatMoney(a.balance)}</td>
                    <td>
                      {reading === 'unusual' ? <Badge tone="warn">{READING_LABEL[reading]}</Badge> : READING_LABEL[reading]}
                      {reading === 'holds' || reading === 'owes' || reading === 'earned' ? ` ${formatMoney(absolute)}` : ''}
                    </td>
                    <td className="num">{a.postings.toLocaleString()}</td>
                    <td>{formatDateTime(a.lastPostingAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {page ? <Pager label="Accounts" page={table.page} first={table.first} totalCount={page.totalCount} onPage={table.setPage} /> : null}
      <LedgerSum />
    </>
  );
}

/** The sum over every account (not only the page shown): zero when the books balance. */
function LedgerSum() {
  const digits = usePlatform().minorUnitDigits;
  const [result] = useQuery({ query: LedgerBalancesQuery, context: LEDGER_CONTEXT });
  const balances = result.data?.ledgerBalances;
  if (!balances?.length) return null;
  const currency = balances[0]!.balance.currencyCode;
  const sum = balances.reduce((s, b) => s + toMinor(b.balance, digits), 0);
  return (
    <p>
      Sum of all accounts ({balances.length.toLocaleString()}): {formatMoney(money(sum, currency, digits))}{' '}
      {sum === 0 ? <Badge tone="good">balanced</Badge> : <Badge tone="bad">unbalanced</Badge>}
    </p>
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
      <TableWrap label="Settlement runs table">
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
                  <Badge tone={r.status === 'COMPLETED' ? 'good' : r.status === 'FAILED' ? 'bad' : 'info'}>{enumLabel(r.status)}</Badge>
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
      </TableWrap>
      {isLast && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
        <button type="button" className="button button--secondary load-more" onClick={() => onLoadMore(connection.pageInfo.endCursor!)}>
          Load more
        </button>
      ) : null}
    </>
  );
}
