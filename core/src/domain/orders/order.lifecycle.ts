// An order's status: reserved leads are paid for, or released when the buyer cancels or the hold expires.
import type { OrderStatus } from '@leadex/db';
import { ORDER_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const ORDER_LIFECYCLE = defineLifecycle<OrderStatus>({
  entity: 'order',
  statuses: ORDER_STATUSES,
  transitions: {
    // Stripe's payment webhook pays it; the reservation sweep expires it; its buyer cancels it
    RESERVED: { PAID: ['SYSTEM'], EXPIRED: ['SYSTEM'], CANCELLED: ['BUYER'] },
  },
});
