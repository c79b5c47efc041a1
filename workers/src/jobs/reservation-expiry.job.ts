// reservation-expiry: unpaid orders past their hold give their capacity back (every minute).
import { QUEUE, type AppDeps } from '@leadex/core';
import { expireOverdueOrders } from '@leadex/core/domain/orders/release-order';

export const reservationExpiryJob = {
  queue: QUEUE.reservationExpiry,
  concurrency: 1,
  // Safe twice: each order is locked and re-checked (still RESERVED, still overdue) before release.
  async run(deps: AppDeps) {
    return { expired: await expireOverdueOrders(deps) };
  },
};
