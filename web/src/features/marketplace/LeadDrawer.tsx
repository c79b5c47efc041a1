// The lead detail drawer: every attribute, the verification checks, what is known of the consent, the seller's
// record in this segment and how the price is made. A modal dialog: focus moves in, Escape or Close leaves.
import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import type { LeadDetailQuery as TLeadDetail } from '../../gql/graphql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { enumLabel } from '../../lib/enums';
import { formatDateTime, formatMoney, formatRate } from '../../lib/format';
import { Badge, qualityTone } from '../../lib/ui/badge';
import { CheckList } from '../../lib/ui/check-list';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { countryName } from './filter-chips';
import { STANDING_LABEL } from './lead-standing';
import { LeadDetailQuery } from './marketplace.operations';

type Lead = NonNullable<TLeadDetail['lead']>;

export function LeadDrawer({ leadId, segments, onClose }: { leadId: string; segments: readonly SegmentInfo[]; onClose: () => void }) {
  const [result] = useQuery({ query: LeadDetailQuery, variables: { id: leadId } });
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, [onClose]);
  const lead = result.data?.lead;
  const error = apiErrorFromGraphql(result.error);
  return (
    <div className="drawer-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="drawer" role="dialog" aria-modal="true" aria-labelledby="lead-drawer-title">
        <header className="drawer__header">
          <h2 id="lead-drawer-title">{lead ? `${segmentName(segments, lead.segment)} lead ${lead.preview.initials}` : 'Lead details'}</h2>
          <button ref={closeRef} type="button" className="button button--ghost" onClick={onClose}>
            Close
          </button>
        </header>
        {lead ? (
          <LeadDetails lead={lead} segments={segments} />
        ) : error ? (
          <ErrorMessage error={error} title="The lead could not be loaded" />
        ) : result.fetching ? (
          <Loading label="Loading the lead…" />
        ) : (
          <p>This lead is no longer on the market.</p>
        )}
      </div>
    </div>
  );
}

type AttributeField = { name: string; label?: string };

function attributeRows(lead: Lead, segments: readonly SegmentInfo[]): [string, string][] {
  const schema = segments.find((s) => s.code === lead.segment)?.attributeSchema as { fields?: AttributeField[] } | undefined;
  const values = (lead.attributes ?? {}) as Record<string, unknown>;
  return Object.entries(values).map(([name, value]) => [schema?.fields?.find((f) => f.name === name)?.label ?? enumLabel(name), String(value)]);
}

function Facts({ label, rows }: { label: string; rows: [string, React.ReactNode][] }) {
  return (
    <dl className="drawer__facts" aria-label={label}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function LeadDetails({ lead, segments }: { lead: Lead; segments: readonly SegmentInfo[] }) {
  const sub = subsegmentName(segments, lead.segment, lead.subsegment);
  const record = lead.sellerRecord;
  const breakdown = lead.priceBreakdown;
  const attributes = attributeRows(lead, segments);
  return (
    <div className="drawer__body">
      <p className="drawer__price">
        {formatMoney(lead.price)}{' '}
        {lead.myStanding !== 'NONE' ? <Badge tone={lead.myStanding === 'BOUGHT' ? 'good' : 'info'}>{STANDING_LABEL[lead.myStanding]}</Badge> : null}
      </p>
      <section aria-labelledby="drawer-lead">
        <h3 id="drawer-lead">Lead</h3>
        <Facts
          label="Lead"
          rows={[
            ['Segment', `${segmentName(segments, lead.segment)}${sub ? ` · ${sub}` : ''}`],
            ['Place', [lead.preview.city ?? lead.city, lead.region, countryName(lead.country)].filter(Boolean).join(', ')],
            ['Geo tier', lead.geoTier.replace('TIER_', 'Tier ')],
            ['Kind', enumLabel(lead.kind)],
            ['Temperature', enumLabel(lead.temperature)],
            ['Score', `${lead.score}/100`],
            ['Source', enumLabel(lead.sourceChannel)],
            ['Captured', formatDateTime(lead.capturedAt)],
            ['Exclusivity', lead.exclusivity === 'EXCLUSIVE' ? 'Exclusive' : `Shared · ${lead.salesCount}/${lead.maxSales} sold`],
            ['Contact', [lead.preview.initials, lead.preview.phone, lead.preview.email].filter(Boolean).join(' · ')],
          ]}
        />
      </section>
      <section aria-labelledby="drawer-attributes">
        <h3 id="drawer-attributes">Attributes</h3>
        {attributes.length ? <Facts label="Attributes" rows={attributes} /> : <p className="muted">No attributes.</p>}
      </section>
      <section aria-labelledby="drawer-checks">
        <h3 id="drawer-checks">Verification</h3>
        <p>{lead.verification === 'VERIFIED' ? <Badge tone="good">Verified</Badge> : <Badge tone="warn">{enumLabel(lead.verification)}</Badge>}</p>
        {lead.checks.length ? <CheckList checks={lead.checks} label="Verification checks" /> : <p className="muted">No checks yet.</p>}
        <h4>Consent</h4>
        <p>
          {lead.consentSummary.recorded ? 'Consent recorded at capture' : 'No consent on record'}
          {lead.consentSummary.certified
            ? lead.consentSummary.certificateVerified
              ? ', backed by a verified certificate.'
              : ', with a certificate that no longer verifies.'
            : ', no certificate.'}{' '}
          <span className="muted">The consent text and proof come with the contact when you buy.</span>
        </p>
      </section>
      <section aria-labelledby="drawer-seller">
        <h3 id="drawer-seller">Seller in {segmentName(segments, lead.segment)}</h3>
        <Facts
          label="Seller record"
          rows={[
            ['Seller', lead.seller.name],
            ['Quality', <Badge key="q" tone={qualityTone(lead.seller.qualityScore)}>{`${lead.seller.qualityScore}/100`}</Badge>],
            ['Sales', record.sales.toLocaleString('en-US')],
            ['Disputed', record.sales ? `${formatRate(record.disputeRate)} (${record.disputes.toLocaleString('en-US')})` : '—'],
            ['Disputes upheld', record.disputes ? `${formatRate(record.upheldRate)} (${record.upheld.toLocaleString('en-US')})` : '—'],
            [
              'Conversion',
              lead.sellerConversion ? `${formatRate(lead.sellerConversion.rate)} of ${lead.sellerConversion.outcomes} outcomes` : 'No outcomes reported yet',
            ],
          ]}
        />
      </section>
      <section aria-labelledby="drawer-price">
        <h3 id="drawer-price">Price breakdown</h3>
        {breakdown.askingPrice ? (
          <p>The seller set this price ({formatMoney(lead.price)}); no grid factors apply.</p>
        ) : (
          <table className="data-table breakdown">
            <caption className="visually-hidden">How the price is made</caption>
            <tbody>
              <tr>
                <th scope="row">Base price (grid)</th>
                <td className="num">{formatMoney(breakdown.base)}</td>
              </tr>
              {breakdown.factors.map((f) => (
                <tr key={f.name}>
                  <th scope="row">
                    {enumLabel(f.name)} <span className="muted">({enumLabel(f.basis)})</span>
                  </th>
                  <td className="num">× {f.multiplier.toFixed(2)}</td>
                </tr>
              ))}
              <tr className="breakdown__total">
                <th scope="row">Price now</th>
                <td className="num">{formatMoney(breakdown.computed)}</td>
              </tr>
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
