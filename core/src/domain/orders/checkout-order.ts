// checkoutOrder: a Stripe Checkout Session for a reserved order (the stand-in's hosted page locally).
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { assertTransition } from '../shared/lifecycle';
import { loadOrder } from './load-order';
import { ORDER_LIFECYCLE } from './order.lifecycle';
import { originScopedKey, returnOriginFor } from '../platform/return-origin.rules';

/** `requestOrigin`: the request's `Origin` header; Stripe returns the buyer there when it is allow-listed (return-origin.rules.ts). */
export async function checkoutOrder(deps: AppDeps, actor: Actor | null, orderId: string, requestOrigin?: string): Promise<{ url: string; sessionId: string }> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const order = await loadOrder(deps, buyer, orderId);
  assertTransition(ORDER_LIFECYCLE, order.status, 'PAID', 'BUYER', { code: 'ORDER_NOT_PAYABLE', message: `A ${order.status} order cannot be paid` });
  // the hold ended and the sweep has not marked it EXPIRED yet
  if (order.expiresAt <= deps.clock()) throw new DomainError('ORDER_NOT_PAYABLE', 'The reservation has expired; order again');
  const web = returnOriginFor(deps.config, requestOrigin);
  let session;
  try {
    // the idempotency key makes a repeated click return the same session instead of a second one
    session = await deps.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        client_reference_id: order.id,
        metadata: { order_id: order.id },
        payment_intent_data: { metadata: { order_id: order.id }, transfer_group: order.id },
        line_items: order.lines.map((l) => ({
          quantity: 1,
          price_data: {
            currency: order.currency.toLowerCase(),
            unit_amount: l.price,
            product_data: {
              name: `Lead ${l.lead.id} · ${l.lead.segment}${l.lead.subsegment ? `/${l.lead.subsegment}` : ''} · ${l.lead.city ?? l.lead.country}`,
            },
          },
        })),
        success_url: `${web}/orders/${order.id}?paid=1&session={CHECKOUT_SESSION_ID}`,
        cancel_url: `${web}/orders/${order.id}?cancelled=1`,
      },
      { idempotencyKey: originScopedKey(deps.config, `checkout-${order.id}`, web) },
    );
  } catch (err) {
    deps.logger.error({ orderId, err: (err as Error).message }, 'stripe checkout session failed');
    throw new DomainError('PAYMENT_PROVIDER_UNAVAILABLE', 'The payment provider did not answer; try again in a moment');
  }
  await deps.db.update(schema.orders).set({ checkoutSessionId: session.id }).where(eq(schema.orders.id, order.id));
  return { url: session.url!, sessionId: session.id };
}
