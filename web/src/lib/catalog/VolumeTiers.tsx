// The volume discount tiers (bulk orders), read-only.
import { useQuery } from 'urql';
import { apiErrorFromGraphql } from '../api-errors';
import { formatRate } from '../format';
import { EmptyState, ErrorMessage, Loading } from '../ui/feedback';
import { VolumeTiersQuery } from './catalog.operations';

export function VolumeTiers() {
  const [tiers] = useQuery({ query: VolumeTiersQuery });
  const list = tiers.data?.volumeTiers;
  const error = apiErrorFromGraphql(tiers.error);
  return (
    <section aria-labelledby="volume-tiers-title">
      <h2 id="volume-tiers-title">Volume discount tiers</h2>
      {!list ? (
        error ? (
          <ErrorMessage error={error} title="Volume tiers could not be loaded" />
        ) : (
          <Loading label="Loading volume tiers…" />
        )
      ) : list.length === 0 ? (
        <EmptyState title="No volume discounts." />
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Order size</th>
                <th scope="col">Discount</th>
              </tr>
            </thead>
            <tbody>
              {[...list]
                .sort((a, b) => a.minQuantity - b.minQuantity)
                .map((t) => (
                  <tr key={t.minQuantity}>
                    <td>≥ {t.minQuantity} leads</td>
                    <td>{formatRate(t.discountRate)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
