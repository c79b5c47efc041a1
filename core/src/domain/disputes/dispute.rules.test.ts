import { automaticAcceptanceAllowed, withinReturnWindow } from './dispute.rules';

describe('dispute rules', () => {
  const bought = new Date('2026-11-20T12:00:00Z');
  it('keeps the window open until the last millisecond of it', () => {
    expect(withinReturnWindow(bought, 72, new Date('2026-11-23T11:59:59.999Z'))).toBe(true);
    expect(withinReturnWindow(bought, 72, new Date('2026-11-23T12:00:00Z'))).toBe(false);
  });
  it('withdraws automatic acceptance from buyers with abnormal return rates', () => {
    expect(automaticAcceptanceAllowed(5, 5)).toBe(true); // too few purchases to judge
    expect(automaticAcceptanceAllowed(10, 3)).toBe(true);
    expect(automaticAcceptanceAllowed(10, 4)).toBe(false);
    expect(automaticAcceptanceAllowed(100, 30)).toBe(true);
    expect(automaticAcceptanceAllowed(100, 31)).toBe(false);
  });
});
