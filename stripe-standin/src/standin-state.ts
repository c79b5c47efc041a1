// The stand-in's in-memory world (one Stripe account in test mode) and the context every operation gets.
import type {
  AccountLinkRecord,
  AccountObject,
  BalanceTransactionObject,
  ChargeObject,
  CheckoutSessionRecord,
  CustomerObject,
  EventObject,
  EventOrigin,
  EventRecord,
  IdempotencyRecord,
  PaymentIntentObject,
  RefundObject,
  TransferObject,
  TransferReversalObject,
} from './standin-objects';

export interface StandinState {
  customers: Map<string, CustomerObject>;
  checkoutSessions: Map<string, CheckoutSessionRecord>;
  paymentIntents: Map<string, PaymentIntentObject>;
  charges: Map<string, ChargeObject>;
  refunds: Map<string, RefundObject>;
  accounts: Map<string, AccountObject>;
  accountLinks: Map<string, AccountLinkRecord>; // by the token in the link's URL
  transfers: Map<string, TransferObject>;
  transferReversals: Map<string, TransferReversalObject>;
  balanceTransactions: Map<string, BalanceTransactionObject>;
  events: Map<string, EventRecord>;
  idempotency: Map<string, IdempotencyRecord>; // by `<api key>\n<Idempotency-Key>`
}

export function createStandinState(): StandinState {
  return {
    customers: new Map(),
    checkoutSessions: new Map(),
    paymentIntents: new Map(),
    charges: new Map(),
    refunds: new Map(),
    accounts: new Map(),
    accountLinks: new Map(),
    transfers: new Map(),
    transferReversals: new Map(),
    balanceTransactions: new Map(),
    events: new Map(),
    idempotency: new Map(),
  };
}

export interface EmitOptions {
  origin: EventOrigin;
  previousAttributes?: Record<string, unknown>;
  account?: string; // set on events about a connected account, as Connect does
}

export interface StandinContext {
  state: StandinState;
  now(): Date;
  publicUrl: string;
  apiVersion: string;
  /** Records an event with a snapshot of `object` and queues its webhook delivery. */
  emit(type: string, object: object, options: EmitOptions): EventObject;
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** An object as it is at this moment, safe to keep while the original changes. */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
