import { EMPTY_PURCHASE_LIST, dateRangeError, purchaseListParams, readPurchaseList, toPurchaseFilter } from './purchase-filter-state';

describe('purchase list state', () => {
  it('round-trips through the URL, dropping what is not valid', () => {
    const state = readPurchaseList(new URLSearchParams('q=ana&segment=finance&outcome=LOST&from=2026-11-01&to=bad&sort=OLDEST'));
    expect(state).toEqual({ search: 'ana', segment: 'FINANCE', outcome: 'LOST', from: '2026-11-01', to: '', sort: 'OLDEST' });
    expect(purchaseListParams(state).toString()).toBe('q=ana&segment=FINANCE&outcome=LOST&from=2026-11-01&sort=OLDEST');
    expect(purchaseListParams(EMPTY_PURCHASE_LIST).toString()).toBe('');
  });

  it('sends whole local days, the end day included', () => {
    const f = toPurchaseFilter({ ...EMPTY_PURCHASE_LIST, from: '2026-11-01', to: '2026-11-30' })!;
    expect(new Date(f.purchasedFrom as string).getDate()).toBe(1);
    expect(new Date(f.purchasedBefore as string).getDate()).toBe(1);
    expect(new Date(f.purchasedBefore as string).getMonth()).toBe(11);
    expect(toPurchaseFilter(EMPTY_PURCHASE_LIST)).toBeNull();
  });

  it('refuses a range that ends before it starts', () => {
    expect(dateRangeError({ ...EMPTY_PURCHASE_LIST, from: '2026-11-02', to: '2026-11-01' })).toMatch(/end date/);
    expect(dateRangeError({ ...EMPTY_PURCHASE_LIST, from: '2026-11-01', to: '2026-11-01' })).toBeNull();
  });
});
