// Lead.history: what happened to a lead, for the seller who owns it and for operators (null for anyone else).
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import type { Actor } from '../auth/access';
import { mayReadLeadFindings } from '../verification/lead-findings.rules';
import { leadHistory, type LeadHistoryEntry } from './lead-history.rules';
import type { LeadRow } from './submit-leads';

const { verificationResults, purchases, disputes } = schema;

export async function leadHistoryFor(deps: AppDeps, actor: Actor | null, lead: LeadRow): Promise<LeadHistoryEntry[] | null> {
  if (!mayReadLeadFindings(actor, lead)) return null;
  const [findings, sales, returns] = await Promise.all([
    deps.db
      .select({ createdAt: verificationResults.createdAt, message: verificationResults.message, severity: verificationResults.severity })
      .from(verificationResults)
      .where(eq(verificationResults.leadId, lead.id)),
    deps.db
      .select({ id: purchases.id, purchasedAt: purchases.purchasedAt, price: purchases.price, sellerNet: purchases.sellerNet, settledAt: purchases.settledAt })
      .from(purchases)
      .where(eq(purchases.leadId, lead.id)),
    deps.db
      .select({
        purchaseId: disputes.purchaseId,
        openedAt: disputes.openedAt,
        resolvedAt: disputes.resolvedAt,
        reason: disputes.reason,
        status: disputes.status,
        refundAmount: disputes.refundAmount,
      })
      .from(disputes)
      .innerJoin(purchases, eq(purchases.id, disputes.purchaseId))
      .where(eq(purchases.leadId, lead.id)),
  ]);
  return leadHistory({
    lead: { createdAt: lead.createdAt, listedAt: lead.listedAt, erasedAt: lead.erasedAt },
    findings,
    sales: sales.map((s) => ({ ...s, price: Number(s.price), sellerNet: Number(s.sellerNet) })),
    disputes: returns.map((d) => ({ ...d, refundAmount: d.refundAmount == null ? null : Number(d.refundAmount) })),
  });
}
