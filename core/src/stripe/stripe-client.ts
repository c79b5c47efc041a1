// The official Stripe SDK, pointed at Stripe, or at the local stand-in when STRIPE_API_URL says so.
import Stripe from 'stripe';
import type { Config } from '../config';

export type StripeClient = Stripe;

export function createStripeClient(config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_API_URL'>): Stripe {
  if (!config.STRIPE_API_URL) return new Stripe(config.STRIPE_SECRET_KEY, { maxNetworkRetries: 2 });
  const url = new URL(config.STRIPE_API_URL);
  return new Stripe(config.STRIPE_SECRET_KEY, {
    host: url.hostname,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    protocol: url.protocol.replace(':', '') as 'http' | 'https',
    maxNetworkRetries: 2,
  });
}
