// A seller's track record in one segment, as buyers see it before buying: sales, and how often they were disputed.

export interface SellerRecordCounts {
  sales: number;
  disputes: number;
  /** disputes decided for the buyer (ACCEPTED) */
  upheld: number;
}

export interface SellerRecord extends SellerRecordCounts {
  /** disputes over sales, 0–1 (0 without sales) */
  disputeRate: number;
  /** upheld disputes over decided-or-open disputes, 0–1 (0 without disputes) */
  upheldRate: number;
}

export function sellerRecordOf(c: SellerRecordCounts): SellerRecord {
  return {
    ...c,
    disputeRate: c.sales ? c.disputes / c.sales : 0,
    upheldRate: c.disputes ? c.upheld / c.disputes : 0,
  };
}
