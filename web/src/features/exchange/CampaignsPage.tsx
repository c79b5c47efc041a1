// Buyer: campaigns (standing bids on matching leads): spend against budget, wins against the daily cap,
// pause / resume, edit. The numbers move as the allocation worker sells leads, so the list is reloaded
// now and then.
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { CampaignFieldsFragment, CampaignFiguresFieldsFragment, LeadFilter } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { useSegments, segmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { enumLabel } from '../../lib/enums';
import { formatMoney, type MoneyValue } from '../../lib/format';
import { usePlatform } from '../../lib/platform';
import { Badge } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { CampaignFigures } from './CampaignFigures';
import { budgetProgress, capProgress, idleReason } from './campaign-metrics';
import { CAMPAIGN_CONTEXT, MyCampaignsQuery, SetCampaignActiveMutation, WalletQuery } from './exchange.operations';
import { describeWindow } from './schedule';

export function CampaignsPage({ refreshMs = 20_000 }: { refreshMs?: number }) {
  const [result, reexecute] = useQuery({ query: MyCampaignsQuery, context: CAMPAIGN_CONTEXT });
  const [wallet] = useQuery({ query: WalletQuery });
  const { segments } = useSegments();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const list = result.data?.myCampaigns;
  const error = apiErrorFromGraphql(result.error);
  const balance = wallet.data?.wallet.balance ?? null;

  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, reexecute]);

  return (
    <Page
      title="Campaigns"
      wide
      intro="A campaign bids on every newly listed lead that matches its filter, within its max bid, budget, daily cap and schedule."
      actions={
        <Link className="button" to="/campaigns/new">
          New campaign
        </Link>
      }
    >
      {saved ? <SuccessMessage>Campaign “{saved}” saved.</SuccessMessage> : null}
      <p className="muted">
        Wallet: <strong aria-label="Wallet balance">{balance ? formatMoney(balance) : '…'}</strong> · <Link to="/wallet">Top up</Link>
      </p>
      {!list ? (
        error ? (
          <div>
            <ErrorMessage error={error} title="Campaigns could not be loaded" />
            <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </div>
        ) : (
          <Loading label="Loading campaigns…" />
        )
      ) : list.length === 0 ? (
        <EmptyState title="No campaigns yet.">
          <p>Create one to buy matching leads automatically as soon as they are listed.</p>
          <Link className="button" to="/campaigns/new">
            New campaign
          </Link>
        </EmptyState>
      ) : (
        <ul className="listing-list" aria-label="Campaigns">
          {list.map((c) => (
            <li key={c.id}>
              <CampaignCard campaign={c} figures={c.figures} segments={segments} wallet={balance} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function filterSummary(raw: unknown, segments: readonly SegmentInfo[]): string {
  const f = (raw && typeof raw === 'object' ? raw : {}) as LeadFilter;
  const parts = [
    f.segments?.length ? f.segments.map((s) => segmentName(segments, s)).join(', ') : 'All segments',
    f.countries?.length ? f.countries.join(', ') : null,
    f.regions?.length ? f.regions.join(', ') : null,
    f.cities?.length ? f.cities.join(', ') : null,
    f.kinds?.length ? f.kinds.map(enumLabel).join(', ') : null,
    f.temperatures?.length ? f.temperatures.map(enumLabel).join(', ') : null,
    f.verifiedOnly ? 'verified only' : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

function CampaignCard({
  campaign: c,
  figures,
  segments,
  wallet,
}: {
  campaign: CampaignFieldsFragment;
  figures: CampaignFiguresFieldsFragment | null | undefined;
  segments: readonly SegmentInfo[];
  wallet: MoneyValue | null;
}) {
  const [toggling, setActive] = useMutation(SetCampaignActiveMutation);
  const [error, setError] = useState<ApiError | null>(null);
  const digits = usePlatform().minorUnitDigits;
  const budget = budgetProgress(c.spent, c.budget, digits);
  const cap = capProgress(c.wonToday, c.dailyCap);
  const idle = idleReason(c, wallet, digits);

  const toggle = async () => {
    setError(null);
    const res = await setActive({ id: c.id, active: !c.active });
    setError(apiErrorFromGraphql(res.error));
  };

  return (
    <article className="listing campaign" aria-label={`Campaign ${c.name}`}>
      <div className="listing__main">
        <h3 className="listing__title">
          {c.name} {c.active ? <Badge tone="good">Active</Badge> : <Badge>Paused</Badge>}
        </h3>
        <p className="muted">{filterSummary(c.filter, segments)}</p>
        <dl className="campaign__facts">
          <div>
            <dt>Max bid</dt>
            <dd>{formatMoney(c.maxBid)}</dd>
          </div>
          <div>
            <dt>Exclusivity</dt>
            <dd>{enumLabel(c.exclusivity)}</dd>
          </div>
          <div>
            <dt>Schedule</dt>
            <dd>
              {c.schedule.length ? c.schedule.map(describeWindow).join('; ') : 'Always on'} <span className="muted">({c.timeZone})</span>
            </dd>
          </div>
        </dl>
        <div className="campaign__meters">
          <div className="progress">
            <span>
              Spent <strong aria-label="Spent">{formatMoney(c.spent)}</strong>
              {budget.budget ? (
                <>
                  {' '}
                  of {formatMoney(budget.budget)} budget ({budget.percent}%)
                </>
              ) : (
                ' · no budget limit'
              )}
            </span>
            {budget.budget ? (
              <progress max={100} value={budget.percent ?? 0} aria-label="Budget used" aria-valuetext={`${budget.percent}% of the budget spent`} />
            ) : null}
          </div>
          <div className="progress">
            <span>
              Won today <strong aria-label="Won today">{c.wonToday}</strong>
              {cap.cap != null ? <> of {cap.cap} daily cap</> : ' · no daily cap'}
            </span>
            {cap.cap != null ? (
              <progress max={100} value={cap.percent ?? 0} aria-label="Daily cap used" aria-valuetext={`${cap.won} of ${cap.cap} leads today`} />
            ) : null}
          </div>
        </div>
        {figures ? <CampaignFigures figures={figures} /> : null}
        {idle ? <p className="field__hint">{idle}</p> : null}
        <ErrorMessage error={error} title={c.active ? 'The campaign was not paused' : 'The campaign was not resumed'} />
      </div>
      <div className="listing__side">
        <div className="listing__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={toggle}
            disabled={toggling.fetching}
            aria-label={`${c.active ? 'Pause' : 'Resume'} campaign ${c.name}`}
          >
            {toggling.fetching ? (c.active ? 'Pausing…' : 'Resuming…') : c.active ? 'Pause' : 'Resume'}
          </button>
          <Link className="button button--secondary" to={`/campaigns/${encodeURIComponent(c.id)}/edit`} aria-label={`Edit campaign ${c.name}`}>
            Edit
          </Link>
        </div>
      </div>
    </article>
  );
}
