// Transfers from the platform balance to connected accounts, and their reversals (whole or in parts).
import { getAccount, requireTransferCapability } from './accounts';
import { availableBalance, bookBalanceTransaction } from './balance';
import { embeddedList, type ListObject } from './list-pages';
import { formatMinorUnits } from './money-format';
import { getCharge } from './payment-intents';
import { invalidRequest, resourceMissing } from './stripe-errors';
import { newStripeId } from './stripe-ids';
import type { EventOrigin, TransferObject, TransferReversalObject } from './standin-objects';
import { unixSeconds, type StandinContext } from './standin-state';

export type TransferView = TransferObject & { reversals: ListObject<TransferReversalObject> & { total_count: number } };

export interface TransferInput {
  amount: number;
  currency: string;
  destination: string;
  transferGroup?: string;
  description?: string;
  sourceTransaction?: string;
  metadata: Record<string, string>;
}

export function reversalsNewestFirst(ctx: StandinContext, transferId: string): TransferReversalObject[] {
  return [...ctx.state.transferReversals.values()].filter((r) => r.transfer === transferId).reverse();
}

export function viewTransfer(ctx: StandinContext, transfer: TransferObject): TransferView {
  return { ...transfer, reversals: embeddedList(reversalsNewestFirst(ctx, transfer.id), `/v1/transfers/${transfer.id}/reversals`) };
}

/**
 * Moves `amount` to a connected account that finished onboarding. Without `source_transaction` the
 * platform's available balance must cover it (`balance_insufficient`), as on Stripe.
 */
export function createTransfer(ctx: StandinContext, input: TransferInput, origin: EventOrigin): TransferObject {
  const account = getAccount(ctx, input.destination, 'destination');
  requireTransferCapability(account);
  if (input.sourceTransaction) {
    const charge = getCharge(ctx, input.sourceTransaction, 'source_transaction');
    if (charge.currency !== input.currency) {
      throw invalidRequest(
        `The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${input.currency}).`,
        { param: 'currency' },
      );
    }
  } else if (availableBalance(ctx, input.currency) < input.amount) {
    throw invalidRequest(
      `You have insufficient available funds in your Stripe account (${formatMinorUnits(availableBalance(ctx, input.currency), input.currency)} available, ${formatMinorUnits(input.amount, input.currency)} requested). Take payments first: the stand-in makes them available at once.`,
      { code: 'balance_insufficient' },
    );
  }
  const id = newStripeId('tr');
  const transfer: TransferObject = {
    id,
    object: 'transfer',
    amount: input.amount,
    amount_reversed: 0,
    balance_transaction: bookBalanceTransaction(ctx, { type: 'transfer', amount: -input.amount, currency: input.currency, source: id }),
    created: unixSeconds(ctx.now()),
    currency: input.currency,
    description: input.description ?? null,
    destination: account.id,
    destination_payment: newStripeId('py'),
    livemode: false,
    metadata: input.metadata,
    reversed: false,
    source_transaction: input.sourceTransaction ?? null,
    source_type: 'card',
    transfer_group: input.transferGroup ?? null,
  };
  ctx.state.transfers.set(id, transfer);
  ctx.emit('transfer.created', viewTransfer(ctx, transfer), { origin });
  return transfer;
}

export function getTransfer(ctx: StandinContext, id: string): TransferObject {
  const transfer = ctx.state.transfers.get(id);
  if (!transfer) throw resourceMissing('transfer', id);
  return transfer;
}

export function transfersNewestFirst(ctx: StandinContext, filter: { destination?: string; transferGroup?: string }): TransferObject[] {
  return [...ctx.state.transfers.values()]
    .filter((t) => (!filter.destination || t.destination === filter.destination) && (!filter.transferGroup || t.transfer_group === filter.transferGroup))
    .reverse();
}

/** Takes back at most what is left of the transfer; the money returns to the platform balance. */
export function reverseTransfer(
  ctx: StandinContext,
  transferId: string,
  input: { amount?: number; description?: string; metadata: Record<string, string> },
  origin: EventOrigin,
): TransferReversalObject {
  const transfer = getTransfer(ctx, transferId);
  const left = transfer.amount - transfer.amount_reversed;
  if (left === 0) throw invalidRequest(`The transfer ${transfer.id} is already fully reversed.`);
  const amount = input.amount ?? left;
  if (amount > left) {
    throw invalidRequest(
      `You have attempted to reverse ${formatMinorUnits(amount, transfer.currency)}, but only ${formatMinorUnits(left, transfer.currency)} of transfer ${transfer.id} is left to reverse.`,
      { param: 'amount' },
    );
  }
  const id = newStripeId('trr');
  const reversal: TransferReversalObject = {
    id,
    object: 'transfer_reversal',
    amount,
    balance_transaction: bookBalanceTransaction(ctx, { type: 'transfer_refund', amount, currency: transfer.currency, source: id }),
    created: unixSeconds(ctx.now()),
    currency: transfer.currency,
    destination_payment_refund: newStripeId('re'),
    metadata: input.metadata,
    source_refund: null,
    transfer: transfer.id,
  };
  ctx.state.transferReversals.set(id, reversal);
  const previous = { amount_reversed: transfer.amount_reversed, reversed: transfer.reversed };
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  ctx.emit('transfer.reversed', viewTransfer(ctx, transfer), { origin, previousAttributes: previous });
  return reversal;
}
