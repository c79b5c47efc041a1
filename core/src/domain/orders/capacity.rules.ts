// The one rule for "can this lead still be sold": listed, not expired, and capacity left after paid sales
// and unpaid reservations. Orders, late payments and campaign allocation all ask it.

export interface LeadCapacity {
  status: string;
  expiresAt: Date;
  maxSales: number;
  salesCount: number;
  reservedCount: number;
}

/** How many more buyers may take this lead now (0 when it is not on offer). */
export function freeCapacity(lead: LeadCapacity, now: Date): number {
  if (lead.status !== 'LISTED' || lead.expiresAt <= now) return 0;
  return Math.max(0, lead.maxSales - lead.salesCount - lead.reservedCount);
}
