import { loadConfig } from '../../config';
import { minorDigits } from '../shared/money';
import { platformCurrencyProblem, STRIPE_THREE_DECIMAL, STRIPE_ZERO_DECIMAL } from './platform-currency.rules';
import { platformInfo } from './platform-info';

describe('which PLATFORM_CURRENCY a deployment may run in', () => {
  it('accepts currencies whose ISO minor unit is the unit Stripe counts in', () => {
    for (const code of ['USD', 'EUR', 'GBP', 'HUF', 'TWD', 'JPY', 'CLP', 'KRW', 'VND', 'XOF', 'BHD', 'JOD', 'KWD', 'OMR', 'TND']) {
      expect([code, platformCurrencyProblem(code)]).toEqual([code, null]);
    }
  });
  it('agrees with Stripe on every zero-decimal and three-decimal currency it accepts', () => {
    for (const code of STRIPE_ZERO_DECIMAL) if (!platformCurrencyProblem(code)) expect([code, minorDigits(code)]).toEqual([code, 0]);
    for (const code of STRIPE_THREE_DECIMAL) expect([code, platformCurrencyProblem(code), minorDigits(code)]).toEqual([code, null, 3]);
  });
  it('refuses codes that are not ISO 4217', () => {
    expect(platformCurrencyProblem('ABC')).toMatch(/not an ISO 4217 currency code/);
    expect(platformCurrencyProblem('usd')).toMatch(/not an ISO 4217 currency code/);
    expect(platformCurrencyProblem('EURO')).toMatch(/not an ISO 4217 currency code/);
  });
  it('refuses fund, metal and testing codes', () => {
    for (const code of ['XAU', 'XXX', 'XTS', 'XDR', 'CLF', 'UYI', 'BOV']) expect(platformCurrencyProblem(code)).toMatch(/fund, metal or testing code/);
  });
  it("refuses currencies where Stripe's amount is not the ISO minor unit", () => {
    expect(platformCurrencyProblem('ISK')).toMatch(/ISK is not supported: Stripe counts ISK amounts in hundredths/);
    expect(platformCurrencyProblem('UGX')).toMatch(/UGX is not supported/);
    expect(platformCurrencyProblem('MGA')).toMatch(/ISO 4217 gives MGA 2 decimal places, but Stripe counts its amounts in whole units/);
    expect(platformCurrencyProblem('IQD')).toMatch(/Stripe charges three-decimal amounts only in BHD, JOD, KWD, OMR, TND/);
    expect(platformCurrencyProblem('UYW')).toMatch(/fund, metal or testing code/);
  });
});

describe('the configuration of the platform currency', () => {
  const refusal = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('the configuration was accepted');
  };
  it('refuses at load an unknown code or one the product cannot charge, naming the variable', () => {
    expect(refusal({ PLATFORM_CURRENCY: 'ABC' })).toMatch(/PLATFORM_CURRENCY: "ABC" is not an ISO 4217 currency code/);
    expect(refusal({ PLATFORM_CURRENCY: 'ISK' })).toMatch(/PLATFORM_CURRENCY: ISK is not supported/);
    expect(refusal({ PLATFORM_CURRENCY: 'usd' })).toMatch(/PLATFORM_CURRENCY/);
  });
  it("reads MIN_PAYOUT in the platform currency's digits", () => {
    expect(loadConfig({ PLATFORM_CURRENCY: 'JPY' }).MIN_PAYOUT).toBe('50');
    expect(refusal({ PLATFORM_CURRENCY: 'JPY', MIN_PAYOUT: '50.00' })).toMatch(/MIN_PAYOUT: more decimal places than JPY has/);
    expect(loadConfig({ PLATFORM_CURRENCY: 'TND', MIN_PAYOUT: '12.345' }).MIN_PAYOUT).toBe('12.345');
    expect(refusal({ PLATFORM_CURRENCY: 'USD', MIN_PAYOUT: '12.345' })).toMatch(/MIN_PAYOUT/);
  });
  it('tells clients the currency and its digits', () => {
    expect(platformInfo(loadConfig({}))).toEqual({ currency: 'USD', minorUnitDigits: 2 });
    expect(platformInfo(loadConfig({ PLATFORM_CURRENCY: 'CLP' }))).toEqual({ currency: 'CLP', minorUnitDigits: 0 });
    expect(platformInfo(loadConfig({ PLATFORM_CURRENCY: 'KWD' }))).toEqual({ currency: 'KWD', minorUnitDigits: 3 });
  });
});
