// A buyer's delivery endpoints and the deliveries of won leads to them — thin calls into the deliveries domain.
import {
  currentWebhookEndpoint,
  deliveredLeadId,
  listDeliveries,
  redeliver,
  removeWebhookEndpoint,
  setWebhookEndpoint,
} from '@leadex/core/domain/exchange/deliveries.service';
import {
  createDeliveryEndpoint,
  listDeliveryEndpoints,
  removeDeliveryEndpoint,
  rotateDeliveryEndpointSecret,
  sendTestDelivery,
  setDefaultDeliveryEndpoint,
  updateDeliveryEndpoint,
} from '@leadex/core/domain/exchange/delivery-endpoints.service';
import type { GqlContext } from './context';

export const deliveryResolvers = {
  Query: {
    myDeliveries: (_: unknown, __: unknown, ctx: GqlContext) => listDeliveries(ctx.deps, ctx.actor),
    webhookEndpoint: (_: unknown, __: unknown, ctx: GqlContext) => currentWebhookEndpoint(ctx.deps, ctx.actor),
    deliveryEndpoints: (_: unknown, __: unknown, ctx: GqlContext) => listDeliveryEndpoints(ctx.deps, ctx.actor),
  },
  Mutation: {
    setWebhookEndpoint: (_: unknown, a: { url: string }, ctx: GqlContext) => setWebhookEndpoint(ctx.deps, ctx.actor, a.url),
    removeWebhookEndpoint: (_: unknown, __: unknown, ctx: GqlContext) => removeWebhookEndpoint(ctx.deps, ctx.actor),
    redeliver: (_: unknown, a: { deliveryId: string }, ctx: GqlContext) => redeliver(ctx.deps, ctx.actor, a.deliveryId),
    createDeliveryEndpoint: (_: unknown, a: { input: unknown }, ctx: GqlContext) => createDeliveryEndpoint(ctx.deps, ctx.actor, a.input),
    updateDeliveryEndpoint: (_: unknown, a: { id: string; input: unknown }, ctx: GqlContext) => updateDeliveryEndpoint(ctx.deps, ctx.actor, a.id, a.input),
    removeDeliveryEndpoint: (_: unknown, a: { id: string }, ctx: GqlContext) => removeDeliveryEndpoint(ctx.deps, ctx.actor, a.id),
    setDefaultDeliveryEndpoint: (_: unknown, a: { id: string }, ctx: GqlContext) => setDefaultDeliveryEndpoint(ctx.deps, ctx.actor, a.id),
    sendTestDelivery: (_: unknown, a: { endpointId: string }, ctx: GqlContext) => sendTestDelivery(ctx.deps, ctx.actor, a.endpointId),
    rotateDeliveryEndpointSecret: (_: unknown, a: { id: string }, ctx: GqlContext) => rotateDeliveryEndpointSecret(ctx.deps, ctx.actor, a.id),
  },
  Delivery: {
    lead: async (d: { purchaseId: string; leadId?: string }, _: unknown, ctx: GqlContext) =>
      ctx.loaders.lead.load(d.leadId ?? (await deliveredLeadId(ctx.deps, d.purchaseId))),
    nextAttemptAt: (d: { status: string; nextAttemptAt?: Date | null }) => (d.status === 'PENDING' ? (d.nextAttemptAt ?? null) : null),
  },
};
