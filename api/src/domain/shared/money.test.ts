import { formatDecimal, parseDecimal, roundHalfUp } from './money';

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
