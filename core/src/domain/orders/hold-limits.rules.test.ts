import { holdLimitBreach } from './hold-limits.rules';

const limits = { maxHeldLeads: 100, maxOpenOrders: 5 };

describe('hold limits per buyer', () => {
  it('lets an order that brings the held leads exactly to the cap through', () => {
    expect(holdLimitBreach({ heldLeads: 90, openOrders: 4 }, 10, limits)).toBeNull();
    expect(holdLimitBreach({ heldLeads: 0, openOrders: 0 }, 100, limits)).toBeNull();
  });
  it('refuses the lead that would go one past the cap, naming the cap and how to free capacity', () => {
    const breach = holdLimitBreach({ heldLeads: 100, openOrders: 2 }, 1, limits);
    expect(breach?.code).toBe('HELD_LEADS_LIMIT');
    expect(breach?.message).toContain('at most 100');
    expect(breach?.message).toMatch(/pay for or cancel/i);
    expect(holdLimitBreach({ heldLeads: 95, openOrders: 1 }, 6, limits)?.message).toContain('at most 5 (it asks for 6)');
  });
  it('refuses a sixth open order even when it is small', () => {
    const breach = holdLimitBreach({ heldLeads: 5, openOrders: 5 }, 1, limits);
    expect(breach?.code).toBe('OPEN_ORDERS_LIMIT');
    expect(breach?.message).toContain('at most 5');
    expect(holdLimitBreach({ heldLeads: 5, openOrders: 4 }, 1, limits)).toBeNull();
  });
  it('refuses a single order larger than the cap for a buyer who holds nothing', () => {
    expect(holdLimitBreach({ heldLeads: 0, openOrders: 0 }, 101, limits)?.code).toBe('HELD_LEADS_LIMIT');
  });
});
