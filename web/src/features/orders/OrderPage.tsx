// One order: its leads, total and hold countdown; pay through Stripe Checkout, or cancel. Back from
// Checkout (`?paid=1`) the page asks for the order until Stripe's webhook has marked it PAID.
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { OrderFieldsFragment } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { useSegments, segmentName, subsegmentName } from '../../lib/catalog/use-segments';
import { enumLabel } from '../../lib/enums';
import { formatDateTime, formatMoney } from '../../lib/format';
import { leaveApp } from '../../lib/leave-app';
import { useNow } from '../../lib/use-now';
import { Badge, type BadgeTone } from '../../lib/ui/badge';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { orderPhase, shouldPoll, timeLeft, type OrderPhase } from './order-rules';
import { CancelOrderMutation, CheckoutOrderMutation, OrderQuery } from './orders.operations';
import { PayFromWalletButton } from './PayFromWallet';
import { leadCountText, orderReference } from './order-words';

const STATUS_TONE: Record<OrderFieldsFragment['status'], BadgeTone> = { RESERVED: 'info', PAID: 'good', EXPIRED: 'neutral', CANCELLED: 'neutral' };
/** How long to wait for Stripe's confirmation before telling the buyer to come back later. */
const MAX_POLLS = 80;

export function OrderPage({ redirect = leaveApp, pollMs = 1500 }: { redirect?: (url: string) => void; pollMs?: number }) {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const backFromCheckout = params.get('paid') === '1';
  const [result, reexecute] = useQuery({ query: OrderQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const order = result.data?.order;
  const error = apiErrorFromGraphql(result.error);
  const now = useNow(1000, order?.status === 'RESERVED');
  const phase = order ? orderPhase(order, now, backFromCheckout) : null;
  const polls = useRef(0);
  const [gaveUp, setGaveUp] = useState(false);

  const polling = !!phase && shouldPoll(phase) && !gaveUp;
  useEffect(() => {
    if (!polling || result.fetching) return;
    const timer = setTimeout(() => {
      polls.current += 1;
      if (polls.current >= MAX_POLLS) setGaveUp(true);
      reexecute({ requestPolicy: 'network-only' });
    }, pollMs);
    return () => clearTimeout(timer);
  }, [polling, result.data, result.fetching, pollMs, reexecute]);

  if (!order) {
    if (error)
      return (
        <Page title="Order">
          <ErrorMessage error={error} title="The order could not be loaded" />
        </Page>
      );
    if (result.fetching || !result.data)
      return (
        <Page title="Order">
          <Loading label="Loading the order…" />
        </Page>
      );
    return (
      <Page title="Order not found">
        <p>There is no order {id} in your account.</p>
        <p>
          <Link to="/marketplace">Back to the marketplace</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={`Order ${orderReference(order.id)} · ${leadCountText(order.lines.length)}`}
      intro={
        <>
          Placed {formatDateTime(order.createdAt)} · <span className="mono">{order.id}</span> <CopyId id={order.id} />
        </>
      }
      actions={<Badge tone={STATUS_TONE[order.status]}>{enumLabel(order.status)}</Badge>}
    >
      <PhaseMessage order={order} phase={phase!} now={now} gaveUp={gaveUp} cancelledCheckout={params.get('cancelled') === '1'} />
      <OrderLines order={order} />
      {phase === 'reserved' || phase === 'lapsed' ? <OrderActions order={order} phase={phase} redirect={redirect} /> : null}
    </Page>
  );
}

function PhaseMessage({
  order,
  phase,
  now,
  gaveUp,
  cancelledCheckout,
}: {
  order: OrderFieldsFragment;
  phase: OrderPhase;
  now: Date;
  gaveUp: boolean;
  cancelledCheckout: boolean;
}) {
  switch (phase) {
    case 'reserved': {
      const left = timeLeft(order.expiresAt, now);
      return (
        <div className="order-hold">
          {cancelledCheckout ? <p role="status">You left the checkout without paying. The leads stay reserved until the hold runs out.</p> : null}
          <p>
            These leads are held for you for{' '}
            <strong role="timer" aria-label="Time left to pay" className={left.ms < 120_000 ? 'order-hold__time--urgent' : undefined}>
              {left.text}
            </strong>{' '}
            (until {formatDateTime(order.expiresAt)}). Pay before then, or they go back on the market.
          </p>
        </div>
      );
    }
    case 'lapsed':
      return <ErrorMessage error="The hold on these leads ran out before payment. They are going back on the market; order again if you still want them." />;
    case 'confirming':
      return gaveUp ? (
        <ErrorMessage error="Stripe has not confirmed the payment yet. Nothing is lost: reload this page in a few minutes. If the leads were sold meanwhile, the payment is refunded automatically." />
      ) : (
        <p className="status status--loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          Payment received by Stripe; confirming your order…
        </p>
      );
    case 'paid':
      return (
        <SuccessMessage>
          <p className="alert__title">
            Paid{order.paidWith === 'WALLET' ? ' from your wallet' : ''}
            {order.paidAt ? ` on ${formatDateTime(order.paidAt)}` : ''}.
          </p>
          <p>
            The contact details are in <Link to="/purchases">your purchases</Link>.
          </p>
        </SuccessMessage>
      );
    case 'expired':
      return <ErrorMessage error="This order expired before it was paid; its leads went back on the market." />;
    case 'cancelled':
      return <p role="status">You cancelled this order; its leads went back on the market.</p>;
  }
}

function OrderLines({ order }: { order: OrderFieldsFragment }) {
  const { segments } = useSegments();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{order.lines.length === 1 ? '1 lead' : `${order.lines.length} leads`}</caption>
        <thead>
          <tr>
            <th scope="col">Lead</th>
            <th scope="col">Where</th>
            <th scope="col">Contact</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => {
            const sub = subsegmentName(segments, line.lead.segment, line.lead.subsegment);
            return (
              <tr key={line.lead.id}>
                <th scope="row">
                  {segmentName(segments, line.lead.segment)}
                  {sub ? ` · ${sub}` : ''}
                  <span className="table__sub-text mono">{line.lead.id}</span>
                </th>
                <td>{[line.lead.preview.city ?? line.lead.city, line.lead.region, line.lead.country].filter(Boolean).join(', ')}</td>
                <td>
                  {line.lead.preview.initials}
                  {line.lead.preview.phone ? ` · ${line.lead.preview.phone}` : ''}
                </td>
                <td>{formatMoney(line.price)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td>
              <strong aria-label="Order total">{formatMoney(order.total)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function OrderActions({ order, phase, redirect }: { order: OrderFieldsFragment; phase: OrderPhase; redirect: (url: string) => void }) {
  const [checkout, checkoutOrder] = useMutation(CheckoutOrderMutation);
  const [cancellation, cancelOrder] = useMutation(CancelOrderMutation);
  const [error, setError] = useState<ApiError | null>(null);
  const [leaving, setLeaving] = useState(false);

  const pay = async () => {
    setError(null);
    const res = await checkoutOrder({ orderId: order.id });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) return setError(apiError);
    setLeaving(true);
    redirect(res.data.checkoutOrder.url);
  };

  const cancel = async () => {
    setError(null);
    const res = await cancelOrder({ orderId: order.id });
    setError(apiErrorFromGraphql(res.error));
  };

  return (
    <div className="order-actions">
      <ErrorMessage error={error} />
      <div className="form-actions">
        {phase === 'reserved' ? (
          <button type="button" className="button" onClick={pay} disabled={checkout.fetching || leaving}>
            {checkout.fetching || leaving ? 'Opening Stripe…' : 'Pay with Stripe'}
          </button>
        ) : null}
        {phase === 'reserved' ? <PayFromWalletButton order={order} busy={checkout.fetching || leaving} /> : null}
        <ConfirmButton
          label="Cancel order"
          question="Cancel this order and release its leads?"
          confirmLabel="Yes, cancel order"
          busy={cancellation.fetching}
          onConfirm={cancel}
        />
      </div>
      <p className="field__hint">You pay on Stripe’s secure page and come back here.</p>
    </div>
  );
}

/** Copies the full order id (for support and the buyer's own records). */
function CopyId({ id }: { id: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" className="button button--ghost button--small" onClick={copy}>
      {copied ? 'Copied' : 'Copy id'}
    </button>
  );
}
