import { leadHistory } from './lead-history.rules';

const t = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, minutes));

describe("a lead's history", () => {
  it('is submission, checks, listing, sales, returns and settlement, oldest first', () => {
    const history = leadHistory({
      lead: { createdAt: t(0), listedAt: t(5), erasedAt: null },
      findings: [{ createdAt: t(0), message: 'Disposable e-mail domain', severity: 'WARNING' }],
      sales: [
        { id: 'pur_1', purchasedAt: t(10), price: 4000, sellerNet: 3200, settledAt: t(50) },
        { id: 'pur_2', purchasedAt: t(20), price: 4000, sellerNet: 3200, settledAt: null },
      ],
      disputes: [{ purchaseId: 'pur_2', openedAt: t(30), resolvedAt: t(40), reason: 'INVALID_CONTACT', status: 'ACCEPTED', refundAmount: 4000 }],
    });
    expect(history.map((e) => [e.kind, e.saleId])).toEqual([
      ['SUBMITTED', null],
      ['CHECK', null],
      ['LISTED', null],
      ['SOLD', 'pur_1'],
      ['SOLD', 'pur_2'],
      ['DISPUTE_OPENED', 'pur_2'],
      ['DISPUTE_RESOLVED', 'pur_2'],
      ['SETTLED', 'pur_1'],
    ]);
    expect(history[1]).toMatchObject({ detail: 'Disposable e-mail domain', severity: 'WARNING' });
    expect(history[6]).toMatchObject({ disputeReason: 'INVALID_CONTACT', disputeStatus: 'ACCEPTED', amount: 4000 });
    expect(history[7]).toMatchObject({ amount: 3200 });
  });

  it('shows an open return without a decision, and an erasure last', () => {
    const history = leadHistory({
      lead: { createdAt: t(0), listedAt: null, erasedAt: t(9) },
      findings: [],
      sales: [{ id: 'pur_1', purchasedAt: t(1), price: 100, sellerNet: 80, settledAt: null }],
      disputes: [{ purchaseId: 'pur_1', openedAt: t(2), resolvedAt: null, reason: 'FAKE', status: 'OPEN', refundAmount: null }],
    });
    expect(history.map((e) => e.kind)).toEqual(['SUBMITTED', 'SOLD', 'DISPUTE_OPENED', 'ERASED']);
  });
});
