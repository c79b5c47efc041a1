// When an order may be paid from the buyer's wallet: pure, so the boundaries are tested without a database.
import type { DomainErrorCode } from '../shared/domain-error';

export interface WalletPaymentFacts {
  status: string;
  expiresAt: Date;
  total: number;
  /** the order already has a wallet payment or a card payment (paidAt) */
  paid: boolean;
  /** what the wallet holds, in the order's currency, minor units */
  balance: number;
}

export type WalletPaymentRefusal = { code: DomainErrorCode; message: string };

/** Why the order cannot be paid from the wallet now, or null when it can. */
export function walletPaymentRefusal(f: WalletPaymentFacts, now: Date): WalletPaymentRefusal | null {
  if (f.paid || f.status === 'PAID') return { code: 'ORDER_ALREADY_PAID', message: 'This order is already paid' };
  if (f.status === 'EXPIRED' || (f.status === 'RESERVED' && f.expiresAt <= now))
    return { code: 'ORDER_HOLD_EXPIRED', message: 'The reservation has expired; order again' };
  if (f.status !== 'RESERVED') return { code: 'ORDER_NOT_PAYABLE', message: `A ${f.status.toLowerCase()} order cannot be paid` };
  if (f.balance < f.total) return { code: 'INSUFFICIENT_FUNDS', message: 'The wallet balance does not cover this order; top up or pay by card' };
  return null;
}
