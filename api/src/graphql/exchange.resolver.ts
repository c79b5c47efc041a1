// Exchange mode: buyers' campaigns and sellers' ping-post — thin calls into the exchange domain.
import { campaignStatus } from '@leadex/core/domain/exchange/campaign.lifecycle';
import { campaignFigures, type CampaignFigures } from '@leadex/core/domain/exchange/campaign-figures';
import { myCampaigns, createCampaign, setCampaignActive, updateCampaign, type CampaignRow } from '@leadex/core/domain/exchange/campaigns.service';
import { DEFAULT_DISTRIBUTION_METHOD } from '@leadex/core/domain/exchange/distribution.rules';
import { NO_MARGIN } from '@leadex/core/domain/exchange/margin.rules';
import { ping, post } from '@leadex/core/domain/exchange/ping-post';
import type { SegmentDefinition } from '@leadex/core/domain/leads/lead.types';
import { listRemoteCalls, type RemoteCallRow } from '@leadex/core/domain/exchange/remote/remote-log';
import type { GqlContext } from './context';
import { bpsToRate, toMoney } from './mappers';

export const exchangeResolvers = {
  Query: {
    myCampaigns: (_: unknown, __: unknown, ctx: GqlContext) => myCampaigns(ctx.deps, ctx.actor),
    remoteCalls: (_: unknown, a: { campaignId: string; first?: number; after?: string }, ctx: GqlContext) =>
      listRemoteCalls(ctx.deps, ctx.actor, a.campaignId, a),
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
    figures: (c: CampaignRow, _: unknown, ctx: GqlContext) => campaignFigures(ctx.deps, ctx.actor, c),
  },
  CampaignFigures: {
    averagePrice: (f: CampaignFigures) => (f.averagePriceMinor == null ? null : toMoney(f.averagePriceMinor, f.currency)),
  },
  Segment: {
    distributionMethod: (s: SegmentDefinition) => s.distributionMethod ?? DEFAULT_DISTRIBUTION_METHOD,
    margin: (s: SegmentDefinition, _: unknown, ctx: GqlContext) => {
      const m = s.margin ?? NO_MARGIN;
      return {
        kind: m.kind,
        amount: m.kind === 'FIXED' ? toMoney(m.value, ctx.deps.config.PLATFORM_CURRENCY) : null,
        rate: m.kind === 'PERCENT' ? bpsToRate(m.value) : null,
      };
    },
  },
  Sale: {
    margin: (p: { margin: number; currency: string }) => toMoney(p.margin, p.currency),
  },
  RemoteCall: {
    bid: (r: RemoteCallRow, _: unknown, ctx: GqlContext) => (r.bid == null ? null : toMoney(r.bid, ctx.deps.config.PLATFORM_CURRENCY)),
  },
  RemoteCallConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
};
