// A campaign's figures on its card: leads won, average price paid, win rate, last win, and how many listings a
// day its filter matches (the estimate of what it can win).
import type { CampaignFiguresFieldsFragment } from '../../gql/graphql';
import { formatDateTime, formatMoney } from '../../lib/format';

/** 0.0667 → "6.7%"; null → "—". */
export function percentText(rate: number | null | undefined): string {
  if (rate == null) return '—';
  return `${(Math.round(rate * 1000) / 10).toLocaleString('en-US')}%`;
}

export function CampaignFigures({ figures: f }: { figures: CampaignFiguresFieldsFragment }) {
  return (
    <div role="group" aria-label="Campaign figures">
      <dl className="campaign__facts campaign__figures">
        <div>
          <dt>Leads won</dt>
          <dd>{f.leadsWon.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Average price</dt>
          <dd>{f.averagePrice ? formatMoney(f.averagePrice) : '—'}</dd>
        </div>
        <div>
          <dt title={`Leads won out of the listings the filter matched in the last ${f.windowDays} days`}>Win rate</dt>
          <dd>{percentText(f.winRate)}</dd>
        </div>
        <div>
          <dt>Last win</dt>
          <dd>{f.lastWonAt ? formatDateTime(f.lastWonAt) : 'none yet'}</dd>
        </div>
        <div>
          <dt>Matching leads</dt>
          <dd>
            ≈ {f.matchingLeadsPerDay.toLocaleString('en-US')} a day <span className="muted">(last {f.windowDays} days)</span>
          </dd>
        </div>
      </dl>
    </div>
  );
}
