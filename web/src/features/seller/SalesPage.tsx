// Seller: every sale of the organization's leads (buyers stay anonymous) and the dashboard over them:
// sales by segment, geography and source channel, and the return rate (sales-metrics.ts).
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { DisputeStatus, MySalesQuery as TMySales, PurchaseStatus } from '../../gql/graphql';
import { useSegments, segmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
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
const TABLE_STEP = 50;
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
          <SalesTable sales={all.nodes} segments={segments} />
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

function SalesTable({ sales, segments }: { sales: Sale[]; segments: readonly SegmentInfo[] }) {
  const [shown, setShown] = useState(TABLE_STEP);
  return (
    <section aria-labelledby="sales-table-title">
      <h2 id="sales-table-title">All sales</h2>
      <div className="table-wrap">
        <table className="table">
          <caption>{sales.length === 1 ? '1 sale' : `${sales.length} sales`}, newest first</caption>
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
              <th scope="col">Dispute</th>
            </tr>
          </thead>
          <tbody>
            {sales.slice(0, shown).map((s) => (
              <tr key={s.id}>
                <td>{formatDateTime(s.purchasedAt)}</td>
                <th scope="row">
                  {segmentName(segments, s.lead.segment)}
                  {s.lead.subsegment ? ` · ${s.lead.subsegment}` : ''}
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
                  <Badge tone={STATUS_TONE[s.status]}>{enumLabel(s.status)}</Badge>
                </td>
                <td>{s.disputeStatus ? <Badge tone={DISPUTE_TONE[s.disputeStatus]}>{enumLabel(s.disputeStatus)}</Badge> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sales.length > shown ? (
        <button type="button" className="button button--secondary load-more" onClick={() => setShown(shown + TABLE_STEP)}>
          Show more
        </button>
      ) : null}
    </section>
  );
}
