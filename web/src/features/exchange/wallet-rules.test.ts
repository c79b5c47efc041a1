import { checkTopUpAmount, forgetTopUp, recallTopUp, rememberTopUp, topUpPhase } from './wallet-rules';

describe('top-up amount', () => {
  it('accepts 1.00 to 1,000,000.00 and sends a Decimal string', () => {
    expect(checkTopUpAmount('50', 2)).toEqual({ amount: '50.00', minor: 5000 });
    expect(checkTopUpAmount(' 1 ', 2)).toEqual({ amount: '1.00', minor: 100 });
    expect(checkTopUpAmount('1000000', 2)).toEqual({ amount: '1000000.00', minor: 100_000_000 });
    expect(checkTopUpAmount('99,95', 2)).toEqual({ amount: '99.95', minor: 9995 });
  });

  it("takes the platform's digits: whole amounts in CLP, three decimals in TND", () => {
    expect(checkTopUpAmount('5000', 0)).toEqual({ amount: '5000', minor: 5000 });
    expect(checkTopUpAmount('50.5', 0)).toEqual({ error: 'An amount like 100, from 1 to 1000000.' });
    expect(checkTopUpAmount('12,345', 3)).toEqual({ amount: '12.345', minor: 12_345 });
    expect(checkTopUpAmount('0.999', 3)).toEqual({ error: 'Top up from 1.000 to 1000000.000.' });
  });

  it('refuses amounts out of bounds or malformed', () => {
    expect(checkTopUpAmount('0.99', 2)).toEqual({ error: 'Top up from 1.00 to 1000000.00.' });
    expect(checkTopUpAmount('1000000.01', 2)).toEqual({ error: expect.stringMatching(/^Top up/) });
    for (const bad of ['', 'ten', '-5', '5.001']) expect(checkTopUpAmount(bad, 2)).toEqual({ error: expect.stringMatching(/^An amount like/) });
  });
});

describe('back from Checkout', () => {
  const base = { pending: { amountMinor: 10_000, beforeMinor: 2_000 }, firstSeenMinor: 2_000, polls: 0, maxPolls: 5 };

  it('confirms once the balance holds the top-up', () => {
    expect(topUpPhase({ ...base, currentMinor: 2_000 })).toBe('confirming');
    expect(topUpPhase({ ...base, currentMinor: 12_000, firstSeenMinor: 12_000 })).toBe('confirmed');
  });

  it('confirms when the balance rose since the page first saw it (nothing remembered)', () => {
    expect(topUpPhase({ ...base, pending: null, currentMinor: 2_000 })).toBe('confirming');
    expect(topUpPhase({ ...base, pending: null, currentMinor: 2_500 })).toBe('confirmed');
  });

  it('stops asking after a few polls, unconfirmed (not failed)', () => {
    expect(topUpPhase({ ...base, currentMinor: 2_000, polls: 5 })).toBe('unconfirmed');
  });

  it('remembers the pending top-up across the trip to Stripe', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    expect(recallTopUp(storage)).toBeNull();
    rememberTopUp({ amountMinor: 5000, beforeMinor: 100 }, storage);
    expect(recallTopUp(storage)).toEqual({ amountMinor: 5000, beforeMinor: 100 });
    forgetTopUp(storage);
    expect(recallTopUp(storage)).toBeNull();
    store.set('leadex.pendingTopUp', '{"amountMinor":"x"}');
    expect(recallTopUp(storage)).toBeNull();
  });
});
