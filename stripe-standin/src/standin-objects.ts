// The objects the stand-in keeps in its state (standin-state.ts), as the resource modules store and change them.
// Types only, importing no resource module: standin-state.ts and the resource modules both depend on this file, not on each other.
import type Stripe from 'stripe';

// Customers (customers.ts)
export type CustomerObject = Pick<
  Stripe.Customer,
  | 'id'
  | 'object'
  | 'address'
  | 'balance'
  | 'created'
  | 'currency'
  | 'default_source'
  | 'delinquent'
  | 'description'
  | 'email'
  | 'invoice_prefix'
  | 'livemode'
  | 'metadata'
  | 'name'
  | 'phone'
  | 'preferred_locales'
  | 'shipping'
  | 'tax_exempt'
  | 'test_clock'
>;

// Checkout Sessions and their line items (checkout-sessions.ts)
export type CheckoutSessionObject = Pick<
  Stripe.Checkout.Session,
  | 'id'
  | 'object'
  | 'after_expiration'
  | 'allow_promotion_codes'
  | 'amount_subtotal'
  | 'amount_total'
  | 'billing_address_collection'
  | 'cancel_url'
  | 'client_reference_id'
  | 'client_secret'
  | 'consent'
  | 'consent_collection'
  | 'created'
  | 'currency'
  | 'custom_fields'
  | 'customer'
  | 'customer_creation'
  | 'customer_email'
  | 'expires_at'
  | 'invoice'
  | 'livemode'
  | 'locale'
  | 'metadata'
  | 'mode'
  | 'payment_intent'
  | 'payment_link'
  | 'payment_method_collection'
  | 'payment_method_types'
  | 'payment_status'
  | 'recovered_from'
  | 'setup_intent'
  | 'shipping_address_collection'
  | 'shipping_cost'
  | 'shipping_options'
  | 'status'
  | 'submit_type'
  | 'subscription'
  | 'success_url'
  | 'total_details'
  | 'ui_mode'
  | 'url'
> & {
  automatic_tax: { enabled: false; liability: null; provider: null; status: null };
  customer_details: { address: null; email: string | null; name: string | null; phone: null; tax_exempt: 'none'; tax_ids: [] } | null;
};

export interface LineItemObject {
  id: string;
  object: 'item';
  amount_discount: number;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: string;
  description: string;
  metadata: Record<string, string>;
  price: {
    id: string;
    object: 'price';
    active: false;
    billing_scheme: 'per_unit';
    created: number;
    currency: string;
    livemode: false;
    lookup_key: null;
    metadata: Record<string, string>;
    nickname: null;
    product: string;
    recurring: null;
    tax_behavior: 'unspecified';
    type: 'one_time';
    unit_amount: number;
    unit_amount_decimal: string;
  };
  quantity: number;
}

export interface CheckoutSessionRecord {
  session: CheckoutSessionObject;
  lineItems: LineItemObject[];
  paymentIntentData: { metadata: Record<string, string>; transferGroup?: string; description?: string; receiptEmail?: string };
}

// PaymentIntents and their charges (payment-intents.ts)
export type PaymentIntentObject = Pick<
  Stripe.PaymentIntent,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_capturable'
  | 'amount_received'
  | 'application'
  | 'application_fee_amount'
  | 'automatic_payment_methods'
  | 'canceled_at'
  | 'cancellation_reason'
  | 'capture_method'
  | 'client_secret'
  | 'confirmation_method'
  | 'created'
  | 'currency'
  | 'customer'
  | 'description'
  | 'last_payment_error'
  | 'latest_charge'
  | 'livemode'
  | 'metadata'
  | 'next_action'
  | 'on_behalf_of'
  | 'payment_method'
  | 'payment_method_types'
  | 'processing'
  | 'receipt_email'
  | 'review'
  | 'setup_future_usage'
  | 'shipping'
  | 'source'
  | 'statement_descriptor'
  | 'statement_descriptor_suffix'
  | 'status'
  | 'transfer_group'
>;

export type ChargeObject = Pick<
  Stripe.Charge,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_captured'
  | 'amount_refunded'
  | 'application'
  | 'application_fee'
  | 'application_fee_amount'
  | 'balance_transaction'
  | 'calculated_statement_descriptor'
  | 'captured'
  | 'created'
  | 'currency'
  | 'customer'
  | 'description'
  | 'disputed'
  | 'failure_balance_transaction'
  | 'failure_code'
  | 'failure_message'
  | 'livemode'
  | 'metadata'
  | 'on_behalf_of'
  | 'paid'
  | 'payment_intent'
  | 'payment_method'
  | 'receipt_email'
  | 'receipt_number'
  | 'receipt_url'
  | 'refunded'
  | 'review'
  | 'shipping'
  | 'source_transfer'
  | 'statement_descriptor'
  | 'statement_descriptor_suffix'
  | 'status'
  | 'transfer_data'
  | 'transfer_group'
> & {
  billing_details: { address: null; email: string | null; name: string | null; phone: null };
  fraud_details: Record<string, never>;
  outcome: { network_status: string; reason: string | null; risk_level: string; risk_score: number; seller_message: string; type: string };
  payment_method_details: {
    type: 'card';
    card: { brand: string; country: string; exp_month: number; exp_year: number; funding: string; last4: string; network: string };
  };
};

// Refunds (refunds.ts)
export type RefundObject = Pick<
  Stripe.Refund,
  | 'id'
  | 'object'
  | 'amount'
  | 'balance_transaction'
  | 'charge'
  | 'created'
  | 'currency'
  | 'metadata'
  | 'payment_intent'
  | 'reason'
  | 'receipt_number'
  | 'source_transfer_reversal'
  | 'status'
  | 'transfer_reversal'
>;

// Balance transactions (balance.ts)
export type BalanceTransactionType = 'charge' | 'refund' | 'transfer' | 'transfer_refund';

export type BalanceTransactionObject = Pick<
  Stripe.BalanceTransaction,
  'id' | 'object' | 'amount' | 'available_on' | 'created' | 'currency' | 'description' | 'fee' | 'net' | 'reporting_category' | 'status'
> & { type: BalanceTransactionType; source: string; fee_details: [] };

// Connected accounts and their onboarding links (accounts.ts)
type CapabilityStatus = 'active' | 'inactive' | 'pending';

export type AccountObject = Pick<
  Stripe.Account,
  | 'id'
  | 'object'
  | 'business_type'
  | 'charges_enabled'
  | 'country'
  | 'created'
  | 'default_currency'
  | 'details_submitted'
  | 'email'
  | 'metadata'
  | 'payouts_enabled'
  | 'type'
> & {
  business_profile: {
    mcc: null;
    name: string | null;
    product_description: null;
    support_email: null;
    support_phone: null;
    support_url: null;
    url: string | null;
  };
  capabilities: { transfers: CapabilityStatus; card_payments?: CapabilityStatus };
  requirements: {
    alternatives: [];
    current_deadline: null;
    currently_due: string[];
    disabled_reason: string | null;
    errors: [];
    eventually_due: string[];
    past_due: string[];
    pending_verification: [];
  };
  tos_acceptance: { date: number | null };
};

export interface AccountLinkRecord {
  token: string;
  account: string;
  type: 'account_onboarding' | 'account_update';
  refreshUrl: string;
  returnUrl: string;
  expiresAt: number;
  used: boolean;
}

// Transfers and their reversals (transfers.ts)
// stored without `reversals`: that list is assembled from the reversals when the transfer is shown
export type TransferObject = Pick<
  Stripe.Transfer,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_reversed'
  | 'balance_transaction'
  | 'created'
  | 'currency'
  | 'description'
  | 'destination'
  | 'destination_payment'
  | 'livemode'
  | 'metadata'
  | 'reversed'
  | 'source_transaction'
  | 'source_type'
  | 'transfer_group'
>;

export type TransferReversalObject = Pick<
  Stripe.TransferReversal,
  'id' | 'object' | 'amount' | 'balance_transaction' | 'created' | 'currency' | 'destination_payment_refund' | 'metadata' | 'source_refund' | 'transfer'
>;

// Events and their webhook deliveries (events.ts)
/** The API request that caused an event; both null for changes the stand-in makes itself (expiry, hosted pages). */
export interface EventOrigin {
  requestId: string | null;
  idempotencyKey: string | null;
}

export interface EventObject {
  id: string;
  object: 'event';
  account?: string;
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export interface DeliveryAttempt {
  attemptedAt: string; // ISO time
  url: string;
  status: number | null; // null: no HTTP answer
  error?: string;
  durationMs: number;
  replay: boolean;
}

export interface EventRecord {
  event: EventObject;
  deliveries: DeliveryAttempt[];
  // 'not_sent': no webhook endpoint was configured when the event happened
  delivery: 'pending' | 'delivered' | 'failed' | 'not_sent';
}

// Idempotency-Key records (idempotency.ts)
export interface IdempotencyRecord {
  endpoint: string; // e.g. "POST /v1/refunds"
  fingerprint: string;
  status: number;
  body: unknown;
  requestId: string;
  savedAt: number; // epoch ms
}
