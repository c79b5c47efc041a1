// /v1/checkout/sessions: create, retrieve, list, line items, expire.
import { Router } from 'express';
import { apiRoute } from './api-route';
import { createCheckoutSession, expireCheckoutSession, getCheckoutSession, type CheckoutSessionInput } from './checkout-sessions';
import { listPage } from './list-pages';
import type { ParamReader } from './param-reader';
import { invalidParam } from './stripe-errors';
import type { StandinContext } from './standin-state';

function readLineItems(params: ParamReader): CheckoutSessionInput['lineItems'] {
  const items = params.list('line_items', { required: true });
  if (items.length === 0) throw invalidParam('line_items', 'Missing required param: line_items.', 'parameter_missing');
  return items.map((item) => {
    if (item.has('price')) throw invalidParam(item.path('price'), 'The Stripe stand-in has no Prices API: pass price_data instead.');
    const priceData = item.child('price_data', { required: true });
    if (priceData.has('product')) throw invalidParam(priceData.path('product'), 'The Stripe stand-in has no Products API: pass product_data instead.');
    const product = priceData.child('product_data', { required: true });
    return {
      name: product.string('name', { required: true }),
      description: product.string('description'),
      currency: priceData.currency('currency', { required: true }),
      unitAmount: priceData.integer('unit_amount', { required: true, min: 0 }),
      quantity: item.integer('quantity', { required: true, min: 1 }),
    };
  });
}

function readPaymentIntentData(params: ParamReader): CheckoutSessionInput['paymentIntentData'] {
  const data = params.child('payment_intent_data');
  if (!data) return { metadata: {} };
  const capture = data.string('capture_method');
  if (capture === 'manual') throw invalidParam(data.path('capture_method'), 'The Stripe stand-in does not support manual capture.');
  return {
    metadata: data.metadata(),
    transferGroup: data.string('transfer_group'),
    description: data.string('description'),
    receiptEmail: data.string('receipt_email'),
  };
}

export function checkoutSessionsRouter(ctx: StandinContext): Router {
  const router = Router();
  router.post(
    '/v1/checkout/sessions',
    apiRoute(ctx, ({ params }) => {
      const mode = params.oneOf('mode', ['payment', 'setup', 'subscription'] as const, { required: true });
      if (mode !== 'payment') throw invalidParam('mode', 'The Stripe stand-in supports only mode=payment.');
      if (params.strings('payment_method_types').some((t) => t !== 'card')) {
        throw invalidParam('payment_method_types', 'The Stripe stand-in only supports the card payment method type.');
      }
      return createCheckoutSession(ctx, {
        lineItems: readLineItems(params),
        successUrl: params.string('success_url'),
        cancelUrl: params.string('cancel_url'),
        clientReferenceId: params.string('client_reference_id'),
        customer: params.string('customer'),
        customerEmail: params.string('customer_email'),
        expiresAt: params.integer('expires_at'),
        metadata: params.metadata(),
        paymentIntentData: readPaymentIntentData(params),
      });
    }),
  );
  router.get(
    '/v1/checkout/sessions/:id',
    apiRoute(ctx, ({ path }) => getCheckoutSession(ctx, path.id!).session),
  );
  router.get(
    '/v1/checkout/sessions',
    apiRoute(ctx, ({ params }) => {
      const paymentIntent = params.string('payment_intent');
      const customer = params.string('customer');
      const status = params.string('status');
      const sessions = [...ctx.state.checkoutSessions.values()]
        .map((r) => r.session)
        .filter((s) => (!paymentIntent || s.payment_intent === paymentIntent) && (!customer || s.customer === customer) && (!status || s.status === status))
        .reverse();
      return listPage(sessions, params, '/v1/checkout/sessions');
    }),
  );
  router.get(
    '/v1/checkout/sessions/:id/line_items',
    apiRoute(ctx, ({ params, path }) => listPage(getCheckoutSession(ctx, path.id!).lineItems, params, `/v1/checkout/sessions/${path.id}/line_items`)),
  );
  router.post(
    '/v1/checkout/sessions/:id/expire',
    apiRoute(ctx, ({ path, origin }) => expireCheckoutSession(ctx, path.id!, origin)),
  );
  return router;
}
