// The marketplace: listed leads with masked previews; filter and sort live in the URL.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { LeadFilter, LeadSort } from '../../gql/graphql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { useSegments, type SegmentInfo } from '../../lib/catalog/use-segments';
import { LEAD_SORTS, enumLabel } from '../../lib/enums';
import { usePageCursors } from '../../lib/use-page-cursors';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { SelectField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { useSession } from '../auth/session';
import { BuyMatchingForm } from '../orders/BuyMatchingForm';
import { CartBar } from '../orders/CartBar';
import type { OrderProblems } from '../orders/cart';
import { useCart, type CartApi } from '../orders/use-cart';
import { FilterPanel } from './FilterPanel';
import { LeadCard, leadLabel } from './LeadCard';
import { filterStateToSearchParams, marketplaceQueryFromUrl, type FilterState } from './filter-state';
import { MarketplaceQuery } from './marketplace.operations';

const PAGE_SIZE = 20;

export function MarketplacePage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => marketplaceQueryFromUrl(params), [params]);
  const { segments, error: segmentsError } = useSegments();
  const urlKey = params.toString();

  const apply = (state: FilterState) => setParams(filterStateToSearchParams(state));
  const { user } = useSession();
  const isBuyer = user?.role === 'BUYER';
  const cartApi = useCart(isBuyer ? user.id : null);
  const [problems, setProblems] = useState<OrderProblems['byLead']>({});
  const buying: Buying | null = isBuyer ? { cartApi, problems } : null;

  return (
    <Page title="Marketplace" intro="Verified leads by segment and geography. Contact data stays masked until you buy." wide>
      <div className="marketplace">
        <FilterPanel key={urlKey} initial={query.state} initialErrors={query.errors} segments={segments} onApply={apply} />
        <div className="marketplace__results">
          <div className="toolbar">
            {isBuyer && query.variables ? <BuyMatchingForm key={urlKey} filter={query.variables.filter} /> : null}
            <SelectField
              label="Sort by"
              name="sort"
              className="toolbar__sort"
              value={query.state.sort}
              onChange={(e) => apply({ ...query.state, sort: e.target.value as LeadSort })}
              options={LEAD_SORTS.map((s) => ({ value: s, label: enumLabel(s) }))}
            />
          </div>
          <ErrorMessage error={segmentsError} title="Segments could not be loaded" />
          {query.variables ? (
            <LeadResults key={urlKey} filter={query.variables.filter} sort={query.variables.sort} segments={segments} buying={buying} />
          ) : (
            <ErrorMessage error="Some filters are not valid; fix them in the filter panel and apply again." />
          )}
        </div>
      </div>
      {isBuyer ? <CartBar cartApi={cartApi} onProblems={(p) => setProblems(p.byLead)} /> : null}
    </Page>
  );
}

/** A buyer's selection state, handed to every card. */
interface Buying {
  cartApi: CartApi;
  problems: OrderProblems['byLead'];
}

function LeadResults({
  filter,
  sort,
  segments,
  buying,
}: {
  filter: LeadFilter | null;
  sort: LeadSort;
  segments: readonly SegmentInfo[];
  buying: Buying | null;
}) {
  const { cursors, loadMore } = usePageCursors();
  return (
    <div className="results">
      {cursors.map((after, index) => (
        <ResultsPage
          key={after ?? 'first'}
          filter={filter}
          sort={sort}
          after={after}
          isFirst={index === 0}
          isLast={index === cursors.length - 1}
          onLoadMore={loadMore}
          segments={segments}
          buying={buying}
        />
      ))}
    </div>
  );
}

interface ResultsPageProps {
  filter: LeadFilter | null;
  sort: LeadSort;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (cursor: string) => void;
  segments: readonly SegmentInfo[];
  buying: Buying | null;
}

function ResultsPage({ filter, sort, after, isFirst, isLast, onLoadMore, segments, buying }: ResultsPageProps) {
  const [result, reexecute] = useQuery({ query: MarketplaceQuery, variables: { filter, sort, first: PAGE_SIZE, after } });
  const connection = result.data?.marketplace;
  const error = apiErrorFromGraphql(result.error);

  if (!connection) {
    if (error) {
      return (
        <div>
          <ErrorMessage error={error} title="Leads could not be loaded" />
          <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </div>
      );
    }
    return <Loading label={isFirst ? 'Loading leads…' : 'Loading more leads…'} />;
  }

  return (
    <>
      {isFirst ? (
        <p className="results__count" role="status">
          {connection.totalCount === 1 ? '1 lead matches' : `${connection.totalCount} leads match`}
        </p>
      ) : null}
      {isFirst && connection.edges.length === 0 ? (
        <EmptyState title="No leads match these filters.">Try fewer filters, a wider price range or an older maximum age.</EmptyState>
      ) : (
        <ul className="lead-list" aria-label={isFirst ? 'Leads' : 'More leads'}>
          {connection.edges.map((edge) => (
            <li key={edge.node.id}>
              <LeadCard
                lead={edge.node}
                segments={segments}
                selection={
                  buying
                    ? {
                        selected: buying.cartApi.cart.lines.some((l) => l.id === edge.node.id),
                        onChange: (selected) =>
                          buying.cartApi.select({ id: edge.node.id, label: leadLabel(edge.node, segments), price: edge.node.price }, selected),
                        problem: buying.problems[edge.node.id],
                      }
                    : undefined
                }
              />
            </li>
          ))}
        </ul>
      )}
      {error ? <ErrorMessage error={error} /> : null}
      {isLast && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
        <button type="button" className="button button--secondary load-more" onClick={() => onLoadMore(connection.pageInfo.endCursor!)}>
          Load more
        </button>
      ) : null}
    </>
  );
}
