// A buyer's webhook endpoint and the deliveries of won leads to it — thin calls into the deliveries domain.
import { currentWebhookEndpoint, listDeliveries, redeliver, removeWebhookEndpoint, setWebhookEndpoint } from '@leadex/core/domain/exchange/deliveries.service';
import type { GqlContext } from './context';

export const deliveryResolvers = {
  Query: {
    myDeliveries: (_: unknown, __: unknown, ctx: GqlContext) => listDeliveries(ctx.deps, ctx.actor),
    webhookEndpoint: (_: unknown, __: unknown, ctx: GqlContext) => currentWebhookEndpoint(ctx.deps, ctx.actor),
  },
  Mutation: {
    setWebhookEndpoint: (_: unknown, a: { url: string }, ctx: GqlContext) => setWebhookEndpoint(ctx.deps, ctx.actor, a.url),
    removeWebhookEndpoint: (_: unknown, __: unknown, ctx: GqlContext) => removeWebhookEndpoint(ctx.deps, ctx.actor),
    redeliver: (_: unknown, a: { deliveryId: string }, ctx: GqlContext) => redeliver(ctx.deps, ctx.actor, a.deliveryId),
  },
};
