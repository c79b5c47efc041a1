// Orders in words: a short reference ("Order #3F9K2Q"), status and payment words, lead counts.
import type { OrderStatus, PaidWith } from '../../gql/graphql';
import type { BadgeTone } from '../../lib/ui/badge';

/** A short reference for people; the full id stays beside it, secondary and copyable. */
export function orderReference(id: string): string {
  return `#${id.slice(-6).toUpperCase()}`;
}

export function leadCountText(n: number): string {
  return n === 1 ? '1 lead' : `${n.toLocaleString('en-US')} leads`;
}

/** A reserved order whose hold has ended reads as expired, even before the sweep marks it. */
export function orderStatusWords(status: OrderStatus, expiresAt: string, now: Date): { label: string; tone: BadgeTone } {
  if (status === 'RESERVED' && new Date(expiresAt) <= now) return { label: 'Expired', tone: 'neutral' };
  switch (status) {
    case 'RESERVED':
      return { label: 'Pending payment', tone: 'info' };
    case 'PAID':
      return { label: 'Paid', tone: 'good' };
    case 'EXPIRED':
      return { label: 'Expired', tone: 'neutral' };
    case 'CANCELLED':
      return { label: 'Cancelled', tone: 'neutral' };
  }
}

export function paidWithWords(paidWith: PaidWith | null | undefined): string {
  if (paidWith === 'CARD') return 'Card';
  if (paidWith === 'WALLET') return 'Wallet';
  return '—';
}

export const ORDER_TABS: readonly { status: OrderStatus | null; label: string }[] = [
  { status: null, label: 'All' },
  { status: 'RESERVED', label: 'Pending payment' },
  { status: 'PAID', label: 'Paid' },
  { status: 'EXPIRED', label: 'Expired' },
  { status: 'CANCELLED', label: 'Cancelled' },
];
