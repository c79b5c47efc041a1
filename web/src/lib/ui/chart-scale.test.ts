import { niceMax, percentOf, tickIndexes } from './chart-scale';

describe('chart scale', () => {
  it('rounds the axis top up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-3)).toBe(1);
    expect(niceMax(0.07)).toBeCloseTo(0.1);
    expect(niceMax(0.3)).toBeCloseTo(0.5);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(1.2)).toBe(2);
    expect(niceMax(37)).toBe(50);
    expect(niceMax(5000)).toBe(5000);
    expect(niceMax(5001)).toBe(10000);
  });

  it('sizes bars as a clamped percentage', () => {
    expect(percentOf(25, 50)).toBe(50);
    expect(percentOf(80, 50)).toBe(100);
    expect(percentOf(-1, 50)).toBe(0);
    expect(percentOf(3, 0)).toBe(0);
  });

  it('labels the first and last column and a few between', () => {
    expect(tickIndexes(0)).toEqual([]);
    expect(tickIndexes(3)).toEqual([0, 1, 2]);
    expect(tickIndexes(30)).toEqual([0, 7, 15, 22, 29]);
  });
});
