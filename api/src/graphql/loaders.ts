// Per-request batch loaders, so a page of 100 leads asks for its sellers once.
import { schema } from '@leadex/db';
import DataLoader from 'dataloader';
import { and, inArray } from 'drizzle-orm';
import type { AppDeps } from '@leadex/core';
import type { Actor } from '@leadex/core/domain/auth/access';
import { readLeadDisclosure, type Disclosure } from '@leadex/core/domain/leads/read-contact';
import { winsToday } from '@leadex/core/domain/exchange/campaigns.service';
import { sellerConversionViews, type SellerConversionView } from '@leadex/core/domain/pricing/seller-conversion';
import { leadChecks, type VerificationCheckView } from '@leadex/core/domain/verification/lead-checks-view.rules';

export interface Loaders {
  organization: DataLoader<string, typeof schema.organizations.$inferSelect | null>;
  lead: DataLoader<string, typeof schema.leads.$inferSelect | null>;
  disputeByPurchase: DataLoader<string, typeof schema.disputes.$inferSelect | null>;
  campaignWinsToday: DataLoader<string, number>;
  leadChecks: DataLoader<string, VerificationCheckView[]>;
  /** keyed by `${sellerOrgId}|${segment}`; null without reported outcomes */
  sellerConversion: DataLoader<string, SellerConversionView | null>;
  /** contact + consent of a lead, decided and audited once per lead per request (keyed by lead id) */
  leadDisclosure: DataLoader<{ lead: typeof schema.leads.$inferSelect; actor: Actor | null }, Disclosure | null, string>;
}

export function createLoaders(deps: AppDeps): Loaders {
  return {
    organization: new DataLoader(async (ids) => {
      const rows = await deps.db.select().from(schema.organizations).where(inArray(schema.organizations.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    campaignWinsToday: new DataLoader(async (ids) => {
      const counts = await winsToday(deps.db, ids, deps.clock());
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    sellerConversion: new DataLoader(async (keys) => {
      const views = await sellerConversionViews(deps.db, keys);
      return keys.map((k) => views.get(k) ?? null);
    }),
    disputeByPurchase: new DataLoader(async (ids) => {
      const rows = await deps.db.select().from(schema.disputes).where(inArray(schema.disputes.purchaseId, [...ids]));
      const byPurchase = new Map(rows.map((r) => [r.purchaseId, r]));
      return ids.map((id) => byPurchase.get(id) ?? null);
    }),
    leadChecks: new DataLoader(async (ids) => {
      const f = schema.verificationResults;
      const rows = await deps.db
        .select({ leadId: f.leadId, stage: f.stage, code: f.code, field: f.field, createdAt: f.createdAt })
        .from(f)
        .where(and(inArray(f.leadId, [...ids]), inArray(f.stage, ['AUTOMATIC', 'SPOT_CHECK'])))
        .orderBy(f.createdAt, f.id);
      const byLead = new Map<string, typeof rows>();
      for (const r of rows) (byLead.get(r.leadId!) ?? byLead.set(r.leadId!, []).get(r.leadId!)!).push(r);
      return ids.map((id) => leadChecks(byLead.get(id) ?? []));
    }),
    // the actor is the same for every key of a request; each lead is read (and audited) at most once
    leadDisclosure: new DataLoader(
      (keys) => Promise.all(keys.map((k) => readLeadDisclosure(deps, k.actor, k.lead).catch((err: Error) => err))),
      { cacheKeyFn: (k) => k.lead.id },
    ),
    lead: new DataLoader(async (ids) => {
      const rows = await deps.db.select().from(schema.leads).where(inArray(schema.leads.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
