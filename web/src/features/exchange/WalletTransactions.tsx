// The wallet statement: every movement from the ledger, newest first, paged, each linking to its receipt.
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { formatDateTime, formatMoney } from '../../lib/format';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { WalletTransactionsQuery } from './exchange.operations';
import { WALLET_KIND_WORDS, isMoneyIn, signedMoney } from './wallet-words';
import '../orders/money-pages.css';

const PAGE_SIZE = 20;

export function WalletTransactions() {
  const [offset, setOffset] = useState(0);
  const [result, reexecute] = useQuery({ query: WalletTransactionsQuery, variables: { first: PAGE_SIZE, offset }, requestPolicy: 'cache-and-network' });
  const page = result.data?.walletTransactions;
  const error = apiErrorFromGraphql(result.error);
  return (
    <section aria-labelledby="transactions-title">
      <h2 id="transactions-title">Transactions</h2>
      {!page ? (
        error ? (
          <>
            <ErrorMessage error={error} title="The transactions could not be loaded" />
            <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </>
        ) : (
          <Loading label="Loading the transactions…" />
        )
      ) : page.totalCount === 0 ? (
        <EmptyState title="No transactions yet">
          <p>Top-ups, orders paid from the wallet, campaign wins and refunds appear here.</p>
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table table--stack" role="table">
              <caption className="visually-hidden">Wallet transactions, newest first</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    When
                  </th>
                  <th scope="col" role="columnheader">
                    What
                  </th>
                  <th scope="col" role="columnheader">
                    Amount
                  </th>
                  <th scope="col" role="columnheader">
                    Balance after
                  </th>
                  <th scope="col" role="columnheader">
                    Receipt
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {page.nodes.map((t) => (
                  <tr key={t.id} role="row">
                    <td role="cell" data-label="When">
                      {formatDateTime(t.occurredAt)}
                    </td>
                    <th scope="row" role="rowheader" className="table__wide">
                      {t.description}
                      <span className="table__sub-text">{WALLET_KIND_WORDS[t.kind]}</span>
                    </th>
                    <td role="cell" data-label="Amount" className={isMoneyIn(t.amount) ? 'amount--in' : undefined}>
                      {signedMoney(t.amount)}
                    </td>
                    <td role="cell" data-label="Balance after">
                      {formatMoney(t.balanceAfter)}
                    </td>
                    <td role="cell">
                      <Link to={`/wallet/receipts/${t.id}`} aria-label={`Receipt: ${t.description}, ${formatDateTime(t.occurredAt)}`}>
                        Receipt
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Transaction pages">
            <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              Newer
            </button>
            <span className="muted">
              {(offset + 1).toLocaleString('en-US')}–{(offset + page.nodes.length).toLocaleString('en-US')} of {page.totalCount.toLocaleString('en-US')}
            </span>
            <button type="button" className="button button--secondary" disabled={!page.hasNextPage} onClick={() => setOffset(offset + PAGE_SIZE)}>
              Older
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
