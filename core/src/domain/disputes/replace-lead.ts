// The REPLACEMENT remedy (issue 14): an accepted return is paid with another lead instead of money. Runs inside
// acceptDispute's transaction, under its lock on the dispute row, so a dispute is replaced at most once however
// many accepts race (the automatic path and operators); the unique index purchases_replacement_uq says the same
// in the database.
//
// The lead: listed with capacity free, same segment and country (and region when the original had one), priced
// at most what the original purchase can still refund, not the buyer's own, not held or bought by the buyer
// before, not the same person as the original (phone or e-mail hash), not on the buyer's own suppression list,
// from a seller who is not suspended. Among those: the dearest (closest to what was paid), then the freshest.
//
// Ledger (`replacement:<dispute>`, kind REPLACEMENT), with r = the original's refundable amount and p = the
// replacement's price (p ≤ r): escrow debited r for the original sale (it becomes REFUNDED, charged back against
// its seller as any upheld return), escrow credited p for the replacement sale (settled later like any sale, to
// its seller), the buyer's wallet credited r − p. No card is charged and Stripe is not called.
import { schema, type Db } from '@leadex/db';
import { and, asc, desc, eq, gt, isNull, lt, lte, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { PLATFORM_ESCROW, buyerWallet } from '../ledger/ledger-accounts';
import { credit, debit, postLedgerTransaction } from '../ledger/post-transaction';
import { salesAndSoldOut } from '../leads/lead-status-sql';
import { commissionBpsOf, splitSale } from '../orders/commission.rules';
import { applyRefundToPurchase } from '../purchases/purchases.service';
import { newId } from '../shared/ids';
import { money, type Money } from '../shared/money';
import { notSuppressedFor } from '../suppression/suppression-lookups';

const { leads, orders, orderLines, purchases, organizations, segments } = schema;
type LeadRow = typeof leads.$inferSelect;
type PurchaseRow = typeof purchases.$inferSelect;

export interface ReplacementSale {
  purchaseId: string;
  leadId: string;
  price: Money;
  /** what went to the buyer's wallet: the original's refundable amount less the replacement's price */
  walletCredit: Money;
}

/** The replacement lead for this buyer, locked (SKIP LOCKED: a lead another transaction holds is passed over), or null. */
async function pickReplacementLead(tx: Db, buyerOrgId: string, original: LeadRow, maxPrice: number, now: Date): Promise<LeadRow | null> {
  const samePerson: SQL[] = [];
  if (original.phoneHash) samePerson.push(or(isNull(leads.phoneHash), ne(leads.phoneHash, original.phoneHash))!);
  if (original.emailHash) samePerson.push(or(isNull(leads.emailHash), ne(leads.emailHash, original.emailHash))!);
  const [row] = await tx
    .select({ lead: leads })
    .from(leads)
    .innerJoin(organizations, eq(organizations.id, leads.sellerOrgId))
    .where(
      and(
        eq(leads.status, 'LISTED'),
        gt(leads.expiresAt, now),
        lt(sql`${leads.salesCount} + ${leads.reservedCount}`, leads.maxSales),
        eq(leads.segment, original.segment),
        eq(leads.country, original.country),
        original.region ? eq(leads.region, original.region) : undefined,
        eq(leads.currency, original.currency),
        lte(leads.price, maxPrice),
        ne(leads.id, original.id),
        ne(leads.sellerOrgId, buyerOrgId),
        eq(organizations.suspended, false),
        ...samePerson,
        notExists(
          tx
            .select({ one: sql`1` })
            .from(orderLines)
            .where(and(eq(orderLines.leadId, leads.id), eq(orderLines.buyerOrgId, buyerOrgId), eq(orderLines.active, true))),
        ),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(purchases)
            .where(and(eq(purchases.leadId, leads.id), eq(purchases.buyerOrgId, buyerOrgId))),
        ),
        notSuppressedFor(tx, buyerOrgId),
      ),
    )
    .orderBy(desc(leads.price), desc(leads.capturedAt), asc(leads.id))
    .limit(1)
    .for('update', { of: leads, skipLocked: true });
  return row?.lead ?? null;
}

/**
 * Sells a replacement lead to the buyer of `original` for the accepted dispute `disputeId`, with no new charge,
 * and takes `refundable` off the original sale. Null (and nothing written) when no lead qualifies.
 */
export async function sellReplacement(tx: Db, disputeId: string, original: PurchaseRow, refundable: Money, now: Date): Promise<ReplacementSale | null> {
  const [originalLead] = await tx.select().from(leads).where(eq(leads.id, original.leadId));
  if (!originalLead) return null;
  const lead = await pickReplacementLead(tx, original.buyerOrgId, originalLead, refundable.amount, now);
  if (!lead) return null;
  const price = money(lead.price, lead.currency);
  const [segment] = await tx.select({ commissionBps: segments.commissionBps }).from(segments).where(eq(segments.code, lead.segment));
  const split = splitSale(price, commissionBpsOf(segment));
  const orderId = newId('ord');
  const purchaseId = newId('pur');
  // a paid order of one line that nobody paid for by card: no payment intent, so no Stripe payment is expected
  await tx.insert(orders).values({
    id: orderId,
    buyerOrgId: original.buyerOrgId,
    status: 'PAID',
    total: price.amount,
    currency: price.currency,
    expiresAt: now,
    paidAt: now,
    closedAt: now,
    createdAt: now,
  });
  await tx.insert(orderLines).values({ orderId, leadId: lead.id, buyerOrgId: original.buyerOrgId, price: price.amount });
  await tx.insert(purchases).values({
    id: purchaseId,
    orderId,
    leadId: lead.id,
    buyerOrgId: original.buyerOrgId,
    sellerOrgId: lead.sellerOrgId,
    price: price.amount,
    commission: split.commission.amount,
    sellerNet: split.sellerNet.amount,
    currency: price.currency,
    // a later refund of the replacement goes back the way the original was paid (same card payment, or the wallet)
    paymentIntentId: original.paymentIntentId,
    paidWith: original.paidWith,
    replacementForDisputeId: disputeId,
    purchasedAt: now,
  });
  await tx.update(leads).set(salesAndSoldOut(1)).where(eq(leads.id, lead.id));
  const walletCredit = money(refundable.amount - price.amount, price.currency);
  await postLedgerTransaction(tx, {
    eventKey: `replacement:${disputeId}`,
    kind: 'REPLACEMENT',
    memo: `lead ${lead.id} replaces purchase ${original.id}`,
    occurredAt: now,
    postings: [debit(PLATFORM_ESCROW, refundable), credit(PLATFORM_ESCROW, price), credit(buyerWallet(original.buyerOrgId), walletCredit)],
  });
  await applyRefundToPurchase(tx, original.id, refundable);
  return { purchaseId, leadId: lead.id, price, walletCredit };
}
