// What an order page shows and does, from the order's status, its hold time and whether the buyer just
// came back from Stripe Checkout.
import type { OrderStatus } from '../../gql/graphql';

/** Time left until `expiresAt`: "14:05" or "1:02:03"; "0:00" once passed. */
export function timeLeft(expiresAt: string, now: Date): { ms: number; text: string } {
  const ms = Math.max(0, new Date(expiresAt).getTime() - now.getTime());
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return { ms, text: h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}` };
}

export type OrderPhase =
  /** reserved and payable */
  | 'reserved'
  /** the hold ran out; the expiry worker will release the leads */
  | 'lapsed'
  /** back from Checkout, waiting for Stripe's webhook to mark it paid */
  | 'confirming'
  | 'paid'
  | 'expired'
  | 'cancelled';

export function orderPhase(order: { status: OrderStatus; expiresAt: string }, now: Date, backFromCheckout: boolean): OrderPhase {
  switch (order.status) {
    case 'PAID':
      return 'paid';
    case 'CANCELLED':
      return 'cancelled';
    case 'EXPIRED':
      // a payment that lands after expiry is still honoured (or refunded): keep watching after a checkout
      return backFromCheckout ? 'confirming' : 'expired';
    case 'RESERVED':
      if (backFromCheckout) return 'confirming';
      return new Date(order.expiresAt).getTime() <= now.getTime() ? 'lapsed' : 'reserved';
  }
}

/** Phases whose status will change by itself, so the page asks again. */
export function shouldPoll(phase: OrderPhase): boolean {
  return phase === 'confirming' || phase === 'lapsed';
}
