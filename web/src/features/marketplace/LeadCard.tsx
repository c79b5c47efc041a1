// One listed lead as buyers see it: masked preview, price, verification and its checks, seller quality and
// conversion in the segment, score, age.
import type { LeadCardFieldsFragment } from '../../gql/graphql';
import { segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { enumLabel } from '../../lib/enums';
import { formatAge, formatMoney } from '../../lib/format';
import { Badge, qualityTone } from '../../lib/ui/badge';
import { CheckList } from '../../lib/ui/check-list';
import { STANDING_LABEL, isSelectable } from './lead-standing';

// whole percents, with one decimal below 10% so "converts 0.5%" does not read as 0 or 1
function formatPercent(rate: number): string {
  const pct = rate * 100;
  return `${pct > 0 && pct < 10 ? Math.round(pct * 10) / 10 : Math.round(pct)}%`;
}

export interface LeadSelection {
  selected: boolean;
  onChange: (selected: boolean) => void;
  /** why the last order could not take this lead (sold out, already bought) */
  problem?: string;
}

/** How a lead is named in the cart and in messages. */
export function leadLabel(lead: LeadCardFieldsFragment, segments: readonly SegmentInfo[]): string {
  const sub = subsegmentName(segments, lead.segment, lead.subsegment);
  const place = lead.preview.city ?? lead.city ?? lead.country;
  return `${segmentName(segments, lead.segment)}${sub ? ` · ${sub}` : ''}, ${place} (${lead.preview.initials})`;
}

/** What was checked on the lead: what makes "Verified" readable rather than trusted blindly. */
function LeadChecks({ checks }: { checks: LeadCardFieldsFragment['checks'] | undefined }) {
  return checks?.length ? <CheckList checks={checks} label="Checks" /> : null;
}

export function LeadCard({
  lead,
  segments,
  selection,
  onDetails,
}: {
  lead: LeadCardFieldsFragment;
  segments: readonly SegmentInfo[];
  selection?: LeadSelection;
  onDetails?: (leadId: string) => void;
}) {
  const standing = lead.myStanding && lead.myStanding !== 'NONE' ? STANDING_LABEL[lead.myStanding] : null;
  const segment = segmentName(segments, lead.segment);
  const subsegment = subsegmentName(segments, lead.segment, lead.subsegment);
  const place = [lead.preview.city ?? lead.city, lead.region, lead.country].filter(Boolean).join(', ');
  const price = formatMoney(lead.price);
  return (
    <article
      className={`lead-card${selection?.selected ? ' lead-card--selected' : ''}${selection?.problem ? ' lead-card--problem' : ''}`}
      aria-label={`${segment} lead ${lead.preview.initials}, ${price}`}
    >
      <header className="lead-card__header">
        <div>
          <h3 className="lead-card__title">
            {segment}
            {subsegment ? <span className="lead-card__sub"> · {subsegment}</span> : null}
          </h3>
          <p className="lead-card__place">{place}</p>
        </div>
        <p className="lead-card__price" aria-label={`Price ${price}`}>
          {price}
        </p>
      </header>
      <div className="lead-card__badges">
        {standing ? <Badge tone={lead.myStanding === 'BOUGHT' ? 'good' : 'info'}>{standing}</Badge> : null}
        {lead.verification === 'VERIFIED' ? <Badge tone="good">Verified</Badge> : <Badge tone="warn">{enumLabel(lead.verification)}</Badge>}
        <Badge tone={lead.temperature === 'HOT' ? 'bad' : lead.temperature === 'WARM' ? 'warn' : 'info'}>{enumLabel(lead.temperature)}</Badge>
        <Badge>{lead.exclusivity === 'EXCLUSIVE' ? 'Exclusive' : `Shared · ${lead.salesCount}/${lead.maxSales} sold`}</Badge>
        <Badge>{lead.geoTier.replace('TIER_', 'Tier ')}</Badge>
      </div>
      <dl className="lead-card__facts">
        <div>
          <dt>Contact</dt>
          <dd>{lead.preview.initials}</dd>
        </div>
        {lead.preview.phone ? (
          <div>
            <dt>Phone</dt>
            <dd>{lead.preview.phone}</dd>
          </div>
        ) : null}
        {lead.preview.email ? (
          <div>
            <dt>E-mail</dt>
            <dd>{lead.preview.email}</dd>
          </div>
        ) : null}
        <div>
          <dt>Kind</dt>
          <dd>{enumLabel(lead.kind)}</dd>
        </div>
        <div>
          <dt>Score</dt>
          <dd>{lead.score}/100</dd>
        </div>
        <div>
          <dt>Age</dt>
          <dd>
            <time dateTime={lead.capturedAt}>{formatAge(lead.capturedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Seller</dt>
          <dd>
            {lead.seller.name}{' '}
            <Badge tone={qualityTone(lead.seller.qualityScore)} title="Seller quality score (0–100)">
              Quality {lead.seller.qualityScore}
            </Badge>
          </dd>
        </div>
        {lead.sellerConversion ? (
          <div>
            <dt>Conversion</dt>
            <dd
              title={`Buyers' reported outcomes for this seller in ${segment}; the price includes a ×${lead.sellerConversion.factor.toFixed(2)} conversion factor`}
            >
              converts {formatPercent(lead.sellerConversion.rate)} in {segment}, from {lead.sellerConversion.outcomes}{' '}
              {lead.sellerConversion.outcomes === 1 ? 'outcome' : 'outcomes'}
            </dd>
          </div>
        ) : null}
      </dl>
      <LeadChecks checks={lead.checks} />
      {onDetails ? (
        <button type="button" className="button button--ghost button--small" aria-label={`Details of lead ${lead.id}`} onClick={() => onDetails(lead.id)}>
          Details
        </button>
      ) : null}
      {selection ? (
        <div className="lead-card__select">
          <label className="checkbox-group__option">
            <input
              type="checkbox"
              disabled={!isSelectable(lead.myStanding)}
              checked={selection.selected}
              onChange={(e) => selection.onChange(e.target.checked)}
              aria-invalid={selection.problem ? true : undefined}
              aria-describedby={selection.problem ? `problem-${lead.id}` : undefined}
            />
            Select<span className="visually-hidden"> lead {lead.id}</span>
          </label>
          {selection.problem ? (
            <p id={`problem-${lead.id}`} className="field__error">
              {selection.problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
