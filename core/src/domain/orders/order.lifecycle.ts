// An order's status: reserved leads are paid for, or released when the buyer cancels or the hold expires.
// Born RESERVED (createOrder) or PAID (a campaign win, paid from the wallet at once: allocate-lead.ts).
import type { OrderStatus } from '@leadex/db';
import { ORDER_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const ORDER_LIFECYCLE = defineLifecycle<OrderStatus>({
  entity: 'order',
  statuses: ORDER_STATUSES,
  transitions: {
    // the buyer pays through checkout (checkoutOrder asks this), Stripe's payment webhook records it; the
    // reservation sweep expires it; its buyer cancels it
    RESERVED: { PAID: ['BUYER', 'SYSTEM'], EXPIRED: ['SYSTEM'], CANCELLED: ['BUYER'] },
    // a payment that arrives after the hold ended is honoured when every lead can still be had (record-payment.ts);
    // the buyer cannot start one
    EXPIRED: { PAID: ['SYSTEM'] },
    CANCELLED: { PAID: ['SYSTEM'] },
  },
});
