// What "buy N matching this filter" would cost right now: the leads createOrder's matching path would take
// (orders/matching-leads.ts), priced with the volume discount like the order itself. Nothing is reserved.
import { schema } from '@leadex/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import { loadPricing } from '../catalog/catalog.service';
import { MATCHING_ORDER, matchingLeadConditions } from '../orders/matching-leads';
import { priceOrderLines } from '../orders/order-rules';
import { money, type Money } from '../shared/money';
import { parseInput } from '../shared/validation';

const { leads, organizations } = schema;

export interface MatchingOrderEstimate {
  /** how many leads an order of this quantity would get now (fewer than asked when fewer match) */
  available: number;
  subtotal: Money;
  discountBps: number;
  total: Money;
}

export async function estimateMatchingOrder(deps: AppDeps, actor: Actor | null, rawFilter: unknown, rawQuantity: unknown): Promise<MatchingOrderEstimate> {
  const buyer = requireUser(actor, 'BUYER');
  const max = deps.config.MAX_ORDER_LEADS;
  const quantity = parseInput(z.number().int().min(1).max(max, `at most ${max} leads per order`), rawQuantity, 'quantity');
  const now = deps.clock();
  const { conditions, needsSellerJoin } = matchingLeadConditions(deps, deps.db, buyer.organizationId, rawFilter ?? {}, now, 'matching');
  const base = deps.db.select({ price: leads.price }).from(leads);
  const joined = needsSellerJoin ? base.innerJoin(organizations, eq(organizations.id, leads.sellerOrgId)) : base;
  const [rows, pricing] = await Promise.all([
    joined
      .where(and(...conditions))
      .orderBy(...MATCHING_ORDER)
      .limit(quantity),
    loadPricing(deps.db),
  ]);
  const currency = deps.config.PLATFORM_CURRENCY;
  const listPrices = rows.map((r) => money(r.price, currency));
  const priced = priceOrderLines(listPrices, pricing.volumeTiers, currency);
  return {
    available: rows.length,
    subtotal: money(
      listPrices.reduce((s, p) => s + p.amount, 0),
      currency,
    ),
    discountBps: priced.discountBps,
    total: priced.total,
  };
}
