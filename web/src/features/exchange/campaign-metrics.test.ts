import { budgetProgress, capProgress, idleReason, percentOf } from './campaign-metrics';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

describe('budget progress', () => {
  it('measures spend against the budget in minor units', () => {
    expect(budgetProgress(usd('25.00'), usd('100.00'), 2)).toEqual({
      spent: usd('25.00'),
      budget: usd('100.00'),
      left: usd('75.00'),
      percent: 25,
      exhausted: false,
    });
    // 0.1 + 0.2 style amounts stay exact
    expect(budgetProgress(usd('0.30'), usd('0.90'), 2).left).toEqual(usd('0.60'));
    expect(budgetProgress(usd('0.30'), usd('0.90'), 2).percent).toBe(33);
  });

  it('rounds down so an almost spent budget is not shown as full, and caps at 100', () => {
    expect(budgetProgress(usd('99.99'), usd('100.00'), 2).percent).toBe(99);
    expect(budgetProgress(usd('100.00'), usd('100.00'), 2)).toMatchObject({ percent: 100, exhausted: true, left: usd('0.00') });
    // whatever the numbers, the bar never goes past full
    expect(budgetProgress(usd('100.01'), usd('100.00'), 2)).toMatchObject({ percent: 100, exhausted: true, left: usd('0.00') });
  });

  it('without a budget there is no bar', () => {
    expect(budgetProgress(usd('250.00'), null, 2)).toEqual({ spent: usd('250.00'), budget: null, left: null, percent: null, exhausted: false });
  });

  it('percentOf handles an empty total', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 0)).toBe(100);
  });
});

describe('daily cap progress', () => {
  it('counts wins against the cap', () => {
    expect(capProgress(3, 10)).toEqual({ won: 3, cap: 10, percent: 30, reached: false });
    expect(capProgress(10, 10)).toMatchObject({ percent: 100, reached: true });
    expect(capProgress(4, null)).toEqual({ won: 4, cap: null, percent: null, reached: false });
  });
});

describe('why a campaign is not bidding', () => {
  const c = { active: true, spent: usd('0.00'), budget: usd('100.00'), wonToday: 0, dailyCap: 5 };
  it('names the first reason that applies', () => {
    expect(idleReason(c, usd('50.00'), 2)).toBeNull();
    expect(idleReason({ ...c, active: false }, usd('50.00'), 2)).toMatch(/^Paused/);
    expect(idleReason({ ...c, spent: usd('100.00') }, usd('50.00'), 2)).toMatch(/^Budget spent/);
    expect(idleReason({ ...c, wonToday: 5 }, usd('50.00'), 2)).toMatch(/^Daily cap reached/);
    expect(idleReason(c, usd('0.00'), 2)).toMatch(/wallet is empty/);
    expect(idleReason(c, null, 2)).toBeNull();
  });
});
