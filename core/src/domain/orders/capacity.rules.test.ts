import { freeCapacity } from './capacity.rules';

const now = new Date('2026-11-23T12:00:00Z');
const lead = { status: 'LISTED', expiresAt: new Date('2026-11-24T00:00:00Z'), maxSales: 3, salesCount: 1, reservedCount: 1 };

describe('free capacity', () => {
  it('counts paid sales and unpaid reservations against the limit', () => {
    expect(freeCapacity(lead, now)).toBe(1);
    expect(freeCapacity({ ...lead, reservedCount: 2 }, now)).toBe(0);
  });
  it('is nothing for a lead that is not listed or has expired', () => {
    expect(freeCapacity({ ...lead, status: 'WITHDRAWN' }, now)).toBe(0);
    expect(freeCapacity({ ...lead, expiresAt: now }, now)).toBe(0);
  });
});
