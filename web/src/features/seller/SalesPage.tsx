// Seller: every sale of the organization's leads (buyers stay anonymous) and the dashboard over them:
// sales by segment, geography and source channel, and the return rate (sales-metrics.ts).
import { Fragment, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link } from 'react-router';
import type { DisputeStatus, MySalesQuery as TMySales, PurchaseStatus } from '../../gql/graphql';
import { useSegments, segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { DISPUTE_STATUS_WORDS, SALE_STATUS_WORDS } from '../../lib/words';
import { TextField } from '../../lib/ui/fields';
import { LeadHistory } from './LeadHistory';
import { TablePager } from './TablePager';
import { useCursorPager } from './use-cursor-pager';
import './seller-tables.css';
import { enumLabel } from '../../lib/enums';
import { formatDateTime, formatMoney, formatRate } from '../../lib/format';
import { money } from '../../lib/money';
import { usePlatform } from '../../lib/platform';
import { useAllPages } from '../../lib/use-all-pages';
import { Badge, type BadgeTone } from '../../lib/ui/badge';
import { BarList, Metric, type BarDatum } from '../../lib/ui/charts';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { salesBy, summarizeSales, type SalesGroup } from './sales-metrics';
import { MySalesQuery } from './seller.operations';

type Sale = TMySales['mySales']['edges'][number]['node'];
const STATUS_TONE: Record<PurchaseStatus, BadgeTone> = { ESCROW: 'info', SETTLED: 'good', REFUNDED: 'warn' };
const DISPUTE_TONE: Record<DisputeStatus, BadgeTone> = { OPEN: 'info', ACCEPTED: 'bad', REJECTED: 'good' };

export function SalesPage() {
  const all = useAllPages(MySalesQuery, (d) => d.mySales);
  const { segments } = useSegments();
  return (
    <Page title="Sales" wide intro="Every sale of your leads. Net is what you receive after the platform’s commission; refunds come off it.">
      {all.error ? (
        <div>
          <ErrorMessage error={all.error} title="Sales could not be loaded" />
          <button type="button" className="button button--secondary" onClick={all.reload}>
            Try again
          </button>
        </div>
      ) : all.fetching ? (
        <Loading label="Loading sales…" />
      ) : all.nodes.length === 0 ? (
        <EmptyState title="No sales yet.">
          Buyers see your leads once they are listed: <Link to="/seller/listings">my listings</Link>.
        </EmptyState>
      ) : (
        <>
          {all.truncated ? (
            <p className="muted">
              Showing your latest {all.nodes.length} of {all.totalCount} sales.
            </p>
          ) : null}
          <SalesDashboard sales={all.nodes} segments={segments} />
          <SalesTable segments={segments} />
        </>
      )}
    </Page>
  );
}

function SalesDashboard({ sales, segments }: { sales: Sale[]; segments: readonly SegmentInfo[] }) {
  const { currency, minorUnitDigits: digits } = usePlatform();
  const show = (minor: number) => formatMoney(money(minor, currency, digits));
  const view = useMemo(
    () => ({
      total: summarizeSales(sales, digits),
      bySegment: salesBy(sales, 'segment', digits),
      byCountry: salesBy(sales, 'country', digits),
      bySource: salesBy(sales, 'sourceChannel', digits),
    }),
    [sales, digits],
  );
  const bars = (groups: SalesGroup[], label: (key: string) => string): BarDatum[] =>
    groups.map((g) => ({ key: g.key, label: label(g.key), value: g.gross, valueLabel: `${show(g.gross)} · ${g.sales} ${g.sales === 1 ? 'sale' : 'sales'}` }));
  const { total } = view;
  return (
    <section aria-label="Sales dashboard">
      <dl className="metrics" aria-label="Key figures">
        <Metric label="Sales" value={String(total.sales)} detail={`${show(total.gross)} revenue`} />
        <Metric label="Your net" value={show(total.net)} detail={`after ${show(total.commission)} commission`} />
        <Metric label="Refunded" value={show(total.refunded)} detail={`${total.returns} returned`} />
        <Metric label="Return rate" value={total.returnRate === null ? '—' : formatRate(total.returnRate)} detail="accepted disputes / sales" />
      </dl>
      <div className="charts">
        <BarList title="Sales by segment" data={bars(view.bySegment, (k) => segmentName(segments, k))} />
        <BarList title="Sales by country" data={bars(view.byCountry, (k) => k)} />
        <BarList title="Sales by source channel" data={bars(view.bySource, enumLabel)} />
        <BarList
          title="Return rate by segment"
          data={view.bySegment.map((g) => ({
            key: g.key,
            label: segmentName(segments, g.key),
            value: g.returnRate ?? 0,
            valueLabel: `${formatRate(g.returnRate ?? 0)} · ${g.returns} of ${g.sales}`,
          }))}
          note="Returns lower your quality score; buyers see it."
        />
      </div>
    </section>
  );
}

const TABLE_PAGE = 25;

/** Every sale, searchable and paged by the API; a row opens to its lead's history (checks, sales, returns). */
function SalesTable({ segments }: { segments: readonly SegmentInfo[] }) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  return (
    <section aria-labelledby="sales-table-title">
      <h2 id="sales-table-title">All sales</h2>
      <form
        className="form--inline toolbar"
        role="search"
        aria-label="Search sales"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setSearch(typed.trim());
        }}
      >
        <TextField
          label="Search"
          name="q"
          type="search"
          hint="Sale or lead id, your external id, city or segment"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>
      <SalesTablePages key={search} search={search} segments={segments} />
    </section>
  );
}

function SalesTablePages({ search, segments }: { search: string; segments: readonly SegmentInfo[] }) {
  const pager = useCursorPager();
  const [result] = useQuery({ query: MySalesQuery, variables: { first: TABLE_PAGE, after: pager.after, search: search || null } });
  const connection = result.data?.mySales;
  if (!connection) {
    return result.error ? <ErrorMessage error={apiErrorFromGraphql(result.error)} title="Sales could not be loaded" /> : <Loading label="Loading sales…" />;
  }
  if (!connection.edges.length && pager.page === 0) return <EmptyState title="No sales match.">Try another search.</EmptyState>;
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Sales, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Sold</th>
              <th scope="col">Lead</th>
              <th scope="col">Country</th>
              <th scope="col">Source</th>
              <th scope="col">Price</th>
              <th scope="col">Commission</th>
              <th scope="col">Net</th>
              <th scope="col">Status</th>
              <th scope="col">Return</th>
              <th scope="col">History</th>
            </tr>
          </thead>
          <tbody>
            {connection.edges.map((e) => (
              <SaleRow key={e.node.id} sale={e.node} segments={segments} />
            ))}
          </tbody>
        </table>
      </div>
      <TablePager pager={pager} pageSize={TABLE_PAGE} connection={connection} noun={['sale', 'sales']} />
    </>
  );
}

function SaleRow({ sale: s, segments }: { sale: Sale; segments: readonly SegmentInfo[] }) {
  const [open, setOpen] = useState(false);
  const detailsId = `sale-details-${s.id}`;
  return (
    <Fragment>
      <tr>
        <td>{formatDateTime(s.purchasedAt)}</td>
        <th scope="row">
          {segmentName(segments, s.lead.segment)}
          {s.lead.subsegment ? ` · ${subsegmentName(segments, s.lead.segment, s.lead.subsegment)}` : ''}
          <span className="table__sub-text mono">{s.lead.id}</span>
        </th>
        <td>{[s.lead.city, s.lead.country].filter(Boolean).join(', ')}</td>
        <td>{enumLabel(s.lead.sourceChannel)}</td>
        <td>{formatMoney(s.price)}</td>
        <td>{formatMoney(s.commission)}</td>
        <td>
          {formatMoney(s.sellerNet)}
          {Number(s.refunded.amount) > 0 ? <span className="table__sub-text">−{formatMoney(s.refunded)} refunded</span> : null}
        </td>
        <td>
          <Badge tone={STATUS_TONE[s.status]}>{SALE_STATUS_WORDS[s.status]}</Badge>
        </td>
        <td>{s.disputeStatus ? <Badge tone={DISPUTE_TONE[s.disputeStatus]}>{DISPUTE_STATUS_WORDS[s.disputeStatus]}</Badge> : '—'}</td>
        <td>
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={`${open ? 'Hide history' : 'History'} of the lead of sale ${s.id}`}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide history' : 'History'}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="table__detail" id={detailsId}>
          <td colSpan={10}>
            <LeadHistory leadId={s.lead.id} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
