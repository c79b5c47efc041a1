// The first-run checklist: which steps a new seller or buyer has, in which order, and when each is done.

export const SELLER_STEPS = ['ADD_LEAD', 'CONNECT_PAYOUTS', 'CREATE_API_KEY'] as const;
export const BUYER_STEPS = ['BROWSE_MARKETPLACE', 'BUY_OR_TOP_UP', 'CREATE_CAMPAIGN', 'SET_WEBHOOK'] as const;
export type OnboardingStep = (typeof SELLER_STEPS)[number] | (typeof BUYER_STEPS)[number];

/** What the organisation has done so far, as counted in the database. */
export interface SellerFacts {
  leads: number;
  payoutsEnabled: boolean;
  activeApiKeys: number;
}
export interface BuyerFacts {
  orders: number;
  purchases: number;
  paidTopUps: number;
  campaigns: number;
  activeEndpoints: number;
}

export interface OnboardingItem {
  step: OnboardingStep;
  done: boolean;
}

export function sellerChecklist(f: SellerFacts): OnboardingItem[] {
  const done: Record<(typeof SELLER_STEPS)[number], boolean> = {
    // a lead through the form, a CSV or the API: whatever its fate, the seller has the knack of it
    ADD_LEAD: f.leads > 0,
    // connected is not enough: Stripe must have enabled payouts (account.updated) for money to reach the seller
    CONNECT_PAYOUTS: f.payoutsEnabled,
    CREATE_API_KEY: f.activeApiKeys > 0,
  };
  return SELLER_STEPS.map((step) => ({ step, done: done[step] }));
}

export function buyerChecklist(f: BuyerFacts): OnboardingItem[] {
  const done: Record<(typeof BUYER_STEPS)[number], boolean> = {
    // browsing leaves no trace of its own: an order (paid or not) shows the buyer found leads and picked some
    BROWSE_MARKETPLACE: f.orders > 0 || f.purchases > 0,
    BUY_OR_TOP_UP: f.purchases > 0 || f.paidTopUps > 0,
    CREATE_CAMPAIGN: f.campaigns > 0,
    SET_WEBHOOK: f.activeEndpoints > 0,
  };
  return BUYER_STEPS.map((step) => ({ step, done: done[step] }));
}
