// /v1/payment_intents (create, retrieve, confirm) and /v1/charges/:id. Confirmation takes Stripe's test
// PaymentMethod tokens (`pm_card_visa`, `pm_card_chargeDeclined`, …).
import { Router } from 'express';
import { apiRoute } from './api-route';
import type { ParamReader } from './param-reader';
import { chargeCard, createPaymentIntent, getCharge, getPaymentIntent } from './payment-intents';
import type { EventOrigin, PaymentIntentObject } from './standin-objects';
import { cardError, invalidParam, invalidRequest, resourceMissing } from './stripe-errors';
import { snapshot, type StandinContext } from './standin-state';
import { cardForTestPaymentMethod } from './test-cards';

function readPaymentMethod(params: ParamReader): string | undefined {
  const paymentMethod = params.string('payment_method');
  if (paymentMethod !== undefined && !cardForTestPaymentMethod(paymentMethod)) {
    throw resourceMissing('PaymentMethod', paymentMethod, 'payment_method', 400);
  }
  return paymentMethod;
}

function confirm(ctx: StandinContext, intent: PaymentIntentObject, origin: EventOrigin): PaymentIntentObject {
  const paymentMethod = intent.payment_method;
  if (typeof paymentMethod !== 'string') {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with a test card, pass payment_method=pm_card_visa.",
      { code: 'payment_intent_unexpected_state' },
    );
  }
  const attempt = chargeCard(ctx, intent, cardForTestPaymentMethod(paymentMethod)!, origin, { paymentMethod });
  if (!attempt.ok) {
    throw cardError(attempt.failure, { charge: attempt.charge?.id, payment_intent: snapshot(intent) });
  }
  return intent;
}

export function paymentIntentsRouter(ctx: StandinContext): Router {
  const router = Router();
  router.post(
    '/v1/payment_intents',
    apiRoute(ctx, ({ params, origin }) => {
      const types = params.strings('payment_method_types');
      if (types.some((t) => t !== 'card')) throw invalidParam('payment_method_types', 'The stand-in only supports the card payment method type.');
      const input = {
        amount: params.integer('amount', { required: true }),
        currency: params.currency('currency', { required: true }),
        customer: params.string('customer'),
        description: params.string('description'),
        metadata: params.metadata(),
        transferGroup: params.string('transfer_group'),
        receiptEmail: params.string('receipt_email'),
        paymentMethod: readPaymentMethod(params),
      };
      const shouldConfirm = params.boolean('confirm') ?? false;
      const intent = createPaymentIntent(ctx, input, origin);
      return shouldConfirm ? confirm(ctx, intent, origin) : intent;
    }),
  );
  router.get(
    '/v1/payment_intents/:id',
    apiRoute(ctx, ({ path }) => getPaymentIntent(ctx, path.id!)),
  );
  router.post(
    '/v1/payment_intents/:id/confirm',
    apiRoute(ctx, ({ params, path, origin }) => {
      const intent = getPaymentIntent(ctx, path.id!);
      const paymentMethod = readPaymentMethod(params);
      if (paymentMethod && (intent.status === 'requires_payment_method' || intent.status === 'requires_confirmation')) {
        intent.payment_method = paymentMethod;
      }
      return confirm(ctx, intent, origin);
    }),
  );
  router.get(
    '/v1/charges/:id',
    apiRoute(ctx, ({ path }) => getCharge(ctx, path.id!)),
  );
  return router;
}
