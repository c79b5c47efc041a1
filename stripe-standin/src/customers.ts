// Customers: the buyer as Stripe knows them (e-mail, name, metadata).
import { resourceMissing } from './stripe-errors';
import { newStripeId } from './stripe-ids';
import type { CustomerObject, EventOrigin } from './standin-objects';
import { unixSeconds, type StandinContext } from './standin-state';

export interface CustomerInput {
  email?: string;
  name?: string;
  description?: string;
  phone?: string;
  metadata: Record<string, string>;
}

export function createCustomer(ctx: StandinContext, input: CustomerInput, origin: EventOrigin): CustomerObject {
  const id = newStripeId('cus');
  const customer: CustomerObject = {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created: unixSeconds(ctx.now()),
    currency: null,
    default_source: null,
    delinquent: false,
    description: input.description ?? null,
    email: input.email ?? null,
    invoice_prefix: id.slice(4, 12).toUpperCase(),
    livemode: false,
    metadata: input.metadata,
    name: input.name ?? null,
    phone: input.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  ctx.state.customers.set(id, customer);
  ctx.emit('customer.created', customer, { origin });
  return customer;
}

export function getCustomer(ctx: StandinContext, id: string, param?: string): CustomerObject {
  const customer = ctx.state.customers.get(id);
  if (!customer) throw param ? resourceMissing('customer', id, param, 400) : resourceMissing('customer', id);
  return customer;
}
