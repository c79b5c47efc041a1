import { currencyDigits, divideRounded, formatAmount, money, parseAmount, toMinor } from './money';

describe('money in minor units', () => {
  it('parses decimal strings exactly, refusing more digits than the currency has', () => {
    expect(parseAmount('12.50', 2)).toBe(1250);
    expect(parseAmount('12.5', 2)).toBe(1250);
    expect(parseAmount('12', 2)).toBe(1200);
    expect(parseAmount('0.07', 2)).toBe(7);
    expect(parseAmount('-3.10', 2)).toBe(-310);
    expect(parseAmount('0.1', 2)).toBe(10); // no float drift: 0.1 + 0.2 style sums stay exact
    expect(parseAmount('1.234', 2)).toBeNull();
    expect(parseAmount('12,50', 2)).toBeNull();
    expect(parseAmount('', 2)).toBeNull();
    expect(parseAmount('500', 0)).toBe(500);
  });

  it('formats minor units back to decimals', () => {
    expect(formatAmount(1250, 2)).toBe('12.50');
    expect(formatAmount(5, 2)).toBe('0.05');
    expect(formatAmount(-5, 2)).toBe('-0.05');
    expect(formatAmount(0, 2)).toBe('0.00');
    expect(formatAmount(700, 0)).toBe('700');
  });

  it('knows the digits of common currencies', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('not a currency')).toBe(2);
  });

  it('round-trips Money values', () => {
    expect(toMinor({ amount: '19.99', currencyCode: 'USD' })).toBe(1999);
    expect(money(1999, 'USD')).toEqual({ amount: '19.99', currencyCode: 'USD' });
    const sum = ['0.10', '0.20'].map((amount) => toMinor({ amount, currencyCode: 'USD' })).reduce((a, b) => a + b, 0);
    expect(money(sum, 'USD').amount).toBe('0.30');
  });

  it('divides rounding half away from zero, and not by zero', () => {
    expect(divideRounded(1000, 3)).toBe(333);
    expect(divideRounded(1001, 2)).toBe(501);
    expect(divideRounded(999, 2)).toBe(500);
    expect(divideRounded(-1001, 2)).toBe(-501);
    expect(divideRounded(5, 0)).toBeNull();
  });
});
