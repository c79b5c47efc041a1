// Settlement step 2: payouts to sellers' connected accounts (separate charges and transfers). A payout is
// recorded — row and ledger entry — before it is sent, and sent with an idempotency key, so a crash between
// the two never pays twice: the retry sends the same key and Stripe answers with the same transfer.
// Which sellers are due is settlement.rules.ts payoutDue, run here set-based (settlement-rules-sql test).
import { queryRows, schema, sql, type Db, type PayoutStatus } from '@leadex/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import { notifyPayout } from '../notifications/domain-events';
import { PLATFORM_STRIPE_BALANCE, sellerPayable } from '../ledger/ledger-accounts';
import { credit, debit, postLedgerTransaction } from '../ledger/post-transaction';
import { newId } from '../shared/ids';
import { canTransition, fromStatuses } from '../shared/lifecycle';
import { money, type Money } from '../shared/money';
import { IN_FLIGHT_PAYOUT_STATUSES, PAYOUT_LIFECYCLE } from './payout.lifecycle';
import { payoutThreshold } from './settlement.rules';

const { payouts } = schema;
export type PayoutRow = typeof payouts.$inferSelect;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const RECORDED: PayoutStatus = 'PENDING';

/** Records a payout for every onboarded seller whose payable reached the minimum and has none in flight. */
export async function recordDuePayouts(tx: Db, runId: string, minPayout: Money, now: Date): Promise<PayoutRow[]> {
  const currency = minPayout.currency;
  const due = await queryRows<{ seller_org_id: string; stripe_account_id: string; payable: string }>(
    tx,
    sql`SELECT o.id AS seller_org_id, o.stripe_account_id, (-sum(lp.amount))::text AS payable
        FROM organizations o
        JOIN ledger_postings lp ON lp.account = 'seller:' || o.id || ':payable'
        WHERE o.stripe_account_id IS NOT NULL AND o.stripe_payouts_enabled AND NOT o.suspended
          AND NOT EXISTS (SELECT 1 FROM payouts p WHERE p.seller_org_id = o.id AND p.status IN (${list(IN_FLIGHT_PAYOUT_STATUSES)}))
        GROUP BY o.id, o.stripe_account_id
        HAVING -sum(lp.amount) >= ${payoutThreshold(minPayout).amount}
        ORDER BY o.id`,
  );
  const recorded: PayoutRow[] = [];
  for (const d of due) {
    const id = newId('pyo');
    const amount = Number(d.payable);
    const [row] = await tx
      .insert(payouts)
      .values({
        id,
        sellerOrgId: d.seller_org_id,
        settlementRunId: runId,
        amount,
        currency,
        stripeAccountId: d.stripe_account_id,
        idempotencyKey: `payout-${id}`,
        status: RECORDED,
        createdAt: now,
      })
      .returning();
    await postLedgerTransaction(tx, {
      eventKey: `payout:${id}`,
      kind: 'PAYOUT',
      memo: `payout ${id} to ${d.stripe_account_id}`,
      occurredAt: now,
      postings: [debit(sellerPayable(d.seller_org_id), money(amount, currency)), credit(PLATFORM_STRIPE_BALANCE, money(amount, currency))],
    });
    await recordAudit(tx, {
      actor: null,
      action: 'payout.recorded',
      target: { type: 'payout', id, organizationId: d.seller_org_id },
      details: { amount, currency, settlementRunId: runId },
      at: now,
    });
    recorded.push(row!);
  }
  return recorded;
}

/** Sends a recorded payout as a Stripe transfer. Safe to call again for the same payout at any time. */
export async function sendPayout(deps: AppDeps, payoutId: string): Promise<'SENT' | 'ALREADY_SENT' | 'FAILED' | 'RETRY'> {
  const [payout] = await deps.db.select().from(payouts).where(eq(payouts.id, payoutId));
  if (!payout) throw new Error(`no payout ${payoutId}`);
  // a payout Stripe already answered keeps its outcome: a retry of a sent one is done, a refused one stays refused
  if (!canTransition(PAYOUT_LIFECYCLE, payout.status, 'SENT', 'SYSTEM')) return payout.status === 'SENT' ? 'ALREADY_SENT' : 'FAILED';
  try {
    const transfer = await deps.stripe.transfers.create(
      {
        amount: payout.amount,
        currency: payout.currency.toLowerCase(),
        destination: payout.stripeAccountId,
        transfer_group: payout.id,
        metadata: { payout_id: payout.id, seller_org_id: payout.sellerOrgId },
      },
      { idempotencyKey: payout.idempotencyKey },
    );
    await deps.db.transaction(async (tx) => {
      const sent = await tx
        .update(payouts)
        .set({ status: 'SENT', stripeTransferId: transfer.id, sentAt: deps.clock() })
        .where(and(eq(payouts.id, payoutId), inArray(payouts.status, fromStatuses(PAYOUT_LIFECYCLE, 'SENT', 'SYSTEM'))))
        .returning({ id: payouts.id });
      // a concurrent send that got there first wrote the entry and the notification
      if (!sent.length) return;
      await notifyPayout(tx, payout, 'SENT');
      await recordAudit(tx, {
        actor: null,
        action: 'payout.sent',
        target: { type: 'payout', id: payout.id, organizationId: payout.sellerOrgId },
        details: { amount: payout.amount, currency: payout.currency, stripeTransferId: transfer.id },
        at: deps.clock(),
      });
    });
    return 'SENT';
  } catch (err) {
    const e = err as { type?: string; statusCode?: number; message: string };
    // Stripe refused the request itself (e.g. the account cannot receive transfers): give the money back to
    // the seller's payable with a reversing entry. Anything else (network, 5xx) is retried with the same key.
    if (e.type === 'StripeInvalidRequestError' && e.statusCode && e.statusCode < 500) {
      await deps.db.transaction(async (tx) => {
        const [locked] = await tx.select().from(payouts).where(eq(payouts.id, payoutId)).for('update');
        if (!canTransition(PAYOUT_LIFECYCLE, locked!.status, 'FAILED', 'SYSTEM')) return;
        await tx.update(payouts).set({ status: 'FAILED', failure: e.message }).where(eq(payouts.id, payoutId));
        await notifyPayout(tx, payout, 'FAILED');
        await recordAudit(tx, {
          actor: null,
          action: 'payout.failed',
          target: { type: 'payout', id: payout.id, organizationId: payout.sellerOrgId },
          details: { amount: payout.amount, currency: payout.currency, failure: e.message.slice(0, 200) },
          at: deps.clock(),
        });
        await postLedgerTransaction(tx, {
          eventKey: `payout-failed:${payoutId}`,
          kind: 'PAYOUT_REVERSAL',
          memo: `payout ${payoutId} refused: ${e.message}`,
          occurredAt: deps.clock(),
          postings: [
            debit(PLATFORM_STRIPE_BALANCE, money(payout.amount, payout.currency)),
            credit(sellerPayable(payout.sellerOrgId), money(payout.amount, payout.currency)),
          ],
        });
      });
      return 'FAILED';
    }
    deps.logger.warn({ payoutId, err: e.message }, 'transfer not sent yet; will retry with the same idempotency key');
    return 'RETRY';
  }
}

export async function pendingPayoutIds(db: Db): Promise<string[]> {
  return (
    await db
      .select({ id: payouts.id })
      .from(payouts)
      .where(inArray(payouts.status, [...IN_FLIGHT_PAYOUT_STATUSES]))
      .orderBy(payouts.createdAt)
  ).map((r) => r.id);
}
