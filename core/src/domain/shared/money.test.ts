import { DomainError } from './domain-error';
import { formatDecimal, moneyInputErrors, moneyInputOrNull, parseDecimal, parseMoneyInput, roundHalfUp } from './money';

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
    expect(roundHalfUp(267.49999999999997)).toBe(268);
    expect(roundHalfUp(2.4)).toBe(2);
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

  it('takes an amount with at most the currency\'s digits', () => {
    expect(parseMoneyInput('10.71', 'USD', 'filter.maxPrice')).toBe(1071);
    expect(parseMoneyInput('10.7', 'USD', 'filter.maxPrice')).toBe(1070);
    expect(parseMoneyInput('1200', 'JPY', 'amount')).toBe(1200);
    expect(parseMoneyInput('1.234', 'KWD', 'amount')).toBe(1234);
    expect(parseMoneyInput('0', 'USD', 'amount')).toBe(0);
  });
  it('refuses one fractional digit too many as bad input at its path, never dropping or rounding it', () => {
    expect(refusal(() => parseMoneyInput('0.001', 'USD', 'filter.maxPrice'))).toEqual({
      code: 'INVALID_INPUT', category: 'BAD_USER_INPUT', fields: [{ path: 'filter.maxPrice', message: 'at most 2 decimal places for USD' }],
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
