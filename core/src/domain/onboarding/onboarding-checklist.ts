// onboardingChecklist: a new seller's or buyer's first-run steps, each ticked from what their organisation has done.
import { queryRows, sql } from '@leadex/db';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import { buyerChecklist, sellerChecklist, type OnboardingItem } from './onboarding-checklist.rules';

export async function onboardingChecklist(deps: AppDeps, actor: Actor | null): Promise<{ role: 'SELLER' | 'BUYER'; items: OnboardingItem[] }> {
  const user = requireUser(actor, 'SELLER', 'BUYER');
  const org = user.organizationId;
  // existence, not counts: each step needs only one row, and EXISTS stops at it
  if (user.role === 'SELLER') {
    const [f] = await queryRows<{ leads: boolean; payouts: boolean; keys: boolean }>(
      deps.db,
      sql`SELECT EXISTS (SELECT 1 FROM leads WHERE seller_org_id = ${org}) AS leads,
                 (SELECT stripe_payouts_enabled FROM organizations WHERE id = ${org}) AS payouts,
                 EXISTS (SELECT 1 FROM api_keys WHERE organization_id = ${org} AND revoked_at IS NULL
                           AND (expires_at IS NULL OR expires_at > ${deps.clock().toISOString()}::timestamptz)) AS keys`,
    );
    return { role: 'SELLER', items: sellerChecklist({ leads: f!.leads ? 1 : 0, payoutsEnabled: !!f!.payouts, activeApiKeys: f!.keys ? 1 : 0 }) };
  }
  const [f] = await queryRows<{ orders: boolean; purchases: boolean; top_ups: boolean; campaigns: boolean; endpoints: boolean }>(
    deps.db,
    sql`SELECT EXISTS (SELECT 1 FROM orders WHERE buyer_org_id = ${org}) AS orders,
               EXISTS (SELECT 1 FROM purchases WHERE buyer_org_id = ${org}) AS purchases,
               EXISTS (SELECT 1 FROM wallet_top_ups WHERE buyer_org_id = ${org} AND status = 'PAID') AS top_ups,
               EXISTS (SELECT 1 FROM campaigns WHERE buyer_org_id = ${org}) AS campaigns,
               EXISTS (SELECT 1 FROM webhook_endpoints WHERE buyer_org_id = ${org} AND active) AS endpoints`,
  );
  const n = (b: boolean) => (b ? 1 : 0);
  return {
    role: 'BUYER',
    items: buyerChecklist({
      orders: n(f!.orders),
      purchases: n(f!.purchases),
      paidTopUps: n(f!.top_ups),
      campaigns: n(f!.campaigns),
      activeEndpoints: n(f!.endpoints),
    }),
  };
}
