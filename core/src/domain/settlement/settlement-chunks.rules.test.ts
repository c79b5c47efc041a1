import { nextChunkSize } from './settlement-chunks.rules';

const sizing = { targetMs: 250, min: 100, max: 20_000 };

describe('nextChunkSize', () => {
  it('grows a fast full chunk towards the target, at most doubling', () => {
    expect(nextChunkSize(2_000, 2_000, 125, sizing)).toBe(4_000);
    expect(nextChunkSize(2_000, 2_000, 10, sizing)).toBe(4_000);
    expect(nextChunkSize(2_000, 2_000, 200, sizing)).toBe(2_500);
  });

  it('shrinks a slow chunk, at most halving, never below the minimum', () => {
    expect(nextChunkSize(2_000, 2_000, 5_000, sizing)).toBe(1_000);
    expect(nextChunkSize(2_000, 2_000, 400, sizing)).toBe(1_250);
    expect(nextChunkSize(150, 150, 5_000, sizing)).toBe(100);
  });

  it('learns the rate from the sales a short last chunk settled, not from the ones it asked for', () => {
    // 50 sales in 20 ms is 0.4 ms a sale: 625 sales make 250 ms, so a 2,000 limit halves rather than doubles
    expect(nextChunkSize(2_000, 50, 20, sizing)).toBe(1_000);
    expect(nextChunkSize(2_000, 0, 3, sizing)).toBe(2_000);
  });

  it('stays within the maximum', () => {
    expect(nextChunkSize(15_000, 15_000, 1, sizing)).toBe(20_000);
  });
});
