// A campaign's figures from its wins and the listings its filter matched: pure arithmetic, tested at the edges.

/** The window the estimate and the win rate look at. */
export const FIGURES_WINDOW_DAYS = 30;

export interface CampaignFigureFacts {
  /** every win, all time */
  wins: number;
  winsTotalMinor: number;
  /** wins inside the window */
  windowWins: number;
  /** listings inside the window the filter matches */
  windowMatched: number;
}

export interface CampaignFigureValues {
  leadsWon: number;
  /** minor units, rounded half up; null before the first win */
  averagePriceMinor: number | null;
  /** wins / matched listings in the window, 0–1; null when nothing matched */
  winRate: number | null;
  /** matched listings per day over the window, one decimal */
  matchingLeadsPerDay: number;
}

export function campaignFigureValues(f: CampaignFigureFacts): CampaignFigureValues {
  return {
    leadsWon: f.wins,
    averagePriceMinor: f.wins ? Math.round(f.winsTotalMinor / f.wins) : null,
    // a lead listed just before the window and won inside it can push wins past matches: the rate stops at 1
    winRate: f.windowMatched ? Math.min(1, f.windowWins / f.windowMatched) : null,
    matchingLeadsPerDay: Math.round((f.windowMatched * 10) / FIGURES_WINDOW_DAYS) / 10,
  };
}
