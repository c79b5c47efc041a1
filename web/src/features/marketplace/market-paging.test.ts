import { lastPage, matchCountText, pageNumbers, pageOffset, readPaging, withPaging } from './market-paging';

describe('marketplace paging', () => {
  it('reads page, size and view from the URL, falling back to defaults', () => {
    expect(readPaging(new URLSearchParams('page=3&size=50&view=table'))).toEqual({ page: 3, size: 50, view: 'table' });
    expect(readPaging(new URLSearchParams('page=-1&size=7&view=grid'))).toEqual({ page: 1, size: 20, view: null });
  });

  it('writes only what differs from the defaults, after the filter keys', () => {
    const filter = new URLSearchParams('segment=FINANCE');
    expect(withPaging(filter, { page: 1, size: 20, view: null }).toString()).toBe('segment=FINANCE');
    expect(withPaging(filter, { page: 2, size: 100, view: 'cards' }).toString()).toBe('segment=FINANCE&page=2&size=100&view=cards');
  });

  it('offers the first, last and nearby page numbers with gaps', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(5, 20)).toEqual([1, null, 3, 4, 5, 6, 7, null, 20]);
    expect(pageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('stops at the count cap', () => {
    expect(lastPage(25_000, 20)).toBe(500);
    expect(lastPage(0, 20)).toBe(1);
    expect(pageOffset({ page: 501, size: 20, view: null })).toBe(10_000);
    expect(pageOffset({ page: 502, size: 20, view: null })).toBeNull();
  });

  it('words the count, with a plus above the cap', () => {
    expect(matchCountText({ count: 1, capped: false })).toBe('1 lead matches');
    expect(matchCountText({ count: 1234, capped: false })).toBe('1,234 leads match');
    expect(matchCountText({ count: 10_000, capped: true })).toBe('10,000+ leads match');
  });
});
