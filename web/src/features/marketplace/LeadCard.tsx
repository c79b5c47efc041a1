// One listed lead as buyers see it: masked preview, price, verification, seller quality, score, age.
import type { LeadCardFieldsFragment } from '../../gql/graphql';
import { segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { enumLabel } from '../../lib/enums';
import { formatAge, formatMoney } from '../../lib/format';
import { Badge, qualityTone } from '../../lib/ui/badge';

export function LeadCard({ lead, segments }: { lead: LeadCardFieldsFragment; segments: readonly SegmentInfo[] }) {
  const segment = segmentName(segments, lead.segment);
  const subsegment = subsegmentName(segments, lead.segment, lead.subsegment);
  const place = [lead.preview.city ?? lead.city, lead.region, lead.country].filter(Boolean).join(', ');
  const price = formatMoney(lead.price);
  return (
    <article className="lead-card" aria-label={`${segment} lead ${lead.preview.initials}, ${price}`}>
      <header className="lead-card__header">
        <div>
          <h3 className="lead-card__title">
            {segment}
            {subsegment ? <span className="lead-card__sub"> · {subsegment}</span> : null}
          </h3>
          <p className="lead-card__place">{place}</p>
        </div>
        <p className="lead-card__price" aria-label={`Price ${price}`}>{price}</p>
      </header>
      <div className="lead-card__badges">
        {lead.verification === 'VERIFIED' ? <Badge tone="good">Verified</Badge> : <Badge tone="warn">{enumLabel(lead.verification)}</Badge>}
        <Badge tone={lead.temperature === 'HOT' ? 'bad' : lead.temperature === 'WARM' ? 'warn' : 'info'}>{enumLabel(lead.temperature)}</Badge>
        <Badge>{lead.exclusivity === 'EXCLUSIVE' ? 'Exclusive' : `Shared · ${lead.salesCount}/${lead.maxSales} sold`}</Badge>
        <Badge>{lead.geoTier.replace('TIER_', 'Tier ')}</Badge>
      </div>
      <dl className="lead-card__facts">
        <div><dt>Contact</dt><dd>{lead.preview.initials}</dd></div>
        {lead.preview.phone ? <div><dt>Phone</dt><dd>{lead.preview.phone}</dd></div> : null}
        {lead.preview.email ? <div><dt>E-mail</dt><dd>{lead.preview.email}</dd></div> : null}
        <div><dt>Kind</dt><dd>{enumLabel(lead.kind)}</dd></div>
        <div><dt>Score</dt><dd>{lead.score}/100</dd></div>
        <div><dt>Age</dt><dd><time dateTime={lead.capturedAt}>{formatAge(lead.capturedAt)}</time></dd></div>
        <div>
          <dt>Seller</dt>
          <dd>
            {lead.seller.name}{' '}
            <Badge tone={qualityTone(lead.seller.qualityScore)} title="Seller quality score (0–100)">
              Quality {lead.seller.qualityScore}
            </Badge>
          </dd>
        </div>
      </dl>
    </article>
  );
}
