// The marketplace as a dense table for wide screens: segment, place, age, score, verification, seller quality
// and price, sortable by the columns the API sorts by (age, score, price). Held and bought leads are marked and
// cannot be selected.
import type { LeadCardFieldsFragment, LeadSort } from '../../gql/graphql';
import { segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { enumLabel } from '../../lib/enums';
import { formatAge, formatMoney } from '../../lib/format';
import { Badge, qualityTone } from '../../lib/ui/badge';
import type { LeadSelection } from './LeadCard';
import { STANDING_LABEL, isSelectable } from './lead-standing';

type SortColumn = 'age' | 'score' | 'price';

const SORT_OF: Record<SortColumn, (current: LeadSort) => LeadSort> = {
  age: () => 'NEWEST',
  score: () => 'SCORE_DESC',
  price: (current) => (current === 'PRICE_ASC' ? 'PRICE_DESC' : 'PRICE_ASC'),
};

function ariaSort(column: SortColumn, sort: LeadSort): 'ascending' | 'descending' | undefined {
  if (column === 'age' && sort === 'NEWEST') return 'descending';
  if (column === 'score' && sort === 'SCORE_DESC') return 'descending';
  if (column === 'price' && sort === 'PRICE_ASC') return 'ascending';
  if (column === 'price' && sort === 'PRICE_DESC') return 'descending';
  return undefined;
}

export interface ResultsTableProps {
  leads: readonly LeadCardFieldsFragment[];
  segments: readonly SegmentInfo[];
  sort: LeadSort;
  onSort: (sort: LeadSort) => void;
  onDetails: (leadId: string) => void;
  selectionOf?: (lead: LeadCardFieldsFragment) => LeadSelection;
}

export function ResultsTable({ leads, segments, sort, onSort, onDetails, selectionOf }: ResultsTableProps) {
  const header = (column: SortColumn, label: string, className?: string) => {
    const current = ariaSort(column, sort);
    return (
      <th scope="col" aria-sort={current ?? 'none'} className={className}>
        <button type="button" className="table-sort" onClick={() => onSort(SORT_OF[column](sort))}>
          {label}
          <span aria-hidden="true">{current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ''}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="table-scroll">
      <table className="data-table market-table">
        <caption className="visually-hidden">Leads, sorted by {enumLabel(sort).toLowerCase()}</caption>
        <thead>
          <tr>
            {selectionOf ? (
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
            ) : null}
            <th scope="col">Segment</th>
            <th scope="col">Place</th>
            {header('age', 'Age')}
            {header('score', 'Score', 'num')}
            <th scope="col">Verification</th>
            <th scope="col">Seller quality</th>
            {header('price', 'Price', 'num')}
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <LeadRow key={lead.id} lead={lead} segments={segments} onDetails={onDetails} selection={selectionOf?.(lead)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LeadRow({
  lead,
  segments,
  onDetails,
  selection,
}: {
  lead: LeadCardFieldsFragment;
  segments: readonly SegmentInfo[];
  onDetails: (id: string) => void;
  selection?: LeadSelection;
}) {
  const segment = segmentName(segments, lead.segment);
  const sub = subsegmentName(segments, lead.segment, lead.subsegment);
  const place = [lead.preview.city ?? lead.city, lead.region, lead.country].filter(Boolean).join(', ');
  const standing = lead.myStanding !== 'NONE' ? STANDING_LABEL[lead.myStanding] : null;
  return (
    <tr className={`${selection?.selected ? 'is-selected' : ''}${standing ? ' is-taken' : ''}`}>
      {selection ? (
        <td>
          <input
            type="checkbox"
            aria-label={`Select lead ${lead.id}`}
            checked={selection.selected}
            disabled={!isSelectable(lead.myStanding)}
            onChange={(e) => selection.onChange(e.target.checked)}
            aria-invalid={selection.problem ? true : undefined}
            aria-describedby={selection.problem ? `problem-${lead.id}` : undefined}
          />
        </td>
      ) : null}
      <td>
        {segment}
        {sub ? <span className="muted"> · {sub}</span> : null}
        {standing ? (
          <>
            {' '}
            <Badge tone={lead.myStanding === 'BOUGHT' ? 'good' : 'info'}>{standing}</Badge>
          </>
        ) : null}
        {selection?.problem ? (
          <p id={`problem-${lead.id}`} className="field__error">
            {selection.problem}
          </p>
        ) : null}
      </td>
      <td>{place}</td>
      <td>
        <time dateTime={lead.capturedAt}>{formatAge(lead.capturedAt)}</time>
      </td>
      <td className="num">{lead.score}</td>
      <td>{lead.verification === 'VERIFIED' ? <Badge tone="good">Verified</Badge> : <Badge tone="warn">{enumLabel(lead.verification)}</Badge>}</td>
      <td>
        <Badge tone={qualityTone(lead.seller.qualityScore)}>{lead.seller.qualityScore}</Badge>
      </td>
      <td className="num">{formatMoney(lead.price)}</td>
      <td>
        <button type="button" className="button button--ghost button--small" aria-label={`Details of lead ${lead.id}`} onClick={() => onDetails(lead.id)}>
          Details
        </button>
      </td>
    </tr>
  );
}
