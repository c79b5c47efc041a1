// The refund an accepted dispute records (dispute.rules.ts disputeRefundAmount) and the SQL that books it on the
// purchase (refunded_amount grows; REFUNDED once nothing is left in escrow) agree to the minor unit; a dispute is
// decided once (dispute.lifecycle.ts), whoever tries again.
import { refundAcceptedDispute } from '@leadex/core/domain/disputes/refund-dispute';
import { acceptDispute, rejectDispute, resolveDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { disputeRefundAmount, refundableAmount, refundsInFull } from '@leadex/core/domain/disputes/dispute.rules';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { issueRefund } from '@leadex/core/domain/payments/issue-refund';
import { money, parseDecimal } from '@leadex/core/domain/shared/money';
import { eq, schema } from '@leadex/db';
import { asActor, onboardedSeller, operatorActor, sellAndBuy, type UserActor } from '../helpers/money-path-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let operator: UserActor;
beforeAll(async () => {
  app = await startTestApp({ label: 'dsprefund', stripe: true });
  operator = await operatorActor(app);
});
afterAll(() => app.close());

const purchaseRow = async (id: string) => (await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.id, id)))[0]!;
const disputeRow = async (id: string) => (await app.runtime.deps.db.select().from(schema.disputes).where(eq(schema.disputes.id, id)))[0]!;
const refundOf = async (disputeId: string) => (await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, disputeId)))[0];

it('records and books exactly the refund the rule names, for full, partial, smallest and refused amounts', async () => {
  const seller = await onboardedSeller(app);
  // [asking price, the operator's refund amount (null: accept in full)]
  const cases: [string, string | null][] = [
    ['10.03', null],
    ['10.03', '5.00'],
    ['7.77', '0.01'],
    ['7.77', '7.76'],
    ['0.99', '0.99'],
    ['12.35', '12.36'],
    ['45.67', '22.84'],
    ['1.01', null],
  ];
  const { buyer, purchases } = await sellAndBuy(
    app,
    seller,
    cases.map(([price]) => ['AUTO_TEST_DRIVE', price] as const),
  );
  const currency = app.runtime.deps.config.PLATFORM_CURRENCY;

  for (const [i, [, requested]] of cases.entries()) {
    const before = await purchaseRow(purchases[i]!.id);
    const dispute = await openDispute(app.runtime.deps, buyer, { purchaseId: before.id, reason: 'OUT_OF_GEO', evidence: `case ${i}` });
    expect(dispute.status).toBe('OPEN');
    const held = { price: money(before.price, currency), refunded: money(before.refundedAmount, currency) };
    const expected = disputeRefundAmount(held, requested == null ? null : money(parseDecimal(requested, currency)!, currency));

    if (!expected) {
      // the rule refuses it, and so does the operator's mutation: nothing recorded, the dispute still open
      await expect(resolveDispute(app.runtime.deps, operator, dispute.id, 'ACCEPT', requested, null)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        fields: [{ path: 'refundAmount' }],
      });
      expect(await refundOf(dispute.id)).toBeUndefined();
      expect((await disputeRow(dispute.id)).status).toBe('OPEN');
      continue;
    }
    const accepted = await resolveDispute(app.runtime.deps, operator, dispute.id, 'ACCEPT', requested, `case ${i}`);
    expect({ i, refund: accepted.refundAmount }).toEqual({ i, refund: expected.amount });
    const refund = (await refundOf(dispute.id))!;
    expect({ i, amount: refund.amount, status: refund.status }).toEqual({ i, amount: expected.amount, status: 'PENDING' });

    expect(await issueRefund(app.runtime.deps, refund.id)).toBe('SUCCEEDED');
    const after = await purchaseRow(before.id);
    expect({ i, refunded: after.refundedAmount, status: after.status }).toEqual({
      i,
      refunded: before.refundedAmount + expected.amount,
      status: refundsInFull(held, expected) ? 'REFUNDED' : 'ESCROW',
    });
    // what stays in escrow for the sale is what the rule says is still refundable
    expect(after.price - after.refundedAmount).toBe(refundableAmount(held.price, money(before.refundedAmount + expected.amount, currency)).amount);

    // the job again changes nothing
    expect(await refundAcceptedDispute(app.runtime.deps, dispute.id)).toBe('ALREADY_DONE');
    expect((await purchaseRow(before.id)).refundedAmount).toBe(after.refundedAmount);
  }
  expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true, violations: [] });
});

describe('disallowed dispute decisions', () => {
  async function openOne() {
    const seller = await onboardedSeller(app);
    const { buyer, purchases } = await sellAndBuy(app, seller, [['AUTO_TEST_DRIVE', '20.00']]);
    const dispute = await openDispute(app.runtime.deps, buyer, { purchaseId: purchases[0]!.id, reason: 'FAKE' });
    return { buyer, purchase: purchases[0]!, dispute };
  }

  it('refuses to decide an accepted dispute again, by operator or automatic check, and refunds once', async () => {
    const { buyer, purchase, dispute } = await openOne();
    await acceptDispute(app.runtime.deps, operator, dispute.id, { refundAmount: money(500, purchase.currency) });
    await expect(acceptDispute(app.runtime.deps, operator, dispute.id, { refundAmount: null })).rejects.toMatchObject({
      code: 'DISPUTE_ALREADY_RESOLVED',
      message: 'This dispute was already accepted',
    });
    await expect(acceptDispute(app.runtime.deps, null, dispute.id, { refundAmount: null })).rejects.toMatchObject({ code: 'DISPUTE_ALREADY_RESOLVED' });
    await expect(rejectDispute(app.runtime.deps, operator, dispute.id, 'changed my mind')).rejects.toMatchObject({ code: 'DISPUTE_ALREADY_RESOLVED' });
    await expect(resolveDispute(app.runtime.deps, operator, dispute.id, 'REJECT', null, null)).rejects.toMatchObject({ code: 'DISPUTE_ALREADY_RESOLVED' });
    // the buyer cannot decide it at all, nor dispute the purchase a second time
    await expect(resolveDispute(app.runtime.deps, buyer, dispute.id, 'ACCEPT', null, null)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(openDispute(app.runtime.deps, buyer, { purchaseId: purchase.id, reason: 'FAKE' })).rejects.toMatchObject({ code: 'ALREADY_DISPUTED' });
    const refunds = await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, dispute.id));
    expect(refunds.map((r) => r.amount)).toEqual([500]);
    expect(await disputeRow(dispute.id)).toMatchObject({ status: 'ACCEPTED', refundAmount: 500 });
  });

  it('refuses to accept a rejected dispute, whoever asks', async () => {
    const { dispute } = await openOne();
    await rejectDispute(app.runtime.deps, operator, dispute.id, 'the person confirmed');
    await expect(acceptDispute(app.runtime.deps, operator, dispute.id, { refundAmount: null })).rejects.toMatchObject({
      code: 'DISPUTE_ALREADY_RESOLVED',
      message: 'This dispute was already rejected',
    });
    await expect(acceptDispute(app.runtime.deps, null, dispute.id, { refundAmount: null })).rejects.toMatchObject({ code: 'DISPUTE_ALREADY_RESOLVED' });
    await expect(rejectDispute(app.runtime.deps, operator, dispute.id, 'again')).rejects.toMatchObject({ code: 'DISPUTE_ALREADY_RESOLVED' });
    expect(await refundOf(dispute.id)).toBeUndefined();
    expect(await disputeRow(dispute.id)).toMatchObject({ status: 'REJECTED', note: 'the person confirmed' });
  });

  it('refuses a refund of nothing and lists only known statuses', async () => {
    const { purchase, dispute } = await openOne();
    await expect(acceptDispute(app.runtime.deps, operator, dispute.id, { refundAmount: money(0, purchase.currency) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(resolveDispute(app.runtime.deps, operator, dispute.id, 'ACCEPT', '0.00', null)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const { listDisputes } = await import('@leadex/core/domain/disputes/list-disputes');
    await expect(listDisputes(app.runtime.deps, asActor(operator, 'OPERATOR'), 'SETTLED', {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await disputeRow(dispute.id)).status).toBe('OPEN');
  });
});
