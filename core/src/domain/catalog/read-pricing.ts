// The pricing reference data as the GraphQL reads see it: the grid and factors are the operator's
// working data; volume tiers are public (buyers see the discount before they order).
import { schema } from '@leadex/db';
import type { AppDeps } from '../app-deps';
import { requireRole, type Actor } from '../auth/access';
import type { PriceFactors, VolumeTier } from '../pricing/pricing.rules';
import { loadPricing } from './catalog.service';

export type PriceGridRow = typeof schema.priceGrid.$inferSelect;

export async function readPriceGrid(deps: AppDeps, actor: Actor | null): Promise<PriceGridRow[]> {
  requireRole(actor, 'OPERATOR');
  return deps.db.select().from(schema.priceGrid);
}

export async function readPriceFactors(deps: AppDeps, actor: Actor | null): Promise<PriceFactors> {
  requireRole(actor, 'OPERATOR');
  return (await loadPricing(deps.db)).factors;
}

export async function readVolumeTiers(deps: AppDeps): Promise<VolumeTier[]> {
  return (await loadPricing(deps.db)).volumeTiers;
}
