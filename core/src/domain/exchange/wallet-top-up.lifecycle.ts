// A wallet top-up's status: created when the buyer starts Stripe Checkout, paid once by the payment webhook.
import type { WalletTopUpStatus } from '@leadex/db';
import { WALLET_TOP_UP_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const WALLET_TOP_UP_LIFECYCLE = defineLifecycle<WalletTopUpStatus>({
  entity: 'wallet top-up',
  statuses: WALLET_TOP_UP_STATUSES,
  transitions: {
    // a second payment of a PAID top-up credits nothing: it is refunded (payments/unmatched-payment.ts)
    PENDING: { PAID: ['SYSTEM'] },
  },
});
