// How much one buyer may hold unpaid at once: without a cap a free account could reserve the whole
// marketplace and renew the hold every ORDER_HOLD_MINUTES. Paid sales never count; only open reservations.

export interface BuyerHolds {
  /** leads on the buyer's RESERVED, unexpired orders */
  heldLeads: number;
  /** the buyer's RESERVED, unexpired orders */
  openOrders: number;
}

export interface HoldLimits {
  maxHeldLeads: number;
  maxOpenOrders: number;
}

export interface HoldLimitBreach {
  code: 'HELD_LEADS_LIMIT' | 'OPEN_ORDERS_LIMIT';
  message: string;
}

const FREE_CAPACITY = 'Pay for or cancel one of your open orders to free capacity.';

/** Why a new order of `newLeads` leads would exceed the buyer's caps, or null when it fits. */
export function holdLimitBreach(current: BuyerHolds, newLeads: number, limits: HoldLimits): HoldLimitBreach | null {
  if (current.openOrders >= limits.maxOpenOrders) {
    return {
      code: 'OPEN_ORDERS_LIMIT',
      message: `You have ${current.openOrders} unpaid orders open; at most ${limits.maxOpenOrders} may be open at once. ${FREE_CAPACITY}`,
    };
  }
  if (current.heldLeads + newLeads > limits.maxHeldLeads) {
    const room = Math.max(0, limits.maxHeldLeads - current.heldLeads);
    return {
      code: 'HELD_LEADS_LIMIT',
      message:
        `You already hold ${current.heldLeads} unpaid leads and at most ${limits.maxHeldLeads} may be held at once, ` +
        `so this order can take ${room === 0 ? 'none' : `at most ${room}`} (it asks for ${newLeads}). ${FREE_CAPACITY}`,
    };
  }
  return null;
}
