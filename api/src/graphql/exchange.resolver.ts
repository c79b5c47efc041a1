// Exchange mode: buyers' campaigns and sellers' ping-post — thin calls into the exchange domain.
import { campaignStatus } from '@leadex/core/domain/exchange/campaign.lifecycle';
import { myCampaigns, createCampaign, setCampaignActive, updateCampaign, type CampaignRow } from '@leadex/core/domain/exchange/campaigns.service';
import { ping, post } from '@leadex/core/domain/exchange/ping-post';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

export const exchangeResolvers = {
  Query: {
    myCampaigns: (_: unknown, __: unknown, ctx: GqlContext) => myCampaigns(ctx.deps, ctx.actor),
  },
  Mutation: {
    createCampaign: (_: unknown, a: { input: unknown }, ctx: GqlContext) => createCampaign(ctx.deps, ctx.actor, a.input),
    updateCampaign: (_: unknown, a: { id: string; input: unknown }, ctx: GqlContext) => updateCampaign(ctx.deps, ctx.actor, a.id, a.input),
    setCampaignActive: (_: unknown, a: { id: string; active: boolean }, ctx: GqlContext) => setCampaignActive(ctx.deps, ctx.actor, a.id, a.active),
    ping: async (_: unknown, a: { input: unknown }, ctx: GqlContext) => {
      const offer = await ping(ctx.deps, ctx.actor, a.input);
      return offer && { id: offer.id, price: toMoney(offer.price, offer.currency), expiresAt: offer.expiresAt };
    },
    post: async (_: unknown, a: { pingId: string; lead: unknown }, ctx: GqlContext) => {
      const r = await post(ctx.deps, ctx.actor, a.pingId, a.lead);
      return { ...r, price: r.price == null ? null : toMoney(r.price.amount, r.price.currency) };
    },
  },
  Campaign: {
    status: (c: CampaignRow) => campaignStatus(c),
    maxBid: (c: CampaignRow) => toMoney(c.maxBid, c.currency),
    budget: (c: CampaignRow) => (c.budget == null ? null : toMoney(c.budget, c.currency)),
    spent: (c: CampaignRow) => toMoney(c.spent, c.currency),
    wonToday: (c: CampaignRow, _: unknown, ctx: GqlContext) => ctx.loaders.campaignWinsToday.load(c.id),
  },
};
