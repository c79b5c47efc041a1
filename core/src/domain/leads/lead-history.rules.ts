// A lead's history for its seller and operators: submission, findings of the checks, listing, each sale,
// its settlement, and each return (dispute) with its decision, oldest first, as one list of entries.

export type LeadHistoryKind = 'SUBMITTED' | 'CHECK' | 'LISTED' | 'SOLD' | 'SETTLED' | 'DISPUTE_OPENED' | 'DISPUTE_RESOLVED' | 'ERASED';

export interface LeadHistoryEntry {
  at: Date;
  kind: LeadHistoryKind;
  /** CHECK: the finding's message */
  detail: string | null;
  /** CHECK: ERROR or WARNING */
  severity: 'ERROR' | 'WARNING' | null;
  /** minor units: SOLD the price, SETTLED the seller's net, DISPUTE_RESOLVED the refund */
  amount: number | null;
  saleId: string | null;
  disputeReason: string | null;
  disputeStatus: string | null;
}

export interface HistorySources {
  lead: { createdAt: Date; listedAt: Date | null; erasedAt: Date | null };
  findings: { createdAt: Date; message: string; severity: string }[];
  sales: { id: string; purchasedAt: Date; price: number; sellerNet: number; settledAt: Date | null }[];
  disputes: { purchaseId: string; openedAt: Date; resolvedAt: Date | null; reason: string; status: string; refundAmount: number | null }[];
}

const blank = { detail: null, severity: null, amount: null, saleId: null, disputeReason: null, disputeStatus: null };

// at the same instant, the order things happen in (a lead is checked before it is listed, sold before settled)
const ORDER: Record<LeadHistoryKind, number> = { SUBMITTED: 0, CHECK: 1, LISTED: 2, SOLD: 3, DISPUTE_OPENED: 4, DISPUTE_RESOLVED: 5, SETTLED: 6, ERASED: 7 };

export function leadHistory(s: HistorySources): LeadHistoryEntry[] {
  const entries: LeadHistoryEntry[] = [{ ...blank, at: s.lead.createdAt, kind: 'SUBMITTED' }];
  for (const f of s.findings) {
    entries.push({ ...blank, at: f.createdAt, kind: 'CHECK', detail: f.message, severity: f.severity === 'ERROR' ? 'ERROR' : 'WARNING' });
  }
  if (s.lead.listedAt) entries.push({ ...blank, at: s.lead.listedAt, kind: 'LISTED' });
  for (const sale of s.sales) {
    entries.push({ ...blank, at: sale.purchasedAt, kind: 'SOLD', amount: sale.price, saleId: sale.id });
    if (sale.settledAt) entries.push({ ...blank, at: sale.settledAt, kind: 'SETTLED', amount: sale.sellerNet, saleId: sale.id });
  }
  for (const d of s.disputes) {
    const about = { saleId: d.purchaseId, disputeReason: d.reason };
    entries.push({ ...blank, ...about, at: d.openedAt, kind: 'DISPUTE_OPENED', disputeStatus: 'OPEN' });
    if (d.resolvedAt) entries.push({ ...blank, ...about, at: d.resolvedAt, kind: 'DISPUTE_RESOLVED', disputeStatus: d.status, amount: d.refundAmount });
  }
  if (s.lead.erasedAt) entries.push({ ...blank, at: s.lead.erasedAt, kind: 'ERASED' });
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || ORDER[a.kind] - ORDER[b.kind]);
}
