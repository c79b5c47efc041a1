// Seller: payouts (Stripe transfers after settlement), connecting the payout account (Stripe Express
// onboarding, which comes back here with ?onboarded=1), and the organization's quality score.
import type { PayoutStatus } from '../../gql/graphql';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { MeQuery } from '../auth/auth.operations';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { enumLabel } from '../../lib/enums';
import { PAYOUT_STATUS_WORDS } from '../../lib/words';
import { formatDateTime, formatMoney } from '../../lib/format';
import { leaveApp } from '../../lib/leave-app';
import { Badge, qualityTone, type BadgeTone } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { ConnectPayoutAccountMutation, MyPayoutsQuery } from './seller.operations';

const PAYOUT_TONE: Record<PayoutStatus, BadgeTone> = { PENDING: 'info', SENT: 'good', FAILED: 'bad' };

export function PayoutsPage({ redirect = leaveApp }: { redirect?: (url: string) => void }) {
  const [params] = useSearchParams();
  const [payouts, reexecute] = useQuery({ query: MyPayoutsQuery, context: PAYOUT_CONTEXT });
  const [me] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  const [connecting, connect] = useMutation(ConnectPayoutAccountMutation);
  const [error, setError] = useState<ApiError | null>(null);
  const [leaving, setLeaving] = useState(false);
  const org = me.data?.me?.organization;
  const list = payouts.data?.myPayouts;
  const listError = apiErrorFromGraphql(payouts.error);

  const startOnboarding = async () => {
    setError(null);
    const res = await connect({});
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) return setError(apiError);
    setLeaving(true);
    redirect(res.data.connectPayoutAccount.url);
  };

  return (
    <Page
      title="Payouts"
      intro="Sales mature when their return window closes; matured earnings are paid to your Stripe account once they reach the minimum payout."
    >
      {/* Stripe sends the seller back here whether or not they finished; only Stripe's own check enables payouts */}
      {params.get('onboarded') === '1' ? (
        <SuccessMessage>Welcome back from Stripe. Once Stripe has confirmed your details, payouts go to your account at the next settlement.</SuccessMessage>
      ) : null}
      {params.get('refresh') === '1' ? <ErrorMessage error="The onboarding link expired before you finished. Connect again to get a new one." /> : null}

      <div className="two-columns">
        <section className="card" aria-labelledby="quality-title">
          <h2 id="quality-title">Quality score</h2>
          {org ? (
            <>
              <p className="big-number">
                <Badge tone={qualityTone(org.qualityScore)}>{`${org.qualityScore} / 100`}</Badge>
              </p>
              <p className="muted">
                Spot-check failures and accepted disputes lower it; buyers see it beside your leads and a low score means larger samples.{' '}
                {org.suspended ? 'Your organization is suspended.' : ''}
              </p>
            </>
          ) : me.error ? (
            <ErrorMessage error={apiErrorFromGraphql(me.error)} />
          ) : (
            <Loading />
          )}
        </section>
        <section className="card" aria-labelledby="account-title">
          <h2 id="account-title">Payout account</h2>
          <p>Payouts are Stripe transfers to your own Stripe Express account. Connecting opens Stripe’s onboarding and brings you back here.</p>
          <ErrorMessage error={error} title="Stripe could not be reached" />
          <button type="button" className="button" onClick={startOnboarding} disabled={connecting.fetching || leaving}>
            {connecting.fetching || leaving ? 'Opening Stripe…' : 'Connect payout account'}
          </button>
        </section>
      </div>

      <h2>Payouts</h2>
      {list ? (
        list.length === 0 ? (
          <EmptyState title="No payouts yet.">The first one is sent after a settlement finds matured sales above the minimum.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Stripe transfer</th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDateTime(p.createdAt)}</td>
                    <td>{formatMoney(p.amount)}</td>
                    <td>
                      <Badge tone={PAYOUT_TONE[p.status]}>{PAYOUT_STATUS_WORDS[p.status] ?? enumLabel(p.status)}</Badge>
                    </td>
                    <td>{formatDateTime(p.sentAt)}</td>
                    <td>{p.stripeTransferId ? <code>{p.stripeTransferId}</code> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : listError ? (
        <div>
          <ErrorMessage error={listError} title="Payouts could not be loaded" />
          <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </div>
      ) : (
        <Loading label="Loading payouts…" />
      )}
    </Page>
  );
}

const PAYOUT_CONTEXT = { additionalTypenames: ['Payout'] };
