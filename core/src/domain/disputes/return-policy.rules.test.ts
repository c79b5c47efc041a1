import { DISPUTE_REASONS } from './dispute.rules';
import {
  EMPTY_POLICY,
  autoAcceptRuleFor,
  effectiveReturnPolicy,
  returnRateCapReached,
  returnRefusal,
  type EffectiveReturnPolicy,
  type ReturnRequest,
} from './return-policy.rules';

const bought = new Date('2026-11-20T12:00:00Z');
const hours = (h: number) => new Date(bought.getTime() + h * 3_600_000);

describe('the effective return policy', () => {
  it('is today behaviour when no policy is set', () => {
    expect(effectiveReturnPolicy(48, null, null)).toEqual({
      windowHours: 48,
      allowedReasons: [...DISPUTE_REASONS],
      autoAccept: [],
      maxReturnRatePercent: null,
      rateLookbackDays: 30,
      rateMinPurchases: 10,
      allowedRemedies: ['REFUND'],
    });
    expect(effectiveReturnPolicy(undefined, null, null).windowHours).toBe(72);
  });

  it('takes the buyer override field by field over the segment policy', () => {
    const segment = {
      ...EMPTY_POLICY,
      windowHours: 24,
      allowedReasons: ['FAKE' as const],
      maxReturnRatePercent: 15,
      allowedRemedies: ['REFUND' as const, 'REPLACEMENT' as const],
    };
    const buyer = { ...EMPTY_POLICY, windowHours: 96, maxReturnRatePercent: 25 };
    expect(effectiveReturnPolicy(72, segment, buyer)).toMatchObject({
      windowHours: 96,
      allowedReasons: ['FAKE'],
      maxReturnRatePercent: 25,
      allowedRemedies: ['REFUND', 'REPLACEMENT'],
    });
    expect(effectiveReturnPolicy(72, segment, null).windowHours).toBe(24);
    expect(effectiveReturnPolicy(72, null, buyer).allowedReasons).toEqual([...DISPUTE_REASONS]);
  });
});

describe('the return-rate cap', () => {
  const cap = { maxReturnRatePercent: 15, rateMinPurchases: 10 };
  it('refuses at or above the cap', () => {
    expect(returnRateCapReached(cap, { purchases: 20, returns: 2 })).toBe(false); // 10 %
    expect(returnRateCapReached(cap, { purchases: 20, returns: 3 })).toBe(true); // exactly 15 %
    expect(returnRateCapReached(cap, { purchases: 100, returns: 14 })).toBe(false);
    expect(returnRateCapReached(cap, { purchases: 100, returns: 16 })).toBe(true);
  });
  it('never judges a buyer with fewer purchases than the minimum, nor without a cap', () => {
    expect(returnRateCapReached(cap, { purchases: 9, returns: 9 })).toBe(false);
    expect(returnRateCapReached(cap, { purchases: 10, returns: 2 })).toBe(true);
    expect(returnRateCapReached({ ...cap, rateMinPurchases: 0 }, { purchases: 0, returns: 0 })).toBe(false);
    expect(returnRateCapReached({ ...cap, maxReturnRatePercent: null }, { purchases: 100, returns: 100 })).toBe(false);
  });
});

describe('refusals', () => {
  const policy: EffectiveReturnPolicy = {
    ...effectiveReturnPolicy(72, null, null),
    allowedReasons: ['FAKE', 'DUPLICATE'],
    allowedRemedies: ['REFUND', 'WALLET_CREDIT'],
    maxReturnRatePercent: 15,
  };
  const request: ReturnRequest = { purchasedAt: bought, now: hours(1), reason: 'FAKE', remedy: 'REFUND', history: { purchases: 20, returns: 0 } };
  it('checks window, reason, remedy and cap in that order', () => {
    expect(returnRefusal(policy, request)).toBeNull();
    expect(returnRefusal(policy, { ...request, now: hours(72) })?.code).toBe('RETURN_WINDOW_CLOSED');
    expect(returnRefusal(policy, { ...request, reason: 'OTHER', remedy: 'REPLACEMENT' })).toMatchObject({
      code: 'RETURN_REASON_NOT_ALLOWED',
      path: 'input.reason',
    });
    expect(returnRefusal(policy, { ...request, remedy: 'REPLACEMENT' })).toMatchObject({ code: 'REMEDY_NOT_ALLOWED', path: 'input.remedy' });
    expect(returnRefusal(policy, { ...request, history: { purchases: 20, returns: 3 } })?.code).toBe('RETURN_RATE_CAP_REACHED');
  });
});

describe('automatic acceptance by reason', () => {
  const policy = { autoAccept: [{ reason: 'DUPLICATE' as const, withinHours: 24 }] };
  it('takes its reason until its time limit, not after, and no other reason', () => {
    expect(autoAcceptRuleFor(policy, 'DUPLICATE', bought, hours(23.99))).toEqual({ reason: 'DUPLICATE', withinHours: 24 });
    expect(autoAcceptRuleFor(policy, 'DUPLICATE', bought, hours(24))).toBeNull();
    expect(autoAcceptRuleFor(policy, 'FAKE', bought, hours(1))).toBeNull();
  });
});
