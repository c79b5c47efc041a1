// Exchange mode: wallet, campaigns, ping-post and webhook deliveries — thin calls into the domain.
import { requireUser } from '@leadex/core/domain/auth/access';
import { myCampaigns, createCampaign, setCampaignActive, updateCampaign, type CampaignRow } from '@leadex/core/domain/exchange/campaigns.service';
import { currentWebhookEndpoint, listDeliveries, redeliver, removeWebhookEndpoint, setWebhookEndpoint } from '@leadex/core/domain/exchange/deliveries.service';
import { ping, post } from '@leadex/core/domain/exchange/ping-post';
import { topUpWallet, walletBalance } from '@leadex/core/domain/exchange/wallet.service';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

export const exchangeResolvers = {
  Query: {
    myCampaigns: (_: unknown, __: unknown, ctx: GqlContext) => myCampaigns(ctx.deps, ctx.actor),
    wallet: async (_: unknown, __: unknown, ctx: GqlContext) => {
      const buyer = requireUser(ctx.actor, 'BUYER');
      return { balance: toMoney(await walletBalance(ctx.deps.db, buyer.organizationId), ctx.deps.config.PLATFORM_CURRENCY) };
    },
    myDeliveries: (_: unknown, __: unknown, ctx: GqlContext) => listDeliveries(ctx.deps, ctx.actor),
    webhookEndpoint: (_: unknown, __: unknown, ctx: GqlContext) => currentWebhookEndpoint(ctx.deps, ctx.actor),
  },
  Mutation: {
    topUpWallet: (_: unknown, a: { amount: string; idempotencyKey?: string }, ctx: GqlContext) => topUpWallet(ctx.deps, ctx.actor, a.amount, a.idempotencyKey),
    createCampaign: (_: unknown, a: { input: unknown }, ctx: GqlContext) => createCampaign(ctx.deps, ctx.actor, a.input),
    updateCampaign: (_: unknown, a: { id: string; input: unknown }, ctx: GqlContext) => updateCampaign(ctx.deps, ctx.actor, a.id, a.input),
    setCampaignActive: (_: unknown, a: { id: string; active: boolean }, ctx: GqlContext) => setCampaignActive(ctx.deps, ctx.actor, a.id, a.active),
    ping: async (_: unknown, a: { input: unknown }, ctx: GqlContext) => {
      const offer = await ping(ctx.deps, ctx.actor, a.input);
      return offer && { id: offer.id, price: toMoney(offer.price, offer.currency), expiresAt: offer.expiresAt };
    },
    post: async (_: unknown, a: { pingId: string; lead: unknown }, ctx: GqlContext) => {
      const r = await post(ctx.deps, ctx.actor, a.pingId, a.lead);
      return { ...r, price: r.price == null ? null : toMoney(r.price, ctx.deps.config.PLATFORM_CURRENCY) };
    },
    setWebhookEndpoint: (_: unknown, a: { url: string }, ctx: GqlContext) => setWebhookEndpoint(ctx.deps, ctx.actor, a.url),
    removeWebhookEndpoint: (_: unknown, __: unknown, ctx: GqlContext) => removeWebhookEndpoint(ctx.deps, ctx.actor),
    redeliver: (_: unknown, a: { deliveryId: string }, ctx: GqlContext) => redeliver(ctx.deps, ctx.actor, a.deliveryId),
  },
  Campaign: {
    maxBid: (c: CampaignRow) => toMoney(c.maxBid, c.currency),
    budget: (c: CampaignRow) => (c.budget == null ? null : toMoney(c.budget, c.currency)),
    spent: (c: CampaignRow) => toMoney(c.spent, c.currency),
    wonToday: (c: CampaignRow, _: unknown, ctx: GqlContext) => ctx.loaders.campaignWinsToday.load(c.id),
  },
};
