// Per-request batch loaders, so a page of 100 leads asks for its sellers once.
import { schema } from '@leadex/db';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../context';
import { winsToday } from '../domain/exchange/campaigns.service';

export interface Loaders {
  organization: DataLoader<string, typeof schema.organizations.$inferSelect | null>;
  lead: DataLoader<string, typeof schema.leads.$inferSelect | null>;
  disputeByPurchase: DataLoader<string, typeof schema.disputes.$inferSelect | null>;
  campaignWinsToday: DataLoader<string, number>;
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
    disputeByPurchase: new DataLoader(async (ids) => {
      const rows = await deps.db.select().from(schema.disputes).where(inArray(schema.disputes.purchaseId, [...ids]));
      const byPurchase = new Map(rows.map((r) => [r.purchaseId, r]));
      return ids.map((id) => byPurchase.get(id) ?? null);
    }),
    lead: new DataLoader(async (ids) => {
      const rows = await deps.db.select().from(schema.leads).where(inArray(schema.leads.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
