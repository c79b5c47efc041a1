// What "buy N matching" would cost now (matchingOrderEstimate): the leads it would get and the total after the
// volume discount. Asked again when the quantity or the filter changes.
import { useQuery } from 'urql';
import type { LeadFilter } from '../../gql/graphql';
import { formatMoney } from '../../lib/format';
import { MatchingOrderEstimateQuery } from './marketplace.operations';

export function BulkBuyEstimate({ filter, quantity }: { filter: LeadFilter | null; quantity: number | null }) {
  const valid = quantity != null && quantity >= 1 && quantity <= 500;
  const [result] = useQuery({ query: MatchingOrderEstimateQuery, variables: { matching: filter, quantity: quantity ?? 1 }, pause: !valid });
  const e = result.data?.matchingOrderEstimate;
  if (!valid || !e) return null;
  return (
    <p className="buy-matching__estimate" role="status" aria-label="Estimated total">
      {e.available === 0 ? (
        'None available right now'
      ) : (
        <>
          Estimated total <strong>{formatMoney(e.total)}</strong> for {e.available} {e.available === 1 ? 'lead' : 'leads'}
          {e.available < quantity ? ` (only ${e.available} available)` : ''}
          {e.discountBps ? ` · ${e.discountBps / 100}% volume discount` : ''}
        </>
      )}
    </p>
  );
}
