// The marketplace: listed leads with masked previews. Filter, sort, page, page size and view live in the URL;
// a table on wide screens and cards on narrow ones (or as chosen), a detail drawer, and for buyers the cart
// and the bulk buy with its estimate.
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { LeadCardFieldsFragment, LeadFilter, LeadSort } from '../../gql/graphql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { useSegments, type SegmentInfo } from '../../lib/catalog/use-segments';
import { LEAD_SORTS, enumLabel } from '../../lib/enums';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { SelectField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { useSession } from '../auth/session';
import { BuyMatchingForm } from '../orders/BuyMatchingForm';
import { CartBar } from '../orders/CartBar';
import type { OrderProblems } from '../orders/cart';
import { useCart, type CartApi } from '../orders/use-cart';
import { BulkBuyEstimate } from './BulkBuyEstimate';
import { FilterChips } from './FilterChips';
import { FilterPanel } from './FilterPanel';
import { LeadCard, leadLabel, type LeadSelection } from './LeadCard';
import { Pagination } from './Pagination';
import { ResultsTable } from './ResultsTable';
import { filterStateToSearchParams, marketplaceQueryFromUrl, type FilterState } from './filter-state';
import { isSelectable } from './lead-standing';
import { filterKey, lastPage, matchCountText, pageOffset, readPaging, withPaging, type MarketView, type Paging } from './market-paging';
import { MarketplaceQuery } from './marketplace.operations';
import './marketplace.css';
import { useWideScreen } from './use-wide-screen';

// the drawer loads when first opened: the marketplace is on the first load, the drawer need not be
const LeadDrawer = lazy(() => import('./LeadDrawer').then((m) => ({ default: m.LeadDrawer })));

export function MarketplacePage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => marketplaceQueryFromUrl(params), [params]);
  const paging = readPaging(params);
  const { segments, error: segmentsError } = useSegments();
  const wide = useWideScreen();
  const view: MarketView = paging.view ?? (wide ? 'table' : 'cards');
  const [drawerLead, setDrawerLead] = useState<string | null>(null);
  const closeDrawer = useCallback(() => setDrawerLead(null), []);

  // a new filter or sort starts at page 1; the size and the chosen view stay
  const apply = (state: FilterState) => setParams(withPaging(filterStateToSearchParams(state), { ...paging, page: 1 }));
  const goTo = (next: Partial<Paging>) => setParams(withPaging(filterStateToSearchParams(query.state), { ...paging, ...next }));
  const { user } = useSession();
  const isBuyer = user?.role === 'BUYER';
  const cartApi = useCart(isBuyer ? user.id : null);
  const [problems, setProblems] = useState<OrderProblems['byLead']>({});
  const buying: Buying | null = isBuyer ? { cartApi, problems } : null;

  return (
    <Page title="Marketplace" intro="Verified leads by segment and geography. Contact data stays masked until you buy." wide>
      <div className="marketplace">
        <FilterPanel initial={query.state} initialErrors={query.errors} segments={segments} onApply={apply} />
        <div className="marketplace__results">
          <FilterChips state={query.state} segments={segments} onChange={apply} />
          <div className="toolbar">
            <SelectField
              label="Sort by"
              name="sort"
              className="toolbar__sort"
              value={query.state.sort}
              onChange={(e) => apply({ ...query.state, sort: e.target.value as LeadSort })}
              options={LEAD_SORTS.map((s) => ({ value: s, label: enumLabel(s) }))}
            />
            <div className="view-toggle" role="group" aria-label="View">
              {(['table', 'cards'] as const).map((v) => (
                <button key={v} type="button" className="button button--small button--secondary" aria-pressed={view === v} onClick={() => goTo({ view: v })}>
                  {v === 'table' ? 'Table' : 'Cards'}
                </button>
              ))}
            </div>
          </div>
          <ErrorMessage error={segmentsError} title="Segments could not be loaded" />
          {query.variables ? (
            <LeadResults
              key={filterKey(params)}
              filter={query.variables.filter}
              sort={query.variables.sort}
              paging={paging}
              view={view}
              segments={segments}
              buying={buying}
              onSort={(sort) => apply({ ...query.state, sort })}
              onPage={(page) => goTo({ page })}
              onSize={(size) => goTo({ size, page: 1 })}
              onDetails={setDrawerLead}
            />
          ) : (
            <ErrorMessage error="Some filters are not valid; fix them in the filter panel." />
          )}
        </div>
      </div>
      {drawerLead ? (
        <Suspense fallback={<Loading label="Loading the lead…" />}>
          <LeadDrawer leadId={drawerLead} segments={segments} onClose={closeDrawer} />
        </Suspense>
      ) : null}
      {isBuyer ? <CartBar cartApi={cartApi} onProblems={(p) => setProblems(p.byLead)} /> : null}
    </Page>
  );
}

/** A buyer's selection state, handed to every card and row. */
interface Buying {
  cartApi: CartApi;
  problems: OrderProblems['byLead'];
}

interface LeadResultsProps {
  filter: LeadFilter | null;
  sort: LeadSort;
  paging: Paging;
  view: MarketView;
  segments: readonly SegmentInfo[];
  buying: Buying | null;
  onSort: (sort: LeadSort) => void;
  onPage: (page: number) => void;
  onSize: (size: number) => void;
  onDetails: (leadId: string) => void;
}

function LeadResults({ filter, sort, paging, view, segments, buying, onSort, onPage, onSize, onDetails }: LeadResultsProps) {
  const offset = pageOffset(paging);
  const [result, reexecute] = useQuery({
    query: MarketplaceQuery,
    variables: { filter, sort, first: paging.size, offset: offset ?? 0 },
    pause: offset === null,
  });
  const connection = result.data?.marketplace;
  const error = apiErrorFromGraphql(result.error);
  const count = connection?.totalCountCapped;

  const selectionOf = (lead: LeadCardFieldsFragment): LeadSelection => ({
    selected: isSelectable(lead.myStanding) && buying!.cartApi.cart.lines.some((l) => l.id === lead.id),
    onChange: (selected) => buying!.cartApi.select({ id: lead.id, label: leadLabel(lead, segments), price: lead.price }, selected),
    problem: buying!.problems[lead.id],
  });

  if (offset === null) return <ErrorMessage error="This page is beyond the first 10,000 leads; narrow the filters to see further." />;
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
    return <Loading label="Loading leads…" />;
  }
  const leads = connection.edges.map((e) => e.node);
  return (
    <div className="results">
      <div className="results__head">
        <p className="results__count" role="status">
          {matchCountText(count!)}
        </p>
        {buying ? <BuyMatchingForm filter={filter} matches={count!.count} renderEstimate={(n) => <BulkBuyEstimate filter={filter} quantity={n} />} /> : null}
      </div>
      {leads.length === 0 ? (
        paging.page > 1 ? (
          <EmptyState title="No leads on this page.">Go back to the first page.</EmptyState>
        ) : (
          <EmptyState title="No leads match these filters.">Try fewer filters, a wider price range or an older maximum age.</EmptyState>
        )
      ) : view === 'table' ? (
        <ResultsTable leads={leads} segments={segments} sort={sort} onSort={onSort} onDetails={onDetails} selectionOf={buying ? selectionOf : undefined} />
      ) : (
        <ul className="lead-list" aria-label="Leads">
          {leads.map((lead) => (
            <li key={lead.id}>
              <LeadCard lead={lead} segments={segments} onDetails={onDetails} selection={buying ? selectionOf(lead) : undefined} />
            </li>
          ))}
        </ul>
      )}
      {error ? <ErrorMessage error={error} /> : null}
      {count!.count > paging.size || paging.page > 1 ? (
        <Pagination
          page={paging.page}
          last={lastPage(count!.count, paging.size)}
          size={paging.size}
          hasNext={connection.pageInfo.hasNextPage}
          onPage={onPage}
          onSize={onSize}
        />
      ) : null}
    </div>
  );
}
