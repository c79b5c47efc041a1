import { inSchedule, localTime, runAuction, type Bid } from './campaign.rules';

const t0 = new Date('2026-01-01T00:00:00Z');
const bid = (campaignId: string, maxBid: number, buyer = campaignId, minutes = 0): Bid => ({
  campaignId,
  buyerOrgId: buyer,
  maxBid,
  createdAt: new Date(t0.getTime() + minutes * 60_000),
});

describe('second-price auction', () => {
  it('gives an exclusive lead to the highest bid at the next bid plus one minor unit', () => {
    expect(runAuction([bid('a', 5000), bid('b', 4200), bid('c', 3000)], 1000, 1)).toEqual([{ campaignId: 'a', buyerOrgId: 'a', price: 4201 }]);
  });
  it('charges at least the seller ask and never more than the winning bid', () => {
    expect(runAuction([bid('a', 5000), bid('b', 900)], 2000, 1)).toEqual([{ campaignId: 'a', buyerOrgId: 'a', price: 2000 }]);
    expect(runAuction([bid('a', 5000), bid('b', 5000, 'b', 5)], 1000, 1)).toEqual([{ campaignId: 'a', buyerOrgId: 'a', price: 5000 }]);
    expect(runAuction([bid('a', 5000)], 1000, 1)).toEqual([{ campaignId: 'a', buyerOrgId: 'a', price: 1000 }]);
  });
  it('breaks ties by the older campaign, then the id', () => {
    expect(runAuction([bid('b', 3000, 'b', 1), bid('a', 3000, 'a', 2)], 100, 1)[0]!.campaignId).toBe('b');
    expect(runAuction([bid('b', 3000, 'b'), bid('a', 3000, 'a')], 100, 1)[0]!.campaignId).toBe('a');
  });
  it('sells a shared lead to the top N buyers at one clearing price, one win per buyer', () => {
    const awards = runAuction([bid('a', 5000), bid('a2', 4900, 'a'), bid('b', 4000), bid('c', 3500), bid('d', 3000)], 1000, 3);
    expect(awards).toEqual([
      { campaignId: 'a', buyerOrgId: 'a', price: 3001 },
      { campaignId: 'b', buyerOrgId: 'b', price: 3001 },
      { campaignId: 'c', buyerOrgId: 'c', price: 3001 },
    ]);
  });
  it('prices on the charge step in a three-decimal currency: the next bid plus one step, rounded down at a cap', () => {
    expect(runAuction([bid('a', 5000), bid('b', 4200)], 1000, 1, 10)).toEqual([{ campaignId: 'a', buyerOrgId: 'a', price: 4210 }]);
    // a bid capped by a wallet rest off the step: the winner pays at most it, rounded down to the step
    expect(runAuction([bid('a', 4205), bid('b', 4200)], 1000, 1, 10)).toEqual([{ campaignId: 'a', buyerOrgId: 'a', price: 4200 }]);
    // a losing bid off the step: still above it, on the step
    expect(runAuction([bid('a', 5000), bid('b', 4203)], 1000, 1, 10)).toEqual([{ campaignId: 'a', buyerOrgId: 'a', price: 4210 }]);
    expect(runAuction([bid('a', 5000)], 1230, 1, 10)).toEqual([{ campaignId: 'a', buyerOrgId: 'a', price: 1230 }]);
  });
  it('ignores bids under the ask, and sells nothing without slots', () => {
    expect(runAuction([bid('a', 500)], 1000, 1)).toEqual([]);
    expect(runAuction([bid('a', 5000)], 1000, 0)).toEqual([]);
  });
});

describe('schedule windows', () => {
  const mondayNoonUtc = new Date('2026-11-23T12:00:00Z'); // Monday
  it('reads the local weekday and time in the campaign time zone', () => {
    expect(localTime(mondayNoonUtc, 'America/New_York')).toMatchObject({ day: 'MON', time: '07:00' });
    expect(localTime(mondayNoonUtc, 'Asia/Tokyo')).toMatchObject({ day: 'MON', time: '21:00' });
    expect(localTime(new Date('2026-11-23T16:30:00Z'), 'Asia/Tokyo')).toMatchObject({ day: 'TUE', time: '01:30' });
  });
  it('is on inside [from, to) on the listed days only', () => {
    const office = [{ days: ['MON', 'TUE'] as const, from: '09:00', to: '18:00' }].map((w) => ({ ...w, days: [...w.days] }));
    expect(inSchedule(office, 'Europe/Berlin', mondayNoonUtc)).toBe(true); // 13:00 Berlin
    expect(inSchedule(office, 'America/New_York', mondayNoonUtc)).toBe(false); // 07:00
    expect(inSchedule(office, 'Europe/Berlin', new Date('2026-11-23T17:00:00Z'))).toBe(false); // 18:00 Berlin: closed
    expect(inSchedule(office, 'Europe/Berlin', new Date('2026-11-25T12:00:00Z'))).toBe(false); // Wednesday
    expect(inSchedule([], 'UTC', mondayNoonUtc)).toBe(true);
  });
});
