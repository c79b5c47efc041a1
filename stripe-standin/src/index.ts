// The local Stripe stand-in: a small stateful Stripe-compatible HTTP server for dev and tests.
export { createStripeStandin, type StripeStandin, type StripeStandinOptions } from './standin-app';
export { startStripeStandin, type RunningStripeStandin, type StartStripeStandinOptions } from './standin-server';
export { signWebhookPayload } from './webhook-delivery';
export type { DeliveryAttempt, EventObject, EventRecord } from './standin-objects';
export type { StandinState } from './standin-state';
