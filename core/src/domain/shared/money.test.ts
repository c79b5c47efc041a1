import { DomainError } from './domain-error';
import { chargeStep, formatDecimal, minorDigits, moneyInputErrors, moneyInputOrNull, parseDecimal, parseMoneyInput, roundHalfUp, roundToStep } from './money';

describe('money', () => {
  it('formats minor units as a Decimal string', () => {
    expect(formatDecimal(1250, 'USD')).toBe('12.50');
    expect(formatDecimal(5, 'USD')).toBe('0.05');
    expect(formatDecimal(-5, 'USD')).toBe('-0.05');
    expect(formatDecimal(1200, 'JPY')).toBe('1200');
  });
  it('parses a Decimal string into minor units and refuses too many digits', () => {
    expect(parseDecimal('12.5', 'USD')).toBe(1250);
    expect(parseDecimal('12', 'USD')).toBe(1200);
    expect(parseDecimal('0.01', 'USD')).toBe(1);
    expect(parseDecimal('12.345', 'USD')).toBeNull();
    expect(parseDecimal('1e3', 'USD')).toBeNull();
    expect(parseDecimal('', 'USD')).toBeNull();
    expect(parseDecimal('-3.10', 'USD')).toBe(-310);
  });
  it('rounds halves up despite binary noise', () => {
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(267.49999999999994)).toBe(268);
    expect(roundHalfUp(2.4)).toBe(2);
  });
});

describe('the charge step', () => {
  it("is ten thousandths in Stripe's three-decimal currencies and one minor unit elsewhere", () => {
    expect(['TND', 'KWD', 'BHD', 'JOD', 'OMR', 'USD', 'EUR', 'JPY', 'CLP'].map(chargeStep)).toEqual([10, 10, 10, 10, 10, 1, 1, 1, 1]);
  });
  it('rounds half-up to a multiple of the step, from whole or fractional minor units', () => {
    expect([12345, 12344, 12340, 12349.9, 12344.9999999999, 0].map((v) => roundToStep(v, 10))).toEqual([12350, 12340, 12340, 12350, 12350, 0]);
    // step 1 is roundHalfUp itself
    for (const v of [2.5, 267.49999999999994, 2.4, 1005 * 0.7]) expect(roundToStep(v, 1)).toBe(roundHalfUp(v));
  });
  it('refuses a typed amount off the step, naming the step in the currency', () => {
    expect(moneyInputErrors('12.345', 'TND', 'amount', { step: 10 })).toEqual([{ path: 'amount', message: 'must be a multiple of 0.010 TND' }]);
    expect(moneyInputErrors('12.340', 'TND', 'amount', { step: 10 })).toEqual([]);
    expect(moneyInputErrors('12.34', 'TND', 'amount', { step: 10 })).toEqual([]);
    expect(parseMoneyInput('0.010', 'KWD', 'amount', { min: 1, step: 10 })).toBe(10);
    expect(moneyInputOrNull('0.005', 'KWD', { min: 1, step: 10 })).toBeNull();
    // the digits and the bounds are told first; a step of 1 changes nothing
    expect(moneyInputErrors('1.2345', 'TND', 'amount', { step: 10 })[0]!.message).toBe('at most 3 decimal places for TND');
    expect(moneyInputErrors('0', 'TND', 'amount', { min: 1, step: 10 })[0]!.message).toBe('must be more than 0.000 TND');
    expect(moneyInputErrors('10.71', 'USD', 'amount', { step: chargeStep('USD') })).toEqual([]);
  });
});

describe('amounts users type', () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      return { code: (err as DomainError).code, category: (err as DomainError).category, fields: (err as DomainError).fields };
    }
    throw new Error('expected a refusal');
  };

  it("takes an amount with at most the currency's digits", () => {
    expect(parseMoneyInput('10.71', 'USD', 'filter.maxPrice')).toBe(1071);
    expect(parseMoneyInput('10.7', 'USD', 'filter.maxPrice')).toBe(1070);
    expect(parseMoneyInput('1200', 'JPY', 'amount')).toBe(1200);
    expect(parseMoneyInput('1.234', 'KWD', 'amount')).toBe(1234);
    expect(parseMoneyInput('0', 'USD', 'amount')).toBe(0);
  });
  it('refuses one fractional digit too many as bad input at its path, never dropping or rounding it', () => {
    expect(refusal(() => parseMoneyInput('0.001', 'USD', 'filter.maxPrice'))).toEqual({
      code: 'INVALID_INPUT',
      category: 'BAD_USER_INPUT',
      fields: [{ path: 'filter.maxPrice', message: 'at most 2 decimal places for USD' }],
    });
    expect(moneyInputErrors('12.5', 'JPY', 'amount')).toEqual([{ path: 'amount', message: 'must be a whole amount for JPY (no decimal places)' }]);
    expect(moneyInputErrors('1.2345', 'KWD', 'amount')).toEqual([{ path: 'amount', message: 'at most 3 decimal places for KWD' }]);
    expect(moneyInputErrors('12.000', 'USD', 'amount')).toHaveLength(1);
  });
  it('refuses negative amounts unless the bounds allow them, and amounts under a minimum', () => {
    expect(moneyInputErrors('-1.00', 'USD', 'input.maxBid')).toEqual([{ path: 'input.maxBid', message: 'must not be negative' }]);
    expect(moneyInputErrors('0', 'USD', 'input.maxBid', { min: 1 })).toEqual([{ path: 'input.maxBid', message: 'must be more than 0.00 USD' }]);
    expect(moneyInputErrors('0.99', 'USD', 'amount', { min: 100 })).toEqual([{ path: 'amount', message: 'at least 1.00 USD' }]);
    expect(moneyInputErrors('-5', 'USD', 'delta', { min: -1000 })).toEqual([]);
  });
  it('refuses huge amounts beyond the safe maximum or the given one', () => {
    expect(moneyInputErrors('10000000.01', 'USD', 'amount')).toEqual([{ path: 'amount', message: 'at most 10000000.00 USD' }]);
    expect(moneyInputErrors('99999999999999999999', 'USD', 'amount')).toEqual([{ path: 'amount', message: 'at most 10000000.00 USD' }]);
    expect(moneyInputErrors('10000000', 'KWD', 'amount')).toEqual([]);
    expect(moneyInputErrors('1000000.01', 'USD', 'amount', { max: 1_000_000_00 })).toEqual([{ path: 'amount', message: 'at most 1000000.00 USD' }]);
  });
  it('refuses text that is not a plain decimal', () => {
    for (const text of ['1e3', '', '12.', '.5', '+1', '0x10', 'NaN', '1,5']) {
      expect(moneyInputErrors(text, 'USD', 'amount')).toEqual([{ path: 'amount', message: 'must be a decimal amount like "12.50"' }]);
    }
    expect(moneyInputErrors('x', 'JPY', 'amount')[0]!.message).toBe('must be a decimal amount like "12"');
    expect(moneyInputErrors('x', 'KWD', 'amount')[0]!.message).toBe('must be a decimal amount like "12.500"');
  });
  it('answers null instead of throwing for per-item callers', () => {
    expect(moneyInputOrNull('4.50', 'USD')).toBe(450);
    expect(moneyInputOrNull('4.505', 'USD')).toBeNull();
    expect(moneyInputOrNull('-4.50', 'USD')).toBeNull();
  });
});

describe('minor-unit digits (ISO 4217)', () => {
  it("takes each currency's digits from ISO 4217, not a default of 2", () => {
    const digits = Object.fromEntries(['JPY', 'ISK', 'CLP', 'KRW', 'HUF', 'USD', 'EUR', 'IRR', 'TND', 'KWD', 'BHD', 'CLF'].map((c) => [c, minorDigits(c)]));
    expect(digits).toEqual({ JPY: 0, ISK: 0, CLP: 0, KRW: 0, HUF: 2, USD: 2, EUR: 2, IRR: 2, TND: 3, KWD: 3, BHD: 3, CLF: 4 });
  });
  it('refuses a code that is not ISO 4217 instead of guessing', () => {
    for (const code of ['ABC', 'usd', 'US', '']) expect(() => minorDigits(code)).toThrow(RangeError);
  });
  it('formats and parses back every amount in a 0-digit currency', () => {
    for (const [minor, text] of [
      [0, '0'],
      [7, '7'],
      [1200, '1200'],
      [-35, '-35'],
      [123456789, '123456789'],
    ] as const) {
      expect(formatDecimal(minor, 'CLP')).toBe(text);
      expect(parseDecimal(text, 'CLP')).toBe(minor);
    }
    expect(parseDecimal('12.5', 'ISK')).toBeNull();
    expect(parseDecimal('12.0', 'JPY')).toBeNull();
  });
  it('formats and parses back every amount in a 3-digit currency', () => {
    for (const [minor, text] of [
      [0, '0.000'],
      [5, '0.005'],
      [50, '0.050'],
      [12340, '12.340'],
      [-1, '-0.001'],
      [1234567, '1234.567'],
    ] as const) {
      expect(formatDecimal(minor, 'TND')).toBe(text);
      expect(parseDecimal(text, 'TND')).toBe(minor);
    }
    expect(parseDecimal('12.5', 'KWD')).toBe(12500);
    expect(parseDecimal('0.0001', 'BHD')).toBeNull();
  });
  it('round-trips a sum of many small amounts exactly in 0 and 3 digits', () => {
    const tnd = ['0.001', '0.010', '0.100', '1.234'].map((t) => parseDecimal(t, 'TND')!).reduce((a, b) => a + b, 0);
    expect(formatDecimal(tnd, 'TND')).toBe('1.345');
    const jpy = ['1', '10', '100'].map((t) => parseDecimal(t, 'JPY')!).reduce((a, b) => a + b, 0);
    expect(formatDecimal(jpy, 'JPY')).toBe('111');
  });
});
