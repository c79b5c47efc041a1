import { campaignFigureValues } from './campaign-figures.rules';

describe('campaign figures', () => {
  it('has no average or rate before anything was won or matched', () => {
    expect(campaignFigureValues({ wins: 0, winsTotalMinor: 0, windowWins: 0, windowMatched: 0 })).toEqual({
      leadsWon: 0,
      averagePriceMinor: null,
      winRate: null,
      matchingLeadsPerDay: 0,
    });
  });

  it('averages in whole minor units and spreads matches over 30 days', () => {
    expect(campaignFigureValues({ wins: 3, winsTotalMinor: 10_000, windowWins: 3, windowMatched: 45 })).toEqual({
      leadsWon: 3,
      averagePriceMinor: 3333,
      winRate: 3 / 45,
      matchingLeadsPerDay: 1.5,
    });
  });

  it('never reports a win rate above 100%', () => {
    expect(campaignFigureValues({ wins: 2, winsTotalMinor: 200, windowWins: 2, windowMatched: 1 }).winRate).toBe(1);
  });
});
