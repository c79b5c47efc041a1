import { DISPUTE_REASONS, canDispute, disputeDeadline, initialRemedy, offeredReasons, validateDispute } from './dispute-rules';

describe('dispute rules', () => {
  const purchasedAt = '2026-11-20T10:00:00Z';
  const deadline = disputeDeadline(purchasedAt, 72);

  it('closes the return window the segment’s hours after the purchase', () => {
    expect(deadline.toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('allows one dispute on a purchase in escrow, inside the window', () => {
    const before = new Date('2026-11-23T09:59:59Z');
    expect(canDispute({ status: 'ESCROW', dispute: null }, deadline, before)).toBe(true);
    expect(canDispute({ status: 'ESCROW', dispute: null }, deadline, new Date('2026-11-23T10:00:00Z'))).toBe(false);
    expect(canDispute({ status: 'ESCROW', dispute: { id: 'dsp_1' } }, deadline, before)).toBe(false);
    expect(canDispute({ status: 'SETTLED', dispute: null }, deadline, before)).toBe(false);
    expect(canDispute({ status: 'REFUNDED', dispute: null }, deadline, before)).toBe(false);
  });

  it('needs a reason, and evidence when the reason is OTHER', () => {
    expect(validateDispute({ reason: '', evidence: '' })).toEqual({ reason: expect.any(String) });
    expect(validateDispute({ reason: 'FAKE', evidence: '' })).toEqual({});
    expect(validateDispute({ reason: 'OTHER', evidence: '   ' })).toEqual({ evidence: expect.stringMatching(/Describe/) });
    expect(validateDispute({ reason: 'OTHER', evidence: 'Answered in another language and hung up' })).toEqual({});
    expect(validateDispute({ reason: 'FAKE', evidence: 'x'.repeat(5001) }).evidence).toMatch(/At most 5000/);
  });
});

describe('what the return policy lets the form offer', () => {
  it('offers the allowed reasons, all of them until the policy is known', () => {
    expect(offeredReasons(['FAKE', 'DUPLICATE']).map((r) => r.value)).toEqual(['DUPLICATE', 'FAKE']);
    expect(offeredReasons(null)).toBe(DISPUTE_REASONS);
  });
  it('preselects a refund when allowed, else the first allowed remedy', () => {
    expect(initialRemedy(['WALLET_CREDIT', 'REFUND'])).toBe('REFUND');
    expect(initialRemedy(['REPLACEMENT', 'WALLET_CREDIT'])).toBe('REPLACEMENT');
    expect(initialRemedy([])).toBeNull();
  });
});
