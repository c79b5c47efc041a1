// One wallet movement as a receipt: what, when, how much, the balance after, and what it paid for.
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { formatDateTime, formatMoney } from '../../lib/format';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { WalletTransactionQuery } from './exchange.operations';
import { WALLET_KIND_WORDS, signedMoney } from './wallet-words';
import '../orders/money-pages.css';

export function WalletReceiptPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: WalletTransactionQuery, variables: { id } });
  const t = result.data?.walletTransaction;
  const error = apiErrorFromGraphql(result.error);
  if (!t) {
    return (
      <Page title="Receipt">
        {error ? (
          <ErrorMessage error={error} title="The receipt could not be loaded" />
        ) : result.fetching || !result.data ? (
          <Loading label="Loading the receipt…" />
        ) : (
          <p>There is no such transaction in your wallet.</p>
        )}
        <p>
          <Link to="/wallet">Back to the wallet</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page
      title={`Receipt · ${WALLET_KIND_WORDS[t.kind]}`}
      intro={t.description}
      actions={
        <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
          Print
        </button>
      }
    >
      <div className="card receipt">
        <dl>
          <dt>Date</dt>
          <dd>{formatDateTime(t.occurredAt)}</dd>
          <dt>Amount</dt>
          <dd>
            <strong>{signedMoney(t.amount)}</strong>
          </dd>
          <dt>Balance after</dt>
          <dd>{formatMoney(t.balanceAfter)}</dd>
          {t.orderId ? (
            <>
              <dt>Order</dt>
              <dd>
                <Link to={`/orders/${t.orderId}`}>Order #{t.orderId.slice(-6).toUpperCase()}</Link> <span className="mono muted">{t.orderId}</span>
              </dd>
            </>
          ) : null}
          {t.campaignName ? (
            <>
              <dt>Campaign</dt>
              <dd>{t.campaignName}</dd>
            </>
          ) : null}
          {t.leadIds.length ? (
            <>
              <dt>{t.leadIds.length === 1 ? 'Lead' : 'Leads'}</dt>
              <dd className="mono">{t.leadIds.join(', ')}</dd>
            </>
          ) : null}
          {t.paymentIntentId ? (
            <>
              <dt>Card payment</dt>
              <dd className="mono">{t.paymentIntentId}</dd>
            </>
          ) : null}
          <dt>Reference</dt>
          <dd className="mono">{t.id}</dd>
        </dl>
        <p className="muted">Leadex · prepaid wallet receipt</p>
      </div>
      <p className="no-print">
        <Link to="/wallet">Back to the wallet</Link>
      </p>
    </Page>
  );
}
