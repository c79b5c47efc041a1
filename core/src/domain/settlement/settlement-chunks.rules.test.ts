import { nextChunkSize } from './settlement-chunks.rules';

const sizing = { targetMs: 250, min: 100, max: 50_000 };

describe('nextChunkSize', () => {
  it('grows a fast chunk towards the target, at most doubling', () => {
    expect(nextChunkSize(2_000, 125, sizing)).toBe(4_000);
    expect(nextChunkSize(2_000, 10, sizing)).toBe(4_000);
    expect(nextChunkSize(2_000, 200, sizing)).toBe(2_500);
  });

  it('shrinks a slow chunk, at most halving, never below the minimum', () => {
    expect(nextChunkSize(2_000, 5_000, sizing)).toBe(1_000);
    expect(nextChunkSize(2_000, 400, sizing)).toBe(1_250);
    expect(nextChunkSize(150, 5_000, sizing)).toBe(100);
  });

  it('stays within the maximum', () => {
    expect(nextChunkSize(40_000, 1, sizing)).toBe(50_000);
  });
});
